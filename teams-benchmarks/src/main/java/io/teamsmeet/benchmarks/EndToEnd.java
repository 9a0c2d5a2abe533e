package io.teamsmeet.benchmarks;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.benchmarks.Clients.MeetingClient;
import io.teamsmeet.feign.Transport;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end comparison (issue 7; issue 10's OkHttp rows and its peers: the Microsoft Graph SDK and
 * MSAL4J + Graph SDK), refresh under load, single flight and cold start, in one run against one
 * local fake. Options: {@code --delay-ms N} (only the delayed comparison), {@code --quick}, {@code
 * --only e2e|delay|refresh|single|cold}, {@code --only separate} (issue 19: the fake in its own
 * JVM, full-size answers, each client in fresh JVMs: {@link SeparateComparison}), {@code --only
 * memory|burst} (issue 19: heap per user, run with {@code -Xmx4g}; the refresh burst; neither is in
 * the default run), {@code --variant DIR} (two builds of the SDK against each other: {@link
 * VariantComparison}).
 */
public final class EndToEnd {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Keeps the SDK's INFO lines ("user ... connected") out of the tables. */
  private static final java.util.logging.Logger QUIET =
      java.util.logging.Logger.getLogger("io.teamsmeet");

  private EndToEnd() {}

  public static void main(String[] args) throws Exception {
    // executors of the clients (MSAL's, the SDK's refresh-ahead) must not keep a failed run alive
    int status = 1;
    try {
      run(args);
      status = 0;
    } catch (Exception | Error e) {
      e.printStackTrace();
    } finally {
      System.out.flush();
      System.exit(status);
    }
  }

