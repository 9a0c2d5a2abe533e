package io.teamsmeet;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Changes to a calendar event ({@code PATCH}): only what is set is sent. Changing the times or the
 * invitees makes Outlook send the invitees an update. Immutable and thread-safe; the builder is
 * not.
 *
 * <pre>{@code
 * teams.events().update(userId, event.id(), EventUpdate.builder()
 *     .times(newStart, newStart.plusMinutes(45))
 *     .invitees(List.of(Invitee.required("bob@contoso.com"), Invitee.required("dan@contoso.com")))
 *     .build());
 * }</pre>
 */
public final class EventUpdate {

  private final String subject;
  private final ZonedDateTime start;
  private final ZonedDateTime end;
  private final String body;
  private final boolean html;
  private final String location;
  private final List<Invitee> invitees;
  private final Duration reminder;
  private final Boolean allowNewTimeProposals;
  private final Recurrence recurrence;

  private EventUpdate(Builder b) {
    this.subject = b.subject;
    this.start = b.start;
    this.end = b.end;
    this.body = b.body;
    this.html = b.html;
    this.location = b.location;
    this.invitees = b.invitees == null ? null : List.copyOf(b.invitees);
    this.reminder = b.reminder;
    this.allowNewTimeProposals = b.allowNewTimeProposals;
    this.recurrence = b.recurrence;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether nothing is changed. */
  public boolean isEmpty() {
    return subject == null
        && start == null
        && body == null
        && location == null
        && invitees == null
        && reminder == null
        && allowNewTimeProposals == null
        && recurrence == null;
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  public Optional<ZonedDateTime> start() {
    return Optional.ofNullable(start);
  }

  public Optional<ZonedDateTime> end() {
    return Optional.ofNullable(end);
  }

  public Optional<String> body() {
    return Optional.ofNullable(body);
  }

  public boolean bodyIsHtml() {
    return html;
  }

  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  /** The new, complete list of invitees (Graph replaces the list). */
  public Optional<List<Invitee>> invitees() {
    return Optional.ofNullable(invitees);
  }

  public Optional<Duration> reminder() {
    return Optional.ofNullable(reminder);
  }

  public Optional<Boolean> allowNewTimeProposals() {
    return Optional.ofNullable(allowNewTimeProposals);
  }

  public Optional<Recurrence> recurrence() {
    return Optional.ofNullable(recurrence);
  }

  @Override
  public String toString() {
    return "EventUpdate[subject="
        + (subject != null)
        + ", times="
        + (start != null)
        + ", invitees="
        + (invitees == null ? "unchanged" : invitees.size())
        + "]";
  }

  /** Builds an {@link EventUpdate}. Not thread-safe. */
  public static final class Builder {
    private String subject;
    private ZonedDateTime start;
    private ZonedDateTime end;
    private String body;
    private boolean html;
    private String location;
    private List<Invitee> invitees;
    private Duration reminder;
    private Boolean allowNewTimeProposals;
    private Recurrence recurrence;

    private Builder() {}

    public Builder subject(String value) {
      this.subject = EventChecks.subject(value);
      return this;
    }

    /** New start and end (both: Graph needs the pair), with the zone Outlook shows them in. */
    public Builder times(ZonedDateTime startValue, ZonedDateTime endValue) {
      Checks.notNull(startValue, "start");
      Checks.notNull(endValue, "end");
      EventChecks.times(startValue, endValue);
      this.start = startValue;
      this.end = endValue;
      return this;
    }

    public Builder bodyText(String value) {
      this.body = Checks.notNull(value, "body");
      this.html = false;
      return this;
    }

    public Builder bodyHtml(String value) {
      this.body = Checks.notNull(value, "body");
      this.html = true;
      return this;
    }

    public Builder location(String value) {
      this.location = EventChecks.text(value, "location");
      return this;
    }

    /** Replaces the invitees; Outlook invites the new ones and cancels for the removed ones. */
    public Builder invitees(List<Invitee> value) {
      Checks.notNull(value, "invitees");
      value.forEach(i -> Checks.notNull(i, "invitee"));
      EventChecks.invitees(value);
      this.invitees = List.copyOf(value);
      return this;
    }

    public Builder reminder(Duration value) {
      this.reminder = EventChecks.reminder(value);
      return this;
    }

    public Builder allowNewTimeProposals(boolean value) {
      this.allowNewTimeProposals = value;
      return this;
    }

    /**
     * A new recurrence; the series then starts on the new start date if {@link #times} is set, else
     * on the event's current start date (the adapter sends the date it knows).
     */
    public Builder recurrence(Recurrence value) {
      this.recurrence = EventChecks.recurrence(value, start);
      return this;
    }

    public EventUpdate build() {
      if (recurrence != null && start == null) {
        throw new IllegalArgumentException(
            "a new recurrence needs times(start, end) as well: the series starts on the start date");
      }
      return new EventUpdate(this);
    }
  }
}
