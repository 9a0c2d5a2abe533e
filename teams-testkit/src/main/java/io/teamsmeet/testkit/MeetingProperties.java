package io.teamsmeet.testkit;

import java.util.HashSet;
import java.util.Set;

/**
 * Graph's onlineMeeting vocabulary: which properties exist, which a client may write, and the
 * values its enumerations accept.
 */
final class MeetingProperties {

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
    Set<String> all = new HashSet<>(a);
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

  private MeetingProperties() {}
}
