package io.teamsmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fault controls, on Graph and on the token endpoint. */
class FaultsTest {

  @RegisterExtension static final FakeMicrosoftExtension microsoft = new FakeMicrosoftExtension();

  @Test
  void throttleNextAnswers429WithRetryAfterThenServes(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String token = fake.issueAccessToken("ana@contoso.com");
    fake.graph().throttleNext(2, RetryAfter.seconds(7));
    assertThat(fake.graph().pending()).isEqualTo(2);

    for (int i = 0; i < 2; i++) {
      HttpResponse<String> throttled = client.create(token, Client.meetingBody("x"));
      JsonNode error = GraphTest.graphError(throttled, 429, "TooManyRequests");
      assertThat(error.get("message").asText()).isEqualTo("Please retry again later.");
      assertThat(error.at("/innerError/code").asText()).isEqualTo("429");
      assertThat(throttled.headers().firstValue("Retry-After")).contains("7");
    }
    assertThat(fake.meetings()).as("throttled requests are not processed").isEmpty();
    HttpResponse<String> served = client.create(token, Client.meetingBody("x"));
    assertThat(served.statusCode()).isEqualTo(201);
    assertThat(served.headers().firstValue("Retry-After")).isEmpty();
    assertThat(fake.journal().graphCalls())
        .extracting(r -> r.fault().orElse("-"))
        .containsExactly("throttle", "throttle", "-");
  }

