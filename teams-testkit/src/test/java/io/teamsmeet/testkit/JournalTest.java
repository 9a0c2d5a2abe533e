package io.teamsmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.testkit.RecordedRequest.Endpoint;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The journal: what was received, exact counts, redacted printing, reset. */
class JournalTest {

  @RegisterExtension static final FakeMicrosoftExtension microsoft = new FakeMicrosoftExtension();

  @Test
  void itRecordsHeadersFormBodiesAndGraphCallsWithTheirAnswers(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String verifier = Client.newVerifier();
    String code = client.code(verifier);
    fake.advanceClock(Duration.ofSeconds(5));
    String refresh =
        Client.json(
                client.token(client.codeForm(code, verifier), Map.of("client-request-id", "abc")))
            .get("refresh_token")
            .asText();
    String access =
        Client.json(client.token(client.refreshForm(refresh))).get("access_token").asText();
    String id = Client.json(client.create(access, Client.meetingBody("x"))).get("id").asText();
    client.graph("GET", Client.meetingPath(id), access, null);

    Journal journal = fake.journal();
    assertThat(journal.all())
        .extracting(RecordedRequest::endpoint)
        .containsExactly(
            Endpoint.AUTHORIZE, Endpoint.TOKEN, Endpoint.TOKEN, Endpoint.GRAPH, Endpoint.GRAPH);
    RecordedRequest authorize = journal.authorizeRequests().get(0);
    assertThat(authorize.method()).isEqualTo("GET");
    assertThat(authorize.query("code_challenge_method")).contains("S256");
    assertThat(authorize.status()).isEqualTo(302);

    RecordedRequest redemption = journal.tokenRequests("authorization_code").get(0);
    assertThat(redemption.formParam("code_verifier")).contains(verifier);
    assertThat(redemption.formParam("redirect_uri")).contains(client.redirectUri);
    assertThat(redemption.header("CLIENT-REQUEST-ID")).contains("abc");
    assertThat(redemption.header("content-type")).contains("application/x-www-form-urlencoded");
    assertThat(redemption.receivedAt()).isEqualTo(authorize.receivedAt().plusSeconds(5));
    assertThat(redemption.body()).contains("grant_type=authorization_code");

    RecordedRequest refreshRequest = journal.tokenRequests("refresh_token").get(0);
    assertThat(refreshRequest.formParam("scope")).contains(Client.SCOPES);
    assertThat(journal.refreshCount()).isEqualTo(1);
    assertThat(fake.refreshCount()).isEqualTo(1);
    assertThat(journal.codeRedemptionCount()).isEqualTo(1);

    assertThat(journal.graphCalls("post"))
        .singleElement()
        .satisfies(
            post -> {
              assertThat(post.path()).isEqualTo("/graph.microsoft.com/v1.0/me/onlineMeetings");
              assertThat(post.header("Authorization")).contains("Bearer " + access);
              assertThat(post.body()).contains("\"subject\":\"x\"");
              assertThat(post.status()).isEqualTo(201);
            });
    RecordedRequest get = journal.graphCalls("GET").get(0);
    assertThat(get.path()).endsWith(Client.meetingPath(id)).contains("%3A");
    assertThat(get.pathSegments()).last().isEqualTo(id);
    assertThat(journal.count(Endpoint.GRAPH)).isEqualTo(2);
  }

  @Test
  void toStringNeverShowsTokensOrSecrets(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String refresh = client.signIn().get("refresh_token").asText();
    client.token(client.refreshForm(refresh));
    String printed = fake.journal().all().toString() + fake.journal();
    assertThat(printed)
        .doesNotContain(refresh)
        .contains("grant_type=refresh_token")
        .contains("-> 200");
  }

  @Test
  void theListsAreBoundedButTheCountsExact() {
    try (FakeMicrosoft fake = FakeMicrosoft.builder().journalLimit(3).start()) {
      Client client = new Client(fake);
      String refresh = client.signIn().get("refresh_token").asText();
      for (int i = 0; i < 5; i++) {
        client.token(client.refreshForm(refresh));
      }
      assertThat(fake.journal().all()).hasSize(3);
      assertThat(fake.refreshCount()).isEqualTo(5);
      assertThat(fake.journal().count(Endpoint.TOKEN)).isEqualTo(6);
    }
  }

  @Test
  void resetEmptiesTheJournalAndForgetsTokensAndMeetings(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String access = client.signIn().get("access_token").asText();
    client.create(access, Client.meetingBody("x"));
    fake.reset();
    assertThat(fake.journal().all()).isEmpty();
    assertThat(fake.refreshCount()).isZero();
    assertThat(fake.meetings()).isEmpty();
    assertThat(client.create(access, Client.meetingBody("x")).statusCode()).isEqualTo(401);
  }
}
