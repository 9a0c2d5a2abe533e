package io.teamsmeet.store;

import io.teamsmeet.ErrorDetails;
import io.teamsmeet.TeamsException;
import java.util.Optional;

/**
 * The {@code TokenStore} itself failed (database down, timeout, schema missing). Nothing was lost:
 * the stored grant is as it was before the call, and the same call may succeed later.
 *
 * <p>The message and {@link #sqlState()} describe the failure; neither holds stored bytes.
 */
public final class TokenStoreException extends TeamsException {

  private static final long serialVersionUID = 1L;

  private final String sqlState;

  private TokenStoreException(String message, String sqlState, Throwable cause) {
    super(message, ErrorDetails.none(), cause);
    this.sqlState = sqlState;
  }

  /**
   * Creates the exception.
   *
   * @param message what failed; must not contain stored bytes or secrets
   * @param sqlState the SQLState of a JDBC failure, or null
   * @param cause the underlying failure, or null; pass it only if its message holds no stored data
   * @return the exception
   */
  public static TokenStoreException of(String message, String sqlState, Throwable cause) {
    return new TokenStoreException(message, sqlState, cause);
  }

  /** The SQLState of a JDBC failure, if the store is a database. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }
}
