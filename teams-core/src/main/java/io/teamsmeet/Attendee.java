package io.teamsmeet;

/**
 * A meeting participant other than the organizer.
 *
 * @param upn the user principal name or email address
 * @param role the participant's role
 */
public record Attendee(String upn, Role role) {

  /** Graph's {@code onlineMeetingRole} values this SDK supports. */
  public enum Role {
    /** A regular attendee. */
    ATTENDEE,
    /** A presenter (needs {@link AllowedPresenters#ROLE_IS_PRESENTER} to mean anything). */
    PRESENTER,
    /** A co-organizer; only for users inside Entra ID. */
    COORGANIZER
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
