package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.testkit.Wire.Reply;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Graph's calendar API for one organizer, stateful: {@code POST/GET/PATCH/DELETE
 * /me/events[/{id}]}, {@code POST /me/events/{id}/cancel}, {@code GET /me/calendar}. Bodies follow
 * the shape of Microsoft's documented examples ("Create event", "event: cancel", "Get calendar"):
 * {@code dateTimeTimeZone} times, {@code originalStartTimeZone} as a Windows name, {@code
 * onlineMeeting} with {@code joinUrl} and {@code onlineMeetingUrl: null}. A {@code transactionId}
 * seen before for the organizer returns the event it created. An event's Teams meeting is an
 * onlineMeeting of its organizer as well (as Graph generates one): {@code GET
 * /me/onlineMeetings?$filter=JoinWebUrl eq '...'} finds it by the event's join URL, it follows the
 * event's subject and times, and it goes when the event is cancelled or deleted. A calendar that
 * does not allow {@code teamsForBusiness}, or an account set to {@link
 * FakeMicrosoft#eventsWithoutTeams}, gets events with {@code onlineMeetingProvider: "unknown"} and
 * no {@code onlineMeeting}, with no error, as Graph does. Called with {@link State}'s lock held.
 */
final class CalendarEvents {

  static final String TEAMS = "teamsForBusiness";

  /** Windows names the fake knows (Outlook stores these); other zones are kept as IANA ids. */
  private static final Map<String, String> WINDOWS =
      Map.of(
          "Europe/Berlin", "W. Europe Standard Time",
          "America/Los_Angeles", "Pacific Standard Time",
          "America/New_York", "Eastern Standard Time",
          "Europe/London", "GMT Standard Time",
          "Europe/Paris", "Romance Standard Time",
          "Asia/Tokyo", "Tokyo Standard Time");

  private static final DateTimeFormatter LOCAL7 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS", Locale.ROOT);

  /** The stored event's link to its onlineMeeting's id; never rendered. */
  private static final String LINKED_MEETING = "_linkedOnlineMeetingId";

  private final State state;
  private final Bases bases;
  private final ObjectMapper mapper;
  private final MeetingJson meetingJson;

  CalendarEvents(State state, Bases bases, ObjectMapper mapper) {
    this.state = state;
    this.bases = bases;
    this.mapper = mapper;
    this.meetingJson = new MeetingJson(mapper);
  }

  Reply calendar(GraphExchange x, FakeAccount owner) {
    ObjectNode c = mapper.createObjectNode();
    c.put(
        "@odata.context",
        "https://graph.microsoft.com/v1.0/$metadata#users('"
            + owner.objectId()
            + "')/calendar/$entity");
    c.put("id", "AAMkAGI2TGuLAAA=" + owner.objectId());
    c.put("name", "Calendar");
    c.put("color", "auto");
    c.put("isDefaultCalendar", true);
    c.put("canEdit", true);
    c.put("canShare", true);
    c.put("canViewPrivateItems", true);
    List<String> allowed = state.allowedProviders(owner);
    ArrayNode a = c.putArray("allowedOnlineMeetingProviders");
    allowed.forEach(a::add);
    c.put("defaultOnlineMeetingProvider", allowed.isEmpty() ? "none" : allowed.get(0));
    c.put("isTallyingResponses", true);
    c.put("isRemovable", false);
    ObjectNode ownerNode = c.putObject("owner");
    ownerNode.put("name", owner.displayName());
    ownerNode.put("address", owner.userPrincipalName());
    return x.json(200, c);
  }

  Reply create(GraphExchange x, FakeAccount organizer) {
    ObjectNode request = body(x);
    if (request == null) {
      return x.error(400, "RequestBodyRead", "The request body is not a JSON object.");
    }
    String transactionId = request.path("transactionId").asText(null);
    if (transactionId != null) {
      String existing = state.eventTransactions.get(organizer.objectId() + "\n" + transactionId);
      if (existing != null && eventsOf(organizer).containsKey(existing)) {
        return x.json(201, render(x, organizer, eventsOf(organizer).get(existing)));
      }
    }
    if (request.path("subject").asText("").isBlank()) {
      return x.error(400, "ErrorInvalidRequest", "subject is required.");
    }
    Reply invalid = checkTimes(x, request);
    if (invalid != null) {
      return invalid;
    }
    String id = "AAMkAGI2TG93AAA=" + UUID.randomUUID().toString().replace("-", "");
    ObjectNode e = mapper.createObjectNode();
    e.put("id", id);
    e.put("createdDateTime", x.now.toString());
    e.put("lastModifiedDateTime", x.now.toString());
    e.put("iCalUId", "040000008200E00074C5B7101A82E0080000000" + Math.abs(id.hashCode()));
    e.put("transactionId", transactionId);
    e.put("isCancelled", false);
    apply(e, request);
    boolean online = request.path("isOnlineMeeting").asBoolean(false);
    boolean teams =
        online
            && TEAMS.equals(request.path("onlineMeetingProvider").asText())
            && state.allowedProviders(organizer).contains(TEAMS)
            && !state.eventsWithoutTeams.contains(organizer.objectId());
    e.put("isOnlineMeeting", online);
    e.put("onlineMeetingProvider", online ? (teams ? TEAMS : "unknown") : "unknown");
    if (teams) {
      // Graph generates an onlineMeeting for the event: the same join URL finds it under
      // /me/onlineMeetings (JoinWebUrl filter), with the event's subject and times
      ObjectNode meeting =
          meetingJson.create(
              organizer,
              x.now,
              instant(request.path("start")).orElseThrow(),
              instant(request.path("end")).orElseThrow(),
              request.path("subject").asText(),
              false,
              null);
      state
          .meetings
          .computeIfAbsent(organizer.objectId(), k -> new LinkedHashMap<>())
          .put(meeting.get("id").asText(), meeting);
      e.put(LINKED_MEETING, meeting.get("id").asText());
      ObjectNode om = e.putObject("onlineMeeting");
      om.put("joinUrl", meeting.get("joinWebUrl").asText());
      JsonNode audio = meeting.path("audioConferencing");
      if (audio.isObject()) {
        om.set("conferenceId", audio.get("conferenceId"));
        om.set("tollNumber", audio.get("tollNumber"));
        om.set("tollFreeNumbers", audio.get("tollFreeNumbers"));
      } else {
        om.put("conferenceId", String.valueOf(100000000 + (Math.abs(id.hashCode()) % 900000000)));
        om.put("tollNumber", "+1 425-555-0100");
        om.putArray("tollFreeNumbers").add("+1 800-555-0100");
      }
    } else {
      e.putNull("onlineMeeting");
    }
    eventsOf(organizer).put(id, e);
    if (transactionId != null) {
      state.eventTransactions.put(organizer.objectId() + "\n" + transactionId, id);
    }
    invite(organizer, e, attendees(e), Invitation.Kind.INVITATION, null);
    return x.json(201, render(x, organizer, e));
  }

  Reply get(GraphExchange x, FakeAccount organizer, String id) {
    ObjectNode e = eventsOf(organizer).get(id);
    return e == null ? notFound(x) : x.json(200, render(x, organizer, e));
  }

  Reply update(GraphExchange x, FakeAccount organizer, String id) {
    ObjectNode e = eventsOf(organizer).get(id);
    if (e == null) {
      return notFound(x);
    }
    ObjectNode request = body(x);
    if (request == null) {
      return x.error(400, "RequestBodyRead", "The request body is not a JSON object.");
    }
    if (request.has("transactionId")) {
      return x.error(400, "ErrorInvalidProperty", "transactionId cannot be changed.");
    }
    if (request.has("start") || request.has("end")) {
      ObjectNode merged = e.deepCopy();
      merged.setAll(request);
      Reply invalid = checkTimes(x, merged);
      if (invalid != null) {
        return invalid;
      }
    }
    Set<String> before = addresses(attendees(e));
    apply(e, request);
    e.put("lastModifiedDateTime", x.now.toString());
    linkedMeeting(organizer, e)
        .ifPresent(
            m -> {
              instant(e.path("start"))
                  .ifPresent(t -> m.put("startDateTime", MeetingJson.format(t)));
              instant(e.path("end")).ifPresent(t -> m.put("endDateTime", MeetingJson.format(t)));
              m.put("subject", e.path("subject").asText());
            });
    List<JsonNode> after = attendees(e);
    List<JsonNode> added = new ArrayList<>();
    List<JsonNode> kept = new ArrayList<>();
    for (JsonNode a : after) {
      (before.contains(address(a)) ? kept : added).add(a);
    }
    invite(organizer, e, added, Invitation.Kind.INVITATION, null);
    if (request.has("start") || request.has("end") || request.has("subject")) {
      invite(organizer, e, kept, Invitation.Kind.UPDATE, null);
    }
    return x.json(200, render(x, organizer, e));
  }

  Reply cancel(GraphExchange x, FakeAccount organizer, String id) {
    ObjectNode e = eventsOf(organizer).get(id);
    if (e == null) {
      return notFound(x);
    }
    ObjectNode request = body(x);
    String comment = request == null ? null : request.path("comment").asText(null);
    invite(organizer, e, attendees(e), Invitation.Kind.CANCELLATION, comment);
    eventsOf(organizer).remove(id);
    forgetLinkedMeeting(organizer, e);
    return x.accepted();
  }

  Reply delete(GraphExchange x, FakeAccount organizer, String id) {
    ObjectNode e = eventsOf(organizer).remove(id);
    if (e == null) {
      return notFound(x);
    }
    invite(organizer, e, attendees(e), Invitation.Kind.CANCELLATION, null);
    forgetLinkedMeeting(organizer, e);
    return x.noContent();
  }

  /** The onlineMeeting Graph generated for the event, while it exists. */
  private Optional<ObjectNode> linkedMeeting(FakeAccount organizer, ObjectNode e) {
    String meetingId = e.path(LINKED_MEETING).asText(null);
    LinkedHashMap<String, ObjectNode> own = state.meetings.get(organizer.objectId());
    return meetingId == null || own == null
        ? Optional.empty()
        : Optional.ofNullable(own.get(meetingId));
  }

  /** A cancelled or deleted event takes its onlineMeeting with it (as the fake models it). */
  private void forgetLinkedMeeting(FakeAccount organizer, ObjectNode e) {
    String meetingId = e.path(LINKED_MEETING).asText(null);
    LinkedHashMap<String, ObjectNode> own = state.meetings.get(organizer.objectId());
    if (meetingId != null && own != null) {
      own.remove(meetingId);
    }
  }

  private Reply notFound(GraphExchange x) {
    return x.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
  }

  private ObjectNode body(GraphExchange x) {
    try {
      JsonNode parsed = mapper.readTree(x.call.body == null ? new byte[0] : x.call.body);
      return parsed instanceof ObjectNode o ? o : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private Reply checkTimes(GraphExchange x, ObjectNode request) {
    Optional<Instant> start = instant(request.path("start"));
    Optional<Instant> end = instant(request.path("end"));
    if (start.isEmpty() || end.isEmpty()) {
      return x.error(
          400,
          "ErrorInvalidRequest",
          "start and end must be dateTimeTimeZone values with a known timeZone.");
    }
    if (!end.get().isAfter(start.get())) {
      return x.error(400, "ErrorInvalidRequest", "The end must be after the start.");
    }
    return null;
  }

  /** Copies the writable fields of a create or update. */
  private static void apply(ObjectNode e, ObjectNode request) {
    for (String field :
        List.of(
            "subject",
            "body",
            "start",
            "end",
            "location",
            "attendees",
            "isReminderOn",
            "reminderMinutesBeforeStart",
            "allowNewTimeProposals",
            "recurrence")) {
      if (request.has(field)) {
        e.set(field, request.get(field).deepCopy());
      }
    }
    if (e.has("start")) {
      e.put("originalStartTimeZone", windowsName(e.path("start").path("timeZone").asText("UTC")));
      e.put("originalEndTimeZone", windowsName(e.path("end").path("timeZone").asText("UTC")));
    }
  }

  private ObjectNode render(GraphExchange x, FakeAccount organizer, ObjectNode e) {
    ObjectNode out = mapper.createObjectNode();
    out.put(
        "@odata.context",
        "https://graph.microsoft.com/v1.0/$metadata#users('"
            + organizer.objectId()
            + "')/events/$entity");
    out.put("@odata.etag", "W/\"" + Integer.toHexString(e.hashCode()) + "\"");
    out.put("id", e.path("id").asText());
    out.set("createdDateTime", e.get("createdDateTime"));
    out.set("lastModifiedDateTime", e.get("lastModifiedDateTime"));
    out.putArray("categories");
    out.set("transactionId", e.get("transactionId"));
    out.set("originalStartTimeZone", e.get("originalStartTimeZone"));
    out.set("originalEndTimeZone", e.get("originalEndTimeZone"));
    out.set("iCalUId", e.get("iCalUId"));
    out.put("reminderMinutesBeforeStart", e.path("reminderMinutesBeforeStart").asInt(15));
    out.put("isReminderOn", e.path("isReminderOn").asBoolean(true));
    out.put("hasAttachments", false);
    out.set("subject", e.get("subject"));
    out.put("importance", "normal");
    out.put("sensitivity", "normal");
    out.put("isAllDay", false);
    out.set("isCancelled", e.get("isCancelled"));
    out.put("isOrganizer", true);
    out.put("responseRequested", true);
    out.put("showAs", "busy");
    out.put("type", e.hasNonNull("recurrence") ? "seriesMaster" : "singleInstance");
    out.put(
        "webLink",
        "https://outlook.office365.com/owa/?itemid="
            + e.path("id").asText().replace("=", "%3D")
            + "&exvsurl=1&path=/calendar/item");
    out.putNull("onlineMeetingUrl");
    out.set("isOnlineMeeting", e.get("isOnlineMeeting"));
    out.set("onlineMeetingProvider", e.get("onlineMeetingProvider"));
    out.put(
        "allowNewTimeProposals",
        !e.has("allowNewTimeProposals") || e.get("allowNewTimeProposals").asBoolean());
    out.put("isDraft", false);
    out.put("hideAttendees", false);
    ObjectNode response = out.putObject("responseStatus");
    response.put("response", "organizer");
    response.put("time", "0001-01-01T00:00:00Z");
    ObjectNode body = out.putObject("body");
    body.put("contentType", e.path("body").path("contentType").asText("html"));
    body.put("content", e.path("body").path("content").asText(""));
    String zone = preferredZone(x);
    out.set("start", inZone(e.path("start"), zone));
    out.set("end", inZone(e.path("end"), zone));
    ObjectNode location = out.putObject("location");
    location.put("displayName", e.path("location").path("displayName").asText(""));
    location.put("locationType", "default");
    out.set("recurrence", e.hasNonNull("recurrence") ? e.get("recurrence") : mapper.nullNode());
    ArrayNode attendees = out.putArray("attendees");
    for (JsonNode a : attendees(e)) {
      ObjectNode copy = attendees.addObject();
      copy.put("type", a.path("type").asText("required"));
      ObjectNode status = copy.putObject("status");
      status.put("response", "none");
      status.put("time", "0001-01-01T00:00:00Z");
      copy.set("emailAddress", a.path("emailAddress").deepCopy());
    }
    ObjectNode org = out.putObject("organizer").putObject("emailAddress");
    org.put("name", organizer.displayName());
    org.put("address", organizer.userPrincipalName());
    out.set("onlineMeeting", e.has("onlineMeeting") ? e.get("onlineMeeting") : mapper.nullNode());
    return out;
  }

  /**
   * The zone to answer in: {@code Prefer: outlook.timezone="..."}, else the event's own (as Graph
   * does); {@code null} means the event's own. {@link FakeMicrosoft#ignorePreferTimeZone} makes the
   * fake answer in the event's own zone always.
   */
  private String preferredZone(GraphExchange x) {
    if (state.ignorePreferTimeZone) {
      return null;
    }
    Optional<String> prefer = x.call.header("Prefer");
    if (prefer.isEmpty()) {
      return null;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("outlook\\.timezone\\s*=\\s*\"([^\"]+)\"")
            .matcher(prefer.get());
    return m.find() ? m.group(1) : null;
  }

  private ObjectNode inZone(JsonNode time, String zoneName) {
    ObjectNode out = mapper.createObjectNode();
    Optional<Instant> instant = instant(time);
    String target = zoneName == null ? windowsName(time.path("timeZone").asText("UTC")) : zoneName;
    Optional<ZoneId> zone = zone(target);
    if (instant.isEmpty() || zone.isEmpty()) {
      out.set("dateTime", time.path("dateTime"));
      out.set("timeZone", time.path("timeZone"));
      return out;
    }
    out.put("dateTime", LOCAL7.format(LocalDateTime.ofInstant(instant.get(), zone.get())));
    out.put("timeZone", target);
    return out;
  }

  static Optional<Instant> instant(JsonNode dateTimeTimeZone) {
    String local = dateTimeTimeZone.path("dateTime").asText(null);
    Optional<ZoneId> zone = zone(dateTimeTimeZone.path("timeZone").asText("UTC"));
    if (local == null || zone.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(local).atZone(zone.get()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<ZoneId> zone(String name) {
    if (name.equalsIgnoreCase("UTC")) {
      return Optional.of(ZoneOffset.UTC);
    }
    for (Map.Entry<String, String> w : WINDOWS.entrySet()) {
      if (w.getValue().equalsIgnoreCase(name)) {
        return Optional.of(ZoneId.of(w.getKey()));
      }
    }
    try {
      return Optional.of(ZoneId.of(name));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String windowsName(String zone) {
    return WINDOWS.getOrDefault(zone, zone);
  }

  private LinkedHashMap<String, ObjectNode> eventsOf(FakeAccount organizer) {
    return state.events.computeIfAbsent(organizer.objectId(), k -> new LinkedHashMap<>());
  }

  private static List<JsonNode> attendees(ObjectNode e) {
    List<JsonNode> out = new ArrayList<>();
    e.path("attendees").forEach(out::add);
    return out;
  }

  private static String address(JsonNode attendee) {
    return attendee.path("emailAddress").path("address").asText("").toLowerCase(Locale.ROOT);
  }

  private static Set<String> addresses(List<JsonNode> attendees) {
    Set<String> out = new HashSet<>();
    attendees.forEach(a -> out.add(address(a)));
    return out;
  }

  private void invite(
      FakeAccount organizer,
      ObjectNode e,
      List<JsonNode> attendees,
      Invitation.Kind kind,
      String comment) {
    for (JsonNode a : attendees) {
      state.invitations.add(
          new Invitation(
              organizer.userPrincipalName(),
              e.path("id").asText(),
              e.path("subject").asText(null),
              a.path("emailAddress").path("address").asText(),
              a.path("type").asText("required"),
              kind,
              comment));
    }
  }
}
