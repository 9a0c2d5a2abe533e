package io.teamsmeet;

/**
 * A meeting participant other than the organizer: who to invite in a {@link MeetingRequest} or
 * {@link MeetingUpdate}, and who is invited in a {@link Meeting} read back from Graph. Immutable
 * and thread-safe.
 *
 * @param upn the user principal name or email address
 * @param role the participant's role
 */
public record Attendee(String upn, Role role) {

  /**
   * Graph's {@code onlineMeetingRole} values, plus {@link #UNKNOWN} for those this SDK lacks.
   * Immutable and thread-safe.
   */
  public enum Role {
    /** A regular attendee. */
    ATTENDEE,
    /** A presenter (needs {@link AllowedPresenters#ROLE_IS_PRESENTER} to mean anything). */
    PRESENTER,
    /** A co-organizer; only for users inside Entra ID. */
    COORGANIZER,
    /**
     * Read back only: a role Graph reported that this SDK does not model (Graph's {@code producer}
     * of live events, {@code unknownFutureValue}, a role added later) or no role at all. A request
     * or update carrying it is refused, so that a role is never changed by accident.
     */
    UNKNOWN
  }

  /** Rejects a blank UPN or null role. */
  public Attendee {
    if (upn == null || upn.isBlank()) {
      throw new IllegalArgumentException("attendee.upn must not be null or blank");
    }
    if (role == null) {
      throw new IllegalArgumentException("attendee.role must not be null");
    }
  }

  /** An attendee with role {@link Role#ATTENDEE}. */
  public static Attendee of(String upn) {
    return new Attendee(upn, Role.ATTENDEE);
  }
}
