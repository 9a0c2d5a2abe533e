package io.teamsmeet;

/**
 * Graph answered 404: the meeting does not exist (any more) or belongs to another organizer. A
 * {@link TeamsServiceException} that is never retryable. Immutable and thread-safe.
 */
public final class MeetingNotFoundException extends TeamsServiceException {

  private static final long serialVersionUID = 1L;

  private MeetingNotFoundException(ErrorDetails details) {
    super(
        "the meeting does not exist or is not organized by this user", details, false, true, null);
  }

  /**
   * Creates the exception.
   *
   * @param details status 404 and the request ids
   * @return the exception
   */
  static MeetingNotFoundException of(ErrorDetails details) {
    return new MeetingNotFoundException(details);
  }
}
