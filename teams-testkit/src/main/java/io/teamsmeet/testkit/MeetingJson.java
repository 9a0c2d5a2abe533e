package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.AllowedPresenters;
import io.teamsmeet.Attendee;
import io.teamsmeet.DialIn;
import io.teamsmeet.LobbyBypass;
import io.teamsmeet.Meeting;
import io.teamsmeet.Organizer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Graph's onlineMeeting resource as JSON: making one, and reading one back as a core value. */
final class MeetingJson {

  /** Properties a client may set (create and PATCH); the rest are read-only and ignored. */
  static final Set<String> WRITABLE =
      Set.of(
          "subject",
          "startDateTime",
          "endDateTime",
          "participants",
          "lobbyBypassSettings",
          "allowedPresenters",
          "allowMeetingChat",
          "isEntryExitAnnounced",
          "recordAutomatically",
          "allowAttendeeToEnableCamera",
          "allowAttendeeToEnableMic",
          "allowBreakoutRooms",
          "allowCopyingAndSharingMeetingContent",
          "allowParticipantsToChangeName",
          "allowPowerPointSharing",
          "allowRecording",
          "allowTeamworkReactions",
          "allowTranscription",
          "allowWhiteboard",
          "isEndToEndEncryptionEnabled",
          "allowLiveShare",
          "allowedLobbyAdmitters",
          "anonymizeIdentityForRoles",
          "chatRestrictions",
          "meetingSpokenLanguageTag",
          "shareMeetingChatHistoryDefault",
          "watermarkProtection",
          "sensitivityLabelAssignment");

  /** Read-only properties: Graph returns them and ignores them in a request. */
  private static final Set<String> READ_ONLY =
      Set.of(
          "@odata.type",
          "id",
          "creationDateTime",
          "expiryDateTime",
          "externalId",
          "joinWebUrl",
          "joinInformation",
          "joinMeetingIdSettings",
          "audioConferencing",
          "chatInfo",
          "videoTeleconferenceId",
          "meetingOptionsWebUrl",
          "meetingType",
          "meetingTemplateId",
          "isBroadcast",
          "broadcastSettings",
          "attendeeReport");

  /** The onlineMeeting properties Graph knows; anything else in a request body is a 400. */
  static final Set<String> KNOWN_PROPERTIES = union(WRITABLE, READ_ONLY);

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  static final Set<String> LOBBY_SCOPES =
      Set.of(
          "organizer",
          "organization",
          "organizationAndFederated",
          "everyone",
          "invited",
          "organizationExcludingGuests",
          "unknownFutureValue");

  /**
   * Lobby scopes Graph only returns to clients that send {@code Prefer:
   * include-unknown-enum-members}.
   */
  static final Set<String> EVOLVABLE_LOBBY_SCOPES =
      Set.of("invited", "organizationExcludingGuests");

  static final Set<String> PRESENTERS =
      Set.of("everyone", "organization", "roleIsPresenter", "organizer", "unknownFutureValue");

  static final Set<String> ROLES = Set.of("attendee", "presenter", "coorganizer", "producer");

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final Duration EXPIRY = Duration.ofDays(60);

  private final ObjectMapper mapper;

  MeetingJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * UTC with up to seven fractional digits, trailing zeros trimmed, as Graph writes them: {@code
   * 2019-07-11T02:17:17.6491364Z}, {@code 2019-07-11T02:47:17.651138Z}, {@code
   * 2019-07-11T03:00:00Z}.
   */
  static String format(Instant instant) {
    Instant ticks = instant.minusNanos(instant.getNano() % 100);
    String text = SECONDS.format(ticks);
    int nanos = ticks.getNano();
    if (nanos == 0) {
      return text + "Z";
    }
    String fraction = String.format("%07d", nanos / 100);
    int end = fraction.length();
    while (fraction.charAt(end - 1) == '0') {
      end--;
    }
    return text + "." + fraction.substring(0, end) + "Z";
  }

