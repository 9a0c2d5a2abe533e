package io.teamsmeet;

/** Who may present in a meeting (Graph's {@code allowedPresenters}). Immutable and thread-safe. */
public enum AllowedPresenters {
  /** Everyone in the meeting (Graph's default). */
  EVERYONE,
  /** Everyone in the organizer's organization. */
  ORGANIZATION,
  /** Only attendees whose role is presenter or co-organizer. */
  ROLE_IS_PRESENTER,
  /** Only the organizer. */
  ORGANIZER,
  /**
   * Read back only: a value Graph reported that this SDK does not know ({@code unknownFutureValue}
   * or one added later). A request or update carrying it is refused.
   */
  UNKNOWN
}
