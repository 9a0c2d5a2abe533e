package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.teamsmeet.AccessToken;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.testkit.FakeClock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OkHttp client the SDK builds: the builder's timeouts, pool size and keep-alive reach it. */
class OkHttpTransportTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final AccessToken TOKEN = new AccessToken(Fixture.ACCESS_TOKEN);

  @BeforeEach
  void stub() {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(200, Fixture.CREATED_MEETING)));
  }

  private static TeamsMeetings.Builder builder() {
    return Fixture.builder(wm, FakeClock.startingAt(Fixture.NOW), TestTransport.OKHTTP);
  }

  /** The okhttp3 client under the SDK's Feign client for OkHttp. */
  static OkHttpClient okHttpOf(FeignMicrosoftAdapter.Wired ports) {
    return ((OkHttpFeignClient) ((LoggingClient) ports.client()).delegate()).okHttpClient();
  }

  @Test
  void theClientHasTheBuildersTimeoutsNoRedirectsAndOptionsThatMatchIt() throws Exception {
    FeignMicrosoftAdapter.Wired ports =
        FeignMicrosoftAdapter.wire(
            builder()
                .connectTimeout(Duration.ofSeconds(3))
                .requestTimeout(Duration.ofSeconds(4))
                .microsoftSettings());

    OkHttpClient client = okHttpOf(ports);

    assertThat(client.connectTimeoutMillis()).isEqualTo(3_000);
    assertThat(client.readTimeoutMillis()).isEqualTo(4_000);
    assertThat(client.writeTimeoutMillis()).isEqualTo(4_000);
    assertThat(client.followRedirects()).isFalse();
    assertThat(client.followSslRedirects()).isFalse();
    assertThat(client.interceptors()).hasSize(1);

    // the Feign client derives a new client for every request unless the options match the client
    Transport.Wiring wiring =
        Transport.okHttp()
            .wire(new Transport.Settings(Duration.ofSeconds(3), Duration.ofSeconds(4), true));
    assertThat(wiring.options().connectTimeoutMillis()).isEqualTo(3_000);
    assertThat(wiring.options().readTimeoutMillis()).isEqualTo(4_000);
    assertThat(wiring.options().isFollowRedirects()).isFalse();
  }

  @Test
  void theDefaultPoolKeepsTheConnectionForTheNextRequest() throws Exception {
    FeignMicrosoftAdapter.Wired ports = FeignMicrosoftAdapter.wire(builder().microsoftSettings());

    ports.meetings().get(TOKEN, "m1", Fixture.deadline());
    ports.meetings().get(TOKEN, "m2", Fixture.deadline());

    assertThat(okHttpOf(ports).connectionPool().connectionCount()).isEqualTo(1);
    assertThat(okHttpOf(ports).connectionPool().idleConnectionCount()).isEqualTo(1);
  }

  @Test
  void maxIdleConnectionsZeroKeepsNoIdleConnection() throws Exception {
    FeignMicrosoftAdapter.Wired ports =
        FeignMicrosoftAdapter.wire(
            builder().transport(Transport.okHttp(0, Duration.ofMinutes(2))).microsoftSettings());

    ports.meetings().get(TOKEN, "m1", Fixture.deadline());

    assertThat(eventuallyIdle(okHttpOf(ports), 0, Duration.ofSeconds(3))).isZero();
  }

  @Test
  void keepAliveClosesAnIdleConnectionAfterIt() throws Exception {
    FeignMicrosoftAdapter.Wired ports =
        FeignMicrosoftAdapter.wire(
            builder().transport(Transport.okHttp(20, Duration.ofMillis(200))).microsoftSettings());

    ports.meetings().get(TOKEN, "m1", Fixture.deadline());

    assertThat(eventuallyIdle(okHttpOf(ports), 0, Duration.ofSeconds(3))).isZero();
  }

  @Test
  void releasingTheTransportClosesTheIdleConnectionsOfTheClientTheSdkBuilt() throws Exception {
    FeignMicrosoftAdapter.Wired ports = FeignMicrosoftAdapter.wire(builder().microsoftSettings());
    ports.meetings().get(TOKEN, "m1", Fixture.deadline());
    assertThat(okHttpOf(ports).connectionPool().connectionCount()).isEqualTo(1);

    ports.release().run();

    assertThat(okHttpOf(ports).connectionPool().connectionCount()).isZero();
  }

  private static int eventuallyIdle(OkHttpClient client, int expected, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    int idle;
    while ((idle = client.connectionPool().idleConnectionCount()) != expected
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return idle;
  }
}
