package io.teamsmeet.feign;

import com.fasterxml.jackson.core.JsonGenerator;
import io.teamsmeet.EventRequest;
import io.teamsmeet.EventUpdate;
import io.teamsmeet.Invitee;
import io.teamsmeet.Recurrence;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON bodies of {@code /me/events}, written with Jackson's streaming generator (as {@link
 * GraphBodies} are). Times are sent as Outlook's {@code dateTimeTimeZone}: the local time in the
 * request's zone with the zone's Windows name (or IANA id, which Graph accepts for most zones), so
 * that Outlook shows the event in that zone; a fixed offset other than UTC is sent as UTC.
 */
final class EventBodies {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private EventBodies() {}

  /** {@code POST /me/events}. */
  record Create(EventRequest request, String transactionId) implements GraphBodies.Body {
    @Override
    public void writeTo(JsonGenerator json) throws IOException {
      EventRequest r = request;
      json.writeStartObject();
      json.writeStringField("subject", r.subject());
      body(json, r.body(), r.bodyIsHtml());
      time(json, "start", r.start());
      time(json, "end", r.end());
      location(json, r.location());
      invitees(json, r.invitees());
      if (r.reminderOff()) {
        json.writeBooleanField("isReminderOn", false);
      } else if (r.reminder().isPresent()) {
        reminder(json, r.reminder().get());
      }
      if (r.allowNewTimeProposals().isPresent()) {
        json.writeBooleanField("allowNewTimeProposals", r.allowNewTimeProposals().get());
      }
      if (r.recurrence().isPresent()) {
        recurrence(json, r.recurrence().get(), r.start());
      }
      json.writeBooleanField("isOnlineMeeting", true);
      json.writeStringField("onlineMeetingProvider", "teamsForBusiness");
      json.writeStringField("transactionId", transactionId);
      json.writeEndObject();
    }
  }

  /** {@code PATCH /me/events/{id}}: only what changes. */
  record Update(EventUpdate update) implements GraphBodies.Body {
    @Override
    public void writeTo(JsonGenerator json) throws IOException {
      EventUpdate u = update;
      json.writeStartObject();
      if (u.subject().isPresent()) {
        json.writeStringField("subject", u.subject().get());
      }
      body(json, u.body(), u.bodyIsHtml());
      if (u.start().isPresent()) {
        time(json, "start", u.start().get());
        time(json, "end", u.end().orElseThrow());
      }
      location(json, u.location());
      if (u.invitees().isPresent()) {
        invitees(json, u.invitees().get());
      }
      if (u.reminder().isPresent()) {
        reminder(json, u.reminder().get());
      }
      if (u.allowNewTimeProposals().isPresent()) {
        json.writeBooleanField("allowNewTimeProposals", u.allowNewTimeProposals().get());
      }
      if (u.recurrence().isPresent()) {
        recurrence(json, u.recurrence().get(), u.start().orElseThrow());
      }
      json.writeEndObject();
    }
  }

  /** {@code POST /me/events/{id}/cancel}. */
  record Cancel(String comment) implements GraphBodies.Body {
    @Override
    public void writeTo(JsonGenerator json) throws IOException {
      json.writeStartObject();
      if (comment != null) {
        json.writeStringField("comment", comment);
      }
      json.writeEndObject();
    }
  }

  private static void body(JsonGenerator json, Optional<String> body, boolean html)
      throws IOException {
    if (body.isPresent()) {
      json.writeObjectFieldStart("body");
      json.writeStringField("contentType", html ? "html" : "text");
      json.writeStringField("content", body.get());
      json.writeEndObject();
    }
  }

  private static void location(JsonGenerator json, Optional<String> location) throws IOException {
    if (location.isPresent()) {
      json.writeObjectFieldStart("location");
      json.writeStringField("displayName", location.get());
      json.writeEndObject();
    }
  }

  private static void reminder(JsonGenerator json, Duration reminder) throws IOException {
    json.writeBooleanField("isReminderOn", true);
    json.writeNumberField("reminderMinutesBeforeStart", reminder.toMinutes());
  }

  private static void invitees(JsonGenerator json, List<Invitee> invitees) throws IOException {
    json.writeArrayFieldStart("attendees");
    for (Invitee i : invitees) {
      json.writeStartObject();
      json.writeObjectFieldStart("emailAddress");
      json.writeStringField("address", i.address());
      if (i.name().isPresent()) {
        json.writeStringField("name", i.name().get());
      }
      json.writeEndObject();
      json.writeStringField("type", i.type().name().toLowerCase(Locale.ROOT));
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** {@code dateTimeTimeZone}: local time and zone name, or UTC for a fixed offset. */
  static void time(JsonGenerator json, String field, ZonedDateTime time) throws IOException {
    Zoned z = zoned(time);
    json.writeObjectFieldStart(field);
    json.writeStringField("dateTime", LOCAL.format(z.local()));
    json.writeStringField("timeZone", z.zone());
    json.writeEndObject();
  }

  record Zoned(LocalDateTime local, String zone) {}

  static Zoned zoned(ZonedDateTime time) {
    Optional<String> name = WindowsZones.toGraph(time.getZone());
    if (name.isEmpty()) {
      return new Zoned(
          time.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().withNano(0), "UTC");
    }
    return new Zoned(time.toLocalDateTime().withNano(0), name.get());
  }

  private static void recurrence(JsonGenerator json, Recurrence r, ZonedDateTime start)
      throws IOException {
    Zoned z = zoned(start);
    json.writeObjectFieldStart("recurrence");
    json.writeObjectFieldStart("pattern");
    json.writeStringField("type", r.graphPattern());
    json.writeNumberField("interval", r.interval());
    if (r.pattern() == Recurrence.Pattern.WEEKLY) {
      json.writeArrayFieldStart("daysOfWeek");
      for (DayOfWeek d : r.daysOfWeek()) {
        json.writeString(d.name().toLowerCase(Locale.ROOT));
      }
      json.writeEndArray();
      json.writeStringField("firstDayOfWeek", "monday");
    }
    if (r.dayOfMonth().isPresent()) {
      json.writeNumberField("dayOfMonth", r.dayOfMonth().getAsInt());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("range");
    if (r.endDate().isPresent()) {
      json.writeStringField("type", "endDate");
    } else if (r.occurrences().isPresent()) {
      json.writeStringField("type", "numbered");
    } else {
      json.writeStringField("type", "noEnd");
    }
    json.writeStringField("startDate", z.local().toLocalDate().toString());
    if (r.endDate().isPresent()) {
      json.writeStringField("endDate", r.endDate().get().toString());
    }
    if (r.occurrences().isPresent()) {
      json.writeNumberField("numberOfOccurrences", r.occurrences().getAsInt());
    }
    json.writeStringField("recurrenceTimeZone", z.zone());
    json.writeEndObject();
    json.writeEndObject();
  }
}
