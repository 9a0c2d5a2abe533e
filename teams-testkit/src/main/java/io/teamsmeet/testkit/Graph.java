package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.testkit.State.Access;
import io.teamsmeet.testkit.Wire.Call;
import io.teamsmeet.testkit.Wire.Reply;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Graph v1.0's {@code /me/onlineMeetings}, stateful. */
final class Graph {

  static final String JSON =
      "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;"
          + "charset=utf-8";
  private static final String DIAGNOSTIC =
      "{\"ServerInfo\":{\"DataCenter\":\"FakeMicrosoft\",\"Slice\":\"E\",\"Ring\":\"0\","
          + "\"ScaleUnit\":\"000\",\"RoleInstance\":\"fake\",\"ADSiteName\":\"LOCAL\"}}";
  private static final Pattern FILTER =
      Pattern.compile(
          "\\s*(joinWebUrl|joinMeetingIdSettings/joinMeetingId)\\s+eq\\s+'((?:[^']|'')*)'\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

  private final State state;
  private final Bases bases;
  private final ObjectMapper mapper;
  private final MeetingJson meetings;

  Graph(State state, Bases bases, ObjectMapper mapper) {
    this.state = state;
    this.bases = bases;
    this.mapper = mapper;
    this.meetings = new MeetingJson(mapper);
  }

  /** Ids and headers of one Graph request and its answer. */
  final class Exchange {
    final Call call;
    final String requestId = Wire.guid();
    final String clientRequestId;
    final Instant now = state.now();

    Exchange(Call call) {
      this.call = call;
      this.clientRequestId = call.header("client-request-id").orElse(requestId);
    }

    Reply json(int status, JsonNode body) {
      return headers(Reply.of(status, JSON, body.toString())).header("OData-Version", "4.0");
    }

    Reply noContent() {
      return headers(new Reply(204));
    }

    Reply error(int status, String code, String message) {
      return error(status, code, message, null);
    }

    Reply error(int status, String code, String message, String innerCode) {
      ObjectNode body = mapper.createObjectNode();
      ObjectNode error = body.putObject("error");
      error.put("code", code);
      error.put("message", message);
      ObjectNode inner = error.putObject("innerError");
      if (innerCode != null) {
        inner.put("code", innerCode);
      }
      inner.put("date", MeetingJson.innerErrorDate(now));
      inner.put("request-id", requestId);
      inner.put("client-request-id", clientRequestId);
      return headers(Reply.of(status, JSON, body.toString()));
    }

    private Reply headers(Reply reply) {
      return reply
          .header("request-id", requestId)
          .header("client-request-id", clientRequestId)
          .header("x-ms-ags-diagnostic", DIAGNOSTIC)
          .header("Date", Wire.httpDate(now));
    }
  }

  Exchange exchange(Call call) {
    return new Exchange(call);
  }

  /** Handles a request whose path after {@code /graph.microsoft.com} is {@code rest}. */
  Reply handle(Call call, List<String> rest) {
    Exchange x = new Exchange(call);
    if (rest.isEmpty() || !rest.get(0).equals("v1.0")) {
      return x.error(
          400,
          "BadRequest",
          "Invalid version: "
              + (rest.isEmpty() ? "" : rest.get(0))
              + ". FakeMicrosoft serves Graph v1.0 only.");
    }
    synchronized (state) {
      Access access;
      Optional<String> authorization = call.header("Authorization");
      if (authorization.isEmpty()
          || !authorization.get().regionMatches(true, 0, "Bearer ", 0, 7)
          || authorization.get().substring(7).isBlank()) {
        return unauthorized(x, "Access token is empty.");
      }
      access = state.accessTokens.get(authorization.get().substring(7).trim());
      if (access == null) {
        return unauthorized(x, "CompactToken parsing failed with error code: 80049217");
      }
      if (!x.now.isBefore(access.expiresAt)) {
        return unauthorized(x, "Lifetime validation failed, the token is expired.");
      }
      Optional<FakeAccount> found = state.accountByObjectId(access.objectId);
      if (found.isEmpty()) {
        return unauthorized(x, "Access token validation failure. The user no longer exists.");
      }
      FakeAccount account = found.get();
      List<String> path = rest.subList(1, rest.size());
      int next;
      if (path.size() >= 2 && path.get(0).equalsIgnoreCase("me")) {
        next = 1;
      } else if (path.size() >= 3 && path.get(0).equalsIgnoreCase("users")) {
        String user = path.get(1);
        if (!user.equalsIgnoreCase(account.objectId())
            && !user.equalsIgnoreCase(account.userPrincipalName())) {
          return x.error(
              403,
              "Forbidden",
              "Delegated permissions do not allow access to another user's online meetings.");
        }
        next = 2;
      } else {
        return notFoundSegment(x, path.isEmpty() ? "" : path.get(path.size() - 1));
      }
      if (!path.get(next).equalsIgnoreCase("onlineMeetings")) {
        return notFoundSegment(x, path.get(next));
      }
      List<String> tail = path.subList(next + 1, path.size());
      boolean write = !call.method.equals("GET");
      boolean allowed =
          access.graphScopes.contains("onlinemeetings.readwrite")
              || (!write && access.graphScopes.contains("onlinemeetings.read"));
      if (!allowed) {
        return x.error(
            403,
            "Forbidden",
            "Insufficient privileges to complete the operation. The access token lacks the"
                + " OnlineMeetings."
                + (write ? "ReadWrite" : "Read")
                + " scope.");
      }
      if (!account.teamsLicensed()) {
        return x.error(
            403,
            "Forbidden",
            "Failed to get license information for the user. Ensure user has a valid Office365"
                + " license assigned to them.");
      }
      if (tail.isEmpty()) {
        switch (call.method) {
          case "POST":
            return create(x, account);
          case "GET":
            return list(x, account);
          default:
            return methodNotAllowed(x);
        }
      }
      if (tail.size() == 1 && tail.get(0).equalsIgnoreCase("createOrGet")) {
        return call.method.equals("POST") ? createOrGet(x, account) : methodNotAllowed(x);
      }
      if (tail.size() == 1) {
        String id = tail.get(0);
        switch (call.method) {
          case "GET":
            return get(x, account, id);
          case "PATCH":
            return update(x, account, id);
          case "DELETE":
            return delete(x, account, id);
          default:
            return methodNotAllowed(x);
        }
      }
      return notFoundSegment(x, tail.get(1));
    }
  }

  private Reply create(Exchange x, FakeAccount organizer) {
    Body body = body(x);
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
    Times times = times(x, request, true);
    if (times.error != null) {
      return times.error;
    }
    boolean passcode =
        request.path("joinMeetingIdSettings").path("isPasscodeRequired").asBoolean(false);
    ObjectNode meeting =
        meetings.create(organizer, x.now, times.start, times.end, subject(request), passcode, null);
    Reply invalid = applyWritable(x, meeting, request, organizer);
    if (invalid != null) {
      return invalid;
    }
    store(organizer, meeting);
    return x.json(201, render(x, organizer, meeting));
  }

  private Reply createOrGet(Exchange x, FakeAccount organizer) {
    Body body = body(x);
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
    Times times = times(x, request, false);
    if (times.error != null) {
      return times.error;
    }
    ObjectNode meeting =
        meetings.create(
            organizer, x.now, times.start, times.end, subject(request), false, externalId);
    ObjectNode allowed = mapper.createObjectNode();
    if (request.has("participants")) {
      allowed.set("participants", request.get("participants"));
    }
    Reply invalid = applyWritable(x, meeting, allowed, organizer);
    if (invalid != null) {
      return invalid;
    }
    store(organizer, meeting);
    state.externalIds.put(key, meeting.get("id").asText());
    return x.json(201, render(x, organizer, meeting));
  }

  private Reply get(Exchange x, FakeAccount organizer, String id) {
    ObjectNode meeting = meetingsOf(organizer).get(id);
    return meeting == null ? notFound(x) : x.json(200, render(x, organizer, meeting));
  }

  private Reply list(Exchange x, FakeAccount organizer) {
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
      boolean match =
          byUrl
              ? sameUrl(meeting.path("joinWebUrl").asText(), value)
              : meeting.path("joinMeetingIdSettings").path("joinMeetingId").asText().equals(value);
      if (match) {
        ObjectNode rendered = render(x, organizer, meeting);
        rendered.remove("@odata.context");
        values.add(rendered);
      }
    }
    return x.json(200, body);
  }

