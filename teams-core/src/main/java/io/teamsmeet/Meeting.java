package io.teamsmeet;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A Teams online meeting as created or read through Graph.
 *
 * <p>Everything but the id and the join URL is optional: Graph leaves fields out (no passcode
 * unless one was required at creation, no dial-in without an audio conferencing licence, no
 * meeting id on old meetings), and an absent field is absent here, never an error.
 *
 * <pre>{@code
 * Meeting m = service.create(userId, MeetingRequest.of("Design review", start, Duration.ofMinutes(30)));
 * m.joinUrl();                       // https://teams.microsoft.com/l/meetup-join/...
 * m.joinMeetingId().orElse("-");     // "123 456 789 012"
 * m.passcode().orElse("-");
 * }</pre>
 *
 * @param id Graph's meeting id (opaque; pass it back to get, update, delete)
 * @param joinUrl the URL people click to join ({@code joinWebUrl}); do not parse it
 * @param subject the subject
 * @param start the start time
 * @param end the end time
 * @param createdAt when the meeting was created
 * @param joinMeetingId the numeric meeting id for joining by id
 * @param passcode the passcode that goes with {@code joinMeetingId}
 * @param dialIn the phone dial-in details
 * @param organizer the organizer
 * @param externalId the external id given to create-or-get
 * @param chatThreadId the meeting chat's thread id
 */
public record Meeting(
    String id,
    URI joinUrl,
    Optional<String> subject,
    Optional<Instant> start,
    Optional<Instant> end,
    Optional<Instant> createdAt,
    Optional<String> joinMeetingId,
    Optional<String> passcode,
    Optional<DialIn> dialIn,
    Optional<Organizer> organizer,
    Optional<String> externalId,
    Optional<String> chatThreadId) {

  /** Validates the id and join URL and replaces null optionals. */
  public Meeting {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be null or blank");
    }
    if (joinUrl == null) {
      throw new IllegalArgumentException("joinUrl must not be null");
    }
    subject = orEmpty(subject);
    start = orEmpty(start);
    end = orEmpty(end);
    createdAt = orEmpty(createdAt);
    joinMeetingId = orEmpty(joinMeetingId);
    passcode = orEmpty(passcode);
    dialIn = orEmpty(dialIn);
    organizer = orEmpty(organizer);
    externalId = orEmpty(externalId);
    chatThreadId = orEmpty(chatThreadId);
  }

  private static <T> Optional<T> orEmpty(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  /**
   * Starts a builder for a meeting with the two fields Graph always returns.
   *
   * @param id Graph's meeting id
   * @param joinUrl the join URL
   * @return a builder; every other field starts empty
   */
  public static Builder builder(String id, URI joinUrl) {
    return new Builder(id, joinUrl);
  }

  /** Builds a {@link Meeting}; used by adapters and fakes. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final URI joinUrl;
    private String subject;
    private Instant start;
    private Instant end;
    private Instant createdAt;
    private String joinMeetingId;
    private String passcode;
    private DialIn dialIn;
    private Organizer organizer;
    private String externalId;
    private String chatThreadId;

    private Builder(String id, URI joinUrl) {
      this.id = id;
      this.joinUrl = joinUrl;
    }

    /** Sets the subject (null for none). */
    public Builder subject(String value) {
      this.subject = value;
      return this;
    }

    /** Sets start and end (null for none). */
    public Builder times(Instant startValue, Instant endValue) {
      this.start = startValue;
      this.end = endValue;
      return this;
    }

    /** Sets the creation time (null for none). */
    public Builder createdAt(Instant value) {
      this.createdAt = value;
      return this;
    }

    /** Sets the join-by-id number and its passcode (either null for none). */
    public Builder joinMeetingId(String idValue, String passcodeValue) {
      this.joinMeetingId = idValue;
      this.passcode = passcodeValue;
      return this;
    }

    /** Sets the dial-in details (null for none). */
    public Builder dialIn(DialIn value) {
      this.dialIn = value;
      return this;
    }

    /** Sets the organizer (null for none). */
    public Builder organizer(Organizer value) {
      this.organizer = value;
      return this;
    }

    /** Sets the external id (null for none). */
    public Builder externalId(String value) {
      this.externalId = value;
      return this;
    }

    /** Sets the chat thread id (null for none). */
    public Builder chatThreadId(String value) {
      this.chatThreadId = value;
      return this;
    }

    /** Builds the meeting. */
    public Meeting build() {
      return new Meeting(
          id,
          joinUrl,
          Optional.ofNullable(subject),
          Optional.ofNullable(start),
          Optional.ofNullable(end),
          Optional.ofNullable(createdAt),
          Optional.ofNullable(joinMeetingId),
          Optional.ofNullable(passcode),
          Optional.ofNullable(dialIn),
          Optional.ofNullable(organizer),
          Optional.ofNullable(externalId),
          Optional.ofNullable(chatThreadId));
    }
  }
}
