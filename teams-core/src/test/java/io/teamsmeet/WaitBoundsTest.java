package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * No caller waits without bound: single-flight waiters end at their call's deadline, are released
 * when the refresh fails or the service closes, and never wait for a background refresh that has
 * not started. The fake token endpoint here blocks on a latch (it ignores deadlines, as a stalled
 * adapter would), so every bound below is the core's own.
 */
class WaitBoundsTest {

  private static final MeetingRequest REQUEST =
      MeetingRequest.of("Sync", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(30));

  /** Far above every bound under test, far below "forever": a failure here means a hang. */
  private static final long HANG_SECONDS = 20;

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Fixture> fixtures = new ArrayList<>();

  @AfterEach
  void tearDown() {
    for (Fixture f : fixtures) {
      CountDownLatch gate = f.identity.refreshGate;
      if (gate != null) {
        gate.countDown();
      }
      f.close();
    }
    pool.shutdownNow();
  }

  private Fixture fixture(java.util.function.UnaryOperator<TeamsMeetings.Builder> customize) {
    Fixture f = new Fixture(customize);
    fixtures.add(f);
    return f;
  }

  /**
   * Connects ana, expires her token and makes her next refresh hang until the gate opens. The
   * connect runs on a second instance over the same store with the default call timeout, so that a
   * slow, loaded machine cannot make the setup itself miss a short deadline under test.
   */
  private static void hangAnasNextRefresh(Fixture f) {
    try (TeamsMeetings setup = f.builder(f.store, f.keys).build()) {
      f.connect(setup, "user-1", "ana@contoso.com");
    }
    f.expireAccessTokens();
    f.identity.gatedAccount = "ana@contoso.com";
    f.identity.refreshEntered = new CountDownLatch(1);
    f.identity.refreshGate = new CountDownLatch(1);
  }

