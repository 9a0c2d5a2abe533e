package io.teamsmeet.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole journey a real client makes: authorize, redeem, call Graph, refresh, call again. */
class FlowTest {

  static final URI WEB_REDIRECT = URI.create("https://app.example/ms/callback");

  @RegisterExtension
  static final FakeMicrosoftExtension microsoft =
      new FakeMicrosoftExtension(
          FakeMicrosoft.builder()
              .app(FakeMicrosoft.DEFAULT_CLIENT_ID, FakeMicrosoft.DEFAULT_REDIRECT_URI)
              .app("web-app", WEB_REDIRECT, "s3cret value+/=")
              .account(FakeAccount.of("ana@contoso.com", "Ana Souza"))
              .account(FakeAccount.of("bob@fabrikam.com", "Bob Kelly")));

  @Test
  void aPublicClientSignsInCreatesAMeetingRefreshesAndCreatesAnother(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String verifier = Client.newVerifier();

    // 1. authorize: a 302 back to the redirect URI with code, state and session_state
    HttpResponse<String> redirect =
        client.get(client.authorizeUri(client.authorizeParams(verifier, "opaque state/+=")));
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Cache-Control")).contains("no-store, no-cache");
    Map<String, String> callback = client.redirectQuery(redirect);
    assertThat(callback).containsOnlyKeys("code", "state", "session_state");
    assertThat(callback.get("state")).isEqualTo("opaque state/+=");

    // 2. token: the code with its verifier
    HttpResponse<String> response = client.token(client.codeForm(callback.get("code"), verifier));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store, no-cache");
    JsonNode tokens = Client.json(response);
    assertThat(fieldNames(tokens))
        .containsExactly(
            "token_type",
            "scope",
            "expires_in",
            "ext_expires_in",
            "access_token",
            "refresh_token",
            "id_token");
    assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(tokens.get("expires_in").asInt()).isEqualTo(3600);
    assertThat(tokens.get("ext_expires_in").asInt()).isEqualTo(3600);
    assertThat(tokens.get("scope").asText())
        .isEqualTo("https://graph.microsoft.com/OnlineMeetings.ReadWrite openid profile");

    // 3. Graph with the bearer token
    HttpResponse<String> created =
        client.create(tokens.get("access_token").asText(), Client.meetingBody("First"));
    assertThat(created.statusCode()).isEqualTo(201);

    // 4. refresh: a new access token and a rotated refresh token
    HttpResponse<String> refreshed =
        client.token(client.refreshForm(tokens.get("refresh_token").asText()));
    assertThat(refreshed.statusCode()).isEqualTo(200);
    JsonNode second = Client.json(refreshed);
    assertThat(second.get("access_token").asText())
        .isNotEqualTo(tokens.get("access_token").asText());
    assertThat(second.get("refresh_token").asText())
        .isNotEqualTo(tokens.get("refresh_token").asText());
    assertThat(second.has("id_token")).isTrue();

    // 5. Graph again with the new token
    assertThat(
            client
                .create(second.get("access_token").asText(), Client.meetingBody("Second"))
                .statusCode())
        .isEqualTo(201);

    assertThat(fake.meetings("ana@contoso.com"))
        .extracting(m -> m.subject().orElseThrow())
        .containsExactly("First", "Second");
    assertThat(fake.refreshCount()).isEqualTo(1);
    assertThat(fake.journal().codeRedemptionCount()).isEqualTo(1);
    assertThat(fake.journal().graphCallCount()).isEqualTo(2);
  }

