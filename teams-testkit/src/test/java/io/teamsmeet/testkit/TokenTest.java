package io.teamsmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token endpoint: PKCE, single-use codes, expiry, client authentication, refresh, revocation.
 */
class TokenTest {

  static final String SECRET = "correct horse battery staple";

  @RegisterExtension
  static final FakeMicrosoftExtension microsoft =
      new FakeMicrosoftExtension(
          FakeMicrosoft.builder()
              .app(FakeMicrosoft.DEFAULT_CLIENT_ID, FakeMicrosoft.DEFAULT_REDIRECT_URI)
              .app("confidential", URI.create("https://app.example/cb"), SECRET)
              .account(FakeAccount.of("ana@contoso.com", "Ana Souza"))
              .account(FakeAccount.of("bob@contoso.com", "Bob Kelly")));

  /** Asserts Microsoft's token error shape and returns the body. */
  static JsonNode error(HttpResponse<String> response, int status, String error, int code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/json; charset=utf-8");
    JsonNode body = Client.json(response);
    assertThat(FlowTest.fieldNames(body))
        .startsWith(
            "error",
            "error_description",
            "error_codes",
            "timestamp",
            "trace_id",
            "correlation_id",
            "error_uri");
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("error_codes").size()).isEqualTo(1);
    assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(code);
    Matcher description = AuthorizeTest.DESCRIPTION.matcher(body.get("error_description").asText());
    assertThat(description.matches()).as(body.get("error_description").asText()).isTrue();
    assertThat(description.group(1)).isEqualTo(Integer.toString(code));
    assertThat(body.get("timestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
    assertThat(body.get("error_uri").asText())
        .isEqualTo("https://login.microsoftonline.com/error?code=" + code);
    assertThat(body.get("error_description").asText())
        .contains("Trace ID: " + body.get("trace_id").asText())
        .contains("Correlation ID: " + body.get("correlation_id").asText());
    assertThat(response.headers().firstValue("x-ms-request-id"))
        .contains(body.get("trace_id").asText());
    return body;
  }

  @Test
  void aCodeRedeemsOnceOnly(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String verifier = Client.newVerifier();
    String code = client.code(verifier);
    assertThat(client.token(client.codeForm(code, verifier)).statusCode()).isEqualTo(200);
    error(client.token(client.codeForm(code, verifier)), 400, "invalid_grant", 54005);
  }

  @Test
  void theVerifierMustHashToTheChallenge(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String verifier = Client.newVerifier();
    String code = client.code(verifier);
    error(client.token(client.codeForm(code, Client.newVerifier())), 400, "invalid_grant", 501481);
    Map<String, String> noVerifier = client.codeForm(code, verifier);
    noVerifier.remove("code_verifier");
    error(client.token(noVerifier), 400, "invalid_grant", 501481);
    // a failed attempt does not spend the code
    assertThat(client.token(client.codeForm(code, verifier)).statusCode()).isEqualTo(200);
  }

  @Test
  void aCodeExpiresAfterTenMinutesOfTheFakeClock(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String verifier = Client.newVerifier();
    String fresh = client.code(verifier);
    fake.advanceClock(Duration.ofMinutes(10).minusMillis(1));
    assertThat(client.token(client.codeForm(fresh, verifier)).statusCode()).isEqualTo(200);

    String stale = client.code(verifier);
    fake.advanceClock(Duration.ofMinutes(10));
    error(client.token(client.codeForm(stale, verifier)), 400, "invalid_grant", 70008);
  }

  @Test
  void aCodeIsBoundToItsRedirectUriAndClient(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String verifier = Client.newVerifier();
    String code = client.code(verifier);

    Map<String, String> otherPort = client.codeForm(code, verifier);
    otherPort.put("redirect_uri", "http://localhost:9999/callback");
    error(client.token(otherPort), 400, "invalid_grant", 70000);

    Map<String, String> unregistered = client.codeForm(code, verifier);
    unregistered.put("redirect_uri", "https://elsewhere.example/cb");
    error(client.token(unregistered), 400, "invalid_request", 50011);

    Map<String, String> otherClient = client.codeForm(code, verifier);
    otherClient.put("client_id", "confidential");
    otherClient.put("client_secret", SECRET);
    otherClient.put("redirect_uri", "https://app.example/cb");
    error(client.token(otherClient), 400, "invalid_grant", 70000);

    assertThat(client.token(client.codeForm(code, verifier)).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownCodesAndMissingParametersAreRejected(FakeMicrosoft fake) {
    Client client = new Client(fake);
    error(client.token(client.codeForm("1.AXoAnotacode", "v")), 400, "invalid_grant", 9002313);
    Map<String, String> noCode = client.codeForm("x", "v");
    noCode.remove("code");
    assertThat(
            error(client.token(noCode), 400, "invalid_request", 900144)
                .get("error_description")
                .asText())
        .contains("'code'");
    Map<String, String> noGrant = client.codeForm("x", "v");
    noGrant.remove("grant_type");
    error(client.token(noGrant), 400, "invalid_request", 900144);
    Map<String, String> noClient = client.codeForm("x", "v");
    noClient.remove("client_id");
    error(client.token(noClient), 400, "invalid_request", 900144);
    Map<String, String> password = client.codeForm("x", "v");
    password.put("grant_type", "password");
    error(client.token(password), 400, "unsupported_grant_type", 70003);
    Map<String, String> unknownClient = client.codeForm("x", "v");
    unknownClient.put("client_id", "who");
    error(client.token(unknownClient), 400, "unauthorized_client", 700016);
  }

  @Test
  void aConfidentialClientsSecretIsChecked(FakeMicrosoft fake) {
    Client client = new Client(fake).app("confidential", "https://app.example/cb", SECRET);
    String verifier = Client.newVerifier();
    String code = client.code(verifier);

    Map<String, String> wrong = client.codeForm(code, verifier);
    wrong.put("client_secret", "guess");
    error(client.token(wrong), 401, "invalid_client", 7000215);

    Map<String, String> none = client.codeForm(code, verifier);
    none.remove("client_secret");
    error(client.token(none), 401, "invalid_client", 7000218);

    assertThat(client.token(client.codeForm(code, verifier)).statusCode()).isEqualTo(200);
  }

  @Test
  void aPublicClientMustNotSendASecret(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String verifier = Client.newVerifier();
    Map<String, String> form = client.codeForm(client.code(verifier), verifier);
    form.put("client_secret", "anything");
    error(client.token(form), 401, "invalid_client", 700025);
  }

  @Test
  void theClientRequestIdBecomesTheCorrelationIdAndIsEchoed(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String id = "5b9f2d1a-8c3e-4f5a-9b1c-2d3e4f5a6b7c";
    HttpResponse<String> response =
        client.token(client.codeForm("bad", "v"), Map.of("client-request-id", id));
    assertThat(error(response, 400, "invalid_grant", 9002313).get("correlation_id").asText())
        .isEqualTo(id);
    assertThat(response.headers().firstValue("client-request-id")).contains(id);
  }

  @Test
  void refreshTokensRotateAndTheOldOneStillWorksLikeMicrosofts(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String first = client.signIn().get("refresh_token").asText();
    JsonNode second = Client.json(client.token(client.refreshForm(first)));
    assertThat(second.get("refresh_token").asText()).isNotEqualTo(first);
    JsonNode third = Client.json(client.token(client.refreshForm(first)));
    assertThat(third.get("refresh_token").asText())
        .isNotIn(first, second.get("refresh_token").asText());
    assertThat(fake.refreshCount()).isEqualTo(2);
  }

  @Test
  void refreshTokensCanBeRevokedOnUse(FakeMicrosoft fake) {
    fake.revokeRefreshTokenOnUse(true);
    Client client = new Client(fake);
    String first = client.signIn().get("refresh_token").asText();
    String second =
        Client.json(client.token(client.refreshForm(first))).get("refresh_token").asText();
    error(client.token(client.refreshForm(first)), 400, "invalid_grant", 70008);
    assertThat(client.token(client.refreshForm(second)).statusCode()).isEqualTo(200);
  }

  @Test
  void revokedGrantsFailWith50173WhileAccessTokensLiveOn(FakeMicrosoft fake) {
    Client client = new Client(fake);
    JsonNode ana = client.signIn();
    fake.nextSignIn("bob@contoso.com");
    JsonNode bob = client.signIn();

    fake.revokeGrants("ana@contoso.com");

    JsonNode body =
        error(
            client.token(client.refreshForm(ana.get("refresh_token").asText())),
            400,
            "invalid_grant",
            50173);
    assertThat(body.get("error_description").asText()).contains("TokensValidFrom");
    assertThat(client.token(client.refreshForm(bob.get("refresh_token").asText())).statusCode())
        .isEqualTo(200);
    assertThat(
            client
                .create(ana.get("access_token").asText(), Client.meetingBody("still"))
                .statusCode())
        .isEqualTo(201);

    // signing in again gives a grant that works
    JsonNode again = client.signIn();
    assertThat(client.token(client.refreshForm(again.get("refresh_token").asText())).statusCode())
        .isEqualTo(200);
  }

  @Test
  void refreshTokensExpire(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String refresh = client.signIn().get("refresh_token").asText();
    fake.advanceClock(Duration.ofDays(90));
    error(client.token(client.refreshForm(refresh)), 400, "invalid_grant", 70008);
  }

  @Test
  void aRefreshTokenIsBoundToItsClientAndScopes(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String refresh = client.signIn().get("refresh_token").asText();

    Client other = new Client(fake).app("confidential", "https://app.example/cb", SECRET);
    error(other.token(other.refreshForm(refresh)), 400, "invalid_grant", 70000);

    Map<String, String> more = client.refreshForm(refresh);
    more.put("scope", "OnlineMeetings.ReadWrite Calendars.ReadWrite offline_access");
    assertThat(error(client.token(more), 400, "invalid_grant", 65001).get("suberror").asText())
        .isEqualTo("consent_required");

    Map<String, String> fewer = client.refreshForm(refresh);
    fewer.put("scope", "https://graph.microsoft.com/OnlineMeetings.ReadWrite");
    JsonNode tokens = Client.json(client.token(fewer));
    assertThat(tokens.get("scope").asText())
        .isEqualTo("https://graph.microsoft.com/OnlineMeetings.ReadWrite");
    assertThat(tokens.has("refresh_token")).isTrue();

    error(client.token(client.refreshForm("garbage")), 400, "invalid_grant", 9002313);
  }

  @Test
  void issuedShortcutTokensWork(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String access = fake.issueAccessToken("bob@contoso.com");
    assertThat(client.create(access, Client.meetingBody("shortcut")).statusCode()).isEqualTo(201);
    assertThat(fake.meetings("bob@contoso.com")).hasSize(1);

    Client confidential = new Client(fake).app("confidential", "https://app.example/cb", SECRET);
    String refresh = fake.issueRefreshToken("confidential", "ana@contoso.com");
    assertThat(confidential.token(confidential.refreshForm(refresh)).statusCode()).isEqualTo(200);
  }

  @Test
  void theTokenEndpointAcceptsOnlyPost(FakeMicrosoft fake) {
    Client client = new Client(fake);
    HttpResponse<String> response =
        client.get(URI.create(fake.identityBaseUri() + "/common/oauth2/v2.0/token"));
    error(response, 400, "invalid_request", 900561);
  }
}
