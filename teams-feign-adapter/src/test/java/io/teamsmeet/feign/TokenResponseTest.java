package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.spi.IdTokenClaims;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.spi.TokenResponse;
import io.teamsmeet.testkit.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@OnEachTransport
class TokenResponseTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private final FakeClock clock = FakeClock.startingAt(Fixture.NOW);

  private TokenResponse redeemWith(Object body) {
    wm.stubFor(post(urlEqualTo(Fixture.TOKEN_PATH)).willReturn(Fixture.json(200, body)));
    return FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings())
        .auth()
        .exchangeCode(
            new AuthorizationCode(Fixture.CODE),
            new CodeVerifier(Fixture.VERIFIER),
            Fixture.deadline());
  }

  @Test
  void aFullResponseGivesTokensExpiryScopesAndIdTokenClaims() {
    TokenResponse response =
        redeemWith(Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN));

    assertThat(response.accessToken().value()).isEqualTo(Fixture.ACCESS_TOKEN);
    assertThat(response.expiresAt()).isEqualTo(Fixture.NOW.plusSeconds(4518));
    assertThat(response.refreshToken()).map(RefreshToken::value).contains(Fixture.REFRESH_TOKEN);
    assertThat(response.scopes())
        .containsExactlyInAnyOrder("OnlineMeetings.ReadWrite", "openid", "profile", "email");
    assertThat(response.idTokenClaims())
        .isEqualTo(
            new IdTokenClaims(
                Optional.of(Fixture.TENANT_ID),
                Optional.of("550fae72-d251-43ec-868c-373732c2704f"),
                Optional.of("heidi@contoso.com"),
                Optional.of("Heidi Steen")));
  }

  @Test
  void aMissingRefreshTokenIsEmptySoTheStoredOneIsKept() {
    ObjectNode body = Fixture.tokenJson(Fixture.ACCESS_TOKEN, null);

    assertThat(redeemWith(body).refreshToken()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "openid profile OnlineMeetings.ReadWrite|openid,profile,OnlineMeetings.ReadWrite",
        "openid%20profile%20https%3A%2F%2Fgraph.microsoft.com%2FOnlineMeetings.ReadWrite|openid,profile,https://graph.microsoft.com/OnlineMeetings.ReadWrite",
        "openid+profile+OnlineMeetings.ReadWrite|openid,profile,OnlineMeetings.ReadWrite",
        "https%3A%2F%2Fgraph.microsoft.com%2Fmail.read|https://graph.microsoft.com/mail.read",
        "'  openid   profile  '|openid,profile",
      })
  void scopesAreReadSpaceSeparatedOrUrlEncoded(String scope, String expected) {
    ObjectNode body =
        Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN).put("scope", scope);

    assertThat(redeemWith(body).scopes()).containsExactlyInAnyOrder(expected.split(","));
  }

  @Test
  void aMissingScopeGivesNoScopes() {
    ObjectNode body = Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN);
    body.remove("scope");

    assertThat(redeemWith(body).scopes()).isEmpty();
  }

  @Test
  void expiresInAsAStringIsRead() {
    ObjectNode body =
        Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN).put("expires_in", "3599");

    assertThat(redeemWith(body).expiresAt()).isEqualTo(Fixture.NOW.plusSeconds(3599));
  }

  @ParameterizedTest
  @CsvSource({"absent", "null", "''", "soon", "0", "-30"})
  void aMissingOrUnusableExpiresInAssumesSixtyMinutes(String value) {
    ObjectNode body = Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN);
    switch (value) {
      case "absent" -> body.remove("expires_in");
      case "null" -> body.putNull("expires_in");
      default -> body.put("expires_in", value);
    }

    assertThat(redeemWith(body).expiresAt()).isEqualTo(Fixture.NOW.plus(Duration.ofMinutes(60)));
  }

  @Test
  void anAbsurdExpiresInIsCapped() {
    ObjectNode body =
        Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN)
            .put("expires_in", "9999999999999999999999");

    assertThat(redeemWith(body).expiresAt()).isEqualTo(Fixture.NOW.plus(Duration.ofHours(30)));
  }

  @Test
  void refreshWithoutExpiresInOrRefreshTokenStillWorks() {
    ObjectNode body =
        TestJson.MAPPER
            .createObjectNode()
            .put("token_type", "Bearer")
            .put("access_token", Fixture.ACCESS_TOKEN_2);
    wm.stubFor(post(urlEqualTo(Fixture.TOKEN_PATH)).willReturn(Fixture.json(200, body)));

    TokenResponse response =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings())
            .auth()
            .refresh(
                new RefreshToken(Fixture.REFRESH_TOKEN),
                List.of("OnlineMeetings.ReadWrite"),
                Fixture.deadline());

    assertThat(response.accessToken().value()).isEqualTo(Fixture.ACCESS_TOKEN_2);
    assertThat(response.expiresAt()).isEqualTo(Fixture.NOW.plus(Duration.ofMinutes(60)));
    assertThat(response.refreshToken()).isEmpty();
    assertThat(response.idTokenClaims()).isEqualTo(IdTokenClaims.none());
  }

  @ParameterizedTest
  @CsvSource({"not-a-jwt", "a.%%%.c", "a.bm90IGpzb24.c", "a.WzFd.c"})
  void anUnreadableIdTokenGivesNoClaims(String idToken) {
    ObjectNode body =
        Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN).put("id_token", idToken);

    assertThat(redeemWith(body).idTokenClaims()).isEqualTo(IdTokenClaims.none());
  }

  @Test
  void idTokenClaimsAreReadWithoutSignatureAndWithPadding() {
    String padded = Fixture.idToken().replaceFirst("\\.", "==.");

    assertThat(IdTokens.read(padded, Fixture.CLIENT_ID).claims().tenantId())
        .contains(Fixture.TENANT_ID);
  }

  @Test
  void aResponseWithoutAccessTokenIsATypedError() {
    ObjectNode body = Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN);
    body.remove("access_token");

    assertThatThrownBy(() -> redeemWith(body))
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            e -> {
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.isRetryable()).isFalse();
              assertThat(e.getMessage())
                  .contains("no access_token")
                  .doesNotContain(Fixture.REFRESH_TOKEN);
            });
  }

  @Test
  void aNonJsonSuccessIsATypedError() {
    wm.stubFor(
        post(urlEqualTo(Fixture.TOKEN_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html>captive portal</html>")));

    assertThatThrownBy(
            () ->
                FeignMicrosoftAdapter.wire(
                        Fixture.builder(wm, clock, transport).microsoftSettings())
                    .auth()
                    .exchangeCode(
                        new AuthorizationCode(Fixture.CODE),
                        new CodeVerifier(Fixture.VERIFIER),
                        Fixture.deadline()))
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            e -> {
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.getMessage()).doesNotContain("captive");
              assertThat(e.getCause()).isNull();
            });
  }
}
