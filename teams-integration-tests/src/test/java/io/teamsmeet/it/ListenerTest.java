package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.AuthorizationDeniedException;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsListener;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.testkit.RetryAfter;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TeamsListener} through the public entry point against the testkit's fake Microsoft: each
 * event is caused by a real fault or a real race and checked as the listener receives it.
 */
class ListenerTest {

  private static final String USER = "app-user-ana";
  private static final MeetingRequest REQUEST =
      MeetingRequest.of(
          "Listener review", Instant.parse("2031-03-03T15:00:00Z"), Duration.ofMinutes(30));

  private static Rig rig;

  private final Recorder events = new Recorder();
  private InMemoryTokenStore store;
  private KeysetHandle keys;
  private final List<TeamsMeetings> opened = new ArrayList<>();

  @BeforeAll
  static void startFake() {
    rig = Rig.start();
  }

  @AfterAll
  static void stopFake() {
    rig.close();
  }

  @BeforeEach
  void freshStore() {
    store = new InMemoryTokenStore();
    keys = Rig.newKeys();
  }

  @AfterEach
  void closeAll() {
    opened.forEach(TeamsMeetings::close);
    rig.reset();
  }

  private TeamsMeetings sdk(Consumer<TeamsMeetings.Builder> customize) {
    TeamsMeetings.Builder builder = rig.sdk(store, keys).listener(events);
    customize.accept(builder);
    TeamsMeetings teams = builder.build();
    opened.add(teams);
    return teams;
  }

  private TeamsMeetings connected() {
    TeamsMeetings teams = sdk(b -> {});
    rig.connect(teams, USER, Rig.ANA);
    return teams;
  }

  @Test
  void connectCompletedAndDenied() {
    TeamsMeetings teams = connected();
    assertThat(events.all()).containsExactly("connectCompleted " + USER);

    rig.fake.nextSignInDeclines();
    assertThatThrownBy(() -> teams.completeConnect("bo", Rig.signIn(teams.beginConnect("bo"))))
        .isInstanceOf(AuthorizationDeniedException.class);
    assertThat(events.all()).contains("connectDenied bo access_denied userDeclined=true");
  }

  @Test
  void refreshOnCallReportsOutcomeAndDuration() {
    TeamsMeetings teams = connected();
    rig.fake.advanceClock(Duration.ofHours(2));
    teams.meetings().create(USER, REQUEST);

    assertThat(events.all()).contains("tokenRefreshed " + USER + " CALL SUCCESS");
    assertThat(events.durations).hasSize(1).allMatch(d -> !d.isNegative() && !d.isZero());
  }

  @Test
  void aRejectedTokenIsRefreshedWithItsOwnTrigger() {
    TeamsMeetings teams = connected();
    rig.fake.expireAccessTokens(Rig.ANA.userPrincipalName());
    teams.meetings().create(USER, REQUEST);

    assertThat(events.all()).contains("tokenRefreshed " + USER + " REJECTED_TOKEN SUCCESS");
  }

  @Test
  void retriesCarryReasonStatusAndWait() {
    TeamsMeetings teams = connected();
    String id = teams.meetings().create(USER, REQUEST).id();
    rig.fake.graph().throttleNext(1, RetryAfter.seconds(1));
    rig.fake.graph().failNext(1, 504, RetryAfter.none());
    teams.meetings().get(USER, id);

    assertThat(events.all())
        .containsSubsequence(
            "retrying Graph call 1 THROTTLED 429 PT1S", "retrying Graph call 2 SERVER_ERROR 504");
  }

  @Test
  void givingUpThrottledIsReportedOnce() {
    TeamsMeetings teams = connected();
    rig.fake.graph().throttleNext(10, RetryAfter.seconds(1));

    assertThatThrownBy(() -> teams.meetings().create(USER, REQUEST))
        .isInstanceOf(ThrottledException.class);
    // Rig's policy allows 4 attempts: three waits of 1 s (on the fake clock), then it gives up
    assertThat(events.all()).filteredOn(e -> e.startsWith("retrying")).hasSize(3);
    assertThat(events.all())
        .filteredOn(e -> e.startsWith("throttled"))
        .containsExactly("throttled Graph call PT1S");
  }

