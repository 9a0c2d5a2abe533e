package io.teamsmeet.benchmarks;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.feign.Transport;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Issue 19 at scale: the heap the SDK holds per connected user ({@code --only memory}) and a burst
 * of refreshes after a restart ({@code --only burst}).
 */
final class ScaleScenarios {

  private ScaleScenarios() {}

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  // ------------------------------------------------------------------ memory per user

  /**
   * For each user count: the heap after a forced GC at each step, on the JDK transport with the
   * in-memory store (the fake's access token is 1.9 KB, its refresh token 1.2 KB, as Microsoft's
   * are): (1) nothing; (2) an SDK with {@code users} users connected through the real flow (their
   * cached tokens, the replay cache's used states, the connect fences, the stored grants); (3) that
   * SDK closed and dropped, the store kept (the stored grants alone); (4) a new SDK over the store,
   * as after a restart; (5) one meeting per user through it (a refresh from the stored grant each:
   * cached access tokens only, the steady state of users connected more than {@code stateLifetime}
   * ago).
   */
  static void memory(FakeEndpoints fake, KeysetHandle keys, int[] counts) throws Exception {
    System.out.printf(
        "%n== Memory per connected user: heap used after System.gc(), max heap %d MB,"
            + " SDK on java.net.http, InMemoryTokenStore ==%n",
        Runtime.getRuntime().maxMemory() >> 20);
    fake.delayMs = 0;
    fake.tokenDelayMs = 0;
    fake.tokenLifetimeSeconds(3600);
    // warm-up: classes, JIT, the HTTP client's first connections
    {
      TokenStore store = new InMemoryTokenStore();
      TeamsMeetings sdk = sdk(fake, keys, store);
      parallel(2000, u -> Clients.connect(sdk, Clients.userId(u)));
      Clients.Sdk client = new Clients.Sdk("sdk", sdk);
      parallel(2000, u -> create(client, u));
      sdk.close();
    }
    System.out.println();
    System.out.println(
        "| users | token cache + replay cache + connect fences, B/user (just connected)"
            + " | cached access token, B/user (steady state) | connect-only state, B/user"
            + " | in-memory store's grant, B/user | total after connect, B/user |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for (int users : counts) {
      long h0 = usedAfterGc();
      TokenStore store = new InMemoryTokenStore();
      long h1 = connectAll(fake, keys, store, users); // that SDK is closed and unreachable after
      long h2 = usedAfterGc();
      TeamsMeetings b = sdk(fake, keys, store);
      Clients.Sdk client = new Clients.Sdk("sdk", b);
      create(client, 0); // lazy parts of the SDK, before the baseline
      long h3 = usedAfterGc();
      parallel(users, u -> create(client, u));
      long h4 = usedAfterGc();
      double connected = (h1 - h2) / (double) users;
      double cached = (h4 - h3) / (double) users;
      double grant = (h2 - h0) / (double) users;
      System.out.printf(
          Locale.ROOT,
          "| %,d | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f |%n",
          users,
          connected,
          cached,
          connected - cached,
          grant,
          (h1 - h0) / (double) users);
      b.close();
    }
    System.out.println(
        "(per-user figures are differences of heap used after System.gc() divided by the user"
            + " count; the SDK's fixed part, a few hundred KB, is inside the first column's"
            + " difference)");
  }

  /** Connects the users through a new SDK; the heap used with it, after a GC; then closes it. */
  private static long connectAll(FakeEndpoints fake, KeysetHandle keys, TokenStore store, int users)
      throws Exception {
    TeamsMeetings a = sdk(fake, keys, store);
    parallel(users, u -> Clients.connect(a, Clients.userId(u)));
    long used = usedAfterGc();
    a.close();
    return used;
  }

  private static TeamsMeetings sdk(FakeEndpoints fake, KeysetHandle keys, TokenStore store) {
    return Clients.sdk(
        fake, Transport.jdk(), store, keys, Duration.ofMinutes(5), Duration.ofMinutes(5), null);
  }

