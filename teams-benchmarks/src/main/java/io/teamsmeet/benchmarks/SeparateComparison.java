package io.teamsmeet.benchmarks;

import com.google.crypto.tink.KeysetHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end comparison as issue 19 measured it ({@code --only separate}): the fake in its own
 * JVM (this one, which does nothing else while the clients run), full-size Graph answers ({@link
 * FakeEndpoints#FULL_MEETING} with Graph's response headers), and every client in fresh JVMs of its
 * own ({@link SteadyClient}), interleaved: for each thread count, {@code reps} repetitions, each
 * launching every client once in an order rotated by one per repetition. Figures are medians over
 * the repetitions; ratios are medians of the per-repetition ratios to the raw OkHttp floor of the
 * same repetition.
 *
 * <p>{@code -Dteams.bench.steadyJvmArgs="..."} adds JVM flags to the clients named in {@code
 * -Dteams.bench.steadyKinds=sdk-okhttp,raw-okhttp} (all when unset), for a profiler: JFR, or
 * async-profiler's agent ({@code -agentpath:.../libasyncProfiler.so=start,event=cpu,...}).
 */
final class SeparateComparison {

  /** Kinds of {@link SteadyClient}, the floor first. */
  static final List<String> KINDS =
      List.of("raw-okhttp", "raw-jdk", "sdk-okhttp", "sdk-jdk", "graph");

  private static final Map<String, String> NAMES =
      Map.of(
          "raw-okhttp", "raw OkHttp (floor)",
          "raw-jdk", "raw java.net.http",
          "sdk-okhttp", "this SDK, OkHttp transport",
          "sdk-jdk", "this SDK, java.net.http transport",
          "graph", "Microsoft Graph SDK 6, static token");

  private SeparateComparison() {}

  static void run(FakeEndpoints fake, KeysetHandle keys, int reps, int warmUp, int perRound)
      throws Exception {
    Path dir = ColdStart.storedGrant(fake, keys);
    fake.realistic = true;
    String base = fake.base().toString();
    System.out.printf(
        Locale.ROOT,
        "%n== End to end, fake in its own JVM, full-size answers (%,d B onlineMeeting), each client"
            + " in fresh JVMs: %d repetitions, %,d warm-up + 5 x %,d timed meetings per JVM ==%n",
        FakeEndpoints.FULL_MEETING.length,
        reps,
        warmUp,
        perRound);
    int[] threadCounts =
        java.util.Arrays.stream(System.getProperty("teams.bench.separateThreads", "1,8").split(","))
            .mapToInt(t -> Integer.parseInt(t.strip()))
            .toArray();
    for (int threads : threadCounts) {
      Map<String, List<double[]>> results = new LinkedHashMap<>();
      KINDS.forEach(k -> results.put(k, new ArrayList<>()));
      for (int r = 0; r < reps; r++) {
        for (int i = 0; i < KINDS.size(); i++) {
          String kind = KINDS.get((i + r) % KINDS.size());
          List<String> cmd =
              SteadyClient.withJvmFlags(
                  kind,
                  ColdStart.command(
                      Path.of("."),
                      classpath(),
                      SteadyClient.class.getName(),
                      kind,
                      base,
                      dir.toString(),
                      Integer.toString(threads),
                      Integer.toString(warmUp),
                      "5",
                      Integer.toString(perRound)));
          results.get(kind).add(SteadyClient.launch(cmd));
        }
      }
      print(threads, results, fake);
    }
    fake.realistic = false;
  }

  private static void print(int threads, Map<String, List<double[]>> results, FakeEndpoints fake) {
    System.out.printf("%n%d thread%s:%n%n", threads, threads == 1 ? "" : "s");
    System.out.println(
        "| client | meetings/s | time / raw OkHttp | CPU ms/meeting | CPU / raw OkHttp | bytes"
            + " allocated/meeting | GC ms per 1 000 meetings | JIT ms per 1 000 meetings | context"
            + " switches/meeting | p50 ms | p99 ms | failed calls |");
    System.out.println(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    List<double[]> floor = results.get("raw-okhttp");
    for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
      List<double[]> runs = e.getValue();
      List<Double> time = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (int r = 0; r < runs.size(); r++) {
        time.add(floor.get(r)[1] / runs.get(r)[1]);
        cpu.add(runs.get(r)[0] / floor.get(r)[0]);
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %,.0f | %.2f× | %.4f | %.2f× | %,.0f | %.1f | %.0f | %.1f | %.3f | %.3f | %d |%n",
          NAMES.get(e.getKey()),
          median(runs, 1),
          EndToEnd.median(time),
          median(runs, 0),
          EndToEnd.median(cpu),
          median(runs, 3),
          median(runs, 4),
          median(runs, 7),
          median(runs, 8),
          median(runs, 5),
          median(runs, 6),
          (long) runs.stream().mapToDouble(x -> x[2]).sum());
    }
    System.out.println();
    System.out.println("| ratio (median of per-repetition ratios) | value | target |");
    System.out.println("| --- | ---: | --- |");
    ratio(
        results,
        "time per meeting: SDK OkHttp / raw OkHttp",
        "sdk-okhttp",
        "raw-okhttp",
        1,
        true,
        "≤ 1.10×");
    ratio(
        results,
        "time per meeting: SDK java.net.http / raw java.net.http",
        "sdk-jdk",
        "raw-jdk",
        1,
        true,
        "≤ 1.15×");
    ratio(
        results,
        "CPU per meeting: SDK OkHttp / raw OkHttp",
        "sdk-okhttp",
        "raw-okhttp",
        0,
        false,
        threads == 8 ? "≤ 1.5×" : "(information)");
    ratio(
        results,
        "CPU per meeting: SDK java.net.http / raw java.net.http",
        "sdk-jdk",
        "raw-jdk",
        0,
        false,
        "(information)");
    ratio(
        results,
        "meetings/s: SDK OkHttp / Graph SDK",
        "graph",
        "sdk-okhttp",
        1,
        true,
        threads == 8 ? "≥ 2×" : "(information)");
    System.out.printf("(fake: %,d meetings answered so far)%n", fake.meetingCalls());
  }

  /**
   * Prints the median over repetitions of {@code a / b} for field {@code field}; for a rate ({@code
   * inverse}) the ratio of times, {@code b's rate / a's rate}.
   */
  private static void ratio(
      Map<String, List<double[]>> results,
      String label,
      String a,
      String b,
      int field,
      boolean inverse,
      String target) {
    List<double[]> x = results.get(a);
    List<double[]> y = results.get(b);
    List<Double> r = new ArrayList<>();
    for (int i = 0; i < x.size(); i++) {
      r.add(inverse ? y.get(i)[field] / x.get(i)[field] : x.get(i)[field] / y.get(i)[field]);
    }
    System.out.printf(Locale.ROOT, "| %s | %.2f× | %s |%n", label, EndToEnd.median(r), target);
  }

  private static double median(List<double[]> runs, int field) {
    List<Double> v = new ArrayList<>();
    runs.forEach(x -> v.add(x[field]));
    return EndToEnd.median(v);
  }

  /**
   * This JVM's classpath (the benchmarks jar, whose manifest names every library), or {@code
   * -Dteams.bench.clientClasspath} (another build's benchmarks jar: the same clients and harness
   * against the same fake, for a before/after).
   */
  private static List<Path> classpath() {
    List<Path> out = new ArrayList<>();
    String cp =
        System.getProperty("teams.bench.clientClasspath", System.getProperty("java.class.path"));
    for (String p : cp.split(java.io.File.pathSeparator)) {
      out.add(Path.of(p));
    }
    return out;
  }
}