  @Test
  void aGrantMicrosoftRejectedIsDeletedWithItsReason() {
    TeamsMeetings teams = connected();
    rig.fake.revokeGrants(Rig.ANA.userPrincipalName());
    rig.fake.advanceClock(Duration.ofHours(2));

    assertThatThrownBy(() -> teams.meetings().create(USER, REQUEST))
        .isInstanceOf(ReauthorizationRequiredException.class);
    assertThat(events.all())
        .contains(
            "tokenRefreshed " + USER + " CALL REAUTHORIZATION_REQUIRED",
            "grantDeleted " + USER + " INVALID_GRANT");
  }

  @Test
  void disconnectReportsADeletionOnlyWhenThereWasAGrant() {
    TeamsMeetings teams = connected();
    teams.disconnect(USER);
    teams.disconnect(USER);
    teams.disconnect("never-connected");

    assertThat(events.all())
        .filteredOn(e -> e.startsWith("grantDeleted"))
        .containsExactly("grantDeleted " + USER + " DISCONNECTED");
  }

  @Test
  void refreshAheadIsQueuedThenReportedAsAnAheadRefresh() throws Exception {
    TeamsMeetings teams = sdk(b -> b.refreshAhead(Duration.ofMinutes(10)));
    rig.connect(teams, USER, Rig.ANA);
    // into the refresh-ahead window (the fake's tokens live 1 h; 5 min skew, 10 min ahead)
    rig.fake.advanceClock(Duration.ofMinutes(47));
    teams.meetings().create(USER, REQUEST);

    assertThat(events.all()).contains("refreshAheadQueued " + USER);
    events.await("tokenRefreshed " + USER + " AHEAD SUCCESS");
  }

  @Test
  void aSaturatedExecutorSkipsRefreshAhead() {
    TeamsMeetings teams =
        sdk(
            b ->
                b.refreshAhead(Duration.ofMinutes(10))
                    .refreshExecutor(
                        task -> {
                          throw new RejectedExecutionException("saturated");
                        }));
    rig.connect(teams, USER, Rig.ANA);
    rig.fake.advanceClock(Duration.ofMinutes(47));
    teams.meetings().create(USER, REQUEST);

    assertThat(events.all()).contains("refreshAheadSkipped " + USER);
  }

