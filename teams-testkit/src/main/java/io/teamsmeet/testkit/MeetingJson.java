package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Graph's onlineMeeting resource as JSON: making one with Graph's defaults, and showing it to a
 * client. Its vocabulary is {@link MeetingProperties}; reading one back as a core value is {@link
 * CoreMeetings}.
 */
final class MeetingJson {

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
        && MeetingProperties.EVOLVABLE_LOBBY_SCOPES.contains(lobby.path("scope").asText())) {
      ((ObjectNode) lobby).put("scope", "unknownFutureValue");
    }
    return out;
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
}