  private static void create(Clients.Sdk client, int user) {
    try {
      client.create(user);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static long usedAfterGc() throws InterruptedException {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      best = Math.min(best, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return best;
  }

  /** Runs {@code task} for 0..n-1 on 8 threads. */
  private static void parallel(int n, IntConsumer task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        int first = w;
        parts.add(
            pool.submit(
                () -> {
                  for (int u = first; u < n; u += 8) {
                    task.accept(u);
                  }
                  return null;
                }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  // ------------------------------------------------------------------ the refresh burst

  /**
   * {@code users} users connected, then the SDK "restarts" (a new {@code TeamsMeetings} over the
   * same store: no cached access token), and every user's caller (one thread each, released
   * together) creates a meeting: each must refresh first. Run with the token endpoint answering at
   * once and in 50 ms, on both transports; the fake has a thread per caller so that it is not what
   * limits.
   */
  static void burst(KeysetHandle keys, int users) throws Exception {
    int delay = RefreshScenarios.TOKEN_DELAY_MS;
    System.out.printf(
        "%n== Refresh burst: %d users connected, then a new TeamsMeetings over the same store (a"
            + " restart: no cached token) and one caller thread per user, released together, each"
            + " creating one meeting; the fake (in this JVM, %d threads) answers the token endpoint"
            + " at once or in %d ms ==%n",
        users, users + 64, delay);
    System.out.println();
    System.out.println(
        "| transport | token endpoint | time to serve all, ms | caller wait p50 ms | p99 ms | max ms"
            + " | token calls | token requests at once, peak | token requests/s, peak (100 ms"
            + " window) | mean (first to last request) | failed calls |");
    System.out.println(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    // a backlog of 4096 (net.core.somaxconn here): with the default 1024, thousands of connects at
    // once overflow the listen queue and the kernel's SYN retransmits (1 s, 3 s...) dominate
    try (FakeEndpoints fake = new FakeEndpoints(users + 64, 4096)) {
      TokenStore store = new InMemoryTokenStore();
      {
        TeamsMeetings sdk = sdk(fake, keys, store);
        parallel(users, u -> Clients.connect(sdk, Clients.userId(u)));
        sdk.close();
      }
      String only = System.getProperty("teams.bench.burstTransport", "");
      for (String transport : List.of("java.net.http", "OkHttp")) {
        if (!only.isEmpty() && !transport.equalsIgnoreCase(only)) {
          continue;
        }
        for (int ms : new int[] {delay, 0}) {
          burstOnce(fake, keys, store, users, transport, ms);
          // client and fake share this process's file descriptors (two per connection): let the
          // closed SDK's connections go (java.net.http on JDK 17 closes them when its client is
          // collected) before the next burst opens thousands more
          ScaleScenarios.usedAfterGc();
          Thread.sleep(2000);
        }
      }
    }
  }

  private static void burstOnce(
      FakeEndpoints fake,
      KeysetHandle keys,
      TokenStore store,
      int users,
      String transport,
      int tokenDelayMs)
      throws Exception {
    fake.tokenDelayMs = 0;
    TeamsMeetings sdk =
        Clients.sdk(
            fake,
            transport.equals("OkHttp")
                ? Transport.okHttp(users, Duration.ofMinutes(2))
                : Transport.jdk(),
            store,
            keys,
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            null);
    Clients.Sdk client = new Clients.Sdk("sdk", sdk);
    Clients.connect(sdk, "burst-warm"); // the client's first connection, outside the burst
    fake.tokenDelayMs = tokenDelayMs;
    ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    fake.tokenArrivals = arrivals;
    fake.tokenPeakInFlight.set(0);
    long tokens0 = fake.tokenCalls();
    CountDownLatch ready = new CountDownLatch(users);
    CountDownLatch go = new CountDownLatch(1);
    long[] waits = new long[users];
    AtomicLong failed = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long[] start = new long[1];
    for (int u = 0; u < users; u++) {
      int user = u;
      Thread t =
          new Thread(
              () -> {
                ready.countDown();
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                long t0 = System.nanoTime();
                try {
                  client.create(user);
                } catch (Exception e) {
                  if (failed.incrementAndGet() == 1) {
                    System.out.println("  (a call failed: " + e + ")");
                  }
                }
                waits[user] = System.nanoTime() - t0;
              },
              "caller-" + u);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    ready.await();
    start[0] = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double total = (System.nanoTime() - start[0]) / 1e6;
    fake.tokenArrivals = null;
    long tokens = fake.tokenCalls() - tokens0;
    long[] at = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
    int peakWindow = 0;
    for (int i = 0, j = 0; i < at.length; i++) {
      while (at[i] - at[j] >= 100_000_000L) {
        j++;
      }
      peakWindow = Math.max(peakWindow, i - j + 1);
    }
    double spread = at.length > 1 ? (at[at.length - 1] - at[0]) / 1e9 : 0;
    Arrays.sort(waits);
    System.out.printf(
        Locale.ROOT,
        "| %s | %d ms | %,.0f | %.1f | %.1f | %.1f | %,d | %,d | %,d | %,.0f | %d |%n",
        transport,
        tokenDelayMs,
        total,
        waits[users / 2] / 1e6,
        waits[(int) Math.min(users - 1, Math.ceil(users * 0.99) - 1)] / 1e6,
        waits[users - 1] / 1e6,
        tokens,
        fake.tokenPeakInFlight.get(),
        peakWindow * 10,
        spread > 0 ? at.length / spread : 0,
        failed.get());
    fake.tokenDelayMs = 0;
    sdk.close();
  }
}
