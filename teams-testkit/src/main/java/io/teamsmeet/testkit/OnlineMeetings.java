package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.testkit.MeetingBody.Body;
import io.teamsmeet.testkit.MeetingBody.Times;
import io.teamsmeet.testkit.Wire.Reply;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The onlineMeetings operations on one organizer's meetings (create, createOrGet, get, list by
 * filter, update, delete) and their storage in {@link State}: by organizer, by {@code externalId},
 * at most {@code maxMeetingsPerOrganizer} each. Called with {@link State}'s lock held, once {@link
 * Graph} has checked the token, the scopes and the licence.
 */
final class OnlineMeetings {

  private static final Pattern FILTER =
      Pattern.compile(
          "\\s*(joinWebUrl|joinMeetingIdSettings/joinMeetingId)\\s+eq\\s+'((?:[^']|'')*)'\\s*",
          Pattern.CASE_INSENSITIVE);

  private final State state;
  private final Bases bases;
  private final ObjectMapper mapper;
  private final MeetingJson meetings;
  private final MeetingBody bodies;

  OnlineMeetings(State state, Bases bases, ObjectMapper mapper) {
    this.state = state;
    this.bases = bases;
    this.mapper = mapper;
    this.meetings = new MeetingJson(mapper);
    this.bodies = new MeetingBody(state, mapper, meetings);
  }

  Reply create(GraphExchange x, FakeAccount organizer) {
    Body body = bodies.body(x);
    if (body.error != null) {
      return body.error;
    }
    ObjectNode request = body.json;
    if (request.hasNonNull("externalId")) {
      return x.error(
          400,
          "BadRequest",
          "externalId is not supported when creating an onlineMeeting; use"
              + " /me/onlineMeetings/createOrGet.");
    }
    Times times = bodies.times(x, request, true);
    if (times.error != null) {
      return times.error;
    }
    boolean passcode =
        request.path("joinMeetingIdSettings").path("isPasscodeRequired").asBoolean(false);
    ObjectNode meeting =
        meetings.create(
            organizer, x.now, times.start, times.end, MeetingBody.subject(request), passcode, null);
    Reply invalid = bodies.applyWritable(x, meeting, request, organizer);
    if (invalid != null) {
      return invalid;
    }
    store(organizer, meeting);
    return x.json(201, render(x, organizer, meeting));
  }

  Reply createOrGet(GraphExchange x, FakeAccount organizer) {
    Body body = bodies.body(x);
    if (body.error != null) {
      return body.error;
    }
    ObjectNode request = body.json;
    String externalId = request.path("externalId").asText("");
    if (externalId.isBlank()) {
      return x.error(400, "BadRequest", "externalId is required for createOrGet.");
    }
    String key = organizer.objectId() + "\n" + externalId;
    String existingId = state.externalIds.get(key);
    if (existingId != null) {
      ObjectNode existing = meetingsOf(organizer).get(existingId);
      if (existing != null) {
        return x.json(200, render(x, organizer, existing));
      }
    }
    Times times = bodies.times(x, request, false);
    if (times.error != null) {
      return times.error;
    }
    ObjectNode meeting =
        meetings.create(
            organizer,
            x.now,
            times.start,
            times.end,
            MeetingBody.subject(request),
            false,
            externalId);
    ObjectNode allowed = mapper.createObjectNode();
    if (request.has("participants")) {
      allowed.set("participants", request.get("participants"));
    }
    Reply invalid = bodies.applyWritable(x, meeting, allowed, organizer);
    if (invalid != null) {
      return invalid;
    }
    store(organizer, meeting);
    state.externalIds.put(key, meeting.get("id").asText());
    return x.json(201, render(x, organizer, meeting));
  }

  Reply get(GraphExchange x, FakeAccount organizer, String id) {
    ObjectNode meeting = meetingsOf(organizer).get(id);
    return meeting == null ? x.notFound() : x.json(200, render(x, organizer, meeting));
  }

