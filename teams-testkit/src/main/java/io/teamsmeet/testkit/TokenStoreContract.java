package io.teamsmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link TokenStore}, as tests any implementation can run.
 *
 * <p>Extend it in your test sources and say how to make an empty store; JUnit 5 runs every promise
 * against it:
 *
 * <pre>{@code
 * class MyTokenStoreTest extends TokenStoreContract {
 *   @Override
 *   protected TokenStore createStore() {
 *     return new MyTokenStore(freshEmptyDatabase());
 *   }
 *
 *   // Optional: a second store on the same data, as a second application instance would have.
 *   @Override
 *   protected TokenStore secondInstance(TokenStore first) {
 *     return new MyTokenStore(anotherConnectionPoolToTheSameDatabase());
 *   }
 * }
 * }</pre>
 *
 * <p>The promises: bytes round-trip unchanged; a missing user loads as empty; compare-and-set
 * insert, update and conflict; compare-and-set delete; users are isolated (ids compared exactly,
 * case and all); every user id the core accepts is stored, up to {@link
 * TokenStore#MAX_USER_ID_UTF8_BYTES} bytes of UTF-8 with characters of one to four bytes; and
 * concurrent writers, through one or two store instances, lose no update.
 *
 * <p>Not thread-safe, like any JUnit test class: by default JUnit makes one instance per test and
 * runs its lifecycle methods and the test on one thread. The concurrency promises start threads of
 * their own, which share only the store under test (and {@link #secondInstance}'s store).
 */
public abstract class TokenStoreContract {

  private static final Instant T0 = Instant.parse("2026-11-25T09:00:00.123Z");

  private TokenStore store;

  /**
   * Creates the store under test, empty.
   *
   * @return a store with no grants
   */
  protected abstract TokenStore createStore();

  /**
   * Returns a second store on the same data as {@code first}, as a second application instance
   * would have (another connection pool to the same database). By default, {@code first} itself.
   *
   * @param first the store made by {@link #createStore()}
   * @return a store sharing {@code first}'s data
   */
  protected TokenStore secondInstance(TokenStore first) {
    return first;
  }

  /** Threads in the concurrency promise (default 16). */
  protected int concurrentWriters() {
    return 16;
  }

  /** Successful saves each writer makes in the concurrency promise (default 100). */
  protected int savesPerWriter() {
    return 100;
  }

  @BeforeEach
  final void createStoreUnderTest() {
    store = createStore();
  }

  @AfterEach
  final void closeStoreUnderTest() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /** The store made for the current test. */
  protected final TokenStore store() {
    return store;
  }

  private static byte[] bytes(int length, long seed) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }

  private static StoredGrant grant(String user, long version, byte[] ciphertext) {
    return new StoredGrant(user, version, ciphertext, T0.plusSeconds(version % 100_000));
  }

  @Test
  void aUserWithoutAGrantLoadsAsEmpty() {
    assertThat(store.load("nobody")).isEmpty();
  }

  @Test
  void aSavedGrantLoadsBackWithItsBytesUnchanged() {
    byte[] every = new byte[256];
    for (int i = 0; i < every.length; i++) {
      every[i] = (byte) i;
    }
    StoredGrant small = grant("user-a", 1, every);
    StoredGrant large = grant("user-b", 42, bytes(16 * 1024, 7));

    assertThat(store.save(small, TokenStore.ABSENT)).isTrue();
    assertThat(store.save(large, TokenStore.ABSENT)).isTrue();

    assertThat(store.load("user-a")).contains(small);
    assertThat(store.load("user-b")).contains(large);
  }

  @Test
  void extremeVersionsAndAMillisecondTimestampRoundTrip() {
    StoredGrant high = grant("user-a", Long.MAX_VALUE - 1, bytes(64, 1));
    StoredGrant negative = grant("user-b", Long.MIN_VALUE + 1, bytes(64, 2));

    assertThat(store.save(high, TokenStore.ABSENT)).isTrue();
    assertThat(store.save(negative, TokenStore.ABSENT)).isTrue();

    assertThat(store.load("user-a")).contains(high);
    assertThat(store.load("user-b")).contains(negative);
  }

  @Test
  void insertingWhenAGrantExistsIsAConflictAndChangesNothing() {
    StoredGrant first = grant("user-a", 1, bytes(100, 1));
    store.save(first, TokenStore.ABSENT);

    assertThat(store.save(grant("user-a", 2, bytes(100, 2)), TokenStore.ABSENT)).isFalse();
    assertThat(store.load("user-a")).contains(first);
  }

  @Test
  void anUpdateWithTheCurrentVersionReplacesTheGrant() {
    store.save(grant("user-a", 1, bytes(100, 1)), TokenStore.ABSENT);
    StoredGrant second = grant("user-a", 2, bytes(120, 2));

    assertThat(store.save(second, 1)).isTrue();
    assertThat(store.load("user-a")).contains(second);
  }

  @Test
  void anUpdateWithAStaleVersionIsAConflictAndChangesNothing() {
    store.save(grant("user-a", 1, bytes(100, 1)), TokenStore.ABSENT);
    StoredGrant second = grant("user-a", 2, bytes(100, 2));
    store.save(second, 1);

    assertThat(store.save(grant("user-a", 3, bytes(100, 3)), 1)).isFalse();
    assertThat(store.load("user-a")).contains(second);
  }

  @Test
  void anUpdateOfAMissingUserIsAConflictAndCreatesNothing() {
    assertThat(store.save(grant("user-a", 8, bytes(100, 1)), 7)).isFalse();
    assertThat(store.load("user-a")).isEmpty();
  }

  @Test
  void deleteRemovesOnlyTheExpectedVersion() {
    store.save(grant("user-a", 1, bytes(100, 1)), TokenStore.ABSENT);
    StoredGrant second = grant("user-a", 2, bytes(100, 2));
    store.save(second, 1);

    assertThat(store.delete("user-a", 1)).isFalse();
    assertThat(store.load("user-a")).contains(second);
    assertThat(store.delete("user-a", 2)).isTrue();
    assertThat(store.load("user-a")).isEmpty();
    assertThat(store.delete("user-a", 2)).isFalse();
  }

  @Test
  void aDeletedUserCanBeInsertedAgain() {
    store.save(grant("user-a", 1, bytes(100, 1)), TokenStore.ABSENT);
    store.delete("user-a", 1);
    StoredGrant again = grant("user-a", 99, bytes(100, 3));

    assertThat(store.save(again, TokenStore.ABSENT)).isTrue();
    assertThat(store.load("user-a")).contains(again);
  }

  @Test
  void usersAreIsolatedAndTheirIdsComparedExactly() {
    List<String> ids =
        List.of(
            "user-1",
            "USER-1",
            "user-1 ",
            "user-10",
            "ユーザー-1",
            "u'; drop table x; --",
            "x".repeat(255));
    for (int i = 0; i < ids.size(); i++) {
      assertThat(store.save(grant(ids.get(i), i + 1, bytes(50, i)), TokenStore.ABSENT))
          .as("insert %s", ids.get(i))
          .isTrue();
    }
    assertThat(store.delete("user-1", 1)).isTrue();
    assertThat(store.save(grant("USER-1", 50, bytes(50, 50)), 2)).isTrue();

    assertThat(store.load("user-1")).isEmpty();
    assertThat(store.load("USER-1").map(StoredGrant::version)).contains(50L);
    for (int i = 2; i < ids.size(); i++) {
      Optional<StoredGrant> loaded = store.load(ids.get(i));
      assertThat(loaded).as("user %s", ids.get(i)).contains(grant(ids.get(i), i + 1, bytes(50, i)));
    }
  }

  /**
   * The longest ids the core accepts ({@link TokenStore#MAX_USER_ID_UTF8_BYTES} bytes of UTF-8),
   * made of one-, two-, three- and four-byte characters (the four-byte ones are two UTF-16 units
   * each, as SQL Server's NVARCHAR counts them).
   */
  static List<String> longestUserIds() {
    int max = TokenStore.MAX_USER_ID_UTF8_BYTES;
    return List.of(
        "a".repeat(max),
        "é".repeat(max / 2) + "a",
        "€".repeat(max / 3),
        "😀".repeat(max / 4) + "€",
        fill("Zoë-会議-🙂-", max));
  }

  /** {@code unit} repeated, then cut to exactly {@code bytes} bytes of UTF-8 with ASCII padding. */
  private static String fill(String unit, int bytes) {
    StringBuilder id = new StringBuilder();
    int used = 0;
    while (true) {
      for (int cp : unit.codePoints().toArray()) {
        int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        if (used + size > bytes) {
          return id + "x".repeat(bytes - used);
        }
        id.appendCodePoint(cp);
        used += size;
      }
    }
  }

  @Test
  void theLongestUserIdsTheCoreAcceptsRoundTripWithMultiByteCharacters() {
    List<String> ids = longestUserIds();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      assertThat(id.getBytes(StandardCharsets.UTF_8)).hasSize(TokenStore.MAX_USER_ID_UTF8_BYTES);
      assertThat(store.save(grant(id, i + 1, bytes(40, i)), TokenStore.ABSENT))
          .as("insert the %s-character id %s", id.length(), id)
          .isTrue();
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      assertThat(store.load(id)).as("load %s", id).contains(grant(id, i + 1, bytes(40, i)));
      String sibling = id.substring(0, id.offsetByCodePoints(id.length(), -1)) + "b";
      assertThat(store.load(sibling)).as("an id one character apart").isEmpty();
    }
    String last = ids.get(ids.size() - 1);
    assertThat(store.save(grant(last, 99, bytes(40, 99)), ids.size())).isTrue();
    assertThat(store.delete(last, 99)).isTrue();
    assertThat(store.load(last)).isEmpty();
  }

  @RepeatedTest(3)
  void concurrentWritersThroughTwoInstancesLoseNoUpdate() throws Exception {
    TokenStore second = secondInstance(store);
    store.save(grant("user-a", 1, bytes(64, 0)), TokenStore.ABSENT);
    int writers = concurrentWriters();
    int perWriter = savesPerWriter();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        TokenStore on = w % 2 == 0 ? store : second;
        int writer = w;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  int conflicts = 0;
                  for (int done = 0; done < perWriter; ) {
                    StoredGrant current = on.load("user-a").orElseThrow();
                    long next = current.version() + 1;
                    byte[] payload = bytes(64, next);
                    payload[0] = (byte) writer;
                    if (on.save(grant("user-a", next, payload), current.version())) {
                      done++;
                    } else {
                      conflicts++;
                    }
                  }
                  return conflicts;
                }));
      }
      go.countDown();
      for (Future<Integer> result : results) {
        result.get(5, TimeUnit.MINUTES);
      }
      StoredGrant last = store.load("user-a").orElseThrow();
      assertThat(last.version())
          .as("every successful compare-and-set counted exactly once")
          .isEqualTo(1L + (long) writers * perWriter);
      assertThat(second.load("user-a")).contains(last);
    } finally {
      pool.shutdownNow();
      if (second != store && second instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  @Test
  void racingInsertsOfOneUserHaveExactlyOneWinner() throws Exception {
    TokenStore second = secondInstance(store);
    int writers = concurrentWriters();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (int round = 0; round < 20; round++) {
        String user = "racer-" + round;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          TokenStore on = w % 2 == 0 ? store : second;
          long version = w + 1;
          results.add(
              pool.submit(
                  () -> {
                    go.await();
                    return on.save(grant(user, version, bytes(32, version)), TokenStore.ABSENT);
                  }));
        }
        go.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
          if (result.get(1, TimeUnit.MINUTES)) {
            winners++;
          }
        }
        if (winners != 1) {
          fail("round %d: %d inserts of one user succeeded", round, winners);
        }
        assertThat(store.load(user)).isPresent();
      }
    } finally {
      pool.shutdownNow();
      if (second != store && second instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }
}
