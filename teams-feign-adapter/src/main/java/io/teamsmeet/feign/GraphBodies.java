package io.teamsmeet.feign;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import io.teamsmeet.Attendee;
import io.teamsmeet.LobbyBypass;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.MeetingUpdate;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The JSON request bodies sent to Graph; null components are left out.
 *
 * <p>Each body writes itself with Jackson's streaming generator ({@link Body#writeTo}), fields in
 * component order: data binding a record (introspecting its components and annotations, building a
 * serializer) loads 106 more classes on the path to the first meeting, about 2 % of the cold start
 * (the benchmark README's A/B runs). The {@code JsonProperty} annotations describe the same JSON
 * for data binding; a test checks that both agree.
 */
final class GraphBodies {

  private GraphBodies() {}

  /** A request body that writes its own JSON. */
  interface Body {
    void writeTo(JsonGenerator json) throws IOException;
  }

  /** {@code POST /me/onlineMeetings}. */
  record Create(
      @JsonProperty("subject") String subject,
      @JsonProperty("startDateTime") String startDateTime,
      @JsonProperty("endDateTime") String endDateTime,
      @JsonProperty("participants") Participants participants,
      @JsonProperty("lobbyBypassSettings") LobbySettings lobbyBypassSettings,
      @JsonProperty("allowedPresenters") String allowedPresenters,
      @JsonProperty("joinMeetingIdSettings") JoinSettings joinMeetingIdSettings)
      implements Body {

    static Create of(MeetingRequest r) {
      return new Create(
          r.subject(),
          r.start().map(GraphBodies::time).orElse(null),
          r.end().map(GraphBodies::time).orElse(null),
          Participants.of(r.attendees()),
          r.lobbyBypass().map(LobbySettings::of).orElse(null),
          r.allowedPresenters().map(GraphNames::presenters).orElse(null),
          new JoinSettings(r.passcodeRequired()));
    }

    @Override
    public void writeTo(JsonGenerator json) throws IOException {
      json.writeStartObject();
      meetingFields(
          json,
          subject,
          startDateTime,
          endDateTime,
          participants,
          lobbyBypassSettings,
          allowedPresenters);
      object(json, "joinMeetingIdSettings", joinMeetingIdSettings);
      json.writeEndObject();
    }
  }

  /** {@code POST /me/onlineMeetings/createOrGet}: only the fields Graph accepts there. */
  record CreateOrGet(
      @JsonProperty("externalId") String externalId,
      @JsonProperty("subject") String subject,
      @JsonProperty("startDateTime") String startDateTime,
      @JsonProperty("endDateTime") String endDateTime,
      @JsonProperty("participants") Participants participants)
      implements Body {

    static CreateOrGet of(MeetingRequest r) {
      return new CreateOrGet(
          r.externalId()
              .orElseThrow(
                  () -> new IllegalArgumentException("externalId is required for createOrGet")),
          r.subject(),
          r.start().map(GraphBodies::time).orElse(null),
          r.end().map(GraphBodies::time).orElse(null),
          Participants.of(r.attendees()));
    }

    @Override
    public void writeTo(JsonGenerator json) throws IOException {
      json.writeStartObject();
      string(json, "externalId", externalId);
      string(json, "subject", subject);
      string(json, "startDateTime", startDateTime);
      string(json, "endDateTime", endDateTime);
      object(json, "participants", participants);
      json.writeEndObject();
    }
  }

  /** {@code PATCH /me/onlineMeetings/{id}}: only what changes. */
  record Update(
      @JsonProperty("subject") String subject,
      @JsonProperty("startDateTime") String startDateTime,
      @JsonProperty("endDateTime") String endDateTime,
      @JsonProperty("participants") Participants participants,
      @JsonProperty("lobbyBypassSettings") LobbySettings lobbyBypassSettings,
      @JsonProperty("allowedPresenters") String allowedPresenters)
      implements Body {

    static Update of(MeetingUpdate u) {
      return new Update(
          u.subject().orElse(null),
          u.start().map(GraphBodies::time).orElse(null),
          u.end().map(GraphBodies::time).orElse(null),
          u.attendees().map(Participants::all).orElse(null),
          u.lobbyBypass().map(LobbySettings::of).orElse(null),
          u.allowedPresenters().map(GraphNames::presenters).orElse(null));
    }

    @Override
    public void writeTo(JsonGenerator json) throws IOException {
      json.writeStartObject();
      meetingFields(
          json,
          subject,
          startDateTime,
          endDateTime,
          participants,
          lobbyBypassSettings,
          allowedPresenters);
      json.writeEndObject();
    }
  }

  /** {@code participants}: the attendees only; the organizer is the token's user. */
  record Participants(@JsonProperty("attendees") List<AttendeeInfo> attendees) implements Body {

    /** Null (left out) when there are no attendees. */
    static Participants of(List<Attendee> attendees) {
      return attendees.isEmpty() ? null : all(attendees);
    }

    /** Always present: an update replaces the whole list, an empty one included. */
    static Participants all(List<Attendee> attendees) {
      return new Participants(attendees.stream().map(AttendeeInfo::of).toList());
    }

    @Override
    public void writeTo(JsonGenerator json) throws IOException {
      json.writeStartObject();
      if (attendees != null) {
        json.writeArrayFieldStart("attendees");
        for (AttendeeInfo attendee : attendees) {
          if (attendee == null) {
            json.writeNull();
          } else {
            attendee.writeTo(json);
          }
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
  }

  /** {@code meetingParticipantInfo}: UPN and role (no identity: Graph resolves the UPN). */
  record AttendeeInfo(@JsonProperty("upn") String upn, @JsonProperty("role") String role)
      implements Body {

    static AttendeeInfo of(Attendee a) {
      return new AttendeeInfo(a.upn(), GraphNames.role(a.role()));
    }

    @Override
    public void writeTo(JsonGenerator json) throws IOException {
      json.writeStartObject();
      string(json, "upn", upn);
      string(json, "role", role);
      json.writeEndObject();
    }
  }

  /** {@code lobbyBypassSettings}. */
  record LobbySettings(
      @JsonProperty("scope") String scope,
      @JsonProperty("isDialInBypassEnabled") boolean isDialInBypassEnabled)
      implements Body {

    static LobbySettings of(LobbyBypass l) {
      return new LobbySettings(GraphNames.lobbyScope(l.scope()), l.dialInBypass());
    }

    @Override
    public void writeTo(JsonGenerator json) throws IOException {
      json.writeStartObject();
      string(json, "scope", scope);
      json.writeBooleanField("isDialInBypassEnabled", isDialInBypassEnabled);
      json.writeEndObject();
    }
  }

  /** {@code joinMeetingIdSettings} on creation. */
  record JoinSettings(@JsonProperty("isPasscodeRequired") boolean isPasscodeRequired)
      implements Body {

    @Override
    public void writeTo(JsonGenerator json) throws IOException {
      json.writeStartObject();
      json.writeBooleanField("isPasscodeRequired", isPasscodeRequired);
      json.writeEndObject();
    }
  }

  /** The fields a create and an update share, in this order; absent ones are left out. */
  private static void meetingFields(
      JsonGenerator json,
      String subject,
      String start,
      String end,
      Participants participants,
      LobbySettings lobby,
      String presenters)
      throws IOException {
    string(json, "subject", subject);
    string(json, "startDateTime", start);
    string(json, "endDateTime", end);
    object(json, "participants", participants);
    object(json, "lobbyBypassSettings", lobby);
    string(json, "allowedPresenters", presenters);
  }

  private static void object(JsonGenerator json, String name, Body value) throws IOException {
    if (value != null) {
      json.writeFieldName(name);
      value.writeTo(json);
    }
  }

  /** A string field, left out when null. */
  private static void string(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  /**
   * ISO-8601 in UTC with a {@code Z}, to the millisecond, exactly as {@code
   * DateTimeFormatter.ISO_INSTANT} writes it ({@code .SSS} only when the milliseconds are not
   * zero). Years 0 to 9999 are written here digit by digit, others by the formatter: issue 19's
   * profile had the formatter at about 1 % of the client's CPU per meeting for two timestamps. A
   * test compares both on 200 000 random instants.
   */
  static String time(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < YEAR_0 || seconds > YEAR_9999_END) {
      return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    int millis = instant.getNano() / 1_000_000;
    char[] out = new char[millis == 0 ? 20 : 24];
    digits(out, 0, t.getYear(), 4);
    out[4] = '-';
    digits(out, 5, t.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, t.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, t.getHour(), 2);
    out[13] = ':';
    digits(out, 14, t.getMinute(), 2);
    out[16] = ':';
    digits(out, 17, t.getSecond(), 2);
    if (millis != 0) {
      out[19] = '.';
      digits(out, 20, millis, 3);
    }
    out[out.length - 1] = 'Z';
    return new String(out);
  }

  /**
   * 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z (a test checks them against {@code
   * Instant.parse}).
   */
  static final long YEAR_0 = -62167219200L;

  static final long YEAR_9999_END = 253402300799L;

  /** {@code value} as {@code count} decimal digits, zero-padded, at {@code out[at]}. */
  private static void digits(char[] out, int at, int value, int count) {
    for (int i = at + count - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
