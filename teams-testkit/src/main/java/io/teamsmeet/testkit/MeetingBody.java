package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.testkit.Wire.Reply;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reading and checking an onlineMeeting request body: its JSON and property names, its start and
 * end, its subject, and the writable settings it copies onto a meeting; each failure is Graph's
 * 400. Called with {@link State}'s lock held.
 */
final class MeetingBody {

  private static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

  /** A parsed request body, or the answer that rejects it. */
  static final class Body {
    ObjectNode json;
    Reply error;
  }

  /** A meeting's start and end, or the answer that rejects them. */
  static final class Times {
    Instant start;
    Instant end;
    Reply error;
  }

  private final State state;
  private final ObjectMapper mapper;
  private final MeetingJson meetings;

  MeetingBody(State state, ObjectMapper mapper, MeetingJson meetings) {
    this.state = state;
    this.mapper = mapper;
    this.meetings = meetings;
  }

  /** The request's JSON object; a 400 unless it is JSON and names only known properties. */
  Body body(GraphExchange x) {
    Body body = new Body();
    String contentType = x.call.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (!contentType.contains("json")) {
      body.error =
          x.error(400, "BadRequest", "Entity only allows writes with a JSON Content-Type header.");
      return body;
    }
    try {
      JsonNode parsed = mapper.readTree(x.call.body);
      if (!(parsed instanceof ObjectNode)) {
        throw new IllegalArgumentException("not an object");
      }
      body.json = (ObjectNode) parsed;
    } catch (IOException | IllegalArgumentException e) {
      body.error = x.invalidJson();
      return body;
    }
    Iterator<String> names = body.json.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!MeetingProperties.KNOWN_PROPERTIES.contains(name)) {
        body.error =
            x.error(
                400,
                "BadRequest",
                "Invalid request: The property '"
                    + name
                    + "' does not exist on type 'microsoft.graph.onlineMeeting'. Make sure to only"
                    + " use property names that are defined by the type.");
        return body;
      }
    }
    return body;
  }

  /**
   * Start and end from a request. Missing start: now; missing end: start + 1 hour ({@code endAlone}
   * says whether an end without a start is allowed, as it is for create but not for createOrGet).
   */
  Times times(GraphExchange x, ObjectNode request, boolean endAlone) {
    Times times = new Times();
    try {
      String start = request.path("startDateTime").asText(null);
      String end = request.path("endDateTime").asText(null);
      if (start == null && end != null && !endAlone) {
        times.error =
            x.error(400, "BadRequest", "startDateTime is required when endDateTime is given.");
        return times;
      }
      times.start = start == null ? x.now : MeetingJson.parse(start);
      times.end = end == null ? times.start.plus(DEFAULT_LENGTH) : MeetingJson.parse(end);
    } catch (DateTimeParseException e) {
      times.error = x.error(400, "BadRequest", "Invalid date-time: " + e.getParsedString());
      return times;
    }
    if (!times.end.isAfter(times.start)) {
      times.error = x.error(400, "BadRequest", "endDateTime must be after startDateTime.");
    }
    return times;
  }

  static String subject(ObjectNode request) {
    JsonNode subject = request.get("subject");
    return subject == null || subject.isNull() ? null : subject.asText();
  }

  /** Copies the writable settings of {@code request} onto {@code meeting}; a 400 if one is bad. */
  Reply applyWritable(
      GraphExchange x, ObjectNode meeting, ObjectNode request, FakeAccount organizer) {
    for (Map.Entry<String, JsonNode> field : request.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (!MeetingProperties.WRITABLE.contains(name)
          || name.equals("subject")
          || name.endsWith("DateTime")) {
        continue;
      }
      switch (name) {
        case "participants":
          Reply invalid = participants(x, meeting, value, organizer);
          if (invalid != null) {
            return invalid;
          }
          break;
        case "lobbyBypassSettings":
          String scope = value.path("scope").asText("organization");
          if (!MeetingProperties.LOBBY_SCOPES.contains(scope)) {
            return x.notAnEnumValue(scope);
          }
          ObjectNode lobby = mapper.createObjectNode();
          lobby.put("scope", scope);
          lobby.put("isDialInBypassEnabled", value.path("isDialInBypassEnabled").asBoolean(false));
          meeting.set("lobbyBypassSettings", lobby);
          break;
        case "allowedPresenters":
          if (!MeetingProperties.PRESENTERS.contains(value.asText())) {
            return x.notAnEnumValue(value.asText());
          }
          meeting.put("allowedPresenters", value.asText());
          break;
        default:
          meeting.set(name, value.deepCopy());
      }
    }
    return null;
  }

  private Reply participants(
      GraphExchange x, ObjectNode meeting, JsonNode participants, FakeAccount organizer) {
    JsonNode requestedOrganizer = participants.path("organizer");
    if (requestedOrganizer.isObject()) {
      String upn = requestedOrganizer.path("upn").asText(organizer.userPrincipalName());
      String id =
          requestedOrganizer.path("identity").path("user").path("id").asText(organizer.objectId());
      if (!upn.equalsIgnoreCase(organizer.userPrincipalName())
          || !id.equalsIgnoreCase(organizer.objectId())) {
        return x.error(400, "BadRequest", "The organizer of a meeting cannot be changed.");
      }
    }
    JsonNode attendees = participants.get("attendees");
    if (attendees == null) {
      return null;
    }
    if (!attendees.isArray()) {
      return x.error(400, "BadRequest", "participants.attendees must be an array.");
    }
    ArrayNode list = mapper.createArrayNode();
    for (JsonNode attendee : attendees) {
      String upn = attendee.path("upn").asText("");
      String id = attendee.path("identity").path("user").path("id").asText("");
      String role = attendee.path("role").asText("attendee");
      if (!MeetingProperties.ROLES.contains(role)) {
        return x.notAnEnumValue(role);
      }
      Optional<FakeAccount> known =
          upn.isEmpty() ? state.accountByObjectId(id) : state.account(upn);
      if (upn.isEmpty() && known.isEmpty() && id.isEmpty()) {
        return x.error(400, "BadRequest", "An attendee needs a upn or identity.user.id.");
      }
      String name = upn.isEmpty() ? known.map(FakeAccount::userPrincipalName).orElse(id) : upn;
      list.add(meetings.attendee(name, role, known, organizer.tenantId()));
    }
    ((ObjectNode) meeting.get("participants")).set("attendees", list);
    return null;
  }
}