  @Test
  void manyCallersSharingOneRefreshAreReportedAsOne() throws Exception {
    TeamsMeetings teams = connected();
    rig.fake.advanceClock(Duration.ofHours(2));
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return teams.accessToken(USER);
                }));
      }
      start.countDown();
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rig.fake.refreshCount()).isEqualTo(1);
    assertThat(events.all())
        .filteredOn(e -> e.startsWith("tokenRefreshed"))
        .containsExactly("tokenRefreshed " + USER + " CALL SUCCESS");
  }

  @Test
  void aLostCompareAndSetIsAStoreConflict() {
    TeamsMeetings other = sdk(b -> {});
    rig.connect(other, USER, Rig.ANA);
    // This instance's first write of the refreshed grant finds that the other instance wrote first
    AtomicBoolean raced = new AtomicBoolean();
    TokenStore racing =
        new TokenStore() {
          @Override
          public Optional<StoredGrant> load(String userId) {
            return store.load(userId);
          }

          @Override
          public boolean save(StoredGrant grant, long expectedVersion) {
            if (raced.compareAndSet(false, true)) {
              other.reseal(grant.userId()); // the other instance changes the row in between
            }
            return store.save(grant, expectedVersion);
          }

          @Override
          public boolean delete(String userId, long expectedVersion) {
            return store.delete(userId, expectedVersion);
          }
        };
    TeamsMeetings teams = sdk(b -> b.tokenStore(racing));
    teams.meetings().create(USER, REQUEST);

    assertThat(events.all())
        .contains(
            "storeConflict " + USER + " refresh the grant",
            "tokenRefreshed " + USER + " CALL SUCCESS");
  }

  @Test
  void aListenerThatThrowsNeverBreaksACallAndIsLoggedOnceAtWarning() {
    Logger logger = Logger.getLogger("io.teamsmeet.listener");
    ConcurrentLinkedQueue<LogRecord> logged = new ConcurrentLinkedQueue<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Level before = logger.getLevel();
    logger.setLevel(Level.ALL);
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
    try {
      TeamsListener broken =
          new TeamsListener() {
            @Override
            public void connectCompleted(String userId) {
              throw new IllegalStateException("listener bug");
            }

            @Override
            public void tokenRefreshed(
                String userId, RefreshTrigger trigger, RefreshOutcome outcome, Duration d) {
              throw new IllegalStateException("listener bug");
            }
          };
      TeamsMeetings teams = sdk(b -> b.listener(broken).listener(events));
      rig.connect(teams, USER, Rig.ANA);
      rig.fake.advanceClock(Duration.ofHours(2));
      assertThat(teams.meetings().create(USER, REQUEST).joinUrl()).isNotNull();

      // the listener after the broken one still got everything
      assertThat(events.all())
          .contains("connectCompleted " + USER, "tokenRefreshed " + USER + " CALL SUCCESS");
      assertThat(logged).extracting(LogRecord::getLevel).containsExactly(Level.WARNING, Level.FINE);
      assertThat(logged.peek().getMessage()).doesNotContain("listener bug");
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(before);
    }
  }

  @Test
  void nothingAListenerReceivesHoldsASecret() {
    TeamsMeetings teams = connected();
    rig.fake.graph().throttleNext(1, RetryAfter.seconds(0));
    rig.fake.advanceClock(Duration.ofHours(2));
    teams.meetings().create(USER, REQUEST);
    teams.disconnect(USER);
    rig.harvest();

    String received = String.join("\n", events.all());
    assertThat(received).isNotEmpty();
    for (String secret : Secrets.all()) {
      assertThat(received).doesNotContain(secret);
    }
  }

  /** Records each event as one line of its arguments (durations apart: they vary). */
  static final class Recorder implements TeamsListener {
    final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Duration> durations = new ConcurrentLinkedQueue<>();

    List<String> all() {
      return List.copyOf(lines);
    }

    void await(String line) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!lines.contains(line) && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      assertThat(all()).contains(line);
    }

    @Override
    public void connectCompleted(String userId) {
      lines.add("connectCompleted " + userId);
    }

    @Override
    public void connectDenied(String userId, AuthorizationDeniedException denial) {
      lines.add(
          "connectDenied "
              + userId
              + " "
              + denial.error()
              + " userDeclined="
              + denial.isUserDeclined());
    }

    @Override
    public void tokenRefreshed(
        String userId, RefreshTrigger trigger, RefreshOutcome outcome, Duration duration) {
      durations.add(duration);
      lines.add("tokenRefreshed " + userId + " " + trigger + " " + outcome);
    }

    @Override
    public void refreshAheadQueued(String userId) {
      lines.add("refreshAheadQueued " + userId);
    }

    @Override
    public void refreshAheadSkipped(String userId) {
      lines.add("refreshAheadSkipped " + userId);
    }

    @Override
    public void retrying(
        String operation, int attempt, RetryReason reason, int status, Duration wait) {
      // a backoff wait is random: only a Retry-After wait is exact
      lines.add(
          "retrying "
              + operation
              + " "
              + attempt
              + " "
              + reason
              + " "
              + status
              + (reason == RetryReason.THROTTLED ? " " + wait : ""));
    }

    @Override
    public void throttled(String operation, Optional<Duration> retryAfter) {
      lines.add("throttled " + operation + " " + retryAfter.map(Duration::toString).orElse("-"));
    }

    @Override
    public void grantDeleted(String userId, DeletionReason reason) {
      lines.add("grantDeleted " + userId + " " + reason);
    }

    @Override
    public void storeConflict(String userId, String change) {
      lines.add("storeConflict " + userId + " " + change);
    }
  }
}