  /** An ISO 8601 date-time with offset or {@code Z}; without one, UTC. */
  static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }

  /** The date of Graph's {@code innerError}: {@code 2024-02-20T23:12:03}. */
  static String innerErrorDate(Instant instant) {
    return SECONDS.format(instant);
  }

  /** A new meeting with Graph's defaults, organized by {@code organizer}. */
  ObjectNode create(
      FakeAccount organizer,
      Instant created,
      Instant start,
      Instant end,
      String subject,
      boolean passcodeRequired,
      String externalId) {
    String threadId =
        "19:meeting_"
            + Base64.getEncoder()
                .withoutPadding()
                .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII))
            + "@thread.v2";
    String id = organizer.objectId() + "_" + threadId;
    String context =
        "{\"Tid\":\"" + organizer.tenantId() + "\",\"Oid\":\"" + organizer.objectId() + "\"}";
    String joinWebUrl =
        "https://teams.microsoft.com/l/meetup-join/"
            + threadId.replace(":", "%3a").replace("@", "%40")
            + "/0?context="
            + lowerHexEscapes(Wire.formEncode(context));
    String joinMeetingId = Wire.randomDigits(12);
    ObjectNode m = mapper.createObjectNode();
    m.put("id", id);
    m.put("creationDateTime", format(created.plusNanos(Wire.RANDOM.nextInt(10_000) * 100L)));
    m.put("startDateTime", format(start));
    m.put("endDateTime", format(end));
    m.put("expiryDateTime", format(end.plus(EXPIRY)));
    m.put("joinWebUrl", joinWebUrl);
    if (subject == null) {
      m.putNull("subject");
    } else {
      m.put("subject", subject);
    }
    m.put("isBroadcast", false);
    m.putNull("meetingType");
    m.put("isEntryExitAnnounced", true);
    m.put("allowedPresenters", "everyone");
    m.put("allowMeetingChat", "enabled");
    m.put("shareMeetingChatHistoryDefault", "none");
    m.put("allowTeamworkReactions", true);
    m.put("allowAttendeeToEnableMic", true);
    m.put("allowAttendeeToEnableCamera", true);
    m.put("recordAutomatically", false);
    m.put("allowParticipantsToChangeName", false);
    m.put("allowRecording", true);
    m.put("allowTranscription", true);
    m.put("allowBreakoutRooms", true);
    m.put("allowLiveShare", "enabled");
    m.put("allowPowerPointSharing", true);
    m.put("allowWhiteboard", true);
    m.put("allowCopyingAndSharingMeetingContent", true);
    m.put("isEndToEndEncryptionEnabled", false);
    m.put("allowedLobbyAdmitters", "organizerAndCoOrganizersAndPresenters");
    m.putArray("anonymizeIdentityForRoles");
    m.put("videoTeleconferenceId", Wire.randomDigits(10));
    if (externalId == null) {
      m.putNull("externalId");
    } else {
      m.put("externalId", externalId);
    }
    m.putNull("meetingTemplateId");
    m.putNull("watermarkProtection");
    m.putNull("chatRestrictions");
    m.putNull("broadcastSettings");
    m.put(
        "meetingOptionsWebUrl",
        "https://teams.microsoft.com/meetingOptions/?organizerId="
            + organizer.objectId()
            + "&tenantId="
            + organizer.tenantId()
            + "&threadId="
            + threadId
            + "&messageId=0&language=en-US");
    ObjectNode joinInformation = m.putObject("joinInformation");
    joinInformation.put(
        "content",
        "data:text/html,"
            + Wire.formEncode(
                "<div style=\"width:100%\"><a href=\""
                    + joinWebUrl
                    + "\">Join the meeting now</a><br>Meeting ID: "
                    + joinMeetingId
                    + "</div>"));
    joinInformation.put("contentType", "html");
    if (organizer.audioConferencing()) {
      String conferenceId = Wire.randomDigits(9);
      ObjectNode audio = m.putObject("audioConferencing");
      audio.put("conferenceId", conferenceId);
      audio.put("tollNumber", "+14255550100");
      audio.put("tollFreeNumber", "+18005550199");
      audio.putArray("tollNumbers").add("+14255550100").add("+442079460100");
      audio.putArray("tollFreeNumbers").add("+18005550199");
      audio.put(
          "dialinUrl",
          "https://dialin.teams.microsoft.com/" + UUID.randomUUID() + "?id=" + conferenceId);
    } else {
      m.putNull("audioConferencing");
    }
    ObjectNode chat = m.putObject("chatInfo");
    chat.put("threadId", threadId);
    chat.put("messageId", "0");
    chat.putNull("replyChainMessageId");
    ObjectNode join = m.putObject("joinMeetingIdSettings");
    join.put("isPasscodeRequired", passcodeRequired);
    join.put("joinMeetingId", joinMeetingId);
    if (passcodeRequired) {
      join.put("passcode", passcode());
    } else {
      join.putNull("passcode");
    }
    ObjectNode lobby = m.putObject("lobbyBypassSettings");
    lobby.put("scope", "organization");
    lobby.put("isDialInBypassEnabled", false);
    ObjectNode participants = m.putObject("participants");
    ObjectNode organizerNode = participants.putObject("organizer");
    organizerNode.put("upn", organizer.userPrincipalName());
    organizerNode.put("role", "presenter");
    ObjectNode identity = organizerNode.putObject("identity");
    identity.putNull("application");
    identity.putNull("device");
    ObjectNode user = identity.putObject("user");
    user.put("id", organizer.objectId());
    user.put("displayName", organizer.displayName());
    user.put("tenantId", organizer.tenantId());
    user.put("identityProvider", "AAD");
    participants.putArray("attendees");
    return m;
  }

  /** Graph's attendee entry for a requested attendee ({@code upn}, {@code role}). */
  ObjectNode attendee(String upn, String role, Optional<FakeAccount> known, String tenantId) {
    ObjectNode node = mapper.createObjectNode();
    node.put("upn", upn);
    node.put("role", role);
    ObjectNode identity = node.putObject("identity");
    identity.putNull("application");
    identity.putNull("device");
    ObjectNode user = identity.putObject("user");
    user.put("id", known.map(FakeAccount::objectId).orElse(FakeAccount.derivedId("user:" + upn)));
    user.putNull("displayName");
    user.put("tenantId", known.map(FakeAccount::tenantId).orElse(tenantId));
    user.put("identityProvider", "AAD");
    return node;
  }

  /** The meeting as a client sees it. */
  ObjectNode render(ObjectNode stored, String context, boolean includeUnknownEnumMembers) {
    ObjectNode out = mapper.createObjectNode();
    out.put("@odata.context", context);
    for (Map.Entry<String, JsonNode> field : stored.properties()) {
      out.set(field.getKey(), field.getValue().deepCopy());
    }
    JsonNode lobby = out.get("lobbyBypassSettings");
    if (!includeUnknownEnumMembers
        && lobby instanceof ObjectNode
        && EVOLVABLE_LOBBY_SCOPES.contains(lobby.path("scope").asText())) {
      ((ObjectNode) lobby).put("scope", "unknownFutureValue");
    }
    return out;
  }

  /** The meeting as the core's value, for {@link FakeMicrosoft#meetings()}. */
  static Meeting toCore(JsonNode m) {
    Meeting.Builder builder =
        Meeting.builder(m.path("id").asText(), URI.create(m.path("joinWebUrl").asText()));
    builder.subject(text(m, "subject"));
    builder.times(instant(m, "startDateTime"), instant(m, "endDateTime"));
    builder.createdAt(instant(m, "creationDateTime"));
    JsonNode join = m.path("joinMeetingIdSettings");
    builder.joinMeetingId(text(join, "joinMeetingId"), text(join, "passcode"));
    if (join.path("isPasscodeRequired").isBoolean()) {
      builder.passcodeRequired(join.path("isPasscodeRequired").booleanValue());
    }
    JsonNode audio = m.path("audioConferencing");
    if (audio.isObject()) {
      builder.dialIn(
          new DialIn(
              Optional.ofNullable(text(audio, "conferenceId")),
              Optional.ofNullable(text(audio, "dialinUrl")),
              strings(audio.path("tollNumbers")),
              strings(audio.path("tollFreeNumbers"))));
    }
    JsonNode organizer = m.path("participants").path("organizer");
    builder.organizer(
        new Organizer(
            Optional.ofNullable(text(organizer.path("identity").path("user"), "id")),
            Optional.ofNullable(text(organizer, "upn")),
            Optional.ofNullable(text(organizer.path("identity").path("user"), "displayName"))));
    List<Attendee> attendees = new ArrayList<>();
    for (JsonNode attendee : m.path("participants").path("attendees")) {
      String upn = text(attendee, "upn");
      if (upn != null) {
        attendees.add(new Attendee(upn, named(Attendee.Role.values(), text(attendee, "role"))));
      }
    }
    builder.attendees(attendees);
    JsonNode lobby = m.path("lobbyBypassSettings");
    if (lobby.isObject()) {
      builder.lobbyBypass(
          new LobbyBypass(
              named(LobbyBypass.Scope.values(), text(lobby, "scope")),
              lobby.path("isDialInBypassEnabled").asBoolean(false)));
    }
    String presenters = text(m, "allowedPresenters");
    if (presenters != null) {
      builder.allowedPresenters(named(AllowedPresenters.values(), presenters));
    }
    builder.externalId(text(m, "externalId"));
    builder.chatThreadId(text(m.path("chatInfo"), "threadId"));
    return builder.build();
  }

  /**
   * The constant Graph names {@code graphName}: Graph's camel case is the constant's name without
   * underscores ({@code organizationAndFederated}, {@code ORGANIZATION_AND_FEDERATED}); anything
   * else, {@code unknownFutureValue} and {@code producer} included, is the enum's {@code UNKNOWN}.
   */
  private static <E extends Enum<E>> E named(E[] values, String graphName) {
    E unknown = null;
    for (E value : values) {
      if (value.name().equals("UNKNOWN")) {
        unknown = value;
      } else if (value.name().replace("_", "").equalsIgnoreCase(graphName)) {
        return value;
      }
    }
    return unknown;
  }

  static Instant expiryAfter(Instant end, Instant now) {
    Instant fromEnd = end.plus(EXPIRY);
    Instant fromNow = now.plus(EXPIRY);
    return fromEnd.isAfter(fromNow) ? fromEnd : fromNow;
  }

  /** {@code %7B} to {@code %7b}: Teams writes its join URLs with lower-case escapes. */
  private static String lowerHexEscapes(String encoded) {
    StringBuilder out = new StringBuilder(encoded);
    for (int i = 0; i < out.length(); i++) {
      if (out.charAt(i) == '%' && i + 2 < out.length()) {
        out.setCharAt(i + 1, Character.toLowerCase(out.charAt(i + 1)));
        out.setCharAt(i + 2, Character.toLowerCase(out.charAt(i + 2)));
      }
    }
    return out.toString();
  }

  private static String passcode() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder code = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      code.append(alphabet.charAt(Wire.RANDOM.nextInt(alphabet.length())));
    }
    return code.toString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : parse(text);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array instanceof ArrayNode) {
      array.forEach(v -> values.add(v.asText()));
    }
    return values;
  }
}