  Reply list(GraphExchange x, FakeAccount organizer) {
    Optional<String> filter = x.call.queryParam("$filter");
    Matcher matcher = FILTER.matcher(filter.orElse(""));
    if (!matcher.matches()) {
      return x.error(
          400,
          "BadRequest",
          "Filter expression expected - /onlineMeetings?$filter=JoinWebUrl eq '{joinWebUrl}' or"
              + " joinMeetingIdSettings/joinMeetingId eq '{joinMeetingId}'.");
    }
    boolean byUrl = matcher.group(1).equalsIgnoreCase("joinWebUrl");
    String value = matcher.group(2).replace("''", "'");
    ObjectNode body = mapper.createObjectNode();
    body.put(
        "@odata.context",
        bases.graph() + "/v1.0/$metadata#users('" + organizer.objectId() + "')/onlineMeetings");
    ArrayNode values = body.putArray("value");
    for (ObjectNode meeting : meetingsOf(organizer).values()) {
      // compared as text, exactly, after the query string's one decoding: a join URL whose own
      // escapes were decoded (or encoded twice) by the client finds nothing
      boolean match =
          byUrl
              ? meeting.path("joinWebUrl").asText().equals(value)
              : meeting.path("joinMeetingIdSettings").path("joinMeetingId").asText().equals(value);
      if (match) {
        ObjectNode rendered = render(x, organizer, meeting);
        rendered.remove("@odata.context");
        values.add(rendered);
      }
    }
    return x.json(200, body);
  }

  Reply update(GraphExchange x, FakeAccount organizer, String id) {
    ObjectNode meeting = meetingsOf(organizer).get(id);
    if (meeting == null) {
      return x.notFound();
    }
    Body body = bodies.body(x);
    if (body.error != null) {
      return body.error;
    }
    ObjectNode request = body.json;
    boolean hasStart = request.hasNonNull("startDateTime");
    boolean hasEnd = request.hasNonNull("endDateTime");
    if (hasStart != hasEnd) {
      return x.error(
          400,
          "BadRequest",
          "Both startDateTime and endDateTime are required to change the time of a meeting.");
    }
    ObjectNode changed = meeting.deepCopy();
    if (hasStart) {
      Times times = bodies.times(x, request, true);
      if (times.error != null) {
        return times.error;
      }
      changed.put("startDateTime", MeetingJson.format(times.start));
      changed.put("endDateTime", MeetingJson.format(times.end));
    }
    if (request.has("subject")) {
      String subject = MeetingBody.subject(request);
      if (subject == null) {
        changed.putNull("subject");
      } else {
        changed.put("subject", subject);
      }
    }
    Reply invalid = bodies.applyWritable(x, changed, request, organizer);
    if (invalid != null) {
      return invalid;
    }
    Instant end = MeetingJson.parse(changed.get("endDateTime").asText());
    changed.put("expiryDateTime", MeetingJson.format(MeetingJson.expiryAfter(end, x.now)));
    meeting.removeAll();
    meeting.setAll(changed);
    return x.json(200, render(x, organizer, meeting));
  }

  Reply delete(GraphExchange x, FakeAccount organizer, String id) {
    ObjectNode removed = meetingsOf(organizer).remove(id);
    if (removed == null) {
      return x.notFound();
    }
    forgetExternalId(organizer, removed);
    return x.noContent();
  }

  private ObjectNode render(GraphExchange x, FakeAccount organizer, ObjectNode meeting) {
    boolean unknownMembers = false;
    List<String> prefer = x.call.headers.get("prefer");
    if (prefer != null) {
      for (String value : prefer) {
        unknownMembers |= value.toLowerCase(Locale.ROOT).contains("include-unknown-enum-members");
      }
    }
    return meetings.render(
        meeting,
        bases.graph()
            + "/v1.0/$metadata#users('"
            + organizer.objectId()
            + "')/onlineMeetings/$entity",
        unknownMembers);
  }

  private LinkedHashMap<String, ObjectNode> meetingsOf(FakeAccount organizer) {
    return state.meetings.computeIfAbsent(organizer.objectId(), k -> new LinkedHashMap<>());
  }

  private void store(FakeAccount organizer, ObjectNode meeting) {
    LinkedHashMap<String, ObjectNode> own = meetingsOf(organizer);
    while (own.size() >= state.maxMeetingsPerOrganizer) {
      String eldest = own.keySet().iterator().next();
      forgetExternalId(organizer, own.remove(eldest));
    }
    own.put(meeting.get("id").asText(), meeting);
  }

  private void forgetExternalId(FakeAccount organizer, ObjectNode meeting) {
    JsonNode externalId = meeting.get("externalId");
    if (externalId != null && !externalId.isNull()) {
      state.externalIds.remove(organizer.objectId() + "\n" + externalId.asText());
    }
  }
}
