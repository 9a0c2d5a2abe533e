package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.testkit.FakeClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachTransport
class TokenRequestTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private static final String UUID =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  private final FakeClock clock = FakeClock.startingAt(Fixture.NOW);

  @BeforeEach
  void stubTokenEndpoint() {
    wm.stubFor(
        post(urlEqualTo(Fixture.TOKEN_PATH))
            .willReturn(
                Fixture.json(200, Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN))));
  }

  @Test
  void publicClientCodeRedemptionSendsExactlyTheCodeTheSameRedirectUriAndTheVerifier() {
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings())
            .auth();

    auth.exchangeCode(
        new AuthorizationCode(Fixture.CODE),
        new CodeVerifier(Fixture.VERIFIER),
        Fixture.deadline());

    LoggedRequest request = onlyTokenRequest();
    assertThat(request.getBodyAsString())
        .isEqualTo(
            "client_id="
                + Fixture.CLIENT_ID
                + "&grant_type=authorization_code"
                + "&code=0.AXoAv4j5cvGGr0GRqy180BHbR-code%2Bwith%2Fodd%3Dchars"
                + "&redirect_uri=https%3A%2F%2Fapp.example%2Fms%2Fcallback"
                + "&code_verifier="
                + Fixture.VERIFIER);
    assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.getHeader("client-request-id")).matches(UUID);
    assertThat(request.getHeader("return-client-request-id")).isEqualTo("true");
    assertThat(request.getHeader("User-Agent"))
        .matches("teams-meetings-java/\\S+ \\(\\+java/\\d+\\)");
    assertThat(request.containsHeader("Authorization")).isFalse();
  }

  @Test
  void codeRedemptionUsesTheRedirectUriOfTheAuthorizeRequest() {
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings())
            .auth();
    String authorizeRedirect =
        AuthorizationUrlTest.query(
                auth.authorizationUrl(
                    Fixture.authorizationRequest(List.of("OnlineMeetings.ReadWrite"))))
            .get("redirect_uri");

    auth.exchangeCode(
        new AuthorizationCode(Fixture.CODE),
        new CodeVerifier(Fixture.VERIFIER),
        Fixture.deadline());

    assertThat(form(onlyTokenRequest())).containsEntry("redirect_uri", authorizeRedirect);
  }

  @Test
  void clientSecretIsSentFormEncodedInTheBody() {
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, clock, transport)
                    .clientSecret(Fixture.CLIENT_SECRET)
                    .microsoftSettings())
            .auth();

    auth.exchangeCode(
        new AuthorizationCode(Fixture.CODE),
        new CodeVerifier(Fixture.VERIFIER),
        Fixture.deadline());

    LoggedRequest request = onlyTokenRequest();
    assertThat(request.getBodyAsString())
        .endsWith(
            "&code_verifier="
                + Fixture.VERIFIER
                + "&client_secret=Xy8Q%7Es3cr%2Bt%2FValue%3DWith%26Specials%25");
    assertThat(form(request)).containsEntry("client_secret", Fixture.CLIENT_SECRET);
    assertThat(request.containsHeader("Authorization")).isFalse();
  }

  @Test
  void refreshSendsTheRefreshTokenAndTheScopesWithTheSecret() {
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, clock, transport)
                    .clientSecret(Fixture.CLIENT_SECRET)
                    .microsoftSettings())
            .auth();

    auth.refresh(
        new RefreshToken(Fixture.REFRESH_TOKEN),
        List.of("OnlineMeetings.ReadWrite"),
        Fixture.deadline());

    assertThat(onlyTokenRequest().getBodyAsString())
        .isEqualTo(
            "client_id="
                + Fixture.CLIENT_ID
                + "&grant_type=refresh_token"
                + "&refresh_token="
                + Fixture.REFRESH_TOKEN
                + "&scope=offline_access+openid+profile+OnlineMeetings.ReadWrite"
                + "&client_secret=Xy8Q%7Es3cr%2Bt%2FValue%3DWith%26Specials%25");
  }

  @Test
  void publicClientRefreshSendsNoCredential() {
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings())
            .auth();

    auth.refresh(
        new RefreshToken(Fixture.REFRESH_TOKEN),
        List.of("OnlineMeetings.ReadWrite"),
        Fixture.deadline());

    assertThat(form(onlyTokenRequest()))
        .containsOnlyKeys("client_id", "grant_type", "refresh_token", "scope");
  }

  @Test
  void certificateCredentialSendsASignedClientAssertion() throws Exception {
    TestCertificate.KeyAndCert cert = TestCertificate.get();
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, clock, transport)
                    .certificate(cert.key(), cert.certificate())
                    .microsoftSettings())
            .auth();

    auth.exchangeCode(
        new AuthorizationCode(Fixture.CODE),
        new CodeVerifier(Fixture.VERIFIER),
        Fixture.deadline());
    auth.refresh(
        new RefreshToken(Fixture.REFRESH_TOKEN),
        List.of("OnlineMeetings.ReadWrite"),
        Fixture.deadline());

    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(Fixture.TOKEN_PATH)));
    assertThat(requests).hasSize(2);
    Map<String, String> first = form(requests.get(0));
    assertThat(first)
        .containsEntry(
            "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        .doesNotContainKey("client_secret");
    assertThat(requests.get(0).getBodyAsString())
        .contains(
            "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=");

    String jwt = first.get("client_assertion");
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    JsonNode header = Json.parse(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
    byte[] der = cert.certificate().getEncoded();
    assertThat(header.get("alg").asText()).isEqualTo("RS256");
    assertThat(header.get("typ").asText()).isEqualTo("JWT");
    assertThat(header.get("x5t#S256").asText())
        .isEqualTo(
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(der)));
    assertThat(header.get("x5t").asText())
        .isEqualTo(
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(der)));
    assertThat(claims.get("aud").asText()).isEqualTo(wm.baseUrl() + Fixture.TOKEN_PATH);
    assertThat(claims.get("iss").asText()).isEqualTo(Fixture.CLIENT_ID);
    assertThat(claims.get("sub").asText()).isEqualTo(Fixture.CLIENT_ID);
    assertThat(claims.get("jti").asText()).matches(UUID);
    long now = Fixture.NOW.getEpochSecond();
    assertThat(claims.get("nbf").asLong()).isEqualTo(now);
    assertThat(claims.get("iat").asLong()).isEqualTo(now);
    assertThat(claims.get("exp").asLong()).isEqualTo(now + 300);
    for (String part : parts) {
      assertThat(part).doesNotContain("=").doesNotContain("+").doesNotContain("/");
    }

    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(cert.certificate().getPublicKey());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

    String secondJwt = form(requests.get(1)).get("client_assertion");
    JsonNode secondClaims = Json.parse(Base64.getUrlDecoder().decode(secondJwt.split("\\.")[1]));
    assertThat(secondClaims.get("jti").asText()).isNotEqualTo(claims.get("jti").asText());
    assertThat(form(requests.get(1))).containsEntry("grant_type", "refresh_token");
  }

  @Test
  void everyTokenRequestHasAFreshClientRequestId() {
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings())
            .auth();

    auth.refresh(
        new RefreshToken(Fixture.REFRESH_TOKEN),
        List.of("OnlineMeetings.ReadWrite"),
        Fixture.deadline());
    auth.refresh(
        new RefreshToken(Fixture.REFRESH_TOKEN),
        List.of("OnlineMeetings.ReadWrite"),
        Fixture.deadline());

    wm.verify(
        2,
        postRequestedFor(urlEqualTo(Fixture.TOKEN_PATH))
            .withHeader("client-request-id", matching(UUID))
            .withHeader("return-client-request-id", equalTo("true")));
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(Fixture.TOKEN_PATH)));
    assertThat(requests.get(0).getHeader("client-request-id"))
        .isNotEqualTo(requests.get(1).getHeader("client-request-id"));
  }

  private static LoggedRequest onlyTokenRequest() {
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(Fixture.TOKEN_PATH)));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  static Map<String, String> form(LoggedRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
