package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.Client;
import io.teamsmeet.AccessToken;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.testkit.FakeClock;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Choosing a transport: the default, any Feign client, validation, and what is never used. */
class TransportChoiceTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FakeClock clock = FakeClock.startingAt(Fixture.NOW);

  private static TeamsMeetings.Builder complete() {
    return TeamsMeetings.builder()
        .clientId(Fixture.CLIENT_ID)
        .redirectUri(Fixture.REDIRECT_URI)
        .tokenStore(new InMemoryTokenStore())
        .tokenKeys(Fixture.keyset());
  }

  @Test
  void withoutAChoiceTheSdkBuildsAJdkClient() {
    FeignMicrosoftAdapter.Wired ports = FeignMicrosoftAdapter.wire(complete().microsoftSettings());

    assertThat(((LoggingClient) ports.client()).delegate()).isExactlyInstanceOf(JdkClient.class);
    assertThat(ports.description()).endsWith(", transport=jdk]");
  }

  @Test
  void theDescriptionNamesTheTransport() {
    Client mine = (request, options) -> null;
    assertThat(
            FeignMicrosoftAdapter.wire(complete().transport(Transport.okHttp()).microsoftSettings())
                .description())
        .endsWith(", transport=okhttp(maxIdleConnections=20, keepAlive=PT2M)]");
    assertThat(
            FeignMicrosoftAdapter.wire(
                    complete().transport(TestTransport.OKHTTP.own()).microsoftSettings())
                .description())
        .endsWith(", transport=okhttp(own OkHttpClient)]");
    assertThat(
            FeignMicrosoftAdapter.wire(
                    complete().transport(TestTransport.JDK.own()).microsoftSettings())
                .description())
        .endsWith(", transport=jdk(own HttpClient)]");
    assertThat(
            FeignMicrosoftAdapter.wire(
                    complete().transport(Transport.feign(mine)).microsoftSettings())
                .description())
        .contains(", transport=feign(io.teamsmeet.feign.TransportChoiceTest");
  }

  @Test
  void anyFeignClientSendsBothServicesRequestsWithTheBuildersTimeouts() {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(200, Fixture.CREATED_MEETING)));
    wm.stubFor(
        post(urlEqualTo(Fixture.TOKEN_PATH))
            .willReturn(Fixture.json(200, Fixture.tokenJson(Fixture.ACCESS_TOKEN, null))));
    List<String> paths = new ArrayList<>();
    Client delegate =
        new JdkClient(
            java.util.concurrent.CompletableFuture.completedFuture(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()),
            Duration.ofSeconds(5));
    Client recording =
        (request, options) -> {
          paths.add(LoggingClient.path(request.url()));
          assertThat(options.connectTimeoutMillis()).isEqualTo(2_000);
          assertThat(options.readTimeoutMillis()).isEqualTo(5_000);
          assertThat(options.isFollowRedirects()).isFalse();
          return delegate.execute(request, options);
        };

    FeignMicrosoftAdapter.Wired ports =
        FeignMicrosoftAdapter.wire(
            Fixture.builder(wm, clock).transport(Transport.feign(recording)).microsoftSettings());
    ports
        .auth()
        .refresh(
            new RefreshToken(Fixture.REFRESH_TOKEN),
            List.of("OnlineMeetings.ReadWrite"),
            Fixture.deadline());
    ports.meetings().get(new AccessToken(Fixture.ACCESS_TOKEN), "m1", Fixture.deadline());

    assertThat(paths).containsExactly(Fixture.TOKEN_PATH, "/graph/v1.0/me/onlineMeetings/m1");
    assertThat(((LoggingClient) ports.client()).delegate()).isSameAs(recording);
  }

  @Test
  void noClassOfTheAdapterRefersToFeignsDefaultClientOrHttpUrlConnection() throws Exception {
    Path classes =
        Path.of(
            FeignMicrosoftAdapter.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }

    assertThat(files).hasSizeGreaterThan(20);
    for (Path file : files) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(bytes)
          .as(file.getFileName().toString())
          .doesNotContain("feign/Client$Default")
          .doesNotContain("java/net/HttpURLConnection");
    }
  }

  @Test
  void nullTransportsAreRejectedNamingTheArgument() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Transport.jdk(null))
        .withMessageContaining("client");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Transport.feign(null))
        .withMessageContaining("client");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OkHttpTransport.of(null))
        .withMessageContaining("client");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamsMeetings.builder().transport(null))
        .withMessageContaining("transport");
  }

  @Test
  void poolSettingsLiveOnTheOkHttpTransportAndAreChecked() {
    assertThat(
            FeignMicrosoftAdapter.wire(
                    complete()
                        .transport(Transport.okHttp(50, Duration.ofMinutes(1)))
                        .microsoftSettings())
                .description())
        .endsWith(", transport=okhttp(maxIdleConnections=50, keepAlive=PT1M)]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Transport.okHttp(-1, Duration.ofMinutes(1)))
        .withMessageContaining("maxIdleConnections");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Transport.okHttp(10_001, Duration.ofMinutes(1)))
        .withMessageContaining("maxIdleConnections");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Transport.okHttp(20, Duration.ZERO))
        .withMessageContaining("keepAlive");
  }

  @Test
  void theJavadocExampleOfTheTransportsBuilds() {
    // --- as in the Javadoc of TeamsMeetings ---
    try (TeamsMeetings teams =
        complete()
            .transport(Transport.okHttp()) // or OkHttpTransport.of(yourClient)
            .connectTimeout(Duration.ofSeconds(10)) // defaults shown
            .requestTimeout(Duration.ofSeconds(30))
            .build()) {
      assertThat(teams.toString()).contains("transport=okhttp");
      assertThat(teams.beginConnect("user-1")).hasScheme("https");
    }
    try (TeamsMeetings teams =
        complete()
            .identityEndpoint(URI.create(wm.baseUrl() + "/login"))
            .transport(OkHttpTransport.of(new okhttp3.OkHttpClient()))
            .build()) {
      assertThat(teams.toString()).contains("transport=okhttp(own OkHttpClient)");
    }
  }
}
