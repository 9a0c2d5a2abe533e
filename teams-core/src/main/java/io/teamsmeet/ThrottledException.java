package io.teamsmeet;

import java.time.Duration;
import java.util.Optional;

/**
 * Microsoft keeps throttling or is unavailable after the SDK's bounded retries (HTTP 429, 503,
 * 504). {@link #retryAfter()} says how long Microsoft asked to wait, when it said. A {@link
 * TeamsServiceException} that is always {@link #isRetryable() retryable}: Microsoft did not do the
 * work (a plain meeting creation that may have been processed is an {@link OutcomeUnknownException}
 * instead).
 *
 * <p>Immutable and thread-safe.
 */
public final class ThrottledException extends TeamsServiceException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  private ThrottledException(Duration retryAfter, ErrorDetails details) {
    super(
        retryAfter == null
            ? "Microsoft is throttling requests or unavailable; retry later"
            : "Microsoft is throttling requests or unavailable; retry after "
                + retryAfter.toSeconds()
                + "s",
        details,
        true,
        true,
        null);
    this.retryAfter = retryAfter;
  }

  /**
   * Creates the exception.
   *
   * @param retryAfter how long Microsoft asked to wait, or null
   * @param details the status and request ids
   * @return the exception
   */
  static ThrottledException of(Duration retryAfter, ErrorDetails details) {
    if (retryAfter != null && retryAfter.isNegative()) {
      retryAfter = Duration.ZERO;
    }
    return new ThrottledException(retryAfter, details);
  }

  /** How long Microsoft asked to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
