package io.teamsmeet.cli;

import io.teamsmeet.store.TokenStoreException;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The grant database: an embedded H2 file ({@value #NAME}.mv.db) in a directory, holding the JDBC
 * token store's table. Only ciphertext is ever written to it. Open it for one command and close it:
 * H2 locks the file while it is open, so two commands at once get a clear storage error.
 */
final class LocalStore implements AutoCloseable {

  static final String NAME = "tokens";

  private final Path file;
  private final JdbcConnectionPool pool;
  private final JdbcTokenStore tokens;

  private LocalStore(Path file, JdbcConnectionPool pool, JdbcTokenStore tokens) {
    this.file = file;
    this.pool = pool;
    this.tokens = tokens;
  }

  /**
   * Opens (creating if needed) the database in {@code dir}, which must exist. H2 closes it itself
   * if the program is interrupted (its data is flushed).
   *
   * @throws io.teamsmeet.store.TokenStoreException if the database cannot be opened
   */
  static LocalStore open(Path dir) {
    return open(dir, true);
  }

  /**
   * Opens the database; with {@code closeOnExit} false H2 registers no shutdown hook of its own,
   * and the caller closes it when interrupted (the demo, which then removes its files: two hooks at
   * once, one closing and one deleting, could leave a file behind).
   */
  static LocalStore open(Path dir, boolean closeOnExit) {
    Path base = dir.toAbsolutePath().resolve(NAME);
    // Default lock mode FILE: a second process gets "database in use" rather than a shared file.
    // No trace file (tokens.trace.db): H2 would write one, readable by others, on any SQL error.
    String url =
        "jdbc:h2:file:"
            + base
            + ";TRACE_LEVEL_FILE=0"
            + (closeOnExit ? "" : ";DB_CLOSE_ON_EXIT=FALSE");
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
    pool.setMaxConnections(4);
    try {
      JdbcTokenStore tokens = JdbcTokenStore.builder(pool).createTableIfMissing(true).build();
      restrictFiles(dir);
      return new LocalStore(dir.toAbsolutePath().resolve(NAME + ".mv.db"), pool, tokens);
    } catch (RuntimeException e) {
      pool.dispose();
      throw e;
    }
  }

  /**
   * Narrows every file of the database in {@code dir} ({@value #NAME}.*: the data file, and a trace
   * or temporary file H2 may have written, an older version's trace file included) to rw-------.
   * The directory (rwx------) keeps others out meanwhile.
   */
  static void restrictFiles(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, NAME + ".*")) {
      for (Path file : files) {
        OwnerOnly.restrict(file);
      }
    } catch (IOException | RuntimeException e) {
      // best effort, like OwnerOnly.restrict
    }
  }

  JdbcTokenStore tokens() {
    return tokens;
  }

  DataSource dataSource() {
    return pool;
  }

  /** The H2 database file. */
  Path file() {
    return file;
  }

  /** A stored row as plain JDBC sees it: version and the bytes as they are on disk. */
  record Row(long version, byte[] ciphertext) {
    @Override
    public String toString() {
      return "Row[version=" + version + ", " + ciphertext.length + " bytes]";
    }
  }

  /** Reads the user's row with plain JDBC, bypassing the SDK (the demo shows it is ciphertext). */
  Optional<Row> readRow(String userId) {
    String sql =
        "select version, ciphertext from "
            + JdbcTokenStore.DEFAULT_TABLE_NAME
            + " where user_id = ?";
    try (Connection c = pool.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, userId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next()
            ? Optional.of(new Row(rows.getLong(1), rows.getBytes(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw TokenStoreException.of(
          "cannot read the grant table with JDBC (SQLState " + e.getSQLState() + ")",
          e.getSQLState(),
          null);
    }
  }

  @Override
  public void close() {
    pool.dispose();
    restrictFiles(file.getParent());
  }
}
