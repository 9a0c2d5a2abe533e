package io.teamsmeet.benchmarks;

import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsMeetings;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SDK's steady state in a JVM of its own, run by {@link VariantComparison}: one user whose
 * grant is stored (as {@link ColdStartSdk} has it), a warm-up, then timed rounds of meetings on the
 * java.net.http transport. The fake runs in the parent, so this process's CPU time is the client's
 * alone. Prints {@code STEADY <cpu ms per meeting> <meetings per second> <failed calls> <bytes
 * allocated per meeting>} (medians of the rounds; failed calls over the whole run). Args: fake base
 * URL, directory with the grant, threads, warm-up meetings, rounds, meetings per round.
 */
public final class SteadySdk {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final AtomicLong FAILURES = new AtomicLong();

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private SteadySdk() {}

  /** Bytes allocated so far by the live threads (the pool's, the HTTP client's, this one). */
  private static long allocatedBytes() {
    long sum = 0;
    for (long b : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
      sum += Math.max(0, b);
    }
    return sum;
  }

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    Path dir = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    int warmUp = Integer.parseInt(args[3]);
    int rounds = Integer.parseInt(args[4]);
    int perRound = Integer.parseInt(args[5]);
    java.util.logging.Logger.getLogger("io.teamsmeet").setLevel(java.util.logging.Level.WARNING);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (TeamsMeetings teams = ColdStartSdk.fromStoredGrant(base, dir)) {
      run(pool, teams, threads, warmUp);
      List<Double> cpu = new ArrayList<>();
      List<Double> rate = new ArrayList<>();
      List<Double> allocated = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        long bytes0 = allocatedBytes();
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        run(pool, teams, threads, perRound);
        long t1 = System.nanoTime();
        long cpu1 = OS.getProcessCpuTime();
        allocated.add((allocatedBytes() - bytes0) / (double) perRound);
        cpu.add((cpu1 - cpu0) / 1e6 / perRound);
        rate.add(perRound / ((t1 - t0) / 1e9));
      }
      System.out.printf(
          Locale.ROOT,
          "STEADY %.4f %.1f %d %.0f%n",
          EndToEnd.median(cpu),
          EndToEnd.median(rate),
          FAILURES.get(),
          EndToEnd.median(allocated));
      System.out.flush();
    } finally {
      pool.shutdownNow();
    }
    System.exit(0);
  }

  private static void run(ExecutorService pool, TeamsMeetings teams, int threads, int meetings)
      throws Exception {
    List<Future<?>> done = new ArrayList<>();
    int each = meetings / threads;
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < each; i++) {
                  MeetingRequest request =
                      MeetingRequest.of("Quarterly review", Clients.START, Duration.ofMinutes(30));
                  try {
                    Meeting m = teams.meetings().create("cold-user", request);
                    if (m.passcode().isEmpty()) {
                      throw new IllegalStateException("no passcode");
                    }
                  } catch (TeamsException e) {
                    FAILURES.incrementAndGet(); // counted and printed, as the end-to-end rows do
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
  }
}
