package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.AllowedPresenters;
import io.teamsmeet.Attendee;
import io.teamsmeet.DialIn;
import io.teamsmeet.LobbyBypass;
import io.teamsmeet.Meeting;
import io.teamsmeet.Organizer;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fake's stored meetings read back as the core's {@link Meeting} values, from the same JSON a
 * client gets: the snapshots of {@link FakeMicrosoft#meetings()}.
 */
final class CoreMeetings {

  private CoreMeetings() {}

  /**
   * Every organizer's meetings, by UPN (the object id of an account no longer known), oldest first.
   */
  static Map<String, List<Meeting>> all(State state) {
    Map<String, List<Meeting>> result = new LinkedHashMap<>();
    synchronized (state) {
      state.meetings.forEach(
          (objectId, own) -> {
            if (!own.isEmpty()) {
              String upn =
                  state
                      .accountByObjectId(objectId)
                      .map(FakeAccount::userPrincipalName)
                      .orElse(objectId);
              result.put(upn, toCore(own.values()));
            }
          });
    }
    return result;
  }

  /** One organizer's meetings, oldest first. */
  static List<Meeting> of(State state, FakeAccount organizer) {
    synchronized (state) {
      return toCore(
          state.meetings.getOrDefault(organizer.objectId(), new LinkedHashMap<>()).values());
    }
  }

  private static List<Meeting> toCore(Iterable<ObjectNode> meetings) {
    List<Meeting> list = new ArrayList<>();
    meetings.forEach(m -> list.add(toCore(m)));
    return List.copyOf(list);
  }

  /** The meeting as the core's value. */
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

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : MeetingJson.parse(text);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array instanceof ArrayNode) {
      array.forEach(v -> values.add(v.asText()));
    }
    return values;
  }
}
