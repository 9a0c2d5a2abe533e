package io.teamsmeet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to create: subject, time, and the options a backend usually sets.
 *
 * <p>Every value is checked when the request is made, with a message naming the field, so a bad
 * request never reaches Graph.
 *
 * <pre>{@code
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
 * <p><b>externalId and passcodes.</b> A request with an {@code externalId} is sent to Graph's
 * create-or-get, which is idempotent (a retry can never create a second meeting) but ignores
 * {@code passcodeRequired} and the lobby and presenter settings. The SDK applies lobby and presenter
 * settings with a follow-up update; a passcode cannot be added after creation, so such meetings have
 * none. Without an {@code externalId} the meeting is created with a passcode by default.
 *
 * @param subject the meeting subject; not blank
 * @param start the start time
 * @param end the end time, after {@code start}
 * @param externalId a key of the caller's that makes creation idempotent per user
 * @param attendees participants other than the organizer
 * @param lobbyBypass who skips the lobby; Graph's default if empty
 * @param allowedPresenters who may present; Graph's default if empty
 * @param passcodeRequired whether to ask Graph for a join passcode (ignored with {@code externalId})
 */
public record MeetingRequest(
    String subject,
    Instant start,
    Instant end,
    Optional<String> externalId,
    List<Attendee> attendees,
    Optional<LobbyBypass> lobbyBypass,
    Optional<AllowedPresenters> allowedPresenters,
    boolean passcodeRequired) {

  /** Validates every component, naming the field at fault. */
  public MeetingRequest {
    subject = requireSubject(subject);
    if (start == null) {
      throw new IllegalArgumentException("start must not be null");
    }
    if (end == null) {
      throw new IllegalArgumentException("end must not be null");
    }
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "end must be after start (start=" + start + ", end=" + end + ")");
    }
    externalId = externalId == null ? Optional.empty() : externalId;
    externalId.ifPresent(MeetingRequest::requireExternalId);
    attendees = copyAttendees(attendees);
    lobbyBypass = lobbyBypass == null ? Optional.empty() : lobbyBypass;
    allowedPresenters = allowedPresenters == null ? Optional.empty() : allowedPresenters;
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

    /** Adds a participant. */
    public Builder attendee(Attendee value) {
      if (value == null) {
        throw new IllegalArgumentException("attendee must not be null");
      }
      attendees.add(value);
      return this;
    }

    /** Sets who skips the lobby. */
    public Builder lobbyBypass(LobbyBypass value) {
      if (value == null) {
        throw new IllegalArgumentException("lobbyBypass must not be null");
      }
      this.lobbyBypass = value;
      return this;
    }

    /** Sets who may present. */
    public Builder allowedPresenters(AllowedPresenters value) {
      if (value == null) {
        throw new IllegalArgumentException("allowedPresenters must not be null");
      }
      this.allowedPresenters = value;
      return this;
    }

    /** Whether to require a passcode for joining by meeting id (default {@code true}). */
    public Builder passcodeRequired(boolean value) {
      this.passcodeRequired = value;
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException naming the missing or inconsistent field
     */
    public MeetingRequest build() {
      if (subject == null) {
        throw new IllegalArgumentException("subject is required");
      }
      if (start == null) {
        throw new IllegalArgumentException("start is required");
      }
      if (end == null && duration == null) {
        throw new IllegalArgumentException("end or duration is required");
      }
      Instant endTime = end != null ? end : start.plus(duration);
      return new MeetingRequest(
          subject,
          start,
          endTime,
          Optional.ofNullable(externalId),
          attendees,
          Optional.ofNullable(lobbyBypass),
          Optional.ofNullable(allowedPresenters),
          passcodeRequired);
    }
  }
}
