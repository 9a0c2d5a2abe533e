package io.teamsmeet;

/** Graph answered 404: the meeting does not exist (any more) or belongs to another organizer. */
public final class MeetingNotFoundException extends TeamsException {

  private static final long serialVersionUID = 1L;

  private MeetingNotFoundException(ErrorDetails details) {
    super("the meeting does not exist or is not organized by this user", details, null);
  }

  /**
   * Creates the exception.
   *
   * @param details status 404 and the request ids
   * @return the exception
   */
  public static MeetingNotFoundException of(ErrorDetails details) {
    return new MeetingNotFoundException(details);
  }
}
