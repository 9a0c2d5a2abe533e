package io.teamsmeet.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A database holding {@code users} grants for the benchmark: H2 in file mode (the embedded default
 * as an application would run it, with H2's default settings), H2 in memory, or a real PostgreSQL
 * server from zonky's Maven Central binaries. The file-mode H2 and PostgreSQL data stay on disk
 * between runs and forks, so each is bulk-loaded once per size; in-memory H2 is loaded per fork.
 *
 * <p>The data lives under {@code -Dteams.bench.dir} (default {@code java.io.tmpdir}), in {@code
 * teams-benchmarks/}.
 */
final class BenchmarkDatabase {

  /**
   * Size of each stored ciphertext: about what a sealed grant with a Microsoft refresh token is.
   */
  static final int CIPHERTEXT_BYTES = 300;

  private static final int BATCH = 1_000;

  final DataSource dataSource;
  final String table;
  private final AutoCloseable[] resources;

  private BenchmarkDatabase(DataSource dataSource, String table, AutoCloseable... resources) {
    this.dataSource = dataSource;
    this.table = table;
    this.resources = resources;
  }

  static String userId(int index) {
    return String.format("user-%07d", index);
  }

  static BenchmarkDatabase open(String database, int users) throws Exception {
    Path root =
        Paths.get(System.getProperty("teams.bench.dir", System.getProperty("java.io.tmpdir")))
            .resolve("teams-benchmarks");
    Files.createDirectories(root);
    BenchmarkDatabase opened;
    switch (database) {
      case "H2":
        // File mode with H2's defaults; -Dteams.bench.h2options=;CACHE_SIZE=1048576 adds settings.
        JdbcConnectionPool h2 =
            JdbcConnectionPool.create(
                "jdbc:h2:file:"
                    + root.resolve("h2-" + users).toAbsolutePath()
                    + System.getProperty("teams.bench.h2options", ""),
                "sa",
                "");
        opened = new BenchmarkDatabase(h2, "teams_tokens", h2::dispose);
        break;
      case "H2_MEM":
        JdbcConnectionPool memory =
            JdbcConnectionPool.create(
                "jdbc:h2:mem:bench-" + users + ";DB_CLOSE_DELAY=-1", "sa", "");
        opened = new BenchmarkDatabase(memory, "teams_tokens", memory::dispose);
        break;
      case "POSTGRESQL":
        EmbeddedPostgres server = startPostgres(root.resolve("postgresql"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(
            server.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        config.setMaximumPoolSize(2);
        HikariDataSource pool = new HikariDataSource(config);
        opened = new BenchmarkDatabase(pool, "tokens_" + users, pool, server);
        break;
      default:
        throw new IllegalArgumentException(
            "database must be H2, H2_MEM or POSTGRESQL, was " + database);
    }
    opened.fill(users);
    return opened;
  }

  private static EmbeddedPostgres startPostgres(Path dataDirectory) throws IOException {
    try {
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .start();
    } catch (RuntimeException | IOException e) {
      // A data directory left by a killed run: start over.
      deleteRecursively(dataDirectory);
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .start();
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Makes the table hold exactly {@code users} grants, bulk-loading them if it does not. */
  private void fill(int users) throws SQLException {
    if (count() == users) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop table if exists " + table);
    }
    JdbcTokenStore.builder(dataSource).tableName(table).createTableIfMissing(true).build();
    long start = System.nanoTime();
    SplittableRandom random = new SplittableRandom(7);
    byte[] ciphertext = new byte[CIPHERTEXT_BYTES];
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into "
                  + table
                  + " (user_id, version, ciphertext, updated_at_ms) values (?, ?, ?, ?)")) {
        for (int i = 0; i < users; i++) {
          random.nextBytes(ciphertext);
          insert.setString(1, userId(i));
          insert.setLong(2, 1);
          insert.setBytes(3, ciphertext);
          insert.setLong(4, 1_764_000_000_000L);
          insert.addBatch();
          if ((i + 1) % BATCH == 0 || i == users - 1) {
            insert.executeBatch();
            c.commit();
          }
        }
      }
      c.setAutoCommit(true);
      if (table.startsWith("tokens_")) {
        try (Statement s = c.createStatement()) {
          s.execute("vacuum analyze " + table);
        }
      }
    }
    System.out.printf(
        "%n# loaded %,d users into %s in %.1f s%n",
        users, table, (System.nanoTime() - start) / 1e9);
  }

  private long count() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select count(*) from " + table)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      return -1; // no table yet
    }
  }

  /** The current version of every user, by index. */
  long[] versions(int users) throws SQLException {
    long[] versions = new long[users];
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false); // lets PostgreSQL stream the rows
      try (Statement s = c.createStatement()) {
        s.setFetchSize(10_000);
        try (ResultSet rows = s.executeQuery("select user_id, version from " + table)) {
          while (rows.next()) {
            versions[Integer.parseInt(rows.getString(1).substring("user-".length()))] =
                rows.getLong(2);
          }
        }
      }
      c.commit();
      c.setAutoCommit(true);
    }
    return versions;
  }

  void close() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }
}
