package io.teamsmeet.feign;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import feign.codec.Decoder;
import io.teamsmeet.CalendarEvent;
import io.teamsmeet.DialIn;
import io.teamsmeet.Invitee;
import io.teamsmeet.Recurrence;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.spi.Failures;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Graph's {@code event} into the core's {@link CalendarEvent}, and {@code /me/calendar}'s
 * {@code allowedOnlineMeetingProviders}.
 *
 * <ul>
 *   <li>{@code id} is required. An event is a Teams meeting only with {@code onlineMeeting.joinUrl}
 *       and provider {@code teamsForBusiness} (or no provider named): otherwise {@link
 *       Failures#teamsMeetingUnavailable} with the event's id, never a value without a join URL
 *       ({@code onlineMeetingUrl} is null for Teams and is not read).
 *   <li>{@code start}/{@code end} are {@code dateTimeTimeZone}: the local time (up to 7 fractional
 *       digits) in the named zone, which is {@code UTC} when the request asked for it and may be a
 *       Windows name ({@code "Pacific Standard Time"}) or an IANA name otherwise; a zone that
 *       cannot be mapped leaves the time absent.
 *   <li>The event's zone is {@code originalStartTimeZone} mapped the same way (UTC if unknown).
 *   <li>Dial-in: {@code onlineMeeting.conferenceId}, {@code tollNumber}, {@code tollFreeNumbers}.
 * </ul>
 */
final class EventDecoder implements Decoder {

  private static final String TEAMS = "teamsForBusiness";

  /**
   * The top-level fields {@link #event} reads; the others ({@code body}'s HTML invitation, {@code
   * location}, {@code organizer}...) are skipped unread ({@link Json#parseFields}). A field read by
   * the mapping must be listed here.
   */
  static final Json.Fields FIELDS =
      Json.Fields.of(
          "id",
          "onlineMeetingProvider",
          "onlineMeeting",
          "originalStartTimeZone",
          "iCalUId",
          "webLink",
          "subject",
          "start",
          "end",
          "attendees",
          "recurrence",
          "transactionId",
          "isCancelled");

  /** The top-level field {@link #providers} reads from {@code /me/calendar}. */
  private static final Json.Fields CALENDAR_FIELDS =
      Json.Fields.of("allowedOnlineMeetingProviders");

  @Override
  public Object decode(Response response, Type type) {
    boolean event = type == CalendarEvent.class;
    JsonNode json =
        Http.readJsonObject(
            response,
            MeetingDecoder.SERVICE,
            EventDecoder::invalid,
            event ? FIELDS : CALENDAR_FIELDS);
    return event ? event(response, json) : providers(json);
  }

  static List<String> providers(JsonNode calendar) {
    return Json.texts(calendar, "allowedOnlineMeetingProviders");
  }

  static CalendarEvent event(Response response, JsonNode json) {
    String id = Json.text(json, "id").orElseThrow(() -> invalid(response, "has no id"));
    Optional<String> provider = Json.text(json, "onlineMeetingProvider");
    JsonNode online = Json.object(json, "onlineMeeting");
    Optional<URI> joinUrl = Json.text(online, "joinUrl").flatMap(MeetingDecoder::toUri);
    boolean teams = provider.map(TEAMS::equalsIgnoreCase).orElse(true);
    if (joinUrl.isEmpty() || !teams) {
      throw Failures.teamsMeetingUnavailable(
          id, provider.orElse(null), Http.details(response).build());
    }
    ZoneId zone =
        Json.text(json, "originalStartTimeZone")
            .flatMap(WindowsZones::toZone)
            .orElse(ZoneOffset.UTC);
    return CalendarEvent.builder(id, joinUrl.get())
        .iCalUId(Json.text(json, "iCalUId").orElse(null))
        .webLink(Json.text(json, "webLink").flatMap(MeetingDecoder::toUri).orElse(null))
        .subject(Json.text(json, "subject").orElse(null))
        .times(time(Json.object(json, "start")), time(Json.object(json, "end")))
        .zone(zone)
        .dialIn(dialIn(online).orElse(null))
        .invitees(invitees(json.get("attendees")))
        .recurrence(recurrence(Json.object(json, "recurrence")).orElse(null))
        .transactionId(Json.text(json, "transactionId").orElse(null))
        .cancelled(Json.bool(json, "isCancelled").orElse(false))
        .build();
  }

  /** A {@code dateTimeTimeZone} as an instant; null when absent or unreadable. */
  static Instant time(JsonNode dateTimeTimeZone) {
    Optional<String> local = Json.text(dateTimeTimeZone, "dateTime");
    if (local.isEmpty()) {
      return null;
    }
    Optional<ZoneId> zone =
        Json.text(dateTimeTimeZone, "timeZone")
            .map(WindowsZones::toZone)
            .orElse(Optional.of(ZoneOffset.UTC));
    if (zone.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(local.get()).atZone(zone.get()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(local.get()).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  static Optional<DialIn> dialIn(JsonNode online) {
    if (online == null || !online.isObject()) {
      return Optional.empty();
    }
    Optional<String> conferenceId = Json.text(online, "conferenceId");
    List<String> toll = new ArrayList<>();
    Json.text(online, "tollNumber").ifPresent(toll::add);
    List<String> tollFree = Json.texts(online, "tollFreeNumbers");
    if (conferenceId.isEmpty() && toll.isEmpty() && tollFree.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DialIn(conferenceId, Optional.empty(), toll, tollFree));
  }

  static List<Invitee> invitees(JsonNode attendees) {
    List<Invitee> out = new ArrayList<>();
    if (attendees == null || !attendees.isArray()) {
      return out;
    }
    for (JsonNode a : attendees) {
      JsonNode email = Json.object(a, "emailAddress");
      Optional<String> address = Json.text(email, "address");
      if (address.isEmpty()) {
        continue;
      }
      Invitee.Type type =
          switch (Json.text(a, "type").orElse("required").toLowerCase(Locale.ROOT)) {
            case "optional" -> Invitee.Type.OPTIONAL;
            case "resource" -> Invitee.Type.RESOURCE;
            default -> Invitee.Type.REQUIRED;
          };
      try {
        out.add(new Invitee(address.get(), Json.text(email, "name"), type));
      } catch (IllegalArgumentException e) {
        // an address the core refuses (whitespace, too long): left out
      }
    }
    return out;
  }

  static Optional<Recurrence> recurrence(JsonNode recurrence) {
    JsonNode pattern = Json.object(recurrence, "pattern");
    Optional<String> type = Json.text(pattern, "type");
    if (type.isEmpty()) {
      return Optional.empty();
    }
    int interval = Math.max(1, Math.min(999, pattern.path("interval").asInt(1)));
    Recurrence r;
    try {
      switch (type.get()) {
        case "daily" -> r = Recurrence.daily(interval);
        case "weekly" -> {
          List<DayOfWeek> days = new ArrayList<>();
          for (String d : Json.texts(pattern, "daysOfWeek")) {
            days.add(DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)));
          }
          r =
              days.isEmpty()
                  ? Recurrence.other("weekly", interval)
                  : Recurrence.weekly(interval, days.toArray(DayOfWeek[]::new));
        }
        case "absoluteMonthly" ->
            r = Recurrence.monthly(interval, pattern.path("dayOfMonth").asInt(1));
        default -> r = Recurrence.other(type.get(), interval);
      }
      JsonNode range = Json.object(recurrence, "range");
      String rangeType = Json.text(range, "type").orElse("noEnd");
      if (rangeType.equals("endDate")) {
        Optional<String> end = Json.text(range, "endDate");
        if (end.isPresent()) {
          r = r.until(LocalDate.parse(end.get()));
        }
      } else if (rangeType.equals("numbered")) {
        int n = range.path("numberOfOccurrences").asInt(0);
        if (n > 0) {
          r = r.times(Math.min(n, 999));
        }
      }
      return Optional.of(r);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.of(Recurrence.other(type.get(), interval));
    }
  }

  private static TeamsServiceException invalid(Response response, String what) {
    return Failures.service(
        "the event returned by Microsoft Graph " + what,
        Http.details(response).build(),
        false,
        null);
  }
}