  private static void run(String[] args) throws Exception {
    QUIET.setLevel(java.util.logging.Level.WARNING);
    int delayMs = 20;
    boolean quick = false;
    String only = null;
    java.nio.file.Path variant = null;
    int burstUsers = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--delay-ms" -> {
          delayMs = Integer.parseInt(args[++i]);
          only = only == null ? "delay" : only;
        }
        case "--quick" -> quick = true;
        case "--burst-users" -> burstUsers = Integer.parseInt(args[++i]);
        case "--only" -> only = args[++i];
        case "--variant" -> {
          variant = java.nio.file.Path.of(args[++i]);
          only = only == null ? "ab" : only;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.printf(
        "teams-meetings benchmarks: %d CPUs, %s %s, load average at start %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        loadAverage());
    try (FakeEndpoints fake = new FakeEndpoints(64)) {
      KeysetHandle keys = Clients.newKeyset();
      if (only == null || only.equals("e2e")) {
        int warm = quick ? 1000 : 5000;
        int perRound = quick ? 600 : 3000;
        comparison(fake, keys, 0, warm, 5, perRound, perRound);
      }
      if (only == null || only.equals("delay")) {
        fake.delayMs = 0;
        comparison(fake, keys, delayMs, 1000, 3, 100, 400);
        fake.delayMs = 0;
      }
      if (only == null || only.equals("refresh")) {
        RefreshScenarios.refreshUnderLoad(fake, keys, quick ? 10 : 20);
      }
      if (only == null || only.equals("single")) {
        RefreshScenarios.singleFlight(fake, keys);
      }
      if (only == null || only.equals("cold")) {
        ColdStart.run(fake, keys, quick ? 3 : 5);
      }
      if ("fake".equals(only)) {
        // the fake alone, for profiling a SteadyClient by hand: prints its base URL and the
        // directory of the stored grant, then serves until the process is stopped
        java.nio.file.Path dir = ColdStart.storedGrant(fake, keys);
        fake.realistic = true;
        System.out.println("FAKE " + fake.base() + " " + dir);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
      }
      if ("separate".equals(only)) {
        // -Dteams.bench.separateWarmUp=150000: the steady state after the JIT has settled
        SeparateComparison.run(
            fake,
            keys,
            3,
            Integer.getInteger("teams.bench.separateWarmUp", quick ? 3_000 : 10_000),
            Integer.getInteger("teams.bench.separateRound", quick ? 600 : 2_000));
      }
      if ("memory".equals(only)) {
        ScaleScenarios.memory(fake, keys, quick ? new int[] {10_000} : new int[] {10_000, 100_000});
      }
      if ("burst".equals(only)) {
        ScaleScenarios.burst(keys, burstUsers > 0 ? burstUsers : quick ? 1_000 : 5_000);
      }
      if ("ab".equals(only) || "ab-cold".equals(only)) {
        if (variant == null) {
          throw new IllegalArgumentException("--only ab needs --variant DIR");
        }
        VariantComparison.run(
            fake, keys, variant, quick ? 5 : 15, "ab-cold".equals(only) ? 0 : quick ? 3 : 6);
      }
    }
    System.out.printf("load average at end %s%n", loadAverage());
  }

  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return String.format(Locale.ROOT, "%.2f", OS.getSystemLoadAverage());
    }
  }

  // ------------------------------------------------------------------ the comparison

  /** Figures of one client at one thread count over the timed rounds. */
  static final class Series {
    final List<Double> perSecond = new ArrayList<>();
    final List<Double> cpuMsPerMeeting = new ArrayList<>();
    long[] latencies = new long[0];
    int latencyCount;
    long tokenCalls;
    long meetings;
    long failures;

    void addLatencies(long[] l, int n) {
      if (latencyCount + n > latencies.length) {
        latencies = Arrays.copyOf(latencies, Math.max(latencies.length * 2, latencyCount + n));
      }
      System.arraycopy(l, 0, latencies, latencyCount, n);
      latencyCount += n;
    }

    double percentileMs(double p) {
      long[] s = Arrays.copyOf(latencies, latencyCount);
      Arrays.sort(s);
      return s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)] / 1e6;
    }
  }

  static void comparison(
      FakeEndpoints fake,
      KeysetHandle keys,
      int delayMs,
      int warmup,
      int rounds,
      int perRoundOneThread,
      int perRoundEightThreads)
      throws Exception {
    fake.tokenLifetimeSeconds(3600);
    fake.tokenDelayMs = 0;
    List<MeetingClient> clients = new ArrayList<>();
    int users = 8;
    TeamsMeetings sdkJdk =
        Clients.sdk(
            fake,
            Transport.jdk(),
            new InMemoryTokenStore(),
            keys,
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            null);
    TeamsMeetings sdkOk =
        Clients.sdk(
            fake,
            Transport.okHttp(),
            new InMemoryTokenStore(),
            keys,
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            null);
    TeamsMeetings sdkEvents =
        Clients.sdkWithScopes(
            fake,
            Transport.jdk(),
            new InMemoryTokenStore(),
            keys,
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            Clients.EVENT_SCOPES);
    for (int u = 0; u < users; u++) {
      Clients.connect(sdkJdk, Clients.userId(u));
      Clients.connect(sdkOk, Clients.userId(u));
      Clients.connect(sdkEvents, Clients.userId(u));
    }
    MeetingClient aJdk = new Clients.Sdk("SDK, java.net.http transport (warm cache)", sdkJdk);
    MeetingClient aOk = new Clients.Sdk("SDK, OkHttp transport (warm cache)", sdkOk);
    MeetingClient bJdk = new Clients.RawJdk(fake);
    MeetingClient bOk = new Clients.RawOkHttp(fake);
    MeetingClient c = new Clients.Naive(fake);
    MeetingClient dGraph = new Clients.GraphSdk(fake);
    MeetingClient eMsal = new Clients.MsalGraph(fake, users, null);
    MeetingClient fMsalPool = new Clients.MsalGraph(fake, users, Executors.newFixedThreadPool(8));
    MeetingClient gEvents =
        new Clients.SdkEvents(
            "SDK events: calendar event + Teams meeting, java.net.http (warm cache)", sdkEvents);
    clients.addAll(List.of(aJdk, bJdk, aOk, bOk, c, dGraph, eMsal, fMsalPool, gEvents));

    System.out.printf(
        "%n== End to end%s: warm-up %d meetings per client and thread count (no delay),"
            + " %d interleaved rounds of %d (1 thread) / %d (8 threads) meetings per client ==%n",
        delayMs > 0 ? " with " + delayMs + " ms added per request on the fake" : "",
        warmup,
        rounds,
        perRoundOneThread,
        perRoundEightThreads);
    ExecutorService workers = Executors.newFixedThreadPool(8);
    Map<String, Series[]> results = new LinkedHashMap<>();
    int[] threadCounts = {1, 8};
    for (int ti = 0; ti < threadCounts.length; ti++) {
      int threads = threadCounts[ti];
      fake.delayMs = 0;
      for (MeetingClient client : clients) {
        run(workers, fake, client, threads, warmup, users);
      }
      fake.delayMs = delayMs;
      int n = threads == 1 ? perRoundOneThread : perRoundEightThreads;
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < clients.size(); k++) {
          // rotate the order each round so no client always runs first or last
          MeetingClient client = clients.get((k + r) % clients.size());
          RoundResult rr = run(workers, fake, client, threads, n, users);
          Series[] byThreads = results.computeIfAbsent(client.name(), x -> new Series[2]);
          if (byThreads[ti] == null) {
            byThreads[ti] = new Series();
          }
          Series s = byThreads[ti];
          s.perSecond.add(rr.perSecond);
          s.cpuMsPerMeeting.add(rr.cpuMsPerMeeting);
          s.addLatencies(rr.latencies, rr.latencies.length);
          s.tokenCalls += rr.tokenCalls;
          s.failures += rr.failures;
          s.meetings += rr.latencies.length;
        }
      }
    }
    workers.shutdown();
    fake.delayMs = 0;

    System.out.println();
    System.out.println(
        "| client | 1 thread: meetings/s | CPU ms/meeting | p50 ms | p99 ms"
            + " | 8 threads: meetings/s | CPU ms/meeting | p50 ms | p99 ms"
            + " | token-endpoint calls / meetings | failed calls |");
    System.out.println(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (var e : results.entrySet()) {
      StringBuilder sb = new StringBuilder("| " + e.getKey());
      for (Series s : e.getValue()) {
        sb.append(
            String.format(
                Locale.ROOT,
                " | %,.0f | %.3f | %.3f | %.3f",
                median(s.perSecond),
                median(s.cpuMsPerMeeting),
                s.percentileMs(0.50),
                s.percentileMs(0.99)));
      }
      long calls = 0;
      long meetings = 0;
      long failed = 0;
      for (Series s : e.getValue()) {
        calls += s.tokenCalls;
        meetings += s.meetings;
        failed += s.failures;
      }
      sb.append(String.format(Locale.ROOT, " | %,d / %,d | %,d", calls, meetings, failed));
      System.out.println(sb.append(" |"));
    }
    System.out.println();
    System.out.println(
        "| ratio of time per meeting (median of per-round ratios) | 1 thread | 8 threads | target |");
    System.out.println("| --- | ---: | ---: | --- |");
    String t1 = delayMs > 0 ? "≤ 1.05×" : "≤ 1.15× (issue 7)";
    String t2 = delayMs > 0 ? "≤ 1.05×" : "≤ 1.10× (issue 10)";
    ratioRow(
        results,
        "(a) SDK java.net.http / (b) raw java.net.http",
        aJdk,
        bJdk,
        t1 + (delayMs > 0 ? "" : "; ≤ 1.10× (issue 10)"));
    ratioRow(results, "(a) SDK OkHttp / (b) raw OkHttp", aOk, bOk, t2);
    ratioRow(
        results,
        "(c) naive / (a) SDK java.net.http",
        c,
        aJdk,
        delayMs > 0 ? "≥ 1.8× (second round trip visible)" : "≥ 1.8×");
    ratioRow(results, "(a) SDK OkHttp / (b) raw java.net.http", aOk, bJdk, "(information)");
    ratioRow(
        results,
        "(d) Graph SDK, static token / (a) SDK OkHttp",
        dGraph,
        aOk,
        "≥ 2× at 8 threads (issue 10)");
    ratioRow(
        results,
        "(e) MSAL4J + Graph SDK, default executor / (a) SDK OkHttp",
        eMsal,
        aOk,
        "≥ 3× at 8 threads (issue 10)");
    ratioRow(
        results,
        "(f) MSAL4J + Graph SDK, fixed pool / (a) SDK OkHttp",
        fMsalPool,
        aOk,
        "(information)");
    ratioRow(
        results,
        "(g) SDK event / (b) raw java.net.http meeting",
        gEvents,
        bJdk,
        "(information: an event's bodies are ~1.5× a meeting's; no target yet)");
    ratioRow(
        results, "(g) SDK event / (a) SDK java.net.http meeting", gEvents, aJdk, "(information)");
    ratioRow(
        results,
        "(d) Graph SDK / (b) raw java.net.http",
        dGraph,
        bJdk,
        "(information: peer-benchmarks.md measured 1.22× / 1.61×)");
    ratioRow(
        results,
        "(e) MSAL4J + Graph SDK / (b) raw java.net.http",
        eMsal,
        bJdk,
        "(information: peer-benchmarks.md measured 2.16× / 2.59×)");
    ratioRow(
        results,
        "CPU per meeting: (a) SDK java.net.http / (b) raw java.net.http",
        aJdk,
        bJdk,
        "(information; CPU ratio, not time)",
        true);
    ratioRow(
        results,
        "CPU per meeting: (a) SDK OkHttp / (b) raw OkHttp",
        aOk,
        bOk,
        "(information; CPU ratio, not time)",
        true);
    ratioRow(
        results,
        "CPU per call: (g) SDK event / (b) raw java.net.http meeting",
        gEvents,
        bJdk,
        "(information; CPU ratio, not time)",
        true);
    ratioRow(
        results,
        "CPU per meeting: (d) Graph SDK / (a) SDK OkHttp",
        dGraph,
        aOk,
        "(information; CPU ratio, not time)",
        true);
    ratioRow(
        results,
        "CPU per meeting: (e) MSAL4J + Graph SDK / (a) SDK OkHttp",
        eMsal,
        aOk,
        "(information; CPU ratio, not time)",
        true);
    for (MeetingClient client : clients) {
      client.close();
    }
  }

  private static void ratioRow(
      Map<String, Series[]> results,
      String label,
      MeetingClient num,
      MeetingClient den,
      String target) {
    ratioRow(results, label, num, den, target, false);
  }

  private static void ratioRow(
      Map<String, Series[]> results,
      String label,
      MeetingClient num,
      MeetingClient den,
      String target,
      boolean cpu) {
    StringBuilder sb = new StringBuilder("| " + label);
    for (int ti = 0; ti < 2; ti++) {
      Series a = results.get(num.name())[ti];
      Series b = results.get(den.name())[ti];
      List<Double> ratios = new ArrayList<>();
      for (int r = 0; r < a.perSecond.size(); r++) {
        ratios.add(
            cpu
                ? a.cpuMsPerMeeting.get(r) / b.cpuMsPerMeeting.get(r)
                // time per meeting ratio = inverse throughput ratio
                : b.perSecond.get(r) / a.perSecond.get(r));
      }
      sb.append(String.format(Locale.ROOT, " | %.2f×", median(ratios)));
    }
    System.out.println(sb.append(" | ").append(target).append(" |"));
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  record RoundResult(
      double perSecond, double cpuMsPerMeeting, long[] latencies, long tokenCalls, long failures) {}

  /** {@code n} meetings split over {@code threads} threads; users taken round robin. */
  static RoundResult run(
      ExecutorService workers,
      FakeEndpoints fake,
      MeetingClient client,
      int threads,
      int n,
      int users)
      throws Exception {
    long[] latencies = new long[n];
    AtomicInteger next = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(threads + 1);
    CountDownLatch done = new CountDownLatch(threads);
    AtomicLong failures = new AtomicLong();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          workers.submit(
              () -> {
                try {
                  start.await();
                  for (int i; (i = next.getAndIncrement()) < n; ) {
                    long t0 = System.nanoTime();
                    try {
                      client.create(i % users);
                    } catch (Exception e) {
                      // counted and reported; a meeting that failed still took its time
                      if (failures.incrementAndGet() == 1) {
                        System.out.println("  (" + client.name() + ": a call failed: " + e + ")");
                      }
                    }
                    latencies[i] = System.nanoTime() - t0;
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                  e.printStackTrace();
                } finally {
                  done.countDown();
                }
                return null;
              }));
    }
    long tokens0 = fake.tokenCalls();
    long cpu0 = OS.getProcessCpuTime() - fake.serverCpuNanos();
    long t0 = System.nanoTime();
    start.await();
    done.await();
    long wall = System.nanoTime() - t0;
    long cpu = OS.getProcessCpuTime() - fake.serverCpuNanos() - cpu0;
    if (failures.get() > n / 100) {
      throw new IllegalStateException(client.name() + ": " + failures.get() + " failures in " + n);
    }
    return new RoundResult(
        n / (wall / 1e9), cpu / 1e6 / n, latencies, fake.tokenCalls() - tokens0, failures.get());
  }
}
