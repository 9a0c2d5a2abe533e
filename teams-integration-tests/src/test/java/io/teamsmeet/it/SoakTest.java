package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.zaxxer.hikari.HikariDataSource;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.OutcomeUnknownException;
import io.teamsmeet.RetryPolicy;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.testkit.FakeAccount;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.testkit.Faults;
import io.teamsmeet.testkit.RecordedRequest;
import io.teamsmeet.testkit.RetryAfter;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Soak: 50 users × 8 threads creating meetings for {@code -Dsoak.seconds} (default 60) against
 * FakeMicrosoft, through two application instances ({@link TeamsMeetings}, each with its own
 * caches, refresh threads and connection pool) sharing one PostgreSQL-backed {@link
 * JdbcTokenStore}. About 5% of requests get a fault (429 with Retry-After in its three forms, 503
 * with and without it, connection resets, slow answers) and access tokens expire every 3 s of real
 * time (30 s of fake time, the fake's clock running ten times faster than the wall clock).
 *
 * <p>Afterwards: every user is still connected on both instances and every stored grant opens (no
 * grant lost); every external id has exactly one meeting, and the meetings without one are exactly
 * the plain creates that succeeded (no duplicate, none lost); refreshes are close to one per token
 * lifetime per user per instance (each instance caches its own access tokens; a refresh that loses
 * the compare-and-set race to the other instance refreshes once more); the heap is flat (measured
 * after GC once the fake's own state is dropped; {@code -Dsoak.histogram=true} prints the top of a
 * class histogram).
 *
 * <pre>
 * mvn -pl teams-integration-tests test -Dtest=SoakTest -Dsoak.seconds=15    # a quick run
 * </pre>
 */
class SoakTest {

  private static final int USERS = 50;
  private static final int THREADS = 8;
  private static final double FAULT_RATE = 0.05;
  private static final Duration LIFETIME = Duration.ofSeconds(30); // fake time
  private static final Duration TICK = Duration.ofSeconds(1); // fake time per 100 ms of real time
  private static final Duration SKEW = Duration.ofSeconds(3);
  private static final int EXTERNAL_IDS_PER_USER = 20;
  private static final Instant START = Instant.parse("2031-06-01T09:00:00Z");
  private static final String[] FAULT_NAMES = {
    "429 Retry-After:0", "429 Retry-After:decimal", "429 Retry-After:date", "429 no Retry-After",
    "503 Retry-After:0", "503 no Retry-After", "reset", "slow"
  };

  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
  private final LongAdder plainCreated = new LongAdder();
  private final LongAdder plainOutcomeUnknown = new LongAdder();
  private final LongAdder keyedCreated = new LongAdder();

  @Test
  void fiftyUsersEightThreadsTwoInstancesOnePostgres() throws Exception {
    long seconds = Long.getLong("soak.seconds", 60);
    Logger jdkHttpTrace = Logger.getLogger("jdk.internal.httpclient.debug");
    Level previousTrace = jdkHttpTrace.getLevel();
    // the JDK's HTTP client trace writes ~200 lines per request (and no header or body, as the
    // other tests show): left at ALL here it would write gigabytes; the SDK's own loggers stay at
    // ALL
    jdkHttpTrace.setLevel(Level.INFO);

    List<FakeAccount> accounts = new ArrayList<>();
    FakeMicrosoft.Builder builder =
        Rig.fakeBuilder()
            .accessTokenLifetime(LIFETIME)
            .journalLimit(2_000)
            .maxMeetingsPerOrganizer(1_000_000);
    for (int i = 0; i < USERS; i++) {
      FakeAccount account =
          FakeAccount.of(String.format("soak-%02d@contoso.com", i), "Soak User " + i);
      accounts.add(account);
      builder.account(account);
    }
    KeysetHandle keys = Rig.newKeys();
    try (Rig rig = Rig.start(builder);
        HikariDataSource poolA = Postgres.pool("instance-a", 10);
        HikariDataSource poolB = Postgres.pool("instance-b", 10)) {
      FakeMicrosoft fake = rig.fake;
      String table = "soak_tokens_" + System.nanoTime();
      TokenStore storeA =
          JdbcTokenStore.builder(poolA).tableName(table).createTableIfMissing(true).build();
      TokenStore storeB = JdbcTokenStore.builder(poolB).tableName(table).build();
      RetryPolicy retries =
          RetryPolicy.builder()
              .maxAttempts(4)
              .initialBackoff(Duration.ofMillis(1))
              .maxBackoff(Duration.ofMillis(20))
              .maxTotalWait(Duration.ofSeconds(3))
              .build();
      try (TeamsMeetings a = instance(rig, storeA, keys, retries);
          TeamsMeetings b = instance(rig, storeB, keys, retries)) {
        TeamsMeetings[] instances = {a, b};
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
          String user = "soak-user-" + i;
          users.add(user);
          rig.connect(instances[i % 2], user, accounts.get(i));
          instances[(i + 1) % 2].meetings().create(user, request(i, Optional.empty()));
        }
        plainCreated.add(USERS);

        long heapBefore = usedHeapAfterGc();
        int refreshesBefore = fake.refreshCount();
        Instant fakeBefore = fake.clock().instant();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService workers = Executors.newFixedThreadPool(THREADS + 2);
        List<Future<?>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
          futures.add(workers.submit(() -> work(running, instances, users)));
        }
        futures.add(workers.submit(() -> advanceClock(running, fake)));
        futures.add(workers.submit(() -> injectFaults(running, fake)));
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        running.set(false);
        for (Future<?> f : futures) {
          f.get(2, TimeUnit.MINUTES);
        }
        workers.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        fake.tokenEndpoint().clear();
        fake.graph().clear();

        // No grant lost: every user connected on both instances, every stored grant opens,
        // and each instance can still create a meeting for each user.
        for (int i = 0; i < USERS; i++) {
          String user = users.get(i);
          for (TeamsMeetings instance : instances) {
            assertThat(instance.status(user).isConnected()).as(user).isTrue();
            instance.meetings().create(user, request(i, Optional.empty()));
            plainCreated.increment();
          }
          StoredGrant grant = storeA.load(user).orElseThrow();
          assertThat(GrantPeek.opens(keys, grant)).as(user).isTrue();
          Secrets.ciphertext(grant.ciphertext());
        }

        // No duplicate, none lost: one meeting per external id; the others are the plain creates.
        long[] tally = tallyMeetings(fake);
        long withoutExternalId = tally[0];
        long externalIds = tally[1];
        // A plain create whose answer was lost (OutcomeUnknownException) may or may not have
        // created its meeting; every other failure created none.
        assertThat(withoutExternalId)
            .as(
                "meetings without external id: the successful plain creates, plus at most those"
                    + " whose outcome was reported unknown")
            .isBetween(plainCreated.sum(), plainCreated.sum() + plainOutcomeUnknown.sum());

        int refreshes = fake.refreshCount() - refreshesBefore;
        Duration fakeElapsed = Duration.between(fakeBefore, fake.clock().instant());
        double expiries = 2.0 * USERS * fakeElapsed.toMillis() / LIFETIME.toMillis();
        double ratio = refreshes / expiries;
        rig.harvest();
        int graphRequests = fake.journal().graphCallCount();
        int tokenRequests = fake.journal().count(RecordedRequest.Endpoint.TOKEN);

        // Heap flat: drop the fake's own state (meetings, tokens, journal), then measure.
        fake.reset();
        long heapAfter = usedHeapAfterGc();
        if (Boolean.getBoolean("soak.histogram")) {
          System.out.println(
              java.lang.management.ManagementFactory.getPlatformMBeanServer()
                  .invoke(
                      new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                      "gcClassHistogram",
                      new Object[] {null},
                      new String[] {String[].class.getName()})
                  .toString()
                  .lines()
                  .limit(40)
                  .collect(Collectors.joining("\n")));
        }

        System.out.printf(
            "%nSoak summary (%d users x %d threads, 2 instances, one PostgreSQL, %.1f s):%n "
                + " meetings created: %d plain + %d create-or-get calls (%d distinct external ids);"
                + " %.0f calls/s%n  typed failures handed to callers: %s%n  faults injected (about"
                + " %.0f%% of requests): %s%n  requests: %d Graph, %d token (refreshes %d)%n  fake"
                + " time: %s; access token lifetime %s -> %.0f token expiries (2 instances x %d"
                + " users)%n  refreshes / expiries = %.2f%n  heap used after GC: before %.1f MB,"
                + " after %.1f MB (fake's state dropped)%n%n",
            USERS,
            THREADS,
            elapsed,
            plainCreated.sum(),
            keyedCreated.sum(),
            externalIds,
            (plainCreated.sum() + keyedCreated.sum()) / elapsed,
            new TreeMap<>(counts(outcomes)),
            FAULT_RATE * 100,
            new TreeMap<>(counts(faults)),
            graphRequests,
            tokenRequests,
            refreshes,
            fakeElapsed,
            LIFETIME,
            expiries,
            USERS,
            ratio,
            heapBefore / 1e6,
            heapAfter / 1e6);

        assertThat(unexpected).as("only typed, transient failures reach callers").isEmpty();
        assertThat(plainCreated.sum() + keyedCreated.sum()).isGreaterThan(seconds * 10);
        assertThat(counts(faults).values().stream().mapToLong(Long::longValue).sum()).isPositive();
        assertThat(ratio)
            .as("refreshes per token lifetime per user per instance")
            .isBetween(0.8, 2.5);
        assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(64L * 1024 * 1024);
      }
    } finally {
      jdkHttpTrace.setLevel(previousTrace);
    }
  }

  /**
   * Checks that no external id has two meetings; returns the number of meetings without an external
   * id and the number of distinct external ids (in a method of its own, so that nothing of the
   * snapshot stays reachable when the heap is measured).
   */
  private static long[] tallyMeetings(FakeMicrosoft fake) {
    long withoutExternalId = 0;
    long externalIds = 0;
    for (List<Meeting> own : fake.meetings().values()) {
      Map<String, Long> perExternalId =
          own.stream()
              .filter(m -> m.externalId().isPresent())
              .collect(Collectors.groupingBy(m -> m.externalId().get(), Collectors.counting()));
      assertThat(perExternalId.values()).as("meetings per external id").allMatch(n -> n == 1);
      externalIds += perExternalId.size();
      withoutExternalId += own.stream().filter(m -> m.externalId().isEmpty()).count();
    }
    return new long[] {withoutExternalId, externalIds};
  }

  private static TeamsMeetings instance(
      Rig rig, TokenStore store, KeysetHandle keys, RetryPolicy retries) {
    return rig.sdk(store, keys).retryPolicy(retries).expirySkew(SKEW).refreshAhead(SKEW).build();
  }

  private static MeetingRequest request(int user, Optional<String> externalId) {
    MeetingRequest plain =
        MeetingRequest.of(
            "Soak " + user, START.plus(Duration.ofHours(user)), Duration.ofMinutes(30));
    return externalId.map(plain::withExternalId).orElse(plain);
  }

  private void work(AtomicBoolean running, TeamsMeetings[] instances, List<String> users) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (running.get()) {
      int user = random.nextInt(users.size());
      TeamsMeetings instance = instances[random.nextInt(2)];
      boolean keyed = random.nextInt(10) < 3;
      Optional<String> externalId =
          keyed
              ? Optional.of("soak-" + user + "-" + random.nextInt(EXTERNAL_IDS_PER_USER))
              : Optional.empty();
      try {
        instance.meetings().create(users.get(user), request(user, externalId));
        (keyed ? keyedCreated : plainCreated).increment();
        count(outcomes, keyed ? "ok create-or-get" : "ok create");
      } catch (OutcomeUnknownException e) {
        // the plain create may have been processed (its answer was lost): not retried, and
        // counted apart, since the meeting may exist
        plainOutcomeUnknown.increment();
        count(outcomes, "OutcomeUnknownException (HTTP " + e.details().status() + ")");
        Secrets.thrown(e);
      } catch (TeamsServiceException e) {
        // typed and transient: the caller would try later
        if (count(outcomes, e.getClass().getSimpleName() + " (HTTP " + e.details().status() + ")")
            <= 5) {
          Secrets.thrown(e);
        }
      } catch (TeamsException e) {
        unexpected.add(e);
        Secrets.thrown(e);
      } catch (Throwable e) {
        unexpected.add(e);
      }
    }
  }

  private static void advanceClock(AtomicBoolean running, FakeMicrosoft fake) {
    while (running.get()) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
      fake.advanceClock(TICK);
    }
  }

  /**
   * Queues one fault per 20 requests that reached the fake, on Graph (80%) or the token endpoint.
   */
  private void injectFaults(AtomicBoolean running, FakeMicrosoft fake) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long seen = 0;
    double owed = 0;
    while (running.get()) {
      long now =
          fake.journal().graphCallCount() + fake.journal().count(RecordedRequest.Endpoint.TOKEN);
      owed += (now - seen) * FAULT_RATE;
      seen = now;
      while (owed >= 1) {
        owed -= 1;
        boolean graph = random.nextInt(10) < 8;
        Faults side = graph ? fake.graph() : fake.tokenEndpoint();
        String where = graph ? "graph " : "token ";
        int kind = random.nextInt(8);
        switch (kind) {
          case 0 -> side.throttleNext(1, RetryAfter.seconds(0));
          case 1 ->
              side.throttleNext(
                  1, RetryAfter.decimalSeconds(Duration.ofMillis(50 + random.nextInt(150))));
          case 2 -> side.throttleNext(1, RetryAfter.httpDate(Duration.ofSeconds(1)));
          case 3 -> side.throttleNext(1, RetryAfter.none());
          case 4 -> side.failNext(1, RetryAfter.seconds(0));
          case 5 -> side.failNext(1, RetryAfter.none());
          case 6 -> side.resetNext(1);
          default -> side.slowNext(1, Duration.ofMillis(100 + random.nextInt(200)));
        }
        count(faults, where + FAULT_NAMES[kind]);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static long count(Map<String, LongAdder> counters, String key) {
    LongAdder adder = counters.computeIfAbsent(key, k -> new LongAdder());
    adder.increment();
    return adder.sum();
  }

  private static Map<String, Long> counts(Map<String, LongAdder> counters) {
    return counters.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }
}