  private List<Future<Meeting>> callers(Fixture f, int count) {
    List<Future<Meeting>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(pool.submit(() -> f.service.meetings().create("user-1", REQUEST)));
    }
    return calls;
  }

  private static Throwable failureOf(Future<?> call) throws Exception {
    try {
      call.get(HANG_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }

  @RepeatedTest(3)
  void singleFlightWaitersEndAtTheirDeadlineWhileTheRefreshHangs() throws Exception {
    Fixture f = fixture(b -> b.callTimeout(Duration.ofMillis(300)));
    hangAnasNextRefresh(f);
    Future<Meeting> leader = pool.submit(() -> f.service.meetings().create("user-1", REQUEST));
    assertThat(f.identity.refreshEntered.await(HANG_SECONDS, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    List<Future<Meeting>> waiters = callers(f, 8);
    for (Future<Meeting> waiter : waiters) {
      assertThat(failureOf(waiter))
          .isExactlyInstanceOf(TeamsServiceException.class)
          .hasMessageContaining("timeout of 300 ms")
          .hasMessageContaining("token refresh in progress")
          .satisfies(
              e -> {
                TeamsServiceException t = (TeamsServiceException) e;
                assertThat(t.isRetryable()).isTrue();
                assertThat(t.requestMayHaveBeenSent()).isFalse();
              });
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("eight waiters of a 300 ms deadline")
        .isLessThan(Duration.ofSeconds(10));
    assertThat(leader.isDone()).as("the refresh itself is still hanging").isFalse();
    assertThat(f.identity.refreshes).as("the waiters did not refresh themselves").hasValue(1);

    f.identity.refreshGate.countDown();
    // The leader's own deadline passed while it was stuck: it does not go on to create a meeting.
    assertThat(failureOf(leader))
        .isExactlyInstanceOf(TeamsServiceException.class)
        .hasMessageContaining("was not sent");
    assertThat(f.graph.meetings).isEmpty();
    // The refreshed token was kept: the next call needs no refresh.
    assertThat(f.service.meetings().create("user-1", REQUEST).joinUrl()).isNotNull();
    assertThat(f.identity.refreshes).hasValue(1);
  }

  @Test
  void waitersAreReleasedAtOnceWhenTheSharedRefreshFails() throws Exception {
    Fixture f = fixture(b -> b.callTimeout(Duration.ofMinutes(5)));
    hangAnasNextRefresh(f);
    f.identity.refreshFailures.add(
        TeamsServiceException.of(
            "the token endpoint refused the request",
            ErrorDetails.builder().status(400).code("invalid_request").build(),
            false,
            null));
    Future<Meeting> leader = pool.submit(() -> f.service.meetings().create("user-1", REQUEST));
    assertThat(f.identity.refreshEntered.await(HANG_SECONDS, TimeUnit.SECONDS)).isTrue();
    List<Future<Meeting>> waiters = callers(f, 8);
    awaitWaiting(f, 8);

    f.identity.refreshGate.countDown();

    assertThat(failureOf(leader)).hasMessageContaining("refused the request");
    for (Future<Meeting> waiter : waiters) {
      assertThat(failureOf(waiter))
          .as("released with the refresh's own failure, long before their 5 min deadline")
          .hasMessageContaining("refused the request");
    }
  }

  @Test
  void closingTheServiceReleasesEveryWaiterAndRefusesLaterCalls() throws Exception {
    Fixture f = fixture(b -> b.callTimeout(Duration.ofMinutes(5)));
    hangAnasNextRefresh(f);
    Future<Meeting> leader = pool.submit(() -> f.service.meetings().create("user-1", REQUEST));
    assertThat(f.identity.refreshEntered.await(HANG_SECONDS, TimeUnit.SECONDS)).isTrue();
    List<Future<Meeting>> waiters = callers(f, 8);
    awaitWaiting(f, 8);

    f.service.close();

    for (Future<Meeting> waiter : waiters) {
      assertThat(failureOf(waiter))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
    assertThat(leader.isDone()).isFalse();
    assertThatThrownBy(() -> f.service.meetings().create("user-1", REQUEST))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    f.identity.refreshGate.countDown();
    // A call already past its wait (the one refreshing) finishes its own work, as with
    // ExecutorService.shutdown(): it is not left hanging either.
    assertThat(leader.get(HANG_SECONDS, TimeUnit.SECONDS).joinUrl()).isNotNull();
  }

  @RepeatedTest(3)
  void aCallerNeverWaitsForARefreshAheadStillQueuedBehindAnotherUsersSlowOne() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      Fixture f = anaRefreshingAheadAndHangingWithBoQueuedBehind(single);
      f.clock.advance(Duration.ofMinutes(5)); // bo's token is no longer usable

      Meeting meeting =
          CompletableFuture.supplyAsync(() -> f.service.meetings().create("user-2", REQUEST), pool)
              .get(HANG_SECONDS, TimeUnit.SECONDS);

      assertThat(f.graph.owners.get(meeting.id())).isEqualTo("bo@contoso.com");
      assertThat(f.identity.refreshGate.getCount()).as("ana's refresh still hangs").isEqualTo(1);
      f.identity.refreshGate.countDown();
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void aRefreshAheadQueuedWhenTheServiceClosesDoesNothingWhenItRuns() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      Fixture f = anaRefreshingAheadAndHangingWithBoQueuedBehind(single);

      f.service.close();
      f.identity.refreshGate.countDown();
      single.shutdown();
      assertThat(single.awaitTermination(HANG_SECONDS, TimeUnit.SECONDS)).isTrue();

      assertThat(f.identity.refreshesByAccount.get("bo@contoso.com"))
          .as("the queued refresh ran after close and did nothing")
          .isNull();
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void aRetryAfterLongerThanWhatIsLeftOfTheDeadlineIsNotWaitedFor() {
    Fixture f = fixture(b -> b.callTimeout(Duration.ofSeconds(2)));
    f.connect("user-1", "ana@contoso.com");
    f.graph.failures.add(
        ThrottledException.of(
            Duration.ofSeconds(10),
            ErrorDetails.builder().status(429).code("TooManyRequests").build()));

    assertThatThrownBy(() -> f.service.meetings().create("user-1", REQUEST))
        .isInstanceOfSatisfying(
            ThrottledException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(10)));
    assertThat(f.sleeps).as("no wait that would outlast the deadline").isEmpty();
    assertThat(f.graph.calls).hasValue(1);
  }

  /**
   * Ana's and Bo's tokens (1 h) enter the refresh-ahead window; Ana's refresh-ahead runs on the
   * single background thread and hangs, Bo's waits in the executor's queue behind it.
   */
  private Fixture anaRefreshingAheadAndHangingWithBoQueuedBehind(ExecutorService single)
      throws InterruptedException {
    Fixture f = fixture(b -> b.refreshExecutor(single));
    f.connect("user-1", "ana@contoso.com");
    f.connect("user-2", "bo@contoso.com");
    f.clock.advance(Duration.ofMinutes(51)); // usable until 55 min, refreshed ahead from 50 min
    f.identity.gatedAccount = "ana@contoso.com";
    f.identity.refreshEntered = new CountDownLatch(1);
    f.identity.refreshGate = new CountDownLatch(1);
    f.service.meetings().create("user-1", REQUEST); // queues Ana's refresh-ahead: it runs and hangs
    assertThat(f.identity.refreshEntered.await(HANG_SECONDS, TimeUnit.SECONDS)).isTrue();
    f.service.meetings().create("user-2", REQUEST); // queues Bo's refresh-ahead behind it
    return f;
  }

  /** Waits until {@code count} callers are parked on the shared refresh (their threads wait). */
  private void awaitWaiting(Fixture f, int count) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_SECONDS);
    while (System.nanoTime() < end) {
      long parked =
          Thread.getAllStackTraces().entrySet().stream()
              .filter(
                  e ->
                      e.getKey().getState() == Thread.State.TIMED_WAITING
                          || e.getKey().getState() == Thread.State.WAITING)
              .filter(
                  e ->
                      java.util.Arrays.stream(e.getValue())
                          .anyMatch(
                              frame ->
                                  frame.getClassName().equals(SingleFlight.class.getName())
                                      && frame.getMethodName().equals("await")))
              .count();
      if (parked >= count) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the callers never started waiting for the shared refresh");
  }
}
