package io.teamsmeet.tokenstore.jdbc;

import java.sql.SQLException;

/**
 * A stand-in for a driver's exception that keeps its class name, SQLState, vendor code and stack
 * trace, and drops its message: drivers quote row values there (PostgreSQL's {@code Failing row
 * contains (...)}, H2's {@code VALUES (...)}), which could be a ciphertext or a user id. Causes are
 * redacted the same way.
 */
final class RedactedSQLException extends SQLException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 8;

  private RedactedSQLException(String message, String sqlState, int vendorCode) {
    super(message, sqlState, vendorCode);
  }

  /** A redacted copy of {@code original} and its causes. */
  static RedactedSQLException of(Throwable original) {
    return of(original, 0);
  }

  private static RedactedSQLException of(Throwable original, int depth) {
    RedactedSQLException copy;
    if (original instanceof SQLException sql) {
      copy =
          new RedactedSQLException(
              original.getClass().getName()
                  + " (SQLState "
                  + sql.getSQLState()
                  + ", vendor code "
                  + sql.getErrorCode()
                  + "); the driver's message is withheld: it may quote stored values",
              sql.getSQLState(),
              sql.getErrorCode());
    } else {
      copy =
          new RedactedSQLException(
              original.getClass().getName()
                  + "; its message is withheld: it may quote stored values",
              null,
              0);
    }
    copy.setStackTrace(original.getStackTrace());
    Throwable cause = original.getCause();
    if (cause != null && cause != original && depth < MAX_DEPTH) {
      copy.initCause(of(cause, depth + 1));
    }
    return copy;
  }
}
