package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The JDK client the SDK builds is built on a thread of its own while the adapter builds its Feign
 * targets (issue 19, cold start); {@code build()} still returns only with the client built, and
 * fails with what building it threw.
 */
class JdkTransportTest {

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
  void theUsersOwnClientIsUsedAsItIs() {
    HttpClient own = HttpClient.newHttpClient();
    Transport.Wiring wiring = Transport.jdk(own).wire(SETTINGS);
    wiring.ready().run();
    assertThat(((JdkClient) wiring.client()).httpClient()).isSameAs(own);
  }
}
