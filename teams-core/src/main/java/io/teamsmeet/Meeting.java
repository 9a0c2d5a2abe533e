package io.teamsmeet;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A Teams online meeting as created or read through Graph: how to join it, and the settings that
 * can be set on it (lobby, presenters, attendees, passcode). Immutable and thread-safe.
 *
 * <p>Everything but the id and the join URL is optional: Graph leaves fields out (no passcode
 * unless one was required at creation, no dial-in without an audio conferencing licence, no meeting
 * id on old meetings), and an absent field is absent here, never an error. A value Graph sends that
 * this SDK does not know (a lobby scope, presenter setting or role added after this release, or
 * Graph's {@code unknownFutureValue}) is read as {@code UNKNOWN}.
 *
 * <pre>{@code
 * Meeting m = service.create(userId, MeetingRequest.of("Design review", start, Duration.ofMinutes(30)));
 * m.joinUrl();                       // https://teams.microsoft.com/l/meetup-join/...
 * m.joinMeetingId().orElse("-");     // "123 456 789 012"
 * m.passcode().orElse("-");
 * m.lobbyBypass();                   // Optional[LobbyBypass[scope=ORGANIZATION, dialInBypass=false]]
 * m.attendees();                     // [Attendee[upn=ana@contoso.com, role=PRESENTER]]
 * }</pre>
 *
 * <p><b>Why a class and not a record.</b> Graph's onlineMeeting keeps gaining fields, and a
 * record's public constructor and component list would change with each one, breaking every caller
 * of {@code new Meeting(...)}. A {@code Meeting} is therefore made only through {@link
 * #builder(String, URI)} (or {@link #toBuilder()}), so a field added later is not a breaking
 * change. Equality is value equality over every field; {@link #toString()} lists the fields that
 * are present (the passcode included: it is what people type to join, not a credential of the app,
 * and the meeting's own join information shows it too).
 */
public final class Meeting {

  private final String id;
  private final URI joinUrl;
  private final Optional<String> subject;
  private final Optional<Instant> start;
  private final Optional<Instant> end;
  private final Optional<Instant> createdAt;
  private final Optional<String> joinMeetingId;
  private final Optional<String> passcode;
  private final Optional<Boolean> passcodeRequired;
  private final Optional<DialIn> dialIn;
  private final Optional<Organizer> organizer;
  private final List<Attendee> attendees;
  private final Optional<LobbyBypass> lobbyBypass;
  private final Optional<AllowedPresenters> allowedPresenters;
  private final Optional<String> externalId;
  private final Optional<String> chatThreadId;

  private Meeting(Builder b) {
    if (b.id == null || b.id.isBlank()) {
      throw new IllegalArgumentException("id must not be null or blank");
    }
    if (b.joinUrl == null) {
      throw new IllegalArgumentException("joinUrl must not be null");
    }
    this.id = b.id;
    this.joinUrl = b.joinUrl;
    this.subject = Optional.ofNullable(b.subject);
    this.start = Optional.ofNullable(b.start);
    this.end = Optional.ofNullable(b.end);
    this.createdAt = Optional.ofNullable(b.createdAt);
    this.joinMeetingId = Optional.ofNullable(b.joinMeetingId);
    this.passcode = Optional.ofNullable(b.passcode);
    this.passcodeRequired = Optional.ofNullable(b.passcodeRequired);
    this.dialIn = Optional.ofNullable(b.dialIn);
    this.organizer = Optional.ofNullable(b.organizer);
    this.attendees = List.copyOf(b.attendees);
    this.lobbyBypass = Optional.ofNullable(b.lobbyBypass);
    this.allowedPresenters = Optional.ofNullable(b.allowedPresenters);
    this.externalId = Optional.ofNullable(b.externalId);
    this.chatThreadId = Optional.ofNullable(b.chatThreadId);
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

  /** Returns a builder holding this meeting's values, to make a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id, joinUrl);
    b.subject = subject.orElse(null);
    b.start = start.orElse(null);
    b.end = end.orElse(null);
    b.createdAt = createdAt.orElse(null);
    b.joinMeetingId = joinMeetingId.orElse(null);
    b.passcode = passcode.orElse(null);
    b.passcodeRequired = passcodeRequired.orElse(null);
    b.dialIn = dialIn.orElse(null);
    b.organizer = organizer.orElse(null);
    b.attendees.addAll(attendees);
    b.lobbyBypass = lobbyBypass.orElse(null);
    b.allowedPresenters = allowedPresenters.orElse(null);
    b.externalId = externalId.orElse(null);
    b.chatThreadId = chatThreadId.orElse(null);
    return b;
  }

  /** Graph's meeting id (opaque; pass it back to get, update, delete). */
  public String id() {
    return id;
  }

  /** The URL people click to join ({@code joinWebUrl}); do not parse it. */
  public URI joinUrl() {
    return joinUrl;
  }

  /** The subject. */
  public Optional<String> subject() {
    return subject;
  }

  /** The start time. */
  public Optional<Instant> start() {
    return start;
  }

  /** The end time. */
  public Optional<Instant> end() {
    return end;
  }

  /** When the meeting was created. */
  public Optional<Instant> createdAt() {
    return createdAt;
  }

  /** The numeric meeting id for joining by id ({@code joinMeetingIdSettings.joinMeetingId}). */
  public Optional<String> joinMeetingId() {
    return joinMeetingId;
  }

  /** The passcode that goes with {@link #joinMeetingId()}; Graph sends one only if required. */
  public Optional<String> passcode() {
    return passcode;
  }

  /**
   * Whether joining by meeting id needs the passcode ({@code
   * joinMeetingIdSettings.isPasscodeRequired}); empty when Graph does not say (older meetings have
   * no {@code joinMeetingIdSettings}). Fixed at creation: Graph cannot change it later.
   */
  public Optional<Boolean> passcodeRequired() {
    return passcodeRequired;
  }

  /** The phone dial-in details ({@code audioConferencing}). */
  public Optional<DialIn> dialIn() {
    return dialIn;
  }

  /** The organizer ({@code participants.organizer}). */
  public Optional<Organizer> organizer() {
    return organizer;
  }

  /**
   * The participants other than the organizer ({@code participants.attendees}), in Graph's order,
   * each with its role; empty when there are none or Graph does not list them. Unmodifiable.
   */
  public List<Attendee> attendees() {
    return attendees;
  }

  /** Who skips the lobby ({@code lobbyBypassSettings}). */
  public Optional<LobbyBypass> lobbyBypass() {
    return lobbyBypass;
  }

  /** Who may present ({@code allowedPresenters}). */
  public Optional<AllowedPresenters> allowedPresenters() {
    return allowedPresenters;
  }

  /** The external id given to create-or-get. */
  public Optional<String> externalId() {
    return externalId;
  }

  /** The meeting chat's thread id ({@code chatInfo.threadId}). */
  public Optional<String> chatThreadId() {
    return chatThreadId;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Meeting)) {
      return false;
    }
    Meeting m = (Meeting) o;
    return id.equals(m.id)
        && joinUrl.equals(m.joinUrl)
        && subject.equals(m.subject)
        && start.equals(m.start)
        && end.equals(m.end)
        && createdAt.equals(m.createdAt)
        && joinMeetingId.equals(m.joinMeetingId)
        && passcode.equals(m.passcode)
        && passcodeRequired.equals(m.passcodeRequired)
        && dialIn.equals(m.dialIn)
        && organizer.equals(m.organizer)
        && attendees.equals(m.attendees)
        && lobbyBypass.equals(m.lobbyBypass)
        && allowedPresenters.equals(m.allowedPresenters)
        && externalId.equals(m.externalId)
        && chatThreadId.equals(m.chatThreadId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        joinUrl,
        subject,
        start,
        end,
        createdAt,
        joinMeetingId,
        passcode,
        passcodeRequired,
        dialIn,
        organizer,
        attendees,
        lobbyBypass,
        allowedPresenters,
        externalId,
        chatThreadId);
  }

  /**
   * {@code Meeting[id=…, joinUrl=…, subject=…, …]}: the fields that are present, without {@code
   * Optional[…]} wrappers.
   */
  @Override
  public String toString() {
    StringJoiner s = new StringJoiner(", ", "Meeting[", "]");
    s.add("id=" + id).add("joinUrl=" + joinUrl);
    field(s, "subject", subject);
    field(s, "start", start);
    field(s, "end", end);
    field(s, "createdAt", createdAt);
    field(s, "joinMeetingId", joinMeetingId);
    field(s, "passcode", passcode);
    field(s, "passcodeRequired", passcodeRequired);
    field(s, "dialIn", dialIn);
    field(s, "organizer", organizer);
    if (!attendees.isEmpty()) {
      s.add("attendees=" + attendees);
    }
    field(s, "lobbyBypass", lobbyBypass);
    field(s, "allowedPresenters", allowedPresenters);
    field(s, "externalId", externalId);
    field(s, "chatThreadId", chatThreadId);
    return s.toString();
  }

  private static void field(StringJoiner s, String name, Optional<?> value) {
    value.ifPresent(v -> s.add(name + "=" + v));
  }

  /**
   * Builds a {@link Meeting}; used by adapters, fakes and tests. Every setter takes null for
   * "none". Not thread-safe; the meetings it builds are.
   */
  public static final class Builder {
    private final String id;
    private final URI joinUrl;
    private String subject;
    private Instant start;
    private Instant end;
    private Instant createdAt;
    private String joinMeetingId;
    private String passcode;
    private Boolean passcodeRequired;
    private DialIn dialIn;
    private Organizer organizer;
    private final List<Attendee> attendees = new ArrayList<>();
    private LobbyBypass lobbyBypass;
    private AllowedPresenters allowedPresenters;
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

    /** Sets start and end (either null for none). */
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

    /** Sets whether a passcode is required to join by id (null when Graph does not say). */
    public Builder passcodeRequired(Boolean value) {
      this.passcodeRequired = value;
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

    /**
     * Replaces the attendees (null for none).
     *
     * @throws IllegalArgumentException if an element is null, naming its index
     */
    public Builder attendees(List<Attendee> value) {
      List<Attendee> copy = MeetingRequest.copyAttendees(value);
      attendees.clear();
      attendees.addAll(copy);
      return this;
    }

    /** Sets the lobby settings (null for none). */
    public Builder lobbyBypass(LobbyBypass value) {
      this.lobbyBypass = value;
      return this;
    }

    /** Sets who may present (null for none). */
    public Builder allowedPresenters(AllowedPresenters value) {
      this.allowedPresenters = value;
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

    /**
     * Builds the meeting.
     *
     * @throws IllegalArgumentException if the id is blank or the join URL null
     */
    public Meeting build() {
      return new Meeting(this);
    }
  }
}
