package io.teamsmeet;

/** Who may present in a meeting (Graph's {@code allowedPresenters}). */
public enum AllowedPresenters {
  /** Everyone in the meeting (Graph's default). */
  EVERYONE,
  /** Everyone in the organizer's organization. */
  ORGANIZATION,
  /** Only attendees whose role is presenter or co-organizer. */
  ROLE_IS_PRESENTER,
  /** Only the organizer. */
  ORGANIZER
}
