package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.ConfigurationException;
import io.teamsmeet.MicrosoftCloud;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsMeetingsBuilderTest {

  private static TeamsMeetings.Builder complete() {
    return TeamsMeetings.builder()
        .clientId(Fixture.CLIENT_ID)
        .redirectUri(Fixture.REDIRECT_URI)
        .tokenStore(new InMemoryTokenStore())
        .tokenKeys(Fixture.keyset());
  }

  @Test
  void buildNamesTheFirstMissingRequiredSetting() {
    assertThatIllegalStateException()
        .isThrownBy(() -> TeamsMeetings.builder().build())
        .withMessage("clientId is required");
    assertThatIllegalStateException()
        .isThrownBy(() -> TeamsMeetings.builder().clientId(Fixture.CLIENT_ID).build())
        .withMessage("redirectUri is required");
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TeamsMeetings.builder()
                    .clientId(Fixture.CLIENT_ID)
                    .redirectUri(Fixture.REDIRECT_URI)
                    .build())
        .withMessage("tokenKeys is required"); // the token store is optional: application mode
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TeamsMeetings.builder()
                    .clientId(Fixture.CLIENT_ID)
                    .redirectUri(Fixture.REDIRECT_URI)
                    .tokenStore(new InMemoryTokenStore())
                    .build())
        .withMessage("tokenKeys is required");
  }

  @Test
  void aCompleteBuilderBuildsWithDefaults() {
    try (TeamsMeetings teams = complete().build()) {
      assertThat(teams.meetings()).isNotNull();
      assertThat(teams.toString())
          .contains("tenant=organizations")
          .contains("https://login.microsoftonline.com")
          .contains("https://graph.microsoft.com")
          .contains("PublicClient")
          .contains("transport=jdk");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "has space", "tab\there"})
  void clientIdMustBeAnIdWithoutWhitespace(String value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().clientId(value))
        .withMessageContaining("clientId");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "q7",
        "my-client-id",
        "6731de76-14a6-49ae-97bc-6eba6914391",
        "6731de76-14a6-49ae-97bc-6eba6914391e0",
        "6731de7614a649ae97bc6eba6914391e",
        "{6731de76-14a6-49ae-97bc-6eba6914391e}",
        "6731de76-14a6-49ae-97bc-6eba6914391g",
        "Xy8Q~s3cr+t/Value=With&Specials%0123456789",
      })
  void aClientIdThatIsNotAGuidIsAConfigurationErrorNamingItWithoutRepeatingIt(String value) {
    assertThatThrownBy(() -> TeamsMeetings.builder().clientId(value))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("clientId must be the app registration's Application (client) id")
        .hasMessageNotContaining(value);
  }

  @Test
  void aGuidClientIdIsAcceptedInEitherCase() {
    TeamsMeetings.builder().clientId("6731DE76-14A6-49AE-97BC-6EBA6914391E");
    TeamsMeetings.builder().clientId(Fixture.CLIENT_ID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://app.example/cb",
        "ftp://app.example/cb",
        "/relative/cb",
        "https://app.example/cb#frag",
        "http://[::1]:8080/cb",
        "myapp://auth"
      })
  void redirectUriMustBeHttpsOrLoopbackHttp(String value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().redirectUri(URI.create(value)))
        .withMessageContaining("redirectUri");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://app.example/ms/callback",
        "http://127.0.0.1:8765/cb",
        "http://localhost/cb",
        "https://app.example/cb?x=1"
      })
  void redirectUriAcceptsHttpsAndLoopbackHttp(String value) {
    TeamsMeetings.builder().redirectUri(URI.create(value));
  }

  @Test
  void redirectUriLongerThan256CharactersIsRejected() {
    URI tooLong = URI.create("https://app.example/" + "a".repeat(240));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().redirectUri(tooLong))
        .withMessageContaining("redirectUri")
        .withMessageContaining("256");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://login.example",
        "http://10.0.0.5:8080",
        "ftp://localhost",
        "https://x.example/?q=1",
        "relative"
      })
  void endpointsRequireTlsUnlessLoopback(String value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().identityEndpoint(URI.create(value)))
        .withMessageContaining("identityEndpoint");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().graphEndpoint(URI.create(value)))
        .withMessageContaining("graphEndpoint");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://login.example",
        "http://localhost:8080",
        "http://127.0.0.1:9/fake/",
        "http://[::1]:8080"
      })
  void endpointsAcceptTlsAndLoopback(String value) {
    TeamsMeetings.builder().identityEndpoint(URI.create(value)).graphEndpoint(URI.create(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "a/b", "-leading", "x?y"})
  void tenantMustBeAKeywordIdOrDomain(String value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().tenant(value))
        .withMessageContaining("tenant");
  }

  @ParameterizedTest
  @ValueSource(strings = {"common", "consumers", "COMMON"})
  void tenantsThatAdmitPersonalAccountsAreWarnedAbout(String tenant) {
    try (LogCapture log = new LogCapture();
        TeamsMeetings teams = complete().tenant(tenant).build()) {
      assertThat(teams.toString()).contains("tenant=" + tenant);
      assertThat(log.lines())
          .anySatisfy(
              line -> assertThat(line).startsWith("WARNING").contains(tenant).contains("personal"));
    }
  }

  @Test
  void organizationsIsNotWarnedAbout() {
    try (LogCapture log = new LogCapture();
        TeamsMeetings teams = complete().tenant(Fixture.TENANT_ID).build()) {
      assertThat(teams.toString()).contains("tenant=" + Fixture.TENANT_ID);
      assertThat(log.lines()).noneSatisfy(line -> assertThat(line).startsWith("WARNING"));
    }
  }

  @Test
  void chinaIsRefusedAtBuildBecauseOnlineMeetingsAreNotAvailableThere() {
    assertThatIllegalStateException()
        .isThrownBy(() -> complete().cloud(MicrosoftCloud.CHINA).build())
        .withMessageContaining("CHINA")
        .withMessageContaining("onlineMeetings")
        .withMessageContaining("21Vianet");
  }

  @Test
  void cloudsNameTheirHosts() {
    assertThat(MicrosoftCloud.GLOBAL.identityEndpoint())
        .hasToString("https://login.microsoftonline.com");
    assertThat(MicrosoftCloud.GLOBAL.graphEndpoint()).hasToString("https://graph.microsoft.com");
    assertThat(MicrosoftCloud.US_GOV.identityEndpoint())
        .hasToString("https://login.microsoftonline.us");
    assertThat(MicrosoftCloud.US_GOV.graphEndpoint()).hasToString("https://graph.microsoft.us");
    assertThat(MicrosoftCloud.US_GOV_DOD.identityEndpoint())
        .hasToString("https://login.microsoftonline.us");
    assertThat(MicrosoftCloud.US_GOV_DOD.graphEndpoint())
        .hasToString("https://dod-graph.microsoft.us");
    assertThat(MicrosoftCloud.CHINA.identityEndpoint())
        .hasToString("https://login.partner.microsoftonline.cn");
    assertThat(MicrosoftCloud.CHINA.graphEndpoint())
        .hasToString("https://microsoftgraph.chinacloudapi.cn");
    assertThat(MicrosoftCloud.CHINA.supportsOnlineMeetings()).isFalse();
    assertThat(List.of(MicrosoftCloud.GLOBAL, MicrosoftCloud.US_GOV, MicrosoftCloud.US_GOV_DOD))
        .allMatch(MicrosoftCloud::supportsOnlineMeetings);
  }

  @Test
  void clientSecretAndCertificateAreMutuallyExclusive() {
    TestCertificate.KeyAndCert cert = TestCertificate.get();
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                TeamsMeetings.builder()
                    .clientSecret(Fixture.CLIENT_SECRET)
                    .certificate(cert.key(), cert.certificate()))
        .withMessageContaining("certificate")
        .withMessageContaining("clientSecret")
        .withMessageNotContaining(Fixture.CLIENT_SECRET);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                TeamsMeetings.builder()
                    .certificate(cert.key(), cert.certificate())
                    .clientSecret(Fixture.CLIENT_SECRET))
        .withMessageContaining("clientSecret")
        .withMessageNotContaining(Fixture.CLIENT_SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void aBlankClientSecretIsRejected(String value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().clientSecret(value))
        .withMessageContaining("clientSecret");
  }

  @Test
  void aCertificateWhoseKeyDoesNotMatchIsRejected() {
    TestCertificate.KeyAndCert a = TestCertificate.get();
    TestCertificate.KeyAndCert b = TestCertificate.create("CN=other");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().certificate(b.key(), a.certificate()))
        .withMessageContaining("does not belong");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().certificate(null, a.certificate()))
        .withMessageContaining("private key");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().certificate(a.key(), null))
        .withMessageContaining("certificate");
  }

  @Test
  void aNonRsaKeyIsRejected() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    TestCertificate.KeyAndCert a = TestCertificate.get();
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                TeamsMeetings.builder()
                    .certificate(ec.generateKeyPair().getPrivate(), a.certificate()))
        .withMessageContaining("RSA");
  }

  @Test
  void theSecretNeverShowsInToString() {
    try (TeamsMeetings teams = complete().clientSecret(Fixture.CLIENT_SECRET).build()) {
      assertThat(teams.toString())
          .contains("ClientSecret[redacted]")
          .doesNotContain(Fixture.CLIENT_SECRET);
    }
    assertThat(new ClientCredential.ClientSecret(Fixture.CLIENT_SECRET).toString())
        .isEqualTo("ClientSecret[redacted]");
    assertThat(
            new FormBody()
                .add("client_secret", Fixture.CLIENT_SECRET)
                .add("code", Fixture.CODE)
                .toString())
        .isEqualTo("FormBody[client_secret=[redacted], code=[redacted]]");
  }

  @Test
  void timeoutsAndPoolSettingsMustBeInRange() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().connectTimeout(Duration.ZERO))
        .withMessageContaining("connectTimeout");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().requestTimeout(Duration.ofSeconds(-1)))
        .withMessageContaining("requestTimeout");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().requestTimeout(null))
        .withMessageContaining("requestTimeout");
    Transport.okHttp(0, Duration.ofMillis(1));
  }

  @Test
  void coreSettingsArePassedThroughAndValidatedThere() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().stateLifetime(Duration.ZERO))
        .withMessageContaining("stateLifetime");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().scopes(List.of("two words")))
        .withMessageContaining("scopes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().tokenStore(null))
        .withMessageContaining("tokenStore");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().clock(null))
        .withMessageContaining("clock");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().cloud(null))
        .withMessageContaining("cloud");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().transport(null))
        .withMessageContaining("transport");
  }

  @Test
  void aCertificateCredentialCanBeBuilt() {
    TestCertificate.KeyAndCert cert = TestCertificate.get();
    try (TeamsMeetings teams = complete().certificate(cert.key(), cert.certificate()).build()) {
      assertThat(teams.toString()).contains("Certificate[x5t#S256=");
    }
  }

  @Test
  void usingTheBuilderAfterBuildStillValidates() {
    TeamsMeetings.Builder builder = complete();
    builder.build().close();
    assertThatThrownBy(() -> builder.clientId(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
