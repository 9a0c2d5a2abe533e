package io.teamsmeet.benchmarks;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.feign.Transport;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Refresh under load (1 000 users, 8 threads, tokens expiring) and single flight (64 threads). */
final class RefreshScenarios {

  private RefreshScenarios() {}

  static final int TOKEN_DELAY_MS = 50;

  static void refreshUnderLoad(FakeEndpoints fake, KeysetHandle keys, int seconds)
      throws Exception {
    int users = 1000;
    int lifetime = 10;
    Duration skew = Duration.ofSeconds(2);
    Duration ahead = Duration.ofSeconds(4);
    System.out.printf(
        "%n== Refresh under load: %d users, 8 threads, %d s per run, SDK on java.net.http;"
            + " the fake issues access tokens with expires_in=%d s and its token endpoint takes"
            + " %d ms; expirySkew %s, refreshAhead %s (0 = off) ==%n",
        users,
        seconds,
        lifetime,
        TOKEN_DELAY_MS,
        skew.toSeconds() + " s",
        ahead.toSeconds() + " s");
    System.out.println();
    System.out.println(
        "| refresh-ahead | meetings | meetings/s | token calls | token calls per meeting | p50 ms"
            + " | p99 ms | p99.9 ms | max ms | calls slower than "
            + TOKEN_DELAY_MS
            + " ms (waited on a refresh) | failed calls |");
    System.out.println(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Duration refreshAhead : List.of(ahead, Duration.ZERO)) {
      fake.delayMs = 0;
      fake.tokenDelayMs = 0;
      fake.tokenLifetimeSeconds(lifetime);
      ExecutorService refresher =
          Executors.newFixedThreadPool(
              32,
              r -> {
                Thread t = new Thread(r, "refresh-ahead");
                t.setDaemon(true);
                return t;
              });
      TeamsMeetings sdk =
          Clients.sdk(
              fake, Transport.jdk(), new InMemoryTokenStore(), keys, skew, refreshAhead, refresher);
      ExecutorService workers = Executors.newFixedThreadPool(8);
      // connect the users in parallel (the connect's token calls are not counted below)
      List<Future<?>> connects = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        int first = w;
        connects.add(
            workers.submit(
                () -> {
                  for (int u = first; u < users; u += 8) {
                    Clients.connect(sdk, Clients.userId(u));
                  }
                  return null;
                }));
      }
      for (Future<?> f : connects) {
        f.get();
      }
      fake.tokenDelayMs = TOKEN_DELAY_MS;
      Clients.Sdk client = new Clients.Sdk("sdk", sdk);
      long tokens0 = fake.tokenCalls();
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      List<Future<long[]>> parts = new ArrayList<>();
      CyclicBarrier start = new CyclicBarrier(8);
      AtomicLong counter = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      for (int w = 0; w < 8; w++) {
        parts.add(
            workers.submit(
                () -> {
                  long[] lat = new long[1 << 16];
                  int n = 0;
                  start.await();
                  while (System.nanoTime() < end) {
                    int user = (int) (counter.getAndIncrement() % users);
                    long t0 = System.nanoTime();
                    try {
                      client.create(user);
                    } catch (RuntimeException e) {
                      if (failed.incrementAndGet() == 1) {
                        System.out.println("  (a call failed: " + e + ")");
                      }
                    }
                    if (n == lat.length) {
                      lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - t0;
                  }
                  return Arrays.copyOf(lat, n);
                }));
      }
      long t0 = System.nanoTime();
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> f : parts) {
        all.add(f.get());
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      long tokens = fake.tokenCalls() - tokens0;
      long[] lat = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      long slow = Arrays.stream(lat).filter(l -> l >= TOKEN_DELAY_MS * 1_000_000L).count();
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d | %,.0f | %,d | %.4f | %.3f | %.3f | %.3f | %.1f | %,d (%.3f%%) | %,d |%n",
          refreshAhead.isZero() ? "off" : refreshAhead.toSeconds() + " s",
          lat.length,
          lat.length / wall,
          tokens,
          (double) tokens / lat.length,
          pct(lat, 0.5),
          pct(lat, 0.99),
          pct(lat, 0.999),
          lat[lat.length - 1] / 1e6,
          slow,
          100.0 * slow / lat.length,
          failed.get());
      if (failed.get() > lat.length / 100) {
        throw new IllegalStateException(failed.get() + " failed calls in " + lat.length);
      }
      workers.shutdown();
      sdk.close();
      refresher.shutdownNow();
    }
    fake.tokenDelayMs = 0;
    fake.tokenLifetimeSeconds(3600);
  }

  static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  static void singleFlight(FakeEndpoints fake, KeysetHandle keys) throws Exception {
    int threads = 64;
    System.out.printf(
        "%n== Single flight: %d threads, one user whose access token has expired, token endpoint"
            + " %d ms ==%n",
        threads, TOKEN_DELAY_MS);
    System.out.println();
    System.out.println("| run | token-endpoint calls | meetings created | max latency ms |");
    System.out.println("| --- | ---: | ---: | ---: |");
    for (int run = 1; run <= 3; run++) {
      fake.delayMs = 0;
      fake.tokenDelayMs = 0;
      fake.tokenLifetimeSeconds(3);
      TeamsMeetings sdk =
          Clients.sdk(
              fake,
              Transport.jdk(),
              new InMemoryTokenStore(),
              keys,
              Duration.ofSeconds(2),
              Duration.ZERO,
              null);
      Clients.connect(sdk, Clients.userId(0));
      Thread.sleep(1500); // usable for 3 s - 2 s skew = 1 s: now expired
      fake.tokenDelayMs = TOKEN_DELAY_MS;
      fake.tokenLifetimeSeconds(3600);
      Clients.Sdk client = new Clients.Sdk("sdk", sdk);
      ExecutorService workers = Executors.newFixedThreadPool(threads);
      CyclicBarrier start = new CyclicBarrier(threads);
      long tokens0 = fake.tokenCalls();
      List<Future<Long>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        fs.add(
            workers.submit(
                () -> {
                  start.await();
                  long t0 = System.nanoTime();
                  client.create(0);
                  return System.nanoTime() - t0;
                }));
      }
      long max = 0;
      int ok = 0;
      for (Future<Long> f : fs) {
        max = Math.max(max, f.get());
        ok++;
      }
      System.out.printf(
          Locale.ROOT,
          "| %d | %d | %d | %.1f |%n",
          run,
          fake.tokenCalls() - tokens0,
          ok,
          max / 1e6);
      workers.shutdown();
      sdk.close();
    }
    fake.tokenDelayMs = 0;
  }
}
