package io.teamsmeet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The changes to apply to an existing meeting; fields left empty are not changed. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * service.update(userId, meeting.id(), MeetingUpdate.builder()
 *     .subject("Design review (moved)")
 *     .times(newStart, newEnd)
 *     .build());
 * }</pre>
 *
 * <p>Graph needs start and end together, so they are set together; attendees replace the whole
 * list; the join passcode cannot be changed after creation. The read-only values {@link
 * Attendee.Role#UNKNOWN}, {@link LobbyBypass.Scope#UNKNOWN} and {@link AllowedPresenters#UNKNOWN}
 * are refused, so that a meeting read back with one can never have it sent as a change.
 *
 * @param subject a new subject
 * @param start a new start (present exactly when {@code end} is)
 * @param end a new end
 * @param attendees the complete new attendee list
 * @param lobbyBypass new lobby settings
 * @param allowedPresenters new presenter setting
 */
public record MeetingUpdate(
    Optional<String> subject,
    Optional<Instant> start,
    Optional<Instant> end,
    Optional<List<Attendee>> attendees,
    Optional<LobbyBypass> lobbyBypass,
    Optional<AllowedPresenters> allowedPresenters) {

  /** Validates the components, naming the field at fault. */
  public MeetingUpdate {
    subject = subject == null ? Optional.empty() : subject;
    subject.ifPresent(MeetingRequest::requireSubject);
    start = start == null ? Optional.empty() : start;
    end = end == null ? Optional.empty() : end;
    if (start.isPresent() != end.isPresent()) {
      throw new IllegalArgumentException("start and end must be changed together");
    }
    if (start.isPresent()) {
      MeetingRequest.requireEndAfterStart(start.get(), end.get());
    }
    attendees =
        attendees == null ? Optional.empty() : attendees.map(MeetingRequest::sendableAttendees);
    lobbyBypass = lobbyBypass == null ? Optional.empty() : lobbyBypass;
    lobbyBypass.ifPresent(MeetingRequest::requireSendable);
    allowedPresenters = allowedPresenters == null ? Optional.empty() : allowedPresenters;
    allowedPresenters.ifPresent(MeetingRequest::requireSendable);
  }

  /** Whether this update changes nothing at all. */
  public boolean isEmpty() {
    return subject.isEmpty()
        && start.isEmpty()
        && attendees.isEmpty()
        && lobbyBypass.isEmpty()
        && allowedPresenters.isEmpty();
  }

  /** Starts an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MeetingUpdate}. Not thread-safe. */
  public static final class Builder {
    private String subject;
    private Instant start;
    private Instant end;
    private List<Attendee> attendees;
    private LobbyBypass lobbyBypass;
    private AllowedPresenters allowedPresenters;

    private Builder() {}

    /** Sets a new subject; not blank. */
    public Builder subject(String value) {
      this.subject = MeetingRequest.requireSubject(value);
      return this;
    }

    /** Sets new start and end times; end after start. */
    public Builder times(Instant startValue, Instant endValue) {
      if (startValue == null || endValue == null) {
        throw new IllegalArgumentException("start and end must not be null");
      }
      MeetingRequest.requireEndAfterStart(startValue, endValue);
      this.start = startValue;
      this.end = endValue;
      return this;
    }

    /** Replaces the attendee list; no role may be {@link Attendee.Role#UNKNOWN}. */
    public Builder attendees(List<Attendee> value) {
      this.attendees = new ArrayList<>(MeetingRequest.sendableAttendees(value));
      return this;
    }

    /** Sets new lobby settings; the scope must not be {@link LobbyBypass.Scope#UNKNOWN}. */
    public Builder lobbyBypass(LobbyBypass value) {
      if (value == null) {
        throw new IllegalArgumentException("lobbyBypass must not be null");
      }
      this.lobbyBypass = MeetingRequest.requireSendable(value);
      return this;
    }

    /** Sets who may present; not {@link AllowedPresenters#UNKNOWN}. */
    public Builder allowedPresenters(AllowedPresenters value) {
      if (value == null) {
        throw new IllegalArgumentException("allowedPresenters must not be null");
      }
      this.allowedPresenters = MeetingRequest.requireSendable(value);
      return this;
    }

    /** Builds the update. */
    public MeetingUpdate build() {
      return new MeetingUpdate(
          Optional.ofNullable(subject),
          Optional.ofNullable(start),
          Optional.ofNullable(end),
          Optional.ofNullable(attendees),
          Optional.ofNullable(lobbyBypass),
          Optional.ofNullable(allowedPresenters));
    }
  }
}
