package io.teamsmeet.store;

import io.teamsmeet.ErrorDetails;
import io.teamsmeet.TeamsException;
import java.util.Optional;

/**
 * The {@code TokenStore} itself failed (database down, timeout, schema missing). Nothing was lost:
 * the stored grant is as it was before the call, and the same call may succeed later.
 *
 * <p>A store of your own throws it for any failure of its storage:
 *
 * <pre>{@code
 * } catch (RedisConnectionException e) {
 *   throw TokenStoreException.of("Redis is unreachable", "CONNECTION", null);
 * }
 * }</pre>
 *
 * <p>The message and {@link #errorCode()} describe the failure; neither holds stored bytes.
 * Immutable and thread-safe.
 */
public final class TokenStoreException extends TeamsException {

  private static final long serialVersionUID = 1L;

  private final String errorCode;

  private TokenStoreException(String message, String errorCode, Throwable cause) {
    super(message, ErrorDetails.none(), cause);
    this.errorCode = errorCode;
  }

  /**
   * Creates the exception.
   *
   * @param message what failed; must not contain stored bytes or secrets
   * @param errorCode the storage's own code for the failure (a JDBC store gives the SQLState), or
   *     null
   * @param cause the underlying failure, or null; pass it only if its message holds no stored data
   * @return the exception
   */
  public static TokenStoreException of(String message, String errorCode, Throwable cause) {
    return new TokenStoreException(message, errorCode, cause);
  }

  /**
   * The storage's own code for the failure, if it gave one: the SQLState for {@code JdbcTokenStore}
   * ({@code 08006} connection failure, {@code 57014} query cancelled...).
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }
}
