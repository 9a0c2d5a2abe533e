package io.teamsmeet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to create: subject, time, and the options a backend usually sets. Immutable and thread-safe.
 *
 * <p>Every value is checked when the request is made, with a message naming the field, so a bad
 * request never reaches Graph.
 *
 * <pre>{@code
 * MeetingRequest now = MeetingRequest.of("Quick sync");     // Graph picks the times (see of(String))
 * MeetingRequest simple = MeetingRequest.of("Design review", start, Duration.ofMinutes(30));
 *
 * MeetingRequest full = MeetingRequest.builder()
 *     .subject("Interview: backend engineer")
 *     .start(start).duration(Duration.ofMinutes(45))
 *     .externalId("interview-8841")                  // idempotent create-or-get
 *     .attendee(Attendee.of("ana@contoso.com"))
 *     .lobbyBypass(LobbyBypass.of(LobbyBypass.Scope.ORGANIZATION))
 *     .build();
 * }</pre>
 *
 * <p><b>Times.</b> Give both start and end (or a duration), or neither. A request with neither
 * sends no {@code startDateTime}/{@code endDateTime} and Graph picks them; see {@link #of(String)}
 * for what Microsoft documents about that. Half a time is refused: Microsoft documents an error for
 * an end without a start on create-or-get, and marks {@code endDateTime} "required when you create"
 * on the onlineMeeting resource page, so a start without an end is not sent either (use {@link
 * Builder#duration(Duration)}).
 *
 * <p><b>externalId and passcodes.</b> A request with an {@code externalId} is sent to Graph's
 * create-or-get, which is idempotent (a retry can never create a second meeting) but ignores {@code
 * passcodeRequired} and the lobby and presenter settings. The SDK applies lobby and presenter
 * settings with a follow-up update; a passcode cannot be added after creation, so such meetings
 * have none. Without an {@code externalId} the meeting is created with a passcode by default.
 *
 * <p><b>Read-only values.</b> {@link Attendee.Role#UNKNOWN}, {@link LobbyBypass.Scope#UNKNOWN} and
 * {@link AllowedPresenters#UNKNOWN} only come back from Graph; a request carrying one is refused.
 *
 * @param subject the meeting subject; not blank
 * @param start the start time; present exactly when {@code end} is
 * @param end the end time, after {@code start}
 * @param externalId a key of the caller's that makes creation idempotent per user
 * @param attendees participants other than the organizer
 * @param lobbyBypass who skips the lobby; Graph's default if empty
 * @param allowedPresenters who may present; Graph's default if empty
 * @param passcodeRequired whether to ask Graph for a join passcode (ignored with {@code
 *     externalId})
 */
public record MeetingRequest(
    String subject,
    Optional<Instant> start,
    Optional<Instant> end,
    Optional<String> externalId,
    List<Attendee> attendees,
    Optional<LobbyBypass> lobbyBypass,
    Optional<AllowedPresenters> allowedPresenters,
    boolean passcodeRequired) {

  /** Validates every component, naming the field at fault. */
  public MeetingRequest {
    subject = requireSubject(subject);
    start = start == null ? Optional.empty() : start;
    end = end == null ? Optional.empty() : end;
    requireBothOrNeither(start.orElse(null), end.orElse(null));
    externalId = externalId == null ? Optional.empty() : externalId;
    externalId.ifPresent(MeetingRequest::requireExternalId);
    attendees = sendableAttendees(attendees);
    lobbyBypass = lobbyBypass == null ? Optional.empty() : lobbyBypass;
    lobbyBypass.ifPresent(MeetingRequest::requireSendable);
    allowedPresenters = allowedPresenters == null ? Optional.empty() : allowedPresenters;
    allowedPresenters.ifPresent(MeetingRequest::requireSendable);
  }

  /**
   * A request with a subject only: no times are sent, Graph picks them. Asks for a passcode and
   * takes Graph's defaults for everything else.
   *
   * <p>What Graph does without times: for create-or-get (a request {@linkplain
   * #withExternalId(String) with an externalId}) Microsoft documents that the meeting starts at the
   * current time and ends one hour later (<a
   * href="https://learn.microsoft.com/graph/api/onlinemeeting-createorget">onlineMeeting:
   * createOrGet</a>, Notes). For a plain create Microsoft documents nothing of the kind: the <a
   * href="https://learn.microsoft.com/graph/api/resources/onlinemeeting">onlineMeeting resource</a>
   * marks {@code endDateTime} "required when you create an online meeting", while the integration
   * this SDK replaces created meetings from a subject alone and third-party reports
   * (pnp/cli-microsoft365#1345) describe the same now-plus-one-hour times. That Graph accepts a
   * plain create without times is <b>UNCONFIRMED</b>; if it refuses one, the call fails with a
   * {@link TeamsServiceException} (HTTP 400) and no meeting exists. Read the times Graph chose from
   * the returned {@link Meeting#start()} and {@link Meeting#end()}; give them yourself with {@link
   * #of(String, Instant, Duration)} when they matter.
   *
   * @param subject the subject; not blank
   * @return the request
   * @throws IllegalArgumentException if the subject is null or blank
   */
  public static MeetingRequest of(String subject) {
    return builder().subject(subject).build();
  }

  /**
   * A request with a passcode and Graph's defaults for everything else.
   *
   * @param subject the subject
   * @param start the start time
   * @param duration how long; positive
   * @return the request
   */
  public static MeetingRequest of(String subject, Instant start, Duration duration) {
    return builder().subject(subject).start(start).duration(duration).build();
  }

  /** Starts an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a copy of this request with {@code externalId} set. */
  public MeetingRequest withExternalId(String value) {
    return new MeetingRequest(
        subject,
        start,
        end,
        Optional.of(requireExternalId(value)),
        attendees,
        lobbyBypass,
        allowedPresenters,
        passcodeRequired);
  }

  static String requireSubject(String subject) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be null or blank");
    }
    return subject;
  }

  static String requireExternalId(String externalId) {
    if (externalId == null || externalId.isBlank()) {
      throw new IllegalArgumentException("externalId must not be blank when given");
    }
    return externalId;
  }

  /** A start and an end, or neither; an end after the start. */
  static void requireBothOrNeither(Instant start, Instant end) {
    if (start != null && end == null) {
      throw new IllegalArgumentException(
          "end must be given with start (or give neither and Graph picks the times)");
    }
    if (end != null && start == null) {
      throw new IllegalArgumentException(
          "start must be given with end (or give neither and Graph picks the times)");
    }
    if (start != null) {
      requireEndAfterStart(start, end);
    }
  }

  static void requireEndAfterStart(Instant start, Instant end) {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "end must be after start (start=" + start + ", end=" + end + ")");
    }
  }

  /** An unmodifiable copy; null is empty, a null element is refused naming its index. */
  static List<Attendee> copyAttendees(List<Attendee> attendees) {
    if (attendees == null) {
      return List.of();
    }
    for (int i = 0; i < attendees.size(); i++) {
      if (attendees.get(i) == null) {
        throw new IllegalArgumentException("attendees[" + i + "] must not be null");
      }
    }
    return List.copyOf(attendees);
  }

  /** {@link #copyAttendees}, refusing the read-only role {@link Attendee.Role#UNKNOWN}. */
  static List<Attendee> sendableAttendees(List<Attendee> attendees) {
    List<Attendee> copy = copyAttendees(attendees);
    for (int i = 0; i < copy.size(); i++) {
      requireSendable(copy.get(i), "attendees[" + i + "]");
    }
    return copy;
  }

  static Attendee requireSendable(Attendee attendee, String field) {
    if (attendee.role() == Attendee.Role.UNKNOWN) {
      throw new IllegalArgumentException(
          field + ".role must not be UNKNOWN: it is only read back from Graph");
    }
    return attendee;
  }

  static LobbyBypass requireSendable(LobbyBypass lobbyBypass) {
    if (lobbyBypass.scope() == LobbyBypass.Scope.UNKNOWN) {
      throw new IllegalArgumentException(
          "lobbyBypass.scope must not be UNKNOWN: it is only read back from Graph");
    }
    return lobbyBypass;
  }

  static AllowedPresenters requireSendable(AllowedPresenters allowedPresenters) {
    if (allowedPresenters == AllowedPresenters.UNKNOWN) {
      throw new IllegalArgumentException(
          "allowedPresenters must not be UNKNOWN: it is only read back from Graph");
    }
    return allowedPresenters;
  }

  /** Builds a {@link MeetingRequest}; rejects bad values at the setter. Not thread-safe. */
  public static final class Builder {
    private String subject;
    private Instant start;
    private Instant end;
    private Duration duration;
    private String externalId;
    private final List<Attendee> attendees = new ArrayList<>();
    private LobbyBypass lobbyBypass;
    private AllowedPresenters allowedPresenters;
    private boolean passcodeRequired = true;

    private Builder() {}

    /** Sets the subject; not blank. */
    public Builder subject(String value) {
      this.subject = requireSubject(value);
      return this;
    }

    /** Sets the start time. */
    public Builder start(Instant value) {
      if (value == null) {
        throw new IllegalArgumentException("start must not be null");
      }
      this.start = value;
      return this;
    }

    /** Sets the end time; clears a duration set before. */
    public Builder end(Instant value) {
      if (value == null) {
        throw new IllegalArgumentException("end must not be null");
      }
      this.end = value;
      this.duration = null;
      return this;
    }

    /** Sets the length of the meeting; positive. Clears an end time set before. */
    public Builder duration(Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException("duration must be positive, was " + value);
      }
      this.duration = value;
      this.end = null;
      return this;
    }

    /** Sets the idempotency key; see the class documentation for what it changes. */
    public Builder externalId(String value) {
      this.externalId = requireExternalId(value);
      return this;
    }

    /** Adds a participant; its role must not be {@link Attendee.Role#UNKNOWN}. */
    public Builder attendee(Attendee value) {
      if (value == null) {
        throw new IllegalArgumentException("attendee must not be null");
      }
      attendees.add(requireSendable(value, "attendee"));
      return this;
    }

    /** Sets who skips the lobby; the scope must not be {@link LobbyBypass.Scope#UNKNOWN}. */
    public Builder lobbyBypass(LobbyBypass value) {
      if (value == null) {
        throw new IllegalArgumentException("lobbyBypass must not be null");
      }
      this.lobbyBypass = requireSendable(value);
      return this;
    }

    /** Sets who may present; not {@link AllowedPresenters#UNKNOWN}. */
    public Builder allowedPresenters(AllowedPresenters value) {
      if (value == null) {
        throw new IllegalArgumentException("allowedPresenters must not be null");
      }
      this.allowedPresenters = requireSendable(value);
      return this;
    }

    /** Whether to require a passcode for joining by meeting id (default {@code true}). */
    public Builder passcodeRequired(boolean value) {
      this.passcodeRequired = value;
      return this;
    }

    /**
     * Builds the request. Without start, end and duration, no times are sent and Graph picks them
     * (see {@link MeetingRequest#of(String)}).
     *
     * @throws IllegalArgumentException naming the missing or inconsistent field: no subject, a
     *     start without an end or duration, an end or duration without a start
     */
    public MeetingRequest build() {
      if (subject == null) {
        throw new IllegalArgumentException("subject is required");
      }
      if (start == null && duration != null) {
        throw new IllegalArgumentException("start is required with a duration");
      }
      if (start != null && end == null && duration == null) {
        throw new IllegalArgumentException(
            "end or duration is required with start (or give neither and Graph picks the times)");
      }
      Instant endTime = end != null || start == null ? end : start.plus(duration);
      return new MeetingRequest(
          subject,
          Optional.ofNullable(start),
          Optional.ofNullable(endTime),
          Optional.ofNullable(externalId),
          attendees,
          Optional.ofNullable(lobbyBypass),
          Optional.ofNullable(allowedPresenters),
          passcodeRequired);
    }
  }
}