  @Test
  void theIdTokenIsAThreePartJwtWithTheAccountsClaims(FakeMicrosoft fake) throws Exception {
    fake.nextSignIn("bob@fabrikam.com");
    Client client = new Client(fake);
    Map<String, String> params = client.authorizeParams(Client.newVerifier(), "s");
    params.put("nonce", "n-0S6_WzA2Mj");
    String verifier = Client.newVerifier();
    params.put("code_challenge", Client.challenge(verifier));
    String code = client.authorize(params).get("code");
    JsonNode tokens = Client.json(client.token(client.codeForm(code, verifier)));

    String[] parts = tokens.get("id_token").asText().split("\\.");
    assertThat(parts).hasSize(3);
    JsonNode header = Client.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims =
        Client.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8));
    FakeAccount bob = fake.account("bob@fabrikam.com");
    assertThat(header.get("typ").asText()).isEqualTo("JWT");
    assertThat(claims.get("tid").asText()).isEqualTo(bob.tenantId());
    assertThat(claims.get("oid").asText()).isEqualTo(bob.objectId());
    assertThat(claims.get("preferred_username").asText()).isEqualTo("bob@fabrikam.com");
    assertThat(claims.get("name").asText()).isEqualTo("Bob Kelly");
    assertThat(claims.get("aud").asText()).isEqualTo(FakeMicrosoft.DEFAULT_CLIENT_ID);
    assertThat(claims.get("iss").asText())
        .isEqualTo(fake.identityBaseUri() + "/" + bob.tenantId() + "/v2.0");
    assertThat(claims.get("nonce").asText()).isEqualTo("n-0S6_WzA2Mj");
    assertThat(claims.get("exp").asLong())
        .isEqualTo(fake.clock().instant().getEpochSecond() + 3600);
  }

  @Test
  void nextIdTokenClaimsReplacesClaimsOfTheNextIdTokenOnly(FakeMicrosoft fake) throws Exception {
    Client client = new Client(fake);
    FakeAccount ana = fake.account("ana@contoso.com");
    fake.nextIdTokenClaims(Map.of("aud", "another-app", "tid", "another-tenant"));

    JsonNode first = idTokenClaims(client.signIn());
    JsonNode second = idTokenClaims(client.signIn());

    assertThat(first.get("aud").asText()).isEqualTo("another-app");
    assertThat(first.get("tid").asText()).isEqualTo("another-tenant");
    assertThat(first.get("iss").asText())
        .as("the other claims stay")
        .isEqualTo(fake.identityBaseUri() + "/" + ana.tenantId() + "/v2.0");
    assertThat(second.get("aud").asText()).isEqualTo(FakeMicrosoft.DEFAULT_CLIENT_ID);
    assertThat(second.get("tid").asText()).isEqualTo(ana.tenantId());

    fake.nextIdTokenClaims(Map.of("aud", "another-app"));
    fake.reset();
    assertThat(idTokenClaims(client.signIn()).get("aud").asText())
        .as("reset clears it")
        .isEqualTo(FakeMicrosoft.DEFAULT_CLIENT_ID);
  }

  private static JsonNode idTokenClaims(JsonNode tokens) throws Exception {
    String payload = tokens.get("id_token").asText().split("\\.")[1];
    return Client.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), UTF_8));
  }

  @Test
  void aConfidentialClientAuthenticatesWithItsSecretInTheFormOrWithBasic(FakeMicrosoft fake) {
    Client client = new Client(fake).app("web-app", WEB_REDIRECT.toString(), "s3cret value+/=");
    assertThat(client.signIn().get("access_token").asText()).isNotBlank();

    String verifier = Client.newVerifier();
    Map<String, String> form = client.codeForm(client.code(verifier), verifier);
    form.remove("client_secret");
    String basic =
        Base64.getEncoder()
            .encodeToString(
                ("web-app:" + java.net.URLEncoder.encode("s3cret value+/=", UTF_8))
                    .getBytes(UTF_8));
    HttpResponse<String> response = client.token(form, Map.of("Authorization", "Basic " + basic));
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void withoutOfflineAccessThereIsNoRefreshTokenAndWithoutOpenidNoIdToken(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String verifier = Client.newVerifier();
    Map<String, String> params = client.authorizeParams(verifier, "s");
    params.put("scope", "https://graph.microsoft.com/OnlineMeetings.ReadWrite");
    String code = client.authorize(params).get("code");
    Map<String, String> form = client.codeForm(code, verifier);
    form.remove("scope");
    JsonNode tokens = Client.json(client.token(form));
    assertThat(fieldNames(tokens))
        .containsExactly("token_type", "scope", "expires_in", "ext_expires_in", "access_token");
  }

  @Test
  void theLoopbackRedirectMatchesOnAnyPortButNothingElseLoose(FakeMicrosoft fake) {
    Client client = new Client(fake);
    for (String uri :
        new String[] {
          "http://localhost/callback",
          "http://localhost:1/callback",
          "http://localhost:65000/callback"
        }) {
      client.redirectUri = uri;
      assertThat(client.signIn().has("access_token")).as(uri).isTrue();
    }
    for (String uri :
        new String[] {
          "http://localhost:8400/Callback",
          "https://localhost/callback",
          "http://localhost/callback/",
          "http://127.0.0.1/callback"
        }) {
      client.redirectUri = uri;
      HttpResponse<String> page =
          client.get(client.authorizeUri(client.authorizeParams(Client.newVerifier(), "s")));
      assertThat(page.statusCode()).as(uri).isEqualTo(400);
      assertThat(page.body()).as(uri).contains("AADSTS50011");
    }
  }

  @Test
  void anExpiredAccessTokenGets401AndARefreshedOneWorks(FakeMicrosoft fake) {
    Client client = new Client(fake);
    JsonNode tokens = client.signIn();
    fake.advanceClock(Duration.ofSeconds(3599));
    assertThat(
            client
                .create(tokens.get("access_token").asText(), Client.meetingBody("a"))
                .statusCode())
        .isEqualTo(201);
    fake.advanceClock(Duration.ofSeconds(1));
    HttpResponse<String> expired =
        client.create(tokens.get("access_token").asText(), Client.meetingBody("b"));
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(Client.json(expired).at("/error/code").asText())
        .isEqualTo("InvalidAuthenticationToken");
    assertThat(Client.json(expired).at("/error/message").asText())
        .isEqualTo("Lifetime validation failed, the token is expired.");

    JsonNode refreshed =
        Client.json(client.token(client.refreshForm(tokens.get("refresh_token").asText())));
    assertThat(
            client
                .create(refreshed.get("access_token").asText(), Client.meetingBody("c"))
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void theAccessTokenLifetimeIsConfigurable(FakeMicrosoft fake) {
    fake.accessTokenLifetime(Duration.ofMinutes(5));
    JsonNode tokens = new Client(fake).signIn();
    assertThat(tokens.get("expires_in").asInt()).isEqualTo(300);
    assertThat(tokens.get("ext_expires_in").asInt()).isEqualTo(300);
  }

  @Test
  void anyTenantSegmentWorksAndTheMetadataDocumentPointsAtTheFake(FakeMicrosoft fake) {
    Client client = new Client(fake);
    for (String tenant :
        new String[] {
          "common", "organizations", fake.account("ana@contoso.com").tenantId(), "contoso.com"
        }) {
      client.tenant = tenant;
      assertThat(client.signIn().has("access_token")).as(tenant).isTrue();
    }
    JsonNode metadata =
        Client.json(
            client.get(
                URI.create(
                    fake.identityBaseUri()
                        + "/organizations/v2.0/.well-known/openid-configuration")));
    assertThat(metadata.get("token_endpoint").asText())
        .isEqualTo(fake.identityBaseUri() + "/organizations/oauth2/v2.0/token");
    assertThat(metadata.get("authorization_endpoint").asText())
        .isEqualTo(fake.identityBaseUri() + "/organizations/oauth2/v2.0/authorize");
  }

  @Test
  void theBaseUrisAreAuthorityRootsOnLoopback(FakeMicrosoft fake) {
    assertThat(fake.identityBaseUri().toString())
        .matches("http://127\\.0\\.0\\.1:\\d+/login\\.microsoftonline\\.com");
    assertThat(fake.graphBaseUri().toString())
        .matches("http://127\\.0\\.0\\.1:\\d+/graph\\.microsoft\\.com");
    Client client = new Client(fake);
    HttpResponse<String> wrong =
        client.get(URI.create(fake.graphBaseUri() + "/organizations/oauth2/v2.0/authorize"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    HttpResponse<String> elsewhere =
        client.get(URI.create(fake.identityBaseUri() + "/v1.0/me/onlineMeetings"));
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(elsewhere.body()).contains("Graph under " + fake.graphBaseUri());
  }

  @Test
  void aDefaultJdkClientPreferringHttp2WorksToo(FakeMicrosoft fake) throws Exception {
    java.net.http.HttpClient http2 = java.net.http.HttpClient.newHttpClient();
    String access = fake.issueAccessToken("ana@contoso.com");
    HttpResponse<String> response =
        http2.send(
            java.net.http.HttpRequest.newBuilder(
                    URI.create(fake.graphBaseUri() + "/v1.0/me/onlineMeetings"))
                .header("Authorization", "Bearer " + access)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Client.meetingBody("h2")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
  }

  static java.util.List<String> fieldNames(JsonNode node) {
    java.util.List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
