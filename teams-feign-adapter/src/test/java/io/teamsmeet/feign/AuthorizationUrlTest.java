package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.ConnectOptions;
import io.teamsmeet.MicrosoftCloud;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.spi.AuthorizationRequest;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationUrlTest {

  private static TeamsMeetings.Builder builder() {
    return TeamsMeetings.builder()
        .clientId(Fixture.CLIENT_ID)
        .redirectUri(Fixture.REDIRECT_URI)
        .tokenStore(new InMemoryTokenStore())
        .tokenKeys(Fixture.keyset());
  }

  @Test
  void authorizeUrlHasEveryParameterInOrderAndStrictlyEncoded() {
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(builder().microsoftSettings()).auth();

    URI url =
        auth.authorizationUrl(Fixture.authorizationRequest(List.of("OnlineMeetings.ReadWrite")));

    assertThat(url.toString())
        .isEqualTo(
            "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize"
                + "?client_id="
                + Fixture.CLIENT_ID
                + "&response_type=code"
                + "&redirect_uri=https%3A%2F%2Fapp.example%2Fms%2Fcallback"
                + "&response_mode=query"
                + "&scope=offline_access%20openid%20profile%20OnlineMeetings.ReadWrite"
                + "&state=sealed-state%2B%2F%3D"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&code_challenge_method=S256");
  }

  @Test
  void optionalHintsAreAddedAndEncoded() {
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(builder().microsoftSettings()).auth();
    AuthorizationRequest request =
        new AuthorizationRequest(
            "s",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            List.of("OnlineMeetings.ReadWrite"),
            Optional.of("ana+test@contoso.com"),
            Optional.of(Fixture.TENANT_ID),
            Optional.of("select_account"));

    Map<String, String> query = query(auth.authorizationUrl(request));

    assertThat(query)
        .containsEntry("prompt", "select_account")
        .containsEntry("login_hint", "ana+test@contoso.com")
        .containsEntry("domain_hint", Fixture.TENANT_ID);
    assertThat(auth.authorizationUrl(request).getRawQuery())
        .contains("login_hint=ana%2Btest%40contoso.com");
  }

  @Test
  void scopesAlwaysStartWithOpenIdConnectScopesWithoutDuplicates() {
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(builder().microsoftSettings()).auth();

    Map<String, String> query =
        query(
            auth.authorizationUrl(
                Fixture.authorizationRequest(
                    List.of(
                        "openid",
                        "OnlineMeetings.ReadWrite",
                        "https://graph.microsoft.com/User.Read"))));

    assertThat(query.get("scope"))
        .isEqualTo(
            "offline_access openid profile OnlineMeetings.ReadWrite"
                + " https://graph.microsoft.com/User.Read");
  }

  @Test
  void tenantAndCloudChooseTheAuthority() {
    URI gov =
        FeignMicrosoftAdapter.wire(
                builder()
                    .tenant("contoso.onmicrosoft.us")
                    .cloud(MicrosoftCloud.US_GOV)
                    .microsoftSettings())
            .auth()
            .authorizationUrl(Fixture.authorizationRequest(List.of("OnlineMeetings.ReadWrite")));
    URI dod =
        FeignMicrosoftAdapter.wire(
                builder()
                    .tenant(Fixture.TENANT_ID)
                    .cloud(MicrosoftCloud.US_GOV_DOD)
                    .microsoftSettings())
            .auth()
            .authorizationUrl(Fixture.authorizationRequest(List.of("OnlineMeetings.ReadWrite")));

    assertThat(gov.getScheme() + "://" + gov.getHost() + gov.getPath())
        .isEqualTo("https://login.microsoftonline.us/contoso.onmicrosoft.us/oauth2/v2.0/authorize");
    assertThat(dod.getHost() + dod.getPath())
        .isEqualTo("login.microsoftonline.us/" + Fixture.TENANT_ID + "/oauth2/v2.0/authorize");
  }

  @Test
  void beginConnectThroughTheEntryPointCarriesAStateAndAnS256Challenge() {
    try (TeamsMeetings teams = builder().scopes(List.of("OnlineMeetings.ReadWrite")).build()) {
      URI url =
          teams.beginConnect(
              "user-1", ConnectOptions.builder().loginHint("heidi@contoso.com").build());

      Map<String, String> query = query(url);
      assertThat(query.keySet())
          .containsExactly(
              "client_id",
              "response_type",
              "redirect_uri",
              "response_mode",
              "scope",
              "state",
              "code_challenge",
              "code_challenge_method",
              "login_hint");
      assertThat(query.get("redirect_uri")).isEqualTo(Fixture.REDIRECT_URI.toString());
      assertThat(query.get("code_challenge")).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(query.get("code_challenge_method")).isEqualTo("S256");
      assertThat(query.get("state")).isNotBlank();
      assertThat(url.getRawQuery()).doesNotContain("+").doesNotContain(" ");
    }
  }

  @Test
  void encodingKeepsOnlyUnreservedCharacters() {
    assertThat(Calls.encode("a-b.c_d~e f+g/h?i&j=k%l:m@nä"))
        .isEqualTo("a-b.c_d~e%20f%2Bg%2Fh%3Fi%26j%3Dk%25l%3Am%40n%C3%A4");
  }

  static Map<String, String> query(URI url) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
