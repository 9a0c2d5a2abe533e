package io.teamsmeet;

/**
 * Microsoft answered with an error, or could not be reached: the family of every failure of a call
 * to Microsoft. Its subtypes are the answers with a decision of their own ({@link
 * ThrottledException}, {@link PermissionDeniedException}, {@link MeetingNotFoundException}, {@link
 * OutcomeUnknownException}, {@link TeamsMeetingUnavailableException}); this class itself stands for
 * the rest: a 400 for a request Graph did not accept, a 409, a 5xx, a timeout, an unreadable
 * response.
 *
 * <p>{@link #status()} is the HTTP status (0 when no response arrived); {@link #isRetryable()}
 * tells whether the same call may be made again and succeed, without acting twice. A failure whose
 * outcome is unknown for a call that must not act twice (a plain meeting creation that may have
 * been processed) is the subtype {@link OutcomeUnknownException}, which is never retryable.
 *
 * <p>Immutable and thread-safe.
 */
public sealed class TeamsServiceException extends TeamsException
    permits OutcomeUnknownException,
        ThrottledException,
        PermissionDeniedException,
        MeetingNotFoundException,
        TeamsMeetingUnavailableException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final boolean mayHaveBeenSent;

  TeamsServiceException(
      String message,
      ErrorDetails details,
      boolean retryable,
      boolean mayHaveBeenSent,
      Throwable cause) {
    super(message, details, cause);
    this.retryable = retryable;
    this.mayHaveBeenSent = mayHaveBeenSent;
  }

  /**
   * Creates the exception for a request that reached Microsoft, or may have.
   *
   * @param message what failed, without any secret or body
   * @param details the HTTP status, code and request ids
   * @param retryable whether the same call may succeed later
   * @param cause the underlying failure, or null
   * @return the exception
   */
  static TeamsServiceException of(
      String message, ErrorDetails details, boolean retryable, Throwable cause) {
    return new TeamsServiceException(message, details, retryable, true, cause);
  }

  /**
   * Creates the (retryable) exception for a request that certainly never reached Microsoft: the
   * connection could not be opened (unknown host, refused, connect timeout), or the call's deadline
   * passed before it was sent. A call that must not act twice may be sent again after such a
   * failure.
   *
   * @param message what failed, without any secret
   * @param details the ids, if any
   * @param cause the underlying failure, or null
   * @return the exception
   */
  static TeamsServiceException notSent(String message, ErrorDetails details, Throwable cause) {
    return new TeamsServiceException(message, details, true, false, cause);
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return details().status();
  }

  /**
   * Whether the same call may be made again and succeed without acting twice. Always false for an
   * {@link OutcomeUnknownException}.
   */
  public boolean isRetryable() {
    return retryable;
  }

  /**
   * False only when the SDK knows the request never reached Microsoft (the connection could not be
   * opened, or the deadline passed before sending); true when Microsoft answered, and when the
   * request may have reached it without an answer (a reset, a timeout, a cut-off body).
   */
  public boolean requestMayHaveBeenSent() {
    return mayHaveBeenSent;
  }
}
