package io.teamsmeet.testkit.example;

import static java.net.http.HttpRequest.BodyPublishers.ofString;
import static java.net.http.HttpResponse.BodyHandlers.discarding;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamsmeet.testkit.FakeAccount;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.testkit.FakeMicrosoftExtension;
import io.teamsmeet.testkit.RetryAfter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The example in FakeMicrosoft's Javadoc, kept compiling and passing here; it uses the public API
// only (another package). Keep the two in step.
class MeetingFlowTest {

  @RegisterExtension
  static final FakeMicrosoftExtension microsoft =
      new FakeMicrosoftExtension(
          FakeMicrosoft.builder()
              .app("my-client-id", URI.create("http://localhost/callback"), "my-secret")
              .account(FakeAccount.of("ana@contoso.com", "Ana Souza")));

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void connectsAndCreatesAMeeting(FakeMicrosoft fake) throws Exception {
    String redirectUri = URLEncoder.encode("http://localhost/callback", UTF_8);
    String verifier = "a-verifier-of-43-to-128-characters-from-the-unreserved-set-0123";
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(UTF_8)));

    // 1. The browser goes to the authorize endpoint; the fake redirects back with a code.
    URI authorize =
        URI.create(
            fake.identityBaseUri()
                + "/organizations/oauth2/v2.0/authorize"
                + "?client_id=my-client-id&response_type=code&state=s1&redirect_uri="
                + redirectUri
                + "&scope="
                + URLEncoder.encode("OnlineMeetings.ReadWrite offline_access openid", UTF_8)
                + "&code_challenge="
                + challenge
                + "&code_challenge_method=S256");
    HttpResponse<Void> redirect =
        http.send(HttpRequest.newBuilder(authorize).build(), discarding());
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("http://localhost/callback?code=").contains("&state=s1");
    String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");

    // 2. The callback redeems the code with the verifier.
    HttpResponse<String> tokens =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(fake.identityBaseUri() + "/organizations/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    ofString(
                        "grant_type=authorization_code&client_id=my-client-id"
                            + "&client_secret=my-secret&code="
                            + code
                            + "&code_verifier="
                            + verifier
                            + "&redirect_uri="
                            + redirectUri))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode grant = json.readTree(tokens.body());
    assertThat(grant.get("refresh_token")).isNotNull();

    // 3. Graph creates a meeting for the signed-in user.
    HttpRequest create =
        HttpRequest.newBuilder(URI.create(fake.graphBaseUri() + "/v1.0/me/onlineMeetings"))
            .header("Authorization", "Bearer " + grant.get("access_token").asText())
            .header("Content-Type", "application/json")
            .POST(
                ofString(
                    "{\"subject\":\"Design review\","
                        + "\"startDateTime\":\"2030-01-01T10:00:00Z\",\"endDateTime\":\"2030-01-01T10:30:00Z\"}"))
            .build();
    assertThat(http.send(create, discarding()).statusCode()).isEqualTo(201);
    assertThat(fake.meetings("ana@contoso.com"))
        .singleElement()
        .satisfies(m -> assertThat(m.subject()).contains("Design review"));

    // 4. The controls: throttle Graph, expire the token on the shared clock, read the journal.
    fake.graph().throttleNext(1, RetryAfter.seconds(2));
    assertThat(http.send(create, discarding()).statusCode()).isEqualTo(429);
    fake.advanceClock(Duration.ofHours(2));
    assertThat(http.send(create, discarding()).statusCode()).isEqualTo(401);
    assertThat(fake.journal().codeRedemptionCount()).isEqualTo(1);
    assertThat(fake.refreshCount()).isZero();
  }
}
