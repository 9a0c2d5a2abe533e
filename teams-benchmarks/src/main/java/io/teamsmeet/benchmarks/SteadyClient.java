package io.teamsmeet.benchmarks;

import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.benchmarks.Clients.MeetingClient;
import io.teamsmeet.feign.Transport;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client's steady state in a JVM of its own, against a fake in another JVM: a warm-up, then
 * timed rounds of meetings on {@code threads} threads. This process's CPU time is the client's
 * alone (its HTTP client's threads, GC and JIT included). Prints {@code STEADY <cpu ms per meeting>
 * <meetings per second> <failed calls> <bytes allocated per meeting> <GC ms per 1 000 meetings>
 * <p50 ms> <p99 ms> <JIT compiler ms per 1 000 meetings> <context switches per meeting>} (CPU over
 * all timed rounds, as the process CPU clock ticks in 10 ms steps; rates, bytes and GC medians of
 * the rounds; JIT the mean of the rounds; failed calls over the whole run; latencies over all timed
 * meetings).
 *
 * <p>Args: kind ({@code sdk-jdk}, {@code sdk-okhttp}: the SDK with one user's grant stored as
 * {@link ColdStartSdk} has it, its first meeting refreshing; {@code raw-jdk}, {@code raw-okhttp}:
 * the floors; {@code graph}: the Microsoft Graph SDK with a static token), fake base URL, directory
 * with the grant, threads, warm-up meetings, rounds, meetings per round.
 */
public final class SteadyClient {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static final AtomicLong FAILURES = new AtomicLong();

  private static final java.lang.management.CompilationMXBean JIT =
      ManagementFactory.getCompilationMXBean();

  private SteadyClient() {}

  public static void main(String[] args) throws Exception {
    run(args[0], Arrays.copyOfRange(args, 1, args.length));
  }

  /** Runs client {@code kind} with {@link SteadySdk}'s arguments; exits the JVM. */
  static void run(String kind, String[] args) throws Exception {
    URI base = URI.create(args[0]);
    Path dir = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    int warmUp = Integer.parseInt(args[3]);
    int rounds = Integer.parseInt(args[4]);
    int perRound = Integer.parseInt(args[5]);
    java.util.logging.Logger.getLogger("io.teamsmeet").setLevel(java.util.logging.Level.WARNING);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (MeetingClient client = client(kind, base, dir)) {
      run(pool, client, threads, warmUp, null);
      Profiler profiler = Profiler.startIfAsked();
      // CPU time over all timed rounds: the process CPU clock ticks in 10 ms steps
      long cpuNanos = 0;
      long switches0 = contextSwitches();
      List<Double> rate = new ArrayList<>();
      List<Double> allocated = new ArrayList<>();
      List<Double> gc = new ArrayList<>();
      List<Double> jit = new ArrayList<>();
      long[] latencies = new long[rounds * (perRound / threads) * threads];
      int filled = 0;
      for (int r = 0; r < rounds; r++) {
        long[] roundLatencies = new long[(perRound / threads) * threads];
        long gc0 = gcMillis();
        long jit0 = JIT.getTotalCompilationTime();
        long bytes0 = allocatedBytes();
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        run(pool, client, threads, perRound, roundLatencies);
        long t1 = System.nanoTime();
        long cpu1 = OS.getProcessCpuTime();
        allocated.add((allocatedBytes() - bytes0) / (double) perRound);
        gc.add((gcMillis() - gc0) * 1000.0 / perRound);
        jit.add((JIT.getTotalCompilationTime() - jit0) * 1000.0 / perRound);
        cpuNanos += cpu1 - cpu0;
        rate.add(perRound / ((t1 - t0) / 1e9));
        System.arraycopy(roundLatencies, 0, latencies, filled, roundLatencies.length);
        filled += roundLatencies.length;
      }
      long switches = contextSwitches() - switches0;
      if (profiler != null) {
        profiler.stop();
      }
      Arrays.sort(latencies, 0, filled);
      System.out.printf(
          Locale.ROOT,
          "STEADY %.4f %.1f %d %.0f %.2f %.3f %.3f %.2f %.2f%n",
          cpuNanos / 1e6 / (rounds * (double) perRound),
          EndToEnd.median(rate),
          FAILURES.get(),
          EndToEnd.median(allocated),
          EndToEnd.median(gc),
          latencies[(int) (filled * 0.50)] / 1e6,
          latencies[Math.min(filled - 1, (int) (filled * 0.99))] / 1e6,
          jit.stream().mapToDouble(Double::doubleValue).sum() / rounds,
          switches / (rounds * (double) perRound));
      System.out.flush();
    } finally {
      pool.shutdownNow();
    }
    System.exit(0);
  }

  private static MeetingClient client(String kind, URI base, Path dir) throws Exception {
    // one small method per kind: a kind's libraries are loaded only when it runs (the A/B
    // runs' classpath has neither OkHttp nor the Graph SDK)
    return switch (kind) {
      case "sdk-jdk" -> sdk("SDK, java.net.http", ColdStartSdk.fromStoredGrant(base, dir));
      case "sdk-okhttp" -> sdkOkHttp(base, dir);
      case "raw-jdk" -> new Clients.RawJdk(base);
      case "raw-okhttp" -> rawOkHttp(base);
      case "graph" -> graph(base);
      default -> throw new IllegalArgumentException("unknown client " + kind);
    };
  }

