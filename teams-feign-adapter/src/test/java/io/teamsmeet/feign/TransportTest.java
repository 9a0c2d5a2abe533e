package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.teamsmeet.AccessToken;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.testkit.FakeClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * What every transport promises beyond the shared suite: the configured client is the one that
 * sends, a client of the user's own is used and not changed and still gets the request timeout, and
 * a request with a body is never sent twice by the transport itself.
 */
@OnEachTransport
class TransportTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private static final AccessToken TOKEN = new AccessToken(Fixture.ACCESS_TOKEN);
  private static final String MEETINGS = "/graph/v1.0/me/onlineMeetings";

  private final FakeClock clock = FakeClock.startingAt(Fixture.NOW);

  private static MeetingRequest meeting() {
    return MeetingRequest.of("Design review", Fixture.NOW, Duration.ofMinutes(30));
  }

  @Test
  void theChosenTransportsClientSendsAndFeignsDefaultClientIsNever() {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(200, Fixture.CREATED_MEETING)));

    FeignMicrosoftAdapter.Wired ports =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings());
    ports.meetings().get(TOKEN, "m1", Fixture.deadline());

    assertThat(ports.client()).isInstanceOf(LoggingClient.class);
    assertThat(((LoggingClient) ports.client()).delegate())
        .isExactlyInstanceOf(
            transport == TestTransport.JDK ? JdkClient.class : OkHttpFeignClient.class);
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void aRequestWithABodyIsNotSentAgainWhenTheConnectionDiesAfterIt() {
    for (Transport t : List.of(transport.sdkBuilt(), transport.own())) {
      wm.resetAll();
      wm.stubFor(get(anyUrl()).willReturn(Fixture.json(200, Fixture.CREATED_MEETING)));
      wm.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      GraphMeetingPort graph =
          FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock).transport(t).microsoftSettings())
              .meetings();
      graph.get(
          TOKEN, "m1", Fixture.deadline()); // a pooled connection, which a client may retry on

      TeamsServiceException e =
          catchThrowableOfType(
              TeamsServiceException.class,
              () -> graph.create(TOKEN, meeting(), Fixture.deadline()));

      assertThat(e.isRetryable()).as("%s", t).isTrue();
      assertThat(e.status()).isZero();
      assertThat(wm.findAll(postRequestedFor(urlEqualTo(MEETINGS)))).as("%s", t).hasSize(1);
    }
  }

  @Test
  void a503WithRetryAfterZeroIsReportedNotReplayedByTheTransport() {
    wm.stubFor(
        post(anyUrl())
            .willReturn(
                Fixture.json(503, GraphErrorTest.graphError("serviceNotAvailable", "Busy"))
                    .withHeader("Retry-After", "0")));
    GraphMeetingPort graph =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings())
            .meetings();

    ThrottledException e =
        catchThrowableOfType(
            ThrottledException.class, () -> graph.create(TOKEN, meeting(), Fixture.deadline()));

    assertThat(e.retryAfter()).contains(Duration.ZERO);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(MEETINGS)))).hasSize(1);
  }

  @Test
  void aClientOfYourOwnSendsAndStillGetsTheRequestTimeout() {
    wm.stubFor(
        post(anyUrl()).willReturn(Fixture.json(201, Fixture.CREATED_MEETING).withFixedDelay(2500)));
    wm.stubFor(get(anyUrl()).willReturn(Fixture.json(200, Fixture.CREATED_MEETING)));
    GraphMeetingPort graph =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, clock)
                    .transport(transport.own())
                    .requestTimeout(Duration.ofMillis(700))
                    .microsoftSettings())
            .meetings();

    assertThat(graph.get(TOKEN, "m1", Fixture.deadline()).id()).isNotBlank();
    long start = System.nanoTime();
    TeamsServiceException e =
        catchThrowableOfType(
            TeamsServiceException.class, () -> graph.create(TOKEN, meeting(), Fixture.deadline()));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(e.getMessage())
        .contains("no complete response from Microsoft Graph within 700 ms (requestTimeout)");
    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
    assertThat(millis).isBetween(600L, 2400L);
  }

  @Test
  void aDribblingBodyIsCutAtTheBoundOnAClientTheSdkBuildsAndOnYourOwn() {
    // headers after 0.1 s, then the body over 20 s: no single read waits long
    wm.stubFor(
        get(anyUrl())
            .willReturn(
                Fixture.json(200, Fixture.CREATED_MEETING).withChunkedDribbleDelay(200, 20_000)));
    for (Transport t : List.of(transport.sdkBuilt(), transport.own())) {
      GraphMeetingPort graph =
          FeignMicrosoftAdapter.wire(
                  Fixture.builder(wm, clock)
                      .transport(t)
                      .requestTimeout(Duration.ofSeconds(1))
                      .microsoftSettings())
              .meetings();

      long start = System.nanoTime();
      TeamsServiceException byRequestTimeout =
          catchThrowableOfType(
              TeamsServiceException.class, () -> graph.get(TOKEN, "m1", Fixture.deadline()));
      TeamsServiceException byDeadline =
          catchThrowableOfType(
              TeamsServiceException.class,
              () -> graph.get(TOKEN, "m1", Deadline.after(Duration.ofMillis(800))));
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(byRequestTimeout)
          .as("%s", t)
          .hasMessageContaining(
              "no complete response from Microsoft Graph within 1 s (requestTimeout)");
      assertThat(byDeadline).as("%s", t).hasMessageContaining("(the call's deadline)");
      assertThat(byDeadline.isRetryable()).isTrue();
      assertThat(byDeadline.requestMayHaveBeenSent()).isTrue();
      assertThat(millis).as("%s: two bounded exchanges, with slack", t).isLessThan(6_000);
    }
  }

  @Test
  void aBodyLargerThanTheLimitIsRefusedAndNotRetryable() {
    byte[] huge = new byte[Http.MAX_BODY + 10];
    java.util.Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    huge[huge.length - 1] = '}';
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody(huge)));
    GraphMeetingPort graph =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings())
            .meetings();

    TeamsServiceException e =
        catchThrowableOfType(
            TeamsServiceException.class, () -> graph.get(TOKEN, "m1", Fixture.deadline()));

    assertThat(e).hasMessageContaining("Microsoft Graph").hasMessageContaining("larger than 4 MiB");
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void aCallWhoseDeadlineHasPassedSendsNothingAndSaysSo() {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(200, Fixture.CREATED_MEETING)));
    GraphMeetingPort graph =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings())
            .meetings();
    Deadline passed = Deadline.after(Duration.ofNanos(1));

    TeamsServiceException e =
        catchThrowableOfType(
            TeamsServiceException.class, () -> graph.create(TOKEN, meeting(), passed));

    assertThat(e.requestMayHaveBeenSent()).isFalse();
    assertThat(e).hasMessageContaining("the call's deadline had passed");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aClientOfYourOwnIsTheOneUsedAndIsLeftAsItWas() {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(200, Fixture.CREATED_MEETING)));
    AtomicInteger seen = new AtomicInteger();
    Transport own;
    Runnable unchanged;
    if (transport == TestTransport.JDK) {
      // the executor the client runs its work on proves that this client sent the requests
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(3))
              .executor(
                  task -> {
                    seen.incrementAndGet();
                    ForkJoinPool.commonPool().execute(task);
                  })
              .build();
      own = Transport.jdk(client);
      unchanged =
          () -> {
            assertThat(client.connectTimeout()).contains(Duration.ofSeconds(3));
            assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
          };
    } else {
      // a corporate interceptor sees the SDK's requests, and the SDK uses this client's pool
      OkHttpClient client =
          new OkHttpClient.Builder()
              .addNetworkInterceptor(
                  chain -> {
                    assertThat(chain.request().header("User-Agent"))
                        .isEqualTo(StandardHeaders.USER_AGENT);
                    seen.incrementAndGet();
                    return chain.proceed(chain.request());
                  })
              .build();
      own = OkHttpTransport.of(client);
      unchanged =
          () -> {
            assertThat(client.readTimeoutMillis()).isEqualTo(10_000);
            assertThat(client.interceptors()).isEmpty();
            assertThat(client.networkInterceptors()).hasSize(1);
            assertThat(client.connectionPool().connectionCount()).isEqualTo(1);
          };
    }

    FeignMicrosoftAdapter.Wired ports =
        FeignMicrosoftAdapter.wire(
            Fixture.builder(wm, clock)
                .transport(own)
                .requestTimeout(Duration.ofSeconds(4))
                .microsoftSettings());
    ports.meetings().get(TOKEN, "m1", Fixture.deadline());
    ports.meetings().get(TOKEN, "m2", Fixture.deadline());
    ports.release().run(); // closing the SDK leaves a client of your own alone

    assertThat(seen).hasPositiveValue();
    unchanged.run();
    wm.verify(2, anyRequestedFor(anyUrl()));
  }
}