  private Reply update(Exchange x, FakeAccount organizer, String id) {
    ObjectNode meeting = meetingsOf(organizer).get(id);
    if (meeting == null) {
      return notFound(x);
    }
    Body body = body(x);
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
      Times times = times(x, request, true);
      if (times.error != null) {
        return times.error;
      }
      changed.put("startDateTime", MeetingJson.format(times.start));
      changed.put("endDateTime", MeetingJson.format(times.end));
    }
    if (request.has("subject")) {
      String subject = subject(request);
      if (subject == null) {
        changed.putNull("subject");
      } else {
        changed.put("subject", subject);
      }
    }
    Reply invalid = applyWritable(x, changed, request, organizer);
    if (invalid != null) {
      return invalid;
    }
    Instant end = MeetingJson.parse(changed.get("endDateTime").asText());
    changed.put("expiryDateTime", MeetingJson.format(MeetingJson.expiryAfter(end, x.now)));
    meeting.removeAll();
    meeting.setAll(changed);
    return x.json(200, render(x, organizer, meeting));
  }

  private Reply delete(Exchange x, FakeAccount organizer, String id) {
    ObjectNode removed = meetingsOf(organizer).remove(id);
    if (removed == null) {
      return notFound(x);
    }
    forgetExternalId(organizer, removed);
    return x.noContent();
  }

  // ---------------------------------------------------------------- helpers

  private static final class Body {
    ObjectNode json;
    Reply error;
  }

  private Body body(Exchange x) {
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
      body.error = invalidJson(x);
      return body;
    }
    Iterator<String> names = body.json.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!MeetingJson.KNOWN_PROPERTIES.contains(name)) {
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

  private Reply invalidJson(Exchange x) {
    return x.error(
        400,
        "BadRequest",
        "Unable to read JSON request payload. Please ensure Content-Type header is set and payload"
            + " is of valid JSON format.");
  }

  private static final class Times {
    Instant start;
    Instant end;
    Reply error;
  }

  /**
   * Start and end from a request. Missing start: now; missing end: start + 1 hour ({@code endAlone}
   * says whether an end without a start is allowed, as it is for create but not for createOrGet).
   */
  private Times times(Exchange x, ObjectNode request, boolean endAlone) {
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

  private static String subject(ObjectNode request) {
    JsonNode subject = request.get("subject");
    return subject == null || subject.isNull() ? null : subject.asText();
  }

  /** Copies the writable settings of {@code request} onto {@code meeting}; a 400 if one is bad. */
  private Reply applyWritable(
      Exchange x, ObjectNode meeting, ObjectNode request, FakeAccount organizer) {
    for (Map.Entry<String, JsonNode> field : request.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (!MeetingJson.WRITABLE.contains(name)
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
          if (!MeetingJson.LOBBY_SCOPES.contains(scope)) {
            return notAnEnumValue(x, scope);
          }
          ObjectNode lobby = mapper.createObjectNode();
          lobby.put("scope", scope);
          lobby.put("isDialInBypassEnabled", value.path("isDialInBypassEnabled").asBoolean(false));
          meeting.set("lobbyBypassSettings", lobby);
          break;
        case "allowedPresenters":
          if (!MeetingJson.PRESENTERS.contains(value.asText())) {
            return notAnEnumValue(x, value.asText());
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
      Exchange x, ObjectNode meeting, JsonNode participants, FakeAccount organizer) {
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
      if (!MeetingJson.ROLES.contains(role)) {
        return notAnEnumValue(x, role);
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

  private Reply notAnEnumValue(Exchange x, String value) {
    return x.error(400, "BadRequest", "Requested value '" + value + "' was not found.");
  }

  private ObjectNode render(Exchange x, FakeAccount organizer, ObjectNode meeting) {
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

  private static boolean sameUrl(String stored, String given) {
    if (stored.equals(given)) {
      return true;
    }
    try {
      return stored.equals(URLDecoder.decode(given, StandardCharsets.UTF_8))
          || URLDecoder.decode(stored, StandardCharsets.UTF_8)
              .equals(URLDecoder.decode(given, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Reply unauthorized(Exchange x, String message) {
    return x.error(401, "InvalidAuthenticationToken", message)
        .header(
            "WWW-Authenticate",
            "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/"
                + "oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
  }

  private Reply notFound(Exchange x) {
    return x.error(404, "itemNotFound", "The requested onlineMeeting was not found.");
  }

  private Reply notFoundSegment(Exchange x, String segment) {
    return x.error(400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
  }

  private Reply methodNotAllowed(Exchange x) {
    return x.error(
        405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
  }

  /** Graph's answer for an injected fault. */
  Reply fault(Call call, int status, Optional<String> retryAfter) {
    Exchange x = new Exchange(call);
    Reply reply;
    switch (status) {
      case 401:
        return unauthorized(x, "Access token has expired or is not yet valid.");
      case 429:
        reply = x.error(429, "TooManyRequests", "Please retry again later.", "429");
        break;
      case 503:
        reply =
            x.error(
                503,
                "serviceNotAvailable",
                "The service is temporarily unavailable for maintenance or is overloaded."
                    + " Try again later.",
                "503");
        break;
      case 504:
        reply = x.error(504, "GatewayTimeout", "The gateway timed out.", "504");
        break;
      default:
        reply =
            x.error(status, "generalException", "An unspecified error has occurred.", "" + status);
    }
    retryAfter.ifPresent(v -> reply.header("Retry-After", v));
    return reply;
  }
}
