package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.teamsmeet.AccessToken;
import io.teamsmeet.ConfigurationException;
import io.teamsmeet.GraphUser;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.spi.TokenResponse;
import io.teamsmeet.testkit.FakeClock;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapter's side of application mode: the client-credentials request, admin consent URL, /users
 * paths.
 */
class ApplicationRequestTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TENANT = "contoso.onmicrosoft.com";
  static final String APP_TOKEN_PATH = "/login/" + TENANT + "/oauth2/v2.0/token";
  static final String SCOPE = "https://graph.microsoft.com/.default";
  static final String APP_TOKEN =
      "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
          + "\"access_token\":\""
          + Fixture.ACCESS_TOKEN
          + "\"}";

  private final FakeClock clock = FakeClock.startingAt(Fixture.NOW);

  @Test
  void aSecretClientAsksTheTenantsTokenEndpointForTheDefaultScope() {
    wm.stubFor(post(urlEqualTo(APP_TOKEN_PATH)).willReturn(Fixture.json(200, APP_TOKEN)));
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, clock).clientSecret(Fixture.CLIENT_SECRET).microsoftSettings())
            .auth();

    TokenResponse response = auth.clientCredentials(TENANT, SCOPE, Fixture.deadline());

    assertThat(response.accessToken()).isEqualTo(new AccessToken(Fixture.ACCESS_TOKEN));
    assertThat(response.refreshToken()).isEmpty();
    assertThat(response.expiresAt()).isEqualTo(Fixture.NOW.plusSeconds(3599));
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(APP_TOKEN_PATH)));
    assertThat(requests).hasSize(1);
    Map<String, String> form = TokenRequestTest.form(requests.get(0));
    assertThat(form)
        .containsEntry("client_id", Fixture.CLIENT_ID)
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("scope", SCOPE)
        .containsEntry("client_secret", Fixture.CLIENT_SECRET)
        .doesNotContainKeys("redirect_uri", "code", "refresh_token");
  }

  @Test
  void aCertificateClientSignsAnAssertionForThatTenantsEndpoint() throws Exception {
    wm.stubFor(post(urlEqualTo(APP_TOKEN_PATH)).willReturn(Fixture.json(200, APP_TOKEN)));
    TestCertificate.KeyAndCert cert = TestCertificate.get();
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, clock)
                    .certificate(cert.key(), cert.certificate())
                    .microsoftSettings())
            .auth();

    auth.clientCredentials(TENANT, SCOPE, Fixture.deadline());

    Map<String, String> form =
        TokenRequestTest.form(wm.findAll(postRequestedFor(urlEqualTo(APP_TOKEN_PATH))).get(0));
    assertThat(form)
        .containsEntry(
            "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        .doesNotContainKey("client_secret");
    String[] parts = form.get("client_assertion").split("\\.");
    JsonNode claims = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(claims.get("aud").asText()).isEqualTo(wm.baseUrl() + APP_TOKEN_PATH);
    assertThat(claims.get("iss").asText()).isEqualTo(Fixture.CLIENT_ID);
  }

  @Test
  void aPublicClientCannotGetApplicationTokensAndSendsNothing() {
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock).microsoftSettings()).auth();

    assertThatThrownBy(() -> auth.clientCredentials(TENANT, SCOPE, Fixture.deadline()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("client secret or certificate");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void theAdminConsentUrlCarriesEveryParameterEncoded() {
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock).microsoftSettings()).auth();

    URI url = auth.adminConsentUrl("organizations", SCOPE, "st+ate/=");

    assertThat(url.toString())
        .isEqualTo(
            wm.baseUrl()
                + "/login/organizations/v2.0/adminconsent?client_id="
                + Fixture.CLIENT_ID
                + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
                + "&redirect_uri=https%3A%2F%2Fapp.example%2Fms%2Fcallback"
                + "&state=st%2Bate%2F%3D");
  }

  @Test
  void aUserPortAddressesUsersByEncodedIdOrUpn() {
    wm.stubFor(
        any(urlPathMatching("/graph/v1.0/users/.*"))
            .willReturn(Fixture.json(200, Fixture.CREATED_MEETING)));
    wm.stubFor(
        get(urlPathMatching("/graph/v1.0/users/[^/]+/onlineMeetings"))
            .willReturn(Fixture.json(200, "{\"value\":[]}")));
    GraphMeetingPort meetings =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock).microsoftSettings()).meetings();
    AccessToken token = new AccessToken(Fixture.ACCESS_TOKEN);

    meetings.forUser(GraphUser.upn("ana@contoso.com")).get(token, "MSo1N2Y5", Fixture.deadline());
    meetings
        .forUser(GraphUser.id("5D0A1C2E-7B3F-4E9A-8C1D-2F6E4A9B0C3D"))
        .findByJoinMeetingId(token, "0", Fixture.deadline());

    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getUrl())
        .isEqualTo("/graph/v1.0/users/ana%40contoso.com/onlineMeetings/MSo1N2Y5");
    assertThat(requests.get(1).getUrl())
        .startsWith("/graph/v1.0/users/5d0a1c2e-7b3f-4e9a-8c1d-2f6e4a9b0c3d/onlineMeetings?");
    assertThat(requests.get(0).getHeader("Authorization"))
        .isEqualTo("Bearer " + Fixture.ACCESS_TOKEN);
  }

  @Test
  void thePolicyWallReachesTheCoreWithGraphsMessage() {
    wm.stubFor(
        get(urlPathMatching("/graph/v1.0/users/.*"))
            .willReturn(
                Fixture.json(
                    403,
                    "{\"error\":{\"code\":\"General\",\"message\":\"No application access policy"
                        + " found for this app.\",\"innerError\":{\"request-id\":\"r-1\"}}}")));
    GraphMeetingPort meetings =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock).microsoftSettings()).meetings();

    assertThatThrownBy(
            () ->
                meetings
                    .forUser(GraphUser.upn("ana@contoso.com"))
                    .get(new AccessToken(Fixture.ACCESS_TOKEN), "MSo1N2Y5", Fixture.deadline()))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e ->
                assertThat(e.details().description())
                    .hasValueSatisfying(
                        d -> assertThat(d).contains("No application access policy")));
  }
}
