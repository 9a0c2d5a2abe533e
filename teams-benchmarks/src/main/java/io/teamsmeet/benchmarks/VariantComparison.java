package io.teamsmeet.benchmarks;

import com.google.crypto.tink.KeysetHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Two builds of the SDK against each other ({@code --only ab --variant DIR}): today's {@code
 * teams-core} and {@code teams-feign-adapter} jars (A) and the jars of the same names in {@code
 * DIR} (B), built from a branch that changes one thing. Every figure comes from fresh JVMs launched
 * in pairs, A B then B A, against the one fake in this process: cold start to the first meeting
 * (wall ms) and classes loaded (a count, the same every run), then the steady state ({@link
 * SteadySdk}: CPU ms per meeting in the client's own process, which the fake's load does not touch,
 * bytes allocated per meeting, which another process's load does not change either, and meetings
 * per second) at 1 and at 8 threads. Ratios are B/A, medians of the per-pair ratios; below 1.00
 * means B is cheaper.
 */
final class VariantComparison {

  private VariantComparison() {}

  static void run(FakeEndpoints fake, KeysetHandle keys, Path variant, int coldRuns, int runs)
      throws Exception {
    Path dir = ColdStart.storedGrant(fake, keys);
    List<Path> a = ColdStart.sdkRuntime();
    List<Path> b = replaced(a, variant);
    Path classes = ColdStart.targetDir().resolve("classes");
    String base = fake.base().toString();
    String main = ColdStartSdk.class.getName();
    List<String> coldA = ColdStart.command(classes, a, main, base, dir.toString());
    List<String> coldB = ColdStart.command(classes, b, main, base, dir.toString());
    System.out.printf("%n== A/B: A = this build, B = %s ==%n", variant);

    ColdStart.time(coldA); // page cache
    ColdStart.time(coldB);
    List<Double> msA = new ArrayList<>();
    List<Double> msB = new ArrayList<>();
    List<Double> ratio = new ArrayList<>();
    for (int r = 0; r < coldRuns; r++) {
      // A B, then B A: neither build always runs second
      double x;
      double y;
      if (r % 2 == 0) {
        x = ColdStart.time(coldA);
        y = ColdStart.time(coldB);
      } else {
        y = ColdStart.time(coldB);
        x = ColdStart.time(coldA);
      }
      msA.add(x);
      msB.add(y);
      ratio.add(y / x);
    }
    Map<String, Integer> classesA = ColdStart.classes(coldA, dir);
    Map<String, Integer> classesB = ColdStart.classes(coldB, dir);
    System.out.println("| figure | A | B | B/A (median of pairs) |");
    System.out.println("| --- | ---: | ---: | ---: |");
    System.out.printf(
        Locale.ROOT,
        "| cold start to 1st meeting, median ms of %d | %.0f | %.0f | %.3f |%n",
        coldRuns,
        EndToEnd.median(msA),
        EndToEnd.median(msB),
        EndToEnd.median(ratio));
    System.out.printf(
        Locale.ROOT,
        "| classes loaded to 1st meeting | %,d | %,d | %.3f |%n",
        classesA.get("total"),
        classesB.get("total"),
        classesB.get("total") / (double) classesA.get("total"));

    for (int threads : runs == 0 ? new int[0] : new int[] {1, 8}) {
      String main2 = SteadySdk.class.getName();
      String[] args = {base, dir.toString(), Integer.toString(threads), "8000", "5", "4000"};
      List<String> steadyA =
          SteadyClient.withJvmFlags("sdk-jdk", ColdStart.command(classes, a, main2, args));
      List<String> steadyB =
          SteadyClient.withJvmFlags("sdk-jdk", ColdStart.command(classes, b, main2, args));
      List<Double> cpuA = new ArrayList<>();
      List<Double> cpuB = new ArrayList<>();
      List<Double> rateA = new ArrayList<>();
      List<Double> rateB = new ArrayList<>();
      List<Double> cpuRatio = new ArrayList<>();
      List<Double> timeRatio = new ArrayList<>();
      List<Double> allocA = new ArrayList<>();
      List<Double> allocB = new ArrayList<>();
      long failedA = 0;
      long failedB = 0;
      for (int r = 0; r < runs; r++) {
        double[] x = r % 2 == 0 ? SteadyClient.launch(steadyA) : null;
        double[] y = SteadyClient.launch(steadyB);
        x = x == null ? SteadyClient.launch(steadyA) : x;
        cpuA.add(x[0]);
        cpuB.add(y[0]);
        rateA.add(x[1]);
        rateB.add(y[1]);
        allocA.add(x[3]);
        allocB.add(y[3]);
        failedA += (long) x[2];
        failedB += (long) y[2];
        cpuRatio.add(y[0] / x[0]);
        timeRatio.add(x[1] / y[1]); // time per meeting B / A
      }
      System.out.printf(
          Locale.ROOT,
          "| %d thread%s: client CPU ms per meeting, median of %d JVMs | %.4f | %.4f | %.3f |%n",
          threads,
          threads == 1 ? "" : "s",
          runs,
          EndToEnd.median(cpuA),
          EndToEnd.median(cpuB),
          EndToEnd.median(cpuRatio));
      System.out.printf(
          Locale.ROOT,
          "| %d thread%s: meetings/s (ratio: time per meeting) | %.0f | %.0f | %.3f |%n",
          threads,
          threads == 1 ? "" : "s",
          EndToEnd.median(rateA),
          EndToEnd.median(rateB),
          EndToEnd.median(timeRatio));
      System.out.printf(
          Locale.ROOT,
          "| %d thread%s: bytes allocated per meeting (client JVM) | %,.0f | %,.0f | %.3f |%n",
          threads,
          threads == 1 ? "" : "s",
          EndToEnd.median(allocA),
          EndToEnd.median(allocB),
          EndToEnd.median(allocB) / EndToEnd.median(allocA));
      System.out.printf(
          "| %d thread%s: failed calls, all JVMs | %d | %d | |%n",
          threads, threads == 1 ? "" : "s", failedA, failedB);
    }
  }

  /** Today's jars with core and adapter taken from {@code variant}. */
  private static List<Path> replaced(List<Path> jars, Path variant) throws Exception {
    List<Path> out = new ArrayList<>();
    List<Path> offered;
    try (Stream<Path> s = Files.list(variant)) {
      offered = s.filter(p -> p.toString().endsWith(".jar")).toList();
    }
    int swapped = 0;
    for (Path jar : jars) {
      String name = jar.getFileName().toString();
      Path other =
          offered.stream()
              .filter(p -> p.getFileName().toString().equals(name))
              .findFirst()
              .orElse(null);
      if (other != null
          && (name.startsWith("teams-core-") || name.startsWith("teams-feign-adapter-"))) {
        out.add(other);
        swapped++;
      } else {
        out.add(jar);
      }
    }
    if (swapped == 0) {
      throw new IllegalArgumentException(
          variant + " holds no teams-core or teams-feign-adapter jar");
    }
    return out;
  }
}
