package io.teamsmeet.core;

/**
 * Microsoft answered with an error no more specific type covers, or could not be reached: a 400
 * for a request Graph did not accept, a 409, a 5xx, a timeout, an unreadable response.
 *
 * <p>{@link #status()} is the HTTP status (0 when no response arrived); {@link #isRetryable()}
 * tells whether the same call may succeed later.
 */
public final class TeamsServiceException extends TeamsException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  private TeamsServiceException(
      String message, ErrorDetails details, boolean retryable, Throwable cause) {
    super(message, details, cause);
    this.retryable = retryable;
  }

  /**
   * Creates the exception.
   *
   * @param message what failed, without any secret or body
   * @param details the HTTP status, code and request ids
   * @param retryable whether the same call may succeed later
   * @param cause the underlying failure, or null
   * @return the exception
   */
  public static TeamsServiceException of(
      String message, ErrorDetails details, boolean retryable, Throwable cause) {
    return new TeamsServiceException(message, details, retryable, cause);
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return details().status();
  }

  /** Whether the same call may succeed later. */
  public boolean isRetryable() {
    return retryable;
  }
}
