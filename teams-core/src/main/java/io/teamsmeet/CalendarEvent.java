package io.teamsmeet;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A calendar event with its Teams meeting, as Graph returned it. Start and end are exact instants;
 * {@link #zone()} is the zone the event was created in (Outlook shows it there), mapped from
 * Windows names such as {@code "W. Europe Standard Time"} to {@code Europe/Berlin}; UTC when Graph
 * named none or one this SDK cannot map. {@link #joinUrl()} is always present: an event without a
 * Teams meeting is never returned (see {@link TeamsMeetingUnavailableException}). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * CalendarEvent e = teams.events().create(userId, request);
 * e.joinUrl();                     // the Teams link in the invitation
 * e.start().atZone(e.zone());      // 10:00 Europe/Berlin
 * e.dialIn().flatMap(DialIn::conferenceId);
 * Optional<Meeting> m = teams.events().onlineMeeting(userId, e);   // the meeting's own settings
 * }</pre>
 */
public final class CalendarEvent {

  private final String id;
  private final URI joinUrl;
  private final String iCalUId;
  private final URI webLink;
  private final String subject;
  private final Instant start;
  private final Instant end;
  private final ZoneId zone;
  private final DialIn dialIn;
  private final List<Invitee> invitees;
  private final Recurrence recurrence;
  private final String transactionId;
  private final boolean cancelled;

  private CalendarEvent(Builder b) {
    this.id = b.id;
    this.joinUrl = b.joinUrl;
    this.iCalUId = b.iCalUId;
    this.webLink = b.webLink;
    this.subject = b.subject;
    this.start = b.start;
    this.end = b.end;
    this.zone = b.zone == null ? java.time.ZoneOffset.UTC : b.zone;
    this.dialIn = b.dialIn;
    this.invitees = List.copyOf(b.invitees);
    this.recurrence = b.recurrence;
    this.transactionId = b.transactionId;
    this.cancelled = b.cancelled;
  }

  /**
   * For adapters: starts a builder.
   *
   * @param id Graph's event id; not blank
   * @param joinUrl the Teams join URL ({@code onlineMeeting.joinUrl}); required
   */
  public static Builder builder(String id, URI joinUrl) {
    return new Builder(id, joinUrl);
  }

  /** Graph's event id (changes when the event moves to another calendar). */
  public String id() {
    return id;
  }

  /** The Teams join URL. */
  public URI joinUrl() {
    return joinUrl;
  }

  /** The iCalendar UID shared by every attendee's copy of the event. */
  public Optional<String> iCalUId() {
    return Optional.ofNullable(iCalUId);
  }

  /** Opens the event in Outlook on the web. */
  public Optional<URI> webLink() {
    return Optional.ofNullable(webLink);
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  /** The start instant (of the first occurrence, for a series). */
  public Optional<Instant> start() {
    return Optional.ofNullable(start);
  }

  public Optional<Instant> end() {
    return Optional.ofNullable(end);
  }

  /** The event's zone, for display. */
  public ZoneId zone() {
    return zone;
  }

  /** The start in the event's zone. */
  public Optional<ZonedDateTime> zonedStart() {
    return start().map(s -> s.atZone(zone));
  }

  /** The end in the event's zone. */
  public Optional<ZonedDateTime> zonedEnd() {
    return end().map(e -> e.atZone(zone));
  }

  /** Conference id and toll / toll-free numbers, when the organizer has audio conferencing. */
  public Optional<DialIn> dialIn() {
    return Optional.ofNullable(dialIn);
  }

  /** The conference id of {@link #dialIn()}. */
  public Optional<String> conferenceId() {
    return dialIn().flatMap(DialIn::conferenceId);
  }

  /** Who is invited. */
  public List<Invitee> invitees() {
    return invitees;
  }

  public Optional<Recurrence> recurrence() {
    return Optional.ofNullable(recurrence);
  }

  /** The {@code transactionId} the event was created with, when Graph returns it. */
  public Optional<String> transactionId() {
    return Optional.ofNullable(transactionId);
  }

  /** Whether the organizer cancelled it. */
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public String toString() {
    return "CalendarEvent[id=" + id + ", start=" + start + ", zone=" + zone + "]";
  }

  /** For adapters. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final URI joinUrl;
    private String iCalUId;
    private URI webLink;
    private String subject;
    private Instant start;
    private Instant end;
    private ZoneId zone;
    private DialIn dialIn;
    private List<Invitee> invitees = List.of();
    private Recurrence recurrence;
    private String transactionId;
    private boolean cancelled;

    private Builder(String id, URI joinUrl) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("id must not be null or blank");
      }
      this.id = id;
      this.joinUrl = Checks.notNull(joinUrl, "joinUrl");
    }

    public Builder iCalUId(String value) {
      this.iCalUId = value;
      return this;
    }

    public Builder webLink(URI value) {
      this.webLink = value;
      return this;
    }

    public Builder subject(String value) {
      this.subject = value;
      return this;
    }

    /** Start and end; either may be null when Graph did not give it. */
    public Builder times(Instant startValue, Instant endValue) {
      this.start = startValue;
      this.end = endValue;
      return this;
    }

    public Builder zone(ZoneId value) {
      this.zone = value;
      return this;
    }

    public Builder dialIn(DialIn value) {
      this.dialIn = value;
      return this;
    }

    public Builder invitees(List<Invitee> value) {
      this.invitees = value == null ? List.of() : value;
      return this;
    }

    public Builder recurrence(Recurrence value) {
      this.recurrence = value;
      return this;
    }

    public Builder transactionId(String value) {
      this.transactionId = value;
      return this;
    }

    public Builder cancelled(boolean value) {
      this.cancelled = value;
      return this;
    }

    public CalendarEvent build() {
      return new CalendarEvent(this);
    }
  }
}
