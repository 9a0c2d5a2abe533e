package io.teamsmeet.tokenstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's race: 16 threads make 500 compare-and-set saves each for one user, half through one
 * application instance (connection pool) and half through another. No update is lost: every
 * successful save moved the version by exactly one, so the final version is the initial one plus
 * the number of successful saves, and the stored bytes are those of the last successful save.
 */
class TwoInstancesRaceTest {

  private static final String USER = "racer";
  private static final int THREADS = 16;
  private static final int SAVES_PER_THREAD = 500;

  @Test
  void onH2() throws Exception {
    String url = H2Databases.newUrl();
    JdbcConnectionPool first = H2Databases.pool(url);
    JdbcConnectionPool second = H2Databases.pool(url);
    try {
      race(
          JdbcTokenStore.builder(first).createTableIfMissing(true).build(),
          JdbcTokenStore.create(second));
    } finally {
      first.dispose();
      second.dispose();
    }
  }

  @Test
  void onPostgres() throws Exception {
    String table = PostgresServer.newTableName();
    try (HikariDataSource first = PostgresServer.pool(THREADS / 2);
        HikariDataSource second = PostgresServer.pool(THREADS / 2)) {
      race(
          JdbcTokenStore.builder(first).tableName(table).createTableIfMissing(true).build(),
          JdbcTokenStore.builder(second).tableName(table).build());
    }
  }

  private static StoredGrant grant(long version, int writer) {
    byte[] payload = ByteBuffer.allocate(300).putLong(version).putInt(writer).array();
    return new StoredGrant(USER, version, payload, Instant.ofEpochMilli(version));
  }

  private static void race(TokenStore first, TokenStore second) throws Exception {
    assertThat(first.save(grant(1, -1), TokenStore.ABSENT)).isTrue();
    AtomicInteger successes = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    Map<Long, Integer> writerOfVersion = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        TokenStore store = t % 2 == 0 ? first : second;
        int writer = t;
        done.add(
            threads.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < SAVES_PER_THREAD; i++) {
                    long current = store.load(USER).orElseThrow().version();
                    if (store.save(grant(current + 1, writer), current)) {
                      successes.incrementAndGet();
                      assertThat(writerOfVersion.putIfAbsent(current + 1, writer))
                          .as("two saves succeeded from version %d", current)
                          .isNull();
                    } else {
                      conflicts.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> result : done) {
        result.get(2, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }

    StoredGrant last = first.load(USER).orElseThrow();
    assertThat(successes.get() + conflicts.get()).isEqualTo(THREADS * SAVES_PER_THREAD);
    assertThat(successes.get()).isPositive();
    assertThat(last.version()).isEqualTo(1L + successes.get());
    assertThat(last).isEqualTo(grant(last.version(), writerOfVersion.get(last.version())));
    assertThat(second.load(USER)).contains(last);
  }
}
