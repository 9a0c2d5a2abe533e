package io.teamsmeet.tokenstore.jdbc;

import io.teamsmeet.store.TokenStoreException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Set;

/**
 * Turns driver failures into {@link TokenStoreException}s that carry no stored data, and tells a
 * duplicate key apart from other failures by SQLState, never by message text.
 */
final class SqlFailures {

  /**
   * Integrity violations of class 23 that are not a duplicate key: not null, foreign key, check.
   */
  private static final Set<String> NOT_A_DUPLICATE = Set.of("23502", "23503", "23514");

  private SqlFailures() {}

  /**
   * Whether an insert failed because the key already exists: SQLState class 23 (integrity
   * constraint violation, {@code 23505} on PostgreSQL and H2, {@code 23000} on MySQL, MariaDB and
   * SQL Server) other than the not-null, foreign-key and check states, or a {@link
   * SQLIntegrityConstraintViolationException} without a state. The store's own insert sends no
   * nulls and the shipped schemas have no other constraint than the primary key.
   */
  static boolean isDuplicateKey(SQLException e) {
    String state = e.getSQLState();
    if (state != null && state.startsWith("23")) {
      return !NOT_A_DUPLICATE.contains(state);
    }
    return state == null && e instanceof SQLIntegrityConstraintViolationException;
  }

  /** A store failure for an SQL error: SQLState and vendor code kept, the driver's message not. */
  static TokenStoreException translate(Operation operation, String table, SQLException e) {
    String state = e.getSQLState();
    String message =
        "token store "
            + operation
            + " failed on table "
            + table
            + ": SQLState "
            + state
            + ", vendor code "
            + e.getErrorCode()
            + " ("
            + e.getClass().getSimpleName()
            + ")"
            + hint(state);
    return TokenStoreException.of(message, state, RedactedSQLException.of(e));
  }

  /** A store failure for an unchecked exception of the driver or pool (no SQLState). */
  static TokenStoreException translate(Operation operation, String table, RuntimeException e) {
    return TokenStoreException.of(
        "token store "
            + operation
            + " failed on table "
            + table
            + ": "
            + e.getClass().getName()
            + " from the driver or pool",
        null,
        RedactedSQLException.of(e));
  }

  /** A short reading of the SQLState class, for the person who reads the log. */
  private static String hint(String state) {
    if (state == null || state.length() < 2) {
      return "";
    }
    switch (state.substring(0, 2)) {
      case "08":
        return ": the database could not be reached or the connection broke";
      case "28":
        return ": the database refused the credentials";
      case "42":
        return ": the table or a column is missing or different; create it from the schema script"
            + " for your database (JdbcTokenStore.Dialect#schemaResource)";
      case "40":
        return ": the database rolled the statement back (deadlock or serialization failure)";
      case "53":
      case "57":
        return ": the database is overloaded, shutting down or cancelled the statement";
      case "22":
        return ": a value does not fit its column";
      case "23":
        return ": an integrity constraint other than the primary key rejected the row";
      default:
        return "";
    }
  }
}