  private static MeetingClient sdkOkHttp(URI base, Path dir) throws Exception {
    return sdk("SDK, OkHttp", ColdStartSdk.fromStoredGrant(base, dir, Transport.okHttp()));
  }

  private static MeetingClient rawOkHttp(URI base) {
    return new Clients.RawOkHttp(base);
  }

  private static MeetingClient graph(URI base) {
    return new Clients.GraphSdk(base);
  }

  /** The SDK creating meetings for the stored user, the request built per call. */
  private static MeetingClient sdk(String name, TeamsMeetings teams) {
    return new MeetingClient() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String create(int user) {
        MeetingRequest request =
            MeetingRequest.of("Quarterly review", Clients.START, Duration.ofMinutes(30));
        Meeting m = teams.meetings().create("cold-user", request);
        if (m.passcode().isEmpty()) {
          throw new IllegalStateException("no passcode");
        }
        return m.joinUrl().toString();
      }

      @Override
      public void close() {
        teams.close();
      }
    };
  }

  /**
   * async-profiler over the timed rounds only (after the warm-up, when the JIT has compiled the hot
   * path): {@code -Dteams.bench.profile=event=cpu,interval=1ms} (or {@code event=alloc}, {@code
   * event=wall}, {@code event=lock}) and {@code -Dteams.bench.profileFile=/tmp/x.collapsed} ({@code
   * collapsed} stacks, one line per stack with its count; {@code .html} a flame graph).
   */
  private static final class Profiler {
    private final one.profiler.AsyncProfiler agent;
    private final String file;

    private Profiler(one.profiler.AsyncProfiler agent, String file) {
      this.agent = agent;
      this.file = file;
    }

    static Profiler startIfAsked() throws java.io.IOException {
      String options = System.getProperty("teams.bench.profile", "").strip();
      if (options.isEmpty()) {
        return null;
      }
      String file = System.getProperty("teams.bench.profileFile", "/tmp/steady.collapsed");
      one.profiler.AsyncProfiler agent = one.profiler.AsyncProfiler.getInstance();
      agent.execute("start," + options);
      return new Profiler(agent, file);
    }

    void stop() throws java.io.IOException {
      String format = file.endsWith(".html") ? "flamegraph" : "collapsed";
      agent.execute("stop,file=" + file + "," + format);
    }
  }

  /**
   * Context switches so far (voluntary and not) of this process's live threads, from Linux's {@code
   * /proc/self/task/<tid>/status}; 0 elsewhere.
   */
  private static long contextSwitches() {
    long sum = 0;
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    if (tasks == null) {
      return 0;
    }
    for (java.io.File task : tasks) {
      try {
        for (String line : java.nio.file.Files.readAllLines(task.toPath().resolve("status"))) {
          if (line.startsWith("voluntary_ctxt_switches:")
              || line.startsWith("nonvoluntary_ctxt_switches:")) {
            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
          }
        }
      } catch (java.io.IOException | RuntimeException e) {
        // the thread ended meanwhile
      }
    }
    return sum;
  }

  /** Bytes allocated so far by the live threads (the pool's, the HTTP client's, this one). */
  private static long allocatedBytes() {
    long sum = 0;
    for (long b : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
      sum += Math.max(0, b);
    }
    return sum;
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  private static void run(
      ExecutorService pool, MeetingClient client, int threads, int meetings, long[] latencies)
      throws Exception {
    List<Future<?>> done = new ArrayList<>();
    int each = meetings / threads;
    for (int t = 0; t < threads; t++) {
      int offset = t * each;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < each; i++) {
                  long s = System.nanoTime();
                  try {
                    client.create(i);
                  } catch (Exception e) {
                    FAILURES.incrementAndGet(); // counted and printed, as the end-to-end rows do
                  }
                  if (latencies != null) {
                    latencies[offset + i] = System.nanoTime() - s;
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
  }

  /**
   * {@code cmd} (a {@code java} command line) with the flags of {@code -Dteams.bench.steadyJvmArgs}
   * added when {@code -Dteams.bench.steadyKinds} is unset or names {@code kind}; {@code {kind}} in
   * them becomes the kind (one profile file per client).
   */
  static List<String> withJvmFlags(String kind, List<String> cmd) {
    String extra = System.getProperty("teams.bench.steadyJvmArgs", "").strip();
    String kinds = System.getProperty("teams.bench.steadyKinds", "").strip();
    if (extra.isEmpty() || (!kinds.isEmpty() && !List.of(kinds.split(",")).contains(kind))) {
      return cmd;
    }
    List<String> out = new ArrayList<>(cmd);
    out.addAll(1, List.of(extra.replace("{kind}", kind).split("\\s+")));
    return out;
  }

  /** Runs one client JVM ({@code cmd}); the figures of its {@code STEADY} line. */
  static double[] launch(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    StringBuilder all = new StringBuilder();
    try (java.io.BufferedReader r =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("STEADY ")) {
          String[] f = line.split(" ");
          p.waitFor();
          double[] out = new double[f.length - 1];
          for (int i = 1; i < f.length; i++) {
            out[i - 1] = Double.parseDouble(f[i]);
          }
          return out;
        }
        all.append(line).append('\n');
      }
    }
    throw new IllegalStateException("steady run failed: " + all);
  }
}
