package io.teamsmeet;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A calendar event with a Teams meeting to create in the organizer's Outlook calendar; Outlook
 * sends the invitations. Start and end are exact instants; their zone is the one Outlook shows the
 * event in (and the zone a {@link Recurrence} repeats in). Immutable and thread-safe; the builder
 * is not.
 *
 * <pre>{@code
 * ZoneId berlin = ZoneId.of("Europe/Berlin");
 * EventRequest request = EventRequest.builder("Design review",
 *         ZonedDateTime.of(2027, 3, 22, 10, 0, 0, 0, berlin), Duration.ofMinutes(30))
 *     .bodyHtml("<p>Agenda: the calendar API</p>")
 *     .location("Room 4")
 *     .invite(Invitee.required("bob@contoso.com"), Invitee.optional("carol@fabrikam.com"))
 *     .reminder(Duration.ofMinutes(10))
 *     .recurrence(Recurrence.weekly(1, DayOfWeek.MONDAY).times(6))
 *     .build();
 * }</pre>
 *
 * <p><b>Retries.</b> Every create carries Graph's {@code transactionId}, with which Graph
 * recognizes a repeated create of the same event and creates it once. The SDK draws one per call
 * unless {@link Builder#transactionId} sets it; to retry safely yourself after an {@link
 * OutcomeUnknownException}, create again with {@code transactionId(e.transactionId().get())} (or
 * set your own, stable id from the start, such as your booking's id).
 */
public final class EventRequest {

  /** Graph does not document a limit; longer ids are refused so that a request stays small. */
  static final int MAX_TRANSACTION_ID = 256;

  private final String subject;
  private final ZonedDateTime start;
  private final ZonedDateTime end;
  private final String body;
  private final boolean html;
  private final String location;
  private final List<Invitee> invitees;
  private final Duration reminder;
  private final boolean reminderOff;
  private final Boolean allowNewTimeProposals;
  private final Recurrence recurrence;
  private final String transactionId;

  private EventRequest(Builder b) {
    this.subject = b.subject;
    this.start = b.start;
    this.end = b.end;
    this.body = b.body;
    this.html = b.html;
    this.location = b.location;
    this.invitees = List.copyOf(b.invitees);
    this.reminder = b.reminder;
    this.reminderOff = b.reminderOff;
    this.allowNewTimeProposals = b.allowNewTimeProposals;
    this.recurrence = b.recurrence;
    this.transactionId = b.transactionId;
  }

  /**
   * Starts a builder.
   *
   * @param subject not blank
   * @param start when it starts, in the zone Outlook shows it in
   * @param end when it ends; after {@code start}
   */
  public static Builder builder(String subject, ZonedDateTime start, ZonedDateTime end) {
    return new Builder(subject, start, end);
  }

  /** Starts a builder for an event of {@code length} from {@code start}. */
  public static Builder builder(String subject, ZonedDateTime start, Duration length) {
    Checks.notNull(start, "start");
    if (length == null || length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("length must be positive");
    }
    return new Builder(subject, start, start.plus(length));
  }

  /** An event with only a subject, start and length. */
  public static EventRequest of(String subject, ZonedDateTime start, Duration length) {
    return builder(subject, start, length).build();
  }

  public String subject() {
    return subject;
  }

  public ZonedDateTime start() {
    return start;
  }

  public ZonedDateTime end() {
    return end;
  }

  /** The body text or HTML; see {@link #bodyIsHtml()}. */
  public Optional<String> body() {
    return Optional.ofNullable(body);
  }

  public boolean bodyIsHtml() {
    return html;
  }

  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  /** Who is invited, in order; Outlook sends each an invitation. */
  public List<Invitee> invitees() {
    return invitees;
  }

  /** The reminder before the start; empty: Outlook's default (unless {@link #reminderOff()}). */
  public Optional<Duration> reminder() {
    return Optional.ofNullable(reminder);
  }

  /** Whether the reminder is switched off. */
  public boolean reminderOff() {
    return reminderOff;
  }

  /** Whether invitees may propose a new time; empty: Graph's default (true). */
  public Optional<Boolean> allowNewTimeProposals() {
    return Optional.ofNullable(allowNewTimeProposals);
  }

  public Optional<Recurrence> recurrence() {
    return Optional.ofNullable(recurrence);
  }

  /** The {@code transactionId} set by the application; empty: the SDK draws one per call. */
  public Optional<String> transactionId() {
    return Optional.ofNullable(transactionId);
  }

  @Override
  public String toString() {
    return "EventRequest[subject="
        + subject
        + ", start="
        + start
        + ", end="
        + end
        + ", invitees="
        + invitees.size()
        + (recurrence == null ? "" : ", " + recurrence)
        + "]";
  }

  /** Builds an {@link EventRequest}; each setter checks its value. Not thread-safe. */
  public static final class Builder {
    private final String subject;
    private final ZonedDateTime start;
    private final ZonedDateTime end;
    private String body;
    private boolean html;
    private String location;
    private final List<Invitee> invitees = new ArrayList<>();
    private Duration reminder;
    private boolean reminderOff;
    private Boolean allowNewTimeProposals;
    private Recurrence recurrence;
    private String transactionId;

    private Builder(String subject, ZonedDateTime start, ZonedDateTime end) {
      this.subject = EventChecks.subject(subject);
      Checks.notNull(start, "start");
      Checks.notNull(end, "end");
      EventChecks.times(start, end);
      this.start = start;
      this.end = end;
    }

    /** A plain-text body. */
    public Builder bodyText(String value) {
      this.body = Checks.notNull(value, "body");
      this.html = false;
      return this;
    }

    /** An HTML body (Outlook adds the Teams join block to it). */
    public Builder bodyHtml(String value) {
      this.body = Checks.notNull(value, "body");
      this.html = true;
      return this;
    }

    /** The location's display name, for example a room. */
    public Builder location(String value) {
      this.location = EventChecks.text(value, "location");
      return this;
    }

    /** Adds invitees (at most 500 in all). */
    public Builder invite(Invitee... value) {
      return invite(List.of(Checks.notNull(value, "invitees")));
    }

    /** Adds invitees (at most 500 in all). */
    public Builder invite(List<Invitee> value) {
      Checks.notNull(value, "invitees");
      for (Invitee i : value) {
        invitees.add(Checks.notNull(i, "invitee"));
      }
      EventChecks.invitees(invitees);
      return this;
    }

    /** A reminder this long before the start (0 to 4 weeks). */
    public Builder reminder(Duration value) {
      this.reminder = EventChecks.reminder(value);
      this.reminderOff = false;
      return this;
    }

    /** No reminder. */
    public Builder noReminder() {
      this.reminder = null;
      this.reminderOff = true;
      return this;
    }

    /** Whether invitees may propose a new time (Graph's default: true). */
    public Builder allowNewTimeProposals(boolean value) {
      this.allowNewTimeProposals = value;
      return this;
    }

    /** Makes it a series. */
    public Builder recurrence(Recurrence value) {
      this.recurrence = EventChecks.recurrence(value, start);
      return this;
    }

    /**
     * Graph's {@code transactionId}: the same id on a second create returns the event the first one
     * created instead of a new one. At most 256 characters, no control characters. Default: a
     * random UUID per call, kept across the SDK's own retries of that call.
     */
    public Builder transactionId(String value) {
      this.transactionId = EventChecks.transactionId(value);
      return this;
    }

    public EventRequest build() {
      return new EventRequest(this);
    }
  }
}
