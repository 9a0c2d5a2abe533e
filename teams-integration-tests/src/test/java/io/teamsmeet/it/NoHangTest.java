package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.Meeting;
import io.teamsmeet.OutcomeUnknownException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.feign.Transport;
import io.teamsmeet.store.StoredGrant;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No call can hang, on either transport: a response whose body stalls after the headers, or
 * dribbles a few bytes per second, on Graph or on the token endpoint during a refresh, and a server
 * that accepts and never answers, all end within {@code requestTimeout} per exchange and {@code
 * callTimeout} per call. A plain create cut off this way is an {@link OutcomeUnknownException} sent
 * once; createOrGet is retried and succeeds; eight threads waiting for one stalled refresh are all
 * released by the deadline.
 *
 * <p>Each test uses another instance of the application ({@link #bounded}) on Ana's stored grant,
 * with a 1 s request timeout and a 2 s call timeout; its first call refreshes. Durations are only
 * asserted as upper bounds with wide slack ({@link #SLACK_BOUND}): without the bounds, these calls
 * never return (java.net.http) or take minutes (a dribble on OkHttp).
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"jdk", "okhttp"})
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails, not blocks
class NoHangTest extends OneConnectedUser {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

  /** Far above the 2 s call timeout, far below what an unbounded exchange takes. */
  private static final long SLACK_BOUND = 5_000;

  @Parameter String transport;

  private final List<TeamsMeetings> opened = new ArrayList<>();

  @AfterEach
  void closeInstances() {
    opened.forEach(TeamsMeetings::close);
  }

  private TeamsMeetings bounded(URI graph, Duration requestTimeout, Duration callTimeout) {
    TeamsMeetings teams =
        rig.sdk(store, keys, fake.identityBaseUri(), graph)
            .transport(transport.equals("okhttp") ? Transport.okHttp() : Transport.jdk())
            .requestTimeout(requestTimeout)
            .callTimeout(callTimeout)
            .build();
    opened.add(teams);
    return teams;
  }

  private TeamsMeetings bounded() {
    return bounded(fake.graphBaseUri(), REQUEST_TIMEOUT, CALL_TIMEOUT);
  }

  private String existingMeeting() {
    return fake.meetings(Rig.ANA.userPrincipalName()).get(0).id();
  }

  private static long millisOf(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Runs a call that must fail, within the bound, with the timeout of {@code service}. */
  private static TeamsServiceException timesOut(Runnable call, String service) {
    TeamsServiceException[] failure = new TeamsServiceException[1];
    long millis =
        millisOf(
            () -> {
              try {
                call.run();
              } catch (TeamsServiceException e) {
                failure[0] = e;
              }
            });
    TeamsServiceException e = failure[0];
    assertThat(e).as("the call failed").isNotNull();
    Secrets.thrown(e);
    assertThat(millis).as("ended within the call timeout, with slack").isLessThan(SLACK_BOUND);
    assertThat(e.status()).isZero();
    assertThat(e.requestMayHaveBeenSent()).isTrue();
    assertThat(e).hasMessageContaining("no complete response from " + service + " within");
    return e;
  }

  private int posts() {
    return fake.journal().graphCalls("POST").size();
  }

  @Test
  void aGraphBodyThatStallsOnceEndsAtTheRequestTimeoutAndTheGetIsRetried() {
    // A call timeout with room for the refresh, the stalled exchange (1 s) and the retry, even on a
    // loaded machine: this test is about the retry, not about the call's deadline.
    TeamsMeetings teams = bounded(fake.graphBaseUri(), REQUEST_TIMEOUT, Duration.ofSeconds(4));
    String id = existingMeeting();
    fake.graph().stallBodyNext(1);

    long millis = millisOf(() -> assertThat(teams.meetings().get(USER, id).id()).isEqualTo(id));

    assertThat(millis).isLessThan(SLACK_BOUND);
    assertThat(fake.journal().graphCalls("GET")).hasSize(2);
  }

  @Test
  void aGraphBodyThatStallsOnEveryAttemptEndsWithinTheCallTimeout() {
    TeamsMeetings teams = bounded();
    String id = existingMeeting();
    fake.graph().stallBodyNext(10);

    TeamsServiceException e = timesOut(() -> teams.meetings().get(USER, id), "Microsoft Graph");

    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void aGraphBodyThatDribblesEndsWithinTheCallTimeout() {
    TeamsMeetings teams = bounded();
    String id = existingMeeting();
    fake.graph().dribbleNext(10, 5);

    timesOut(() -> teams.meetings().get(USER, id), "Microsoft Graph");
  }

  @Test
  void aPlainCreateWhoseBodyStallsIsOutcomeUnknownAndWasSentOnce() {
    TeamsMeetings teams = bounded();
    int postsBefore = posts();
    fake.graph().stallBodyNext(1);

    TeamsServiceException e =
        timesOut(() -> teams.meetings().create(USER, REQUEST), "Microsoft Graph");

    assertThat(e).isInstanceOf(OutcomeUnknownException.class);
    assertThat(e.isRetryable()).isFalse();
    assertThat(posts() - postsBefore).as("sent once, never again").isEqualTo(1);
    assertThat(meetings()).as("Graph did create it").isEqualTo(2);
  }

  @Test
  void aCreateOrGetWhoseBodyStallsIsRetriedAndSucceeds() {
    TeamsMeetings teams = bounded();
    fake.graph().stallBodyNext(1);

    Meeting[] meeting = new Meeting[1];
    long millis =
        millisOf(
            () -> meeting[0] = teams.meetings().create(USER, REQUEST.withExternalId("standup-7")));

    assertThat(millis).isLessThan(SLACK_BOUND);
    assertThat(meeting[0].externalId()).contains("standup-7");
    assertThat(meetings()).as("one meeting for the two attempts").isEqualTo(2);
  }

  @Test
  void aRefreshWhoseBodyStallsEndsWithinTheCallTimeoutAndLeavesTheGrant() {
    StoredGrant before = stored();
    TeamsMeetings teams = bounded();
    String id = existingMeeting();
    fake.tokenEndpoint().stallBodyNext(10);

    timesOut(() -> teams.meetings().get(USER, id), "the Microsoft identity platform");

    assertUnchanged(before);
  }

  @Test
  void aRefreshWhoseBodyDribblesEndsWithinTheCallTimeout() {
    StoredGrant before = stored();
    TeamsMeetings teams = bounded();
    String id = existingMeeting();
    fake.tokenEndpoint().dribbleNext(10, 5);

    timesOut(() -> teams.meetings().get(USER, id), "the Microsoft identity platform");

    assertUnchanged(before);
  }

  @Test
  void eightThreadsWaitingForOneStalledRefreshAreAllReleasedByTheDeadline() throws Exception {
    TeamsMeetings teams = bounded();
    String id = existingMeeting();
    fake.tokenEndpoint().stallBodyNext(100);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Long> waited = new CopyOnWriteArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  waited.add(
                      millisOf(
                          () -> {
                            try {
                              teams.meetings().get(USER, id);
                            } catch (RuntimeException e) {
                              failures.add(e);
                            }
                          }));
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS); // a safety net for a hang, far above the asserted bound
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(failures)
        .hasSize(threads)
        .allSatisfy(e -> assertThat(e).isInstanceOf(TeamsServiceException.class));
    assertThat(waited).allSatisfy(millis -> assertThat(millis).isLessThan(SLACK_BOUND));
    assertThat(fake.refreshCount())
        .as("one shared refresh, not one per thread")
        .isLessThan(threads);
  }

  @Test
  void aServerThatAcceptsAndNeverAnswersEndsWithinTheCallTimeoutNotFourRequestTimeouts()
      throws IOException {
    try (Silent silent = new Silent()) {
      TeamsMeetings teams = bounded(silent.uri(), Duration.ofSeconds(3), Duration.ofMillis(3200));

      // a second attempt of a full 3 s would end after 6 s; the call's 3.2 s deadline ends it
      timesOut(() -> teams.meetings().get(USER, "any"), "Microsoft Graph");
    }
  }

  /** Accepts connections, reads nothing, answers nothing; closes them all at the end. */
  private static final class Silent implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    Silent() throws IOException {
      acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(server.accept());
                  }
                } catch (IOException closed) {
                  // the server socket was closed: done
                }
              },
              "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }
}
