package io.teamsmeet.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Faults#stallBodyNext} and {@link Faults#dribbleNext}, seen byte by byte on a plain socket:
 * the head arrives at once with the whole body's {@code Content-Length}, then half the body and
 * silence, or the whole body a few bytes at a time; the request took effect; reset and close end a
 * stalled answer.
 */
class SlowBodyFaultsTest {

  @RegisterExtension static final FakeMicrosoftExtension microsoft = new FakeMicrosoftExtension();

  private static RawExchange create(FakeMicrosoft fake, String token) throws IOException {
    return RawExchange.send(
        URI.create(fake.graphBaseUri() + "/v1.0/me/onlineMeetings"),
        "POST",
        Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
        Client.meetingBody("x"));
  }

  private static RawExchange redeem(FakeMicrosoft fake, Client client, String code, String verifier)
      throws IOException {
    return RawExchange.send(
        URI.create(fake.identityBaseUri() + "/organizations/oauth2/v2.0/token"),
        "POST",
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        Client.form(client.codeForm(code, verifier)));
  }

  /** Nothing more arrives for a while: a read times out (the silence is what is asserted). */
  private static void assertSilent(RawExchange exchange) throws IOException {
    exchange.socket.setSoTimeout(300);
    assertThatThrownBy(exchange.in::read).isInstanceOf(SocketTimeoutException.class);
    exchange.socket.setSoTimeout(10_000);
  }

  @Test
  void aStalledGraphAnswerSendsItsHeadAndHalfItsBodyThenNothingUntilReset(FakeMicrosoft fake)
      throws IOException {
    String token = fake.issueAccessToken("ana@contoso.com");
    fake.graph().stallBodyNext(1);

    try (RawExchange exchange = create(fake, token)) {
      assertThat(exchange.status).isEqualTo(201);
      assertThat(exchange.headers.get("content-type")).startsWith("application/json");
      int length = exchange.contentLength();
      assertThat(exchange.readBody(length / 2)).hasSize(length / 2);
      assertSilent(exchange);
      assertThat(fake.meetings("ana@contoso.com")).as("the meeting was created").hasSize(1);
      assertThat(fake.journal().graphCalls().get(0).fault()).contains("stall-body");

      fake.reset();

      assertThat(exchange.in.read())
          .as("the connection is closed, the body cut short")
          .isEqualTo(-1);
    }
    String again = fake.issueAccessToken("ana@contoso.com");
    assertThat(new Client(fake).create(again, Client.meetingBody("y")).statusCode())
        .as("served normally afterwards")
        .isEqualTo(201);
  }

  @Test
  void aStalledTokenAnswerHasSpentTheCode(FakeMicrosoft fake) throws IOException {
    Client client = new Client(fake);
    String verifier = Client.newVerifier();
    String code = client.code(verifier);
    fake.tokenEndpoint().stallBodyNext(1);

    try (RawExchange exchange = redeem(fake, client, code, verifier)) {
      assertThat(exchange.status).isEqualTo(200);
      int length = exchange.contentLength();
      assertThat(new String(exchange.readBody(length / 2), UTF_8)).startsWith("{\"token_type\"");
      assertSilent(exchange);
      TokenTest.error(client.token(client.codeForm(code, verifier)), 400, "invalid_grant", 54005);
    }
  }

  @Test
  void closingTheFakeEndsAStalledAnswer() throws IOException {
    FakeMicrosoft fake = FakeMicrosoft.start();
    try {
      fake.graph().stallBodyNext(1);
      try (RawExchange exchange = create(fake, fake.issueAccessToken("ana@contoso.com"))) {
        exchange.readBody(exchange.contentLength() / 2);
        assertSilent(exchange);

        fake.close();

        assertThat(exchange.in.read()).isEqualTo(-1);
      }
    } finally {
      fake.close();
    }
  }

  @Test
  void aDribbledAnswerIsWholeAndCorrectButArrivesAFewBytesAtATime(FakeMicrosoft fake)
      throws IOException {
    String token = fake.issueAccessToken("ana@contoso.com");
    int bytesPerSecond = 2000;
    fake.graph().dribbleNext(1, bytesPerSecond);

    try (RawExchange exchange = create(fake, token)) {
      long start = System.nanoTime();
      assertThat(exchange.status).isEqualTo(201);
      int length = exchange.contentLength();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      byte[] buffer = new byte[length];
      int reads = 0;
      while (body.size() < length) {
        int n = exchange.in.read(buffer);
        assertThat(n).isPositive();
        body.write(buffer, 0, n);
        reads++;
      }
      long millis = (System.nanoTime() - start) / 1_000_000;

      JsonNode meeting = Client.JSON.readTree(body.toByteArray());
      assertThat(meeting.get("joinWebUrl").asText()).startsWith("https://");
      assertThat(reads).as("many small pieces").isGreaterThan(5);
      // a lower bound: the fake waits between pieces, it cannot be faster
      assertThat(millis).isGreaterThanOrEqualTo(length * 1000L / bytesPerSecond / 2);
    }
    assertThat(fake.meetings("ana@contoso.com")).hasSize(1);
    assertThat(fake.journal().graphCalls().get(0).fault()).contains("dribble");
  }

  @Test
  void aDribbledTokenAnswerIsWhole(FakeMicrosoft fake) throws IOException {
    Client client = new Client(fake);
    String verifier = Client.newVerifier();
    String code = client.code(verifier);
    fake.tokenEndpoint().dribbleNext(1, 20_000);

    try (RawExchange exchange = redeem(fake, client, code, verifier)) {
      JsonNode tokens = Client.JSON.readTree(exchange.readBody(exchange.contentLength()));
      assertThat(tokens.get("access_token").asText()).isNotBlank();
    }
    assertThat(fake.journal().tokenRequests("authorization_code").get(0).fault())
        .contains("dribble");
  }

  @Test
  void dribbleNeedsAPositiveRate(FakeMicrosoft fake) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fake.graph().dribbleNext(1, 0))
        .withMessageContaining("bytesPerSecond");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fake.tokenEndpoint().stallBodyNext(0))
        .withMessageContaining("count");
  }
}
