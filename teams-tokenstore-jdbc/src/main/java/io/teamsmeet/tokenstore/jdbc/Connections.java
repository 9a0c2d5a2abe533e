package io.teamsmeet.tokenstore.jdbc;

import io.teamsmeet.store.TokenStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Borrows a connection for one unit of work, in auto-commit mode, and always gives it back. */
final class Connections {

  /** One unit of work on a borrowed connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Connections() {}

  /**
   * Runs {@code work} on a connection from {@code dataSource} in auto-commit mode, so every
   * statement is its own transaction; then restores the connection's auto-commit setting and closes
   * it. Once the work has succeeded, a failure to restore or close is ignored: the outcome is known
   * and committed, and a broken connection is the pool's to discard.
   *
   * @throws TokenStoreException for any failure of the driver or the pool
   */
  static <T> T run(DataSource dataSource, Operation operation, String table, Work<T> work) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (connection == null) {
        throw TokenStoreException.of(
            "token store "
                + operation
                + " failed on table "
                + table
                + ": the DataSource returned no connection",
            null,
            null);
      }
      boolean autoCommit = connection.getAutoCommit();
      if (!autoCommit) {
        connection.setAutoCommit(true);
      }
      try {
        return work.run(connection);
      } finally {
        if (!autoCommit) {
          restoreManualCommit(connection);
        }
      }
    } catch (SQLException e) {
      throw SqlFailures.translate(operation, table, e);
    } catch (TokenStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SqlFailures.translate(operation, table, e);
    } finally {
      closeQuietly(connection);
    }
  }

  private static void restoreManualCommit(Connection connection) {
    try {
      connection.setAutoCommit(false);
    } catch (SQLException | RuntimeException e) {
      // The connection is broken; the pool discards it. The work's outcome stands.
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      // Nothing to do: the work's outcome (or its failure) is already decided.
    }
  }
}
