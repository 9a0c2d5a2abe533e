package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JDK client the SDK builds is built on a thread of its own while the adapter builds its Feign
 * targets (issue 19, cold start); {@code build()} still returns only with the client built, and
 * fails with what building it threw.
 */
class JdkTransportTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Transport.Settings SETTINGS =
      new Transport.Settings(Duration.ofSeconds(3), Duration.ofSeconds(7), false);

  @Test
  void theClientBuiltAsideHasTheSettingsAndIsReadyAfterReady() {
    Transport.Wiring wiring = Transport.jdk().wire(SETTINGS);
    try {
      wiring.ready().run();

      HttpClient http = ((JdkClient) wiring.client()).httpClient();
      assertThat(http.connectTimeout()).contains(Duration.ofSeconds(3));
      assertThat(http.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
      assertThat(http.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(http.executor()).isPresent();
      assertThat(wiring.options().connectTimeoutMillis()).isEqualTo(3_000);
      assertThat(wiring.options().readTimeoutMillis()).isEqualTo(7_000);
    } finally {
      wiring.release().run();
    }
  }

  @Test
  void eachWiringBuildsItsOwnClient() {
    Transport.Wiring a = Transport.jdk().wire(SETTINGS);
    Transport.Wiring b = Transport.jdk().wire(SETTINGS);
    a.ready().run();
    b.ready().run();
    assertThat(((JdkClient) a.client()).httpClient())
        .isNotSameAs(((JdkClient) b.client()).httpClient());
    a.release().run();
    b.release().run();
  }

  @Test
  void aFailureToBuildIsThrownAsItWasThrown() {
    IllegalStateException failure = new IllegalStateException("no TLS context");
    Throwable thrown =
        catchThrowable(() -> JdkTransport.ready(CompletableFuture.failedFuture(failure)));
    assertThat(thrown).isSameAs(failure);

    AssertionError error = new AssertionError("linkage");
    assertThat(catchThrowable(() -> JdkTransport.ready(CompletableFuture.failedFuture(error))))
        .isSameAs(error);
  }

  @Test
  void onlyTheResponseHeadersTheAdapterReadsReachFeign() throws Exception {
    wm.stubFor(
        get("/h")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Request-Id", "r-1")
                    .withHeader("WWW-Authenticate", "Bearer a=1", "Bearer b=2")
                    .withHeader("Retry-After", "3")
                    .withHeader("Strict-Transport-Security", "max-age=31536000")
                    .withHeader("x-ms-ags-diagnostic", "{}")
                    .withBody("{}")));
    Transport.Wiring wiring = Transport.jdk().wire(SETTINGS);
    wiring.ready().run();
    try (feign.Response response =
        wiring
            .client()
            .execute(
                feign.Request.create(
                    feign.Request.HttpMethod.GET,
                    wm.baseUrl() + "/h",
                    java.util.Map.of(),
                    null,
                    java.nio.charset.StandardCharsets.UTF_8,
                    null),
                wiring.options())) {
      assertThat(Http.header(response.headers(), "request-id")).contains("r-1");
      assertThat(response.headers().get("www-authenticate"))
          .containsExactly("Bearer a=1", "Bearer b=2");
      assertThat(Http.retryAfter(response, java.time.Clock.systemUTC())).hasSeconds(3);
      assertThat(response.headers().keySet())
          .allMatch(Http::isRead)
          .doesNotContain("strict-transport-security", "x-ms-ags-diagnostic");
    } finally {
      wiring.release().run();
    }
  }

  @Test
  void theUsersOwnClientIsUsedAsItIs() {
    HttpClient own = HttpClient.newHttpClient();
    Transport.Wiring wiring = Transport.jdk(own).wire(SETTINGS);
    wiring.ready().run();
    assertThat(((JdkClient) wiring.client()).httpClient()).isSameAs(own);
  }
}
