package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code client-request-id} of every request: a well-formed, distinct version 4 UUID. */
class ClientRequestIdTest {

  @Test
  void isAVersion4IetfVariantUuidInCanonicalForm() {
    for (int i = 0; i < 10_000; i++) {
      String id = StandardHeaders.newClientRequestId();
      assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
    }
  }

  @Test
  void idsDrawnConcurrentlyByManyThreadsAreAllDistinct() throws Exception {
    int threads = 16;
    int each = 20_000;
    Set<String> seen = ConcurrentHashMap.newKeySet();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        pool.submit(
            () -> {
              start.await();
              for (int i = 0; i < each; i++) {
                seen.add(StandardHeaders.newClientRequestId());
              }
              return null;
            });
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(threads * each);
  }
}
