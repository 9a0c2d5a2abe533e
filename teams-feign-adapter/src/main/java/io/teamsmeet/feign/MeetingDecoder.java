package io.teamsmeet.feign;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import feign.codec.Decoder;
import io.teamsmeet.Attendee;
import io.teamsmeet.DialIn;
import io.teamsmeet.LobbyBypass;
import io.teamsmeet.Meeting;
import io.teamsmeet.Organizer;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.spi.Failures;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Graph's {@code onlineMeeting} (v1.0) into the core's {@link Meeting}.
 *
 * <ul>
 *   <li>{@code id} and {@code joinWebUrl} are required: without them the answer is useless and a
 *       non-retryable {@link TeamsServiceException} is thrown. {@code joinUrl} (a beta and
 *       calendar-event field) is never read.
 *   <li>Times are parsed with {@link OffsetDateTime} (up to 9 fractional digits; Graph sends up to
 *       7), or as UTC when there is no offset; {@code 0001-01-01T00:00:00Z}, which some GETs
 *       return, and unreadable values are absent.
 *   <li>The settings read back ({@code lobbyBypassSettings}, {@code allowedPresenters}, {@code
 *       participants.attendees} with their {@code role}, {@code
 *       joinMeetingIdSettings.isPasscodeRequired}) are absent when Graph leaves them out, and a
 *       value this SDK does not know (Graph's {@code unknownFutureValue}, a value added later) is
 *       the enum's {@code UNKNOWN} ({@link GraphNames}). An attendee without a {@code upn} is left
 *       out: the core's {@link Attendee} is keyed by it.
 *   <li>{@code audioConferencing} is read case-insensitively ({@code ConferenceId} appears in
 *       Microsoft's examples), with both the arrays {@code tollNumbers}/{@code tollFreeNumbers} and
 *       the deprecated single {@code tollNumber}/{@code tollFreeNumber}.
 *   <li>Every other field is optional; unknown fields are ignored.
 *   <li>A {@code List<Meeting>} is read from a collection ({@code {"value": [...]}}, the answer to
 *       a {@code $filter}), each item as above; a body without a {@code value} array, or with an
 *       item that is not an object, is a non-retryable {@link TeamsServiceException}.
 * </ul>
 */
final class MeetingDecoder implements Decoder {

  static final String SERVICE = "Microsoft Graph";

  /** 0002-01-01T00:00:00Z (without a formatter at class initialization; a test checks it). */
  static final Instant YEAR_2 = Instant.ofEpochSecond(-62104060800L);

  /**
   * The top-level fields {@link #meeting} reads; the others (most of the body: {@code
   * joinInformation}, {@code chatRestrictions}...) are skipped unread ({@link Json#parseFields}). A
   * field read by the mapping must be listed here.
   */
  static final Json.Fields FIELDS =
      Json.Fields.of(
          "id",
          "joinWebUrl",
          "subject",
          "startDateTime",
          "endDateTime",
          "creationDateTime",
          "joinMeetingIdSettings",
          "audioConferencing",
          "participants",
          "lobbyBypassSettings",
          "allowedPresenters",
          "externalId",
          "chatInfo");

  /** The top-level field {@link #collection} reads (its items are read in full). */
  private static final Json.Fields COLLECTION_FIELDS = Json.Fields.of("value");

  @Override
  public Object decode(Response response, Type type) {
    boolean collection =
        type != Meeting.class
            && type instanceof ParameterizedType list
            && list.getRawType() == List.class;
    JsonNode json =
        Http.readJsonObject(
            response, SERVICE, MeetingDecoder::invalid, collection ? COLLECTION_FIELDS : FIELDS);
    return collection ? collection(response, json) : meeting(response, json);
  }

  private static List<Meeting> collection(Response response, JsonNode json) {
    JsonNode value = json.get("value");
    if (value == null || !value.isArray()) {
      throw invalid(response, "has no value array", "the meetings");
    }
    List<Meeting> meetings = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      if (!item.isObject()) {
        throw invalid(response, "has an item that is not an object", "the meetings");
      }
      meetings.add(meeting(response, item));
    }
    return meetings;
  }

  static Meeting meeting(Response response, JsonNode json) {
    String id = Json.text(json, "id").orElseThrow(() -> invalid(response, "has no id"));
    String joinWebUrl =
        Json.text(json, "joinWebUrl").orElseThrow(() -> invalid(response, "has no joinWebUrl"));
    URI joinUrl =
        toUri(joinWebUrl)
            .orElseThrow(() -> invalid(response, "has a joinWebUrl that is not a URL"));
    JsonNode joinSettings = Json.object(json, "joinMeetingIdSettings");
    JsonNode participants = Json.object(json, "participants");
    return Meeting.builder(id, joinUrl)
        .subject(Json.text(json, "subject").orElse(null))
        .times(instant(json, "startDateTime"), instant(json, "endDateTime"))
        .createdAt(instant(json, "creationDateTime"))
        .joinMeetingId(
            Json.text(joinSettings, "joinMeetingId").orElse(null),
            Json.text(joinSettings, "passcode").orElse(null))
        .passcodeRequired(Json.bool(joinSettings, "isPasscodeRequired").orElse(null))
        .dialIn(dialIn(Json.fieldIgnoreCase(json, "audioConferencing")).orElse(null))
        .organizer(organizer(participants).orElse(null))
        .attendees(attendees(participants))
        .lobbyBypass(lobbyBypass(Json.object(json, "lobbyBypassSettings")).orElse(null))
        .allowedPresenters(
            Json.text(json, "allowedPresenters").map(GraphNames::toPresenters).orElse(null))
        .externalId(Json.text(json, "externalId").orElse(null))
        .chatThreadId(Json.text(Json.object(json, "chatInfo"), "threadId").orElse(null))
        .build();
  }

  private static TeamsServiceException invalid(Response response, String what) {
    return invalid(response, what, "the meeting");
  }

  private static TeamsServiceException invalid(Response response, String what, String subject) {
    return Failures.service(
        subject + " returned by Microsoft Graph " + what,
        Http.details(response).build(),
        false,
        null);
  }

  static Instant instant(JsonNode json, String field) {
    Optional<String> text = Json.text(json, field);
    if (text.isEmpty()) {
      return null;
    }
    Instant value = utcFastPath(text.get());
    if (value != null) {
      return value.isBefore(YEAR_2) ? null : value;
    }
    try {
      value = OffsetDateTime.parse(text.get()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        value = LocalDateTime.parse(text.get()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
    // 0001-01-01T00:00:00Z and similar placeholders mean "no value".
    return value.isBefore(YEAR_2) ? null : value; // no atOffset: it throws beyond year 999999999
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, the form Graph sends, read without a {@code
   * DateTimeFormatter}; null for anything else, which then goes through {@link
   * OffsetDateTime#parse}. A test compares both on 100 000 random timestamps.
   *
   * <p>Measured for issue 19 (fake in its own JVM, full-size meetings, 8 threads): the three
   * timestamps of a meeting through {@code OffsetDateTime.parse} were 2.9 % of the client's CPU per
   * meeting in the steady state, and in the first 20 000 meetings of a fresh JVM {@code java.time}
   * was the largest group of methods the JIT was still compiling. (An earlier A/B run had removed
   * this path as 0.4 % of a then much larger CPU per meeting.)
   */
  static Instant utcFastPath(String s) {
    int n = s.length();
    if (n < 20
        || n > 30
        || s.charAt(n - 1) != 'Z'
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      if (s.charAt(19) != '.' || n == 21) {
        return null;
      }
      int scale = 100_000_000;
      for (int i = 20; i < n - 1; i++) {
        int d = s.charAt(i) - '0';
        if (d < 0 || d > 9) {
          return null;
        }
        nanos += d * scale;
        scale /= 10;
      }
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null; // e.g. February 30th: the slow path decides
    }
  }

  /** The decimal number in {@code s[from, from + count)}, or -1 if a character is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  static Optional<DialIn> dialIn(JsonNode audio) {
    if (audio == null || !audio.isObject()) {
      return Optional.empty();
    }
    Optional<String> conferenceId = Json.textIgnoreCase(audio, "conferenceId");
    Optional<String> dialInUrl = Json.textIgnoreCase(audio, "dialinUrl");
    List<String> toll =
        merged(Json.texts(audio, "tollNumbers"), Json.textIgnoreCase(audio, "tollNumber"));
    List<String> tollFree =
        merged(Json.texts(audio, "tollFreeNumbers"), Json.textIgnoreCase(audio, "tollFreeNumber"));
    if (conferenceId.isEmpty() && dialInUrl.isEmpty() && toll.isEmpty() && tollFree.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DialIn(conferenceId, dialInUrl, toll, tollFree));
  }

  private static List<String> merged(List<String> numbers, Optional<String> single) {
    single.filter(s -> !numbers.contains(s)).ifPresent(numbers::add);
    return numbers;
  }

  static Optional<Organizer> organizer(JsonNode participants) {
    JsonNode organizer = Json.object(participants, "organizer");
    JsonNode user = Json.object(Json.object(organizer, "identity"), "user");
    Optional<String> id = Json.text(user, "id");
    Optional<String> upn = Json.text(organizer, "upn");
    Optional<String> name = Json.text(user, "displayName");
    if (id.isEmpty() && upn.isEmpty() && name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Organizer(id, upn, name));
  }

  /** {@code participants.attendees}: each object with a {@code upn}, in Graph's order. */
  static List<Attendee> attendees(JsonNode participants) {
    JsonNode list = participants == null ? null : participants.get("attendees");
    List<Attendee> attendees = new ArrayList<>();
    if (list != null && list.isArray()) {
      for (JsonNode attendee : list) {
        Optional<String> upn = Json.text(attendee, "upn");
        if (upn.isPresent()) {
          String role = Json.text(attendee, "role").orElse(null);
          attendees.add(new Attendee(upn.get(), GraphNames.toRole(role)));
        }
      }
    }
    return attendees;
  }

  /**
   * {@code lobbyBypassSettings}; absent when neither {@code scope} nor {@code
   * isDialInBypassEnabled} is there. A missing {@code isDialInBypassEnabled} is {@code false}, as
   * Graph's default is.
   */
  static Optional<LobbyBypass> lobbyBypass(JsonNode settings) {
    Optional<String> scope = Json.text(settings, "scope");
    Optional<Boolean> dialIn = Json.bool(settings, "isDialInBypassEnabled");
    if (scope.isEmpty() && dialIn.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new LobbyBypass(GraphNames.toLobbyScope(scope.orElse(null)), dialIn.orElse(false)));
  }

  /**
   * The join URL as a {@link URI}. Graph's value is used as is when it parses; otherwise characters
   * that {@link URI} refuses (spaces, braces, a {@code %} without two hex digits...) are
   * percent-encoded, which leaves valid parts unchanged.
   */
  static Optional<URI> toUri(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      // repaired below
    }
    StringBuilder sb = new StringBuilder();
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xFF;
      boolean escapeOk =
          c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
      if (c > 0x20 && c < 0x7F && "\"<>\\^`{|}".indexOf(c) < 0 && (c != '%' || escapeOk)) {
        sb.append((char) c);
      } else {
        sb.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    try {
      URI uri = new URI(sb.toString());
      return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static boolean isHex(byte b) {
    return Character.digit((char) (b & 0xFF), 16) >= 0;
  }
}