  @Test
  void retryAfterComesInItsThreeFormsOrNotAtAll(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String token = fake.issueAccessToken("ana@contoso.com");
    fake.graph()
        .throttleNext(1, RetryAfter.decimalSeconds(Duration.ofMillis(2128)))
        .throttleNext(1, RetryAfter.httpDate(Duration.ofSeconds(30)))
        .throttleNext(1, RetryAfter.none())
        .throttleNext(1, RetryAfter.seconds(0));

    assertThat(client.create(token, "{}").headers().firstValue("Retry-After")).contains("2.128");

    HttpResponse<String> dated = client.create(token, "{}");
    String value = dated.headers().firstValue("Retry-After").orElseThrow();
    Instant retryAt = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    Instant date =
        ZonedDateTime.parse(
                dated.headers().firstValue("Date").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
    assertThat(Duration.between(date, retryAt)).isEqualTo(Duration.ofSeconds(30));
    assertThat(value)
        .matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");

    HttpResponse<String> bare = client.create(token, "{}");
    assertThat(bare.statusCode()).isEqualTo(429);
    assertThat(bare.headers().firstValue("Retry-After")).isEmpty();
    assertThat(client.create(token, "{}").headers().firstValue("Retry-After")).contains("0");
  }

  @Test
  void failNextAnswers503WithOrWithoutRetryAfterOrAnother5xx(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String token = fake.issueAccessToken("ana@contoso.com");
    fake.graph()
        .failNext(1, RetryAfter.seconds(3))
        .failNext(1, RetryAfter.none())
        .failNext(1, 504, RetryAfter.none());
    HttpResponse<String> first = client.create(token, Client.meetingBody("x"));
    GraphTest.graphError(first, 503, "serviceNotAvailable");
    assertThat(first.headers().firstValue("Retry-After")).contains("3");
    HttpResponse<String> second = client.create(token, Client.meetingBody("x"));
    GraphTest.graphError(second, 503, "serviceNotAvailable");
    assertThat(second.headers().firstValue("Retry-After")).isEmpty();
    GraphTest.graphError(client.create(token, Client.meetingBody("x")), 504, "GatewayTimeout");
    assertThat(fake.meetings()).isEmpty();
    assertThat(client.create(token, Client.meetingBody("x")).statusCode()).isEqualTo(201);
  }

  @Test
  void theTokenEndpointCanBeThrottledOrFailWithoutSpendingTheCode(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String verifier = Client.newVerifier();
    String code = client.code(verifier);
    fake.tokenEndpoint().throttleNext(1, RetryAfter.seconds(5)).failNext(1, RetryAfter.none());

    HttpResponse<String> throttled = client.token(client.codeForm(code, verifier));
    TokenTest.error(throttled, 429, "temporarily_unavailable", 90055);
    assertThat(throttled.headers().firstValue("Retry-After")).contains("5");
    HttpResponse<String> failed = client.token(client.codeForm(code, verifier));
    TokenTest.error(failed, 503, "temporarily_unavailable", 90033);

    assertThat(client.token(client.codeForm(code, verifier)).statusCode()).isEqualTo(200);
    assertThat(fake.journal().codeRedemptionCount()).isEqualTo(3);
  }

  @Test
  void graphFaultsDoNotTouchTheTokenEndpointAndViceVersa(FakeMicrosoft fake) {
    Client client = new Client(fake);
    fake.graph().failNext(1, RetryAfter.none());
    JsonNode tokens = client.signIn();
    fake.tokenEndpoint().failNext(1, RetryAfter.none());
    assertThat(client.create(tokens.get("access_token").asText(), "{}").statusCode())
        .isEqualTo(503);
    assertThat(client.token(client.refreshForm(tokens.get("refresh_token").asText())).statusCode())
        .isEqualTo(503);
    assertThat(fake.graph().pending()).isZero();
    assertThat(fake.tokenEndpoint().pending()).isZero();
  }

  @Test
  void resetNextResetsTheConnectionWithoutProcessing(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String token = fake.issueAccessToken("ana@contoso.com");
    fake.graph().resetNext(1);
    assertThatThrownBy(() -> client.create(token, Client.meetingBody("x")))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(fake.meetings()).isEmpty();
    assertThat(fake.journal().graphCalls().get(0).status()).isEqualTo(-1);
    assertThat(fake.journal().graphCalls().get(0).fault()).contains("reset");
    assertThat(client.create(token, Client.meetingBody("x")).statusCode()).isEqualTo(201);

    String verifier = Client.newVerifier();
    String code = client.code(verifier);
    fake.tokenEndpoint().resetNext(1);
    assertThatThrownBy(() -> client.token(client.codeForm(code, verifier)))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(client.token(client.codeForm(code, verifier)).statusCode()).isEqualTo(200);
  }

  @Test
  void malformedNextAnswersAnHtmlBadGatewayWithoutProcessing(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String token = fake.issueAccessToken("ana@contoso.com");
    fake.graph().malformedNext(1);
    HttpResponse<String> page = client.create(token, Client.meetingBody("x"));
    assertThat(page.statusCode()).isEqualTo(502);
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html");
    assertThat(page.body()).contains("<h1>502 Bad Gateway</h1>");
    assertThat(fake.meetings()).isEmpty();
  }

  @Test
  void truncateNextProcessesThenCutsTheBody(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String token = fake.issueAccessToken("ana@contoso.com");
    fake.graph().truncateNext(1);
    HttpResponse<String> cut = client.create(token, Client.meetingBody("x"));
    assertThat(cut.statusCode()).isEqualTo(201);
    assertThatThrownBy(() -> Client.JSON.readTree(cut.body())).isInstanceOf(IOException.class);
    assertThat(fake.meetings("ana@contoso.com")).as("the meeting was created").hasSize(1);

    String verifier = Client.newVerifier();
    String code = client.code(verifier);
    fake.tokenEndpoint().truncateNext(1);
    HttpResponse<String> tokens = client.token(client.codeForm(code, verifier));
    assertThat(tokens.statusCode()).isEqualTo(200);
    assertThat(tokens.body()).startsWith("{\"token_type\":\"Bearer\"").doesNotEndWith("}");
    TokenTest.error(client.token(client.codeForm(code, verifier)), 400, "invalid_grant", 54005);
  }

  @Test
  void slowNextServesLateButCorrectly(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String token = fake.issueAccessToken("ana@contoso.com");
    fake.graph().slowNext(1, Duration.ofMillis(200));
    assertThat(client.create(token, Client.meetingBody("x")).statusCode()).isEqualTo(201);
    assertThat(fake.journal().graphCalls().get(0).fault()).contains("slow");
    assertThat(fake.meetings("ana@contoso.com")).hasSize(1);
  }

  @Test
  void faultsQueueInOrderAndResetClearsThem(FakeMicrosoft fake) {
    fake.graph().malformedNext(2).throttleNext(1, RetryAfter.none()).resetNext(3);
    assertThat(fake.graph().pending()).isEqualTo(6);
    Client client = new Client(fake);
    String token = fake.issueAccessToken("ana@contoso.com");
    assertThat(client.create(token, "{}").statusCode()).isEqualTo(502);
    assertThat(client.create(token, "{}").statusCode()).isEqualTo(502);
    assertThat(client.create(token, "{}").statusCode()).isEqualTo(429);
    assertThat(fake.graph().pending()).isEqualTo(3);
    fake.reset();
    assertThat(fake.graph().pending()).isZero();
    assertThat(client.create(fake.issueAccessToken("ana@contoso.com"), "{}").statusCode())
        .isEqualTo(201);
  }

  @Test
  void controlsRejectNonsense(FakeMicrosoft fake) {
    assertThatThrownBy(() -> fake.graph().throttleNext(0, RetryAfter.none()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.graph().failNext(1, 404, RetryAfter.none()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.graph().failNext(1, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.graph().slowNext(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryAfter.seconds(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.nextSignIn("nobody@contoso.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ana@contoso.com");
    assertThatThrownBy(() -> fake.advanceClock(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unauthorizedNextAnswers401WithoutProcessingAndOnlyOnGraph(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String token = fake.issueAccessToken("ana@contoso.com");
    fake.graph().unauthorizedNext(1);

    HttpResponse<String> refused = client.create(token, Client.meetingBody("x"));
    GraphTest.graphError(refused, 401, "InvalidAuthenticationToken");
    assertThat(refused.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
    assertThat(fake.meetings()).as("a refused request is not processed").isEmpty();
    assertThat(client.create(token, Client.meetingBody("x")).statusCode()).isEqualTo(201);
    assertThat(fake.journal().graphCalls())
        .extracting(r -> r.fault().orElse("-"))
        .containsExactly("unauthorized", "-");
    assertThatThrownBy(() -> fake.tokenEndpoint().unauthorizedNext(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unauthorizedNext");
  }

  @Test
  void omitRefreshTokenNextLeavesThePresentedRefreshTokenValid(FakeMicrosoft fake) {
    fake.revokeRefreshTokenOnUse(true);
    Client client = new Client(fake);
    String first = client.signIn().get("refresh_token").asText();
    fake.tokenEndpoint().omitRefreshTokenNext(1);

    HttpResponse<String> refreshed = client.token(client.refreshForm(first));
    assertThat(refreshed.statusCode()).isEqualTo(200);
    JsonNode body = Client.json(refreshed);
    assertThat(body.has("refresh_token")).isFalse();
    assertThat(body.get("access_token").asText()).startsWith("EwA");
    assertThat(body.get("expires_in").asLong()).isPositive();
    assertThat(
            client.create(body.get("access_token").asText(), Client.meetingBody("x")).statusCode())
        .isEqualTo(201);

    HttpResponse<String> again = client.token(client.refreshForm(first));
    assertThat(again.statusCode())
        .as("not rotated: the presented token still works")
        .isEqualTo(200);
    String second = Client.json(again).get("refresh_token").asText();
    assertThat(second).isNotEqualTo(first);
    TokenTest.error(client.token(client.refreshForm(first)), 400, "invalid_grant", 70008);
    assertThat(client.token(client.refreshForm(second)).statusCode()).isEqualTo(200);
    assertThat(fake.journal().tokenRequests())
        .extracting(r -> r.fault().orElse("-"))
        .contains("omit-refresh-token");
    assertThatThrownBy(() -> fake.graph().omitRefreshTokenNext(1))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void omitExpiresInNextDropsBothLifetimesButTheTokenStillWorks(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String refresh = client.signIn().get("refresh_token").asText();
    fake.tokenEndpoint().omitExpiresInNext(1);

    JsonNode body = Client.json(client.token(client.refreshForm(refresh)));
    assertThat(body.has("expires_in")).isFalse();
    assertThat(body.has("ext_expires_in")).isFalse();
    assertThat(body.has("refresh_token")).isTrue();
    assertThat(
            client.create(body.get("access_token").asText(), Client.meetingBody("x")).statusCode())
        .isEqualTo(201);
    assertThat(
            Client.json(client.token(client.refreshForm(body.get("refresh_token").asText())))
                .has("expires_in"))
        .as("only the next answer")
        .isTrue();
  }

  @Test
  void omitFaultsLeaveErrorAnswersAsTheyAre(FakeMicrosoft fake) {
    Client client = new Client(fake);
    fake.tokenEndpoint().omitRefreshTokenNext(1);
    TokenTest.error(
        client.token(client.refreshForm("1.AXoAnot-a-token")), 400, "invalid_grant", 9002313);
    assertThat(fake.tokenEndpoint().pending()).isZero();
  }
}
