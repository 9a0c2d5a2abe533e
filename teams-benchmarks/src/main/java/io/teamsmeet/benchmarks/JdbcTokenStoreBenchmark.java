package io.teamsmeet.benchmarks;

import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of {@link JdbcTokenStore#load} and of a compare-and-set {@link JdbcTokenStore#save} (an
 * update from the current version) for a random user among 1 000 or 1 000 000 stored users with
 * ~300-byte ciphertexts, on H2 (file mode, and in memory) and PostgreSQL 14 (a real server on
 * localhost). One thread; every call borrows a pooled connection and runs one statement in
 * auto-commit mode, as the core's calls do.
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -B -q -pl teams-benchmarks -am package -DskipTests
 * java -jar teams-benchmarks/target/benchmarks.jar JdbcTokenStoreBenchmark -f 1 -wi 2 -i 3
 * </pre>
 *
 * <p>The first run bulk-loads the file-mode H2 and the PostgreSQL database once per size (about
 * half a minute each for a million users) and keeps them under {@code
 * java.io.tmpdir/teams-benchmarks} for later runs; in-memory H2 is loaded in every fork. Add {@code
 * -p database=POSTGRESQL} or {@code -p users=1000} to run a part. PostgreSQL runs with zonky's
 * defaults, which include {@code fsync=off}: saves measure the statement, not the disk. The jar
 * carries PostgreSQL binaries for Linux x86-64 only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class JdbcTokenStoreBenchmark {

  /** Which database: {@code H2} (file), {@code H2_MEM} (in memory) or {@code POSTGRESQL}. */
  @Param({"H2", "H2_MEM", "POSTGRESQL"})
  public String database;

  /** How many users have a stored grant. */
  @Param({"1000", "1000000"})
  public int users;

  private BenchmarkDatabase db;
  private JdbcTokenStore store;
  private String[] ids;
  private long[] versions;
  private final byte[] ciphertext = new byte[BenchmarkDatabase.CIPHERTEXT_BYTES];
  private final SplittableRandom random = new SplittableRandom(42);
  private final Instant now = Instant.parse("2026-11-25T09:00:00Z");

  /** Opens (and on the first run fills) the database, and reads every user's current version. */
  @Setup(Level.Trial)
  public void open() throws Exception {
    db = BenchmarkDatabase.open(database, users);
    store = JdbcTokenStore.builder(db.dataSource).tableName(db.table).build();
    ids = new String[users];
    for (int i = 0; i < users; i++) {
      ids[i] = BenchmarkDatabase.userId(i);
    }
    versions = db.versions(users);
    new SplittableRandom(1).nextBytes(ciphertext);
  }

  /** Closes the pool and stops the server. */
  @TearDown(Level.Trial)
  public void close() throws Exception {
    db.close();
  }

  /** Loads a random user's grant. */
  @Benchmark
  public Optional<StoredGrant> load() {
    return store.load(ids[random.nextInt(users)]);
  }

  /** Replaces a random user's grant with compare-and-set from its current version. */
  @Benchmark
  public boolean save() {
    int user = random.nextInt(users);
    long current = versions[user];
    ciphertext[0] = (byte) current;
    if (!store.save(new StoredGrant(ids[user], current + 1, ciphertext, now), current)) {
      throw new IllegalStateException("lost a compare-and-set nobody else was racing for");
    }
    versions[user] = current + 1;
    return true;
  }
}
