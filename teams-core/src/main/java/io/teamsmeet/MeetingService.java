package io.teamsmeet;

import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.MeetingPort;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The meetings of connected users: create, get (by Graph's id, or find by join meeting id or join
 * URL), update and delete Teams meetings, each call made with the organizer's access token, which
 * the service refreshes by itself (ahead of expiry in the background, on demand when missing, once
 * after Graph rejects one). Reached through {@link TeamsMeetings#meetings()}:
 *
 * <pre>{@code
 * MeetingService meetings = teams.meetings();
 * Meeting m = meetings.create(userId,
 *     MeetingRequest.of("Design review", start, Duration.ofMinutes(30)));
 * meetings.update(userId, m.id(), MeetingUpdate.builder().subject("Design review (moved)").build());
 * // the number people type into Teams, or the link they click, finds it again:
 * Optional<Meeting> same = meetings.findByJoinMeetingId(userId, m.joinMeetingId().orElseThrow());
 * meetings.delete(userId, m.id());
 * }</pre>
 *
 * <p>Every call ends within the builder's {@code callTimeout}, retries included; a plain creation
 * is never sent twice unless Microsoft proved it did not process it ({@link
 * OutcomeUnknownException}). Thread-safe; one per {@link TeamsMeetings}, closed with it.
 */
public final class MeetingService {

  /** Far longer than any join meeting id Teams issues (10 to 15 digits seen); bounds the URL. */
  static final int MAX_JOIN_MEETING_ID = 64;

  /** Far longer than any Teams join URL; bounds the request line. */
  static final int MAX_JOIN_WEB_URL = 4096;

  private final MeetingPort meetings;
  private final GraphCalls graph;
  private final Duration callTimeout;

  MeetingService(MeetingPort meetings, GraphCalls graph, Duration callTimeout) {
    this.meetings = meetings;
    this.graph = graph;
    this.callTimeout = callTimeout;
  }

  /**
   * Step 3: creates a Teams meeting organized by the user.
   *
   * <p>Without an external id the meeting is created with {@code POST /me/onlineMeetings} (passcode
   * by default). With one, Graph's idempotent create-or-get is used and the lobby and presenter
   * settings it ignores are applied by a follow-up update; such meetings have no passcode (see
   * {@link MeetingRequest}).
   *
   * @param userId the application user who organizes the meeting
   * @param request what to create
   * @return the meeting with its join URL, meeting id, passcode and dial-in details
   */
  public Meeting create(String userId, MeetingRequest request) {
    requireUserId(userId);
    if (request == null) {
      throw new IllegalArgumentException("request must not be null");
    }
    Deadline deadline = Deadline.after(callTimeout);
    if (request.externalId().isEmpty()) {
      return withToken(
          userId,
          deadline,
          Retrier.Safety.ONLY_IF_UNPROCESSED,
          (token, d) -> meetings.create(token, request, d));
    }
    Meeting meeting =
        withToken(
            userId,
            deadline,
            Retrier.Safety.IDEMPOTENT,
            (token, d) -> meetings.createOrGet(token, request, d));
    MeetingUpdate ignoredSettings = settingsIgnoredByCreateOrGet(request);
    if (ignoredSettings.isEmpty()) {
      return meeting;
    }
    return withToken(
        userId,
        deadline,
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> meetings.update(token, meeting.id(), ignoredSettings, d));
  }

  private static MeetingUpdate settingsIgnoredByCreateOrGet(MeetingRequest request) {
    MeetingUpdate.Builder update = MeetingUpdate.builder();
    request.lobbyBypass().ifPresent(update::lobbyBypass);
    request.allowedPresenters().ifPresent(update::allowedPresenters);
    return update.build();
  }

  /**
   * Reads one of the user's meetings.
   *
   * @param userId the organizer
   * @param meetingId Graph's meeting id
   * @return the meeting
   * @throws MeetingNotFoundException if there is no such meeting for this organizer
   */
  public Meeting get(String userId, String meetingId) {
    requireUserId(userId);
    requireMeetingId(meetingId);
    return withToken(
        userId,
        Deadline.after(callTimeout),
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> meetings.get(token, meetingId, d));
  }

  /**
   * Finds one of the user's meetings by its join meeting id: the number people type into Teams to
   * join ({@link Meeting#joinMeetingId()}), with Graph's {@code $filter} on {@code
   * joinMeetingIdSettings/joinMeetingId}. Tokens are refreshed and the call retried as for {@link
   * #get}.
   *
   * @param userId the organizer
   * @param joinMeetingId the join meeting id, ASCII digits only and without the spaces Teams shows
   *     between groups ({@code 123456789012}, not {@code 123 456 789 012})
   * @return the meeting, or empty if the user organizes none with that join meeting id (only the
   *     user's own meetings are found)
   * @throws IllegalArgumentException naming {@code joinMeetingId} if it is null, empty, longer than
   *     64 digits or holds anything but ASCII digits
   */
  public Optional<Meeting> findByJoinMeetingId(String userId, String joinMeetingId) {
    requireUserId(userId);
    requireJoinMeetingId(joinMeetingId);
    return withToken(
        userId,
        Deadline.after(callTimeout),
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> meetings.findByJoinMeetingId(token, joinMeetingId, d));
  }

  /**
   * Finds one of the user's meetings by its join URL ({@link Meeting#joinUrl()}, Graph's {@code
   * joinWebUrl}), with Graph's {@code $filter} on {@code JoinWebUrl}; for instance the link of a
   * calendar event's Teams meeting. Tokens are refreshed and the call retried as for {@link #get}.
   *
   * @param userId the organizer
   * @param joinWebUrl the join URL exactly as Graph gave it (for instance {@code
   *     meeting.joinUrl().toString()}): Graph compares it as text, so a URL whose escapes were
   *     decoded or re-encoded finds nothing
   * @return the meeting, or empty if the user organizes none with that join URL
   * @throws IllegalArgumentException naming {@code joinWebUrl} if it is null, blank, not an {@code
   *     https} URL, longer than 4096 characters, or holds whitespace or control characters
   */
  public Optional<Meeting> findByJoinWebUrl(String userId, String joinWebUrl) {
    requireUserId(userId);
    requireJoinWebUrl(joinWebUrl);
    return withToken(
        userId,
        Deadline.after(callTimeout),
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> meetings.findByJoinWebUrl(token, joinWebUrl, d));
  }

  /**
   * Changes one of the user's meetings.
   *
   * @param userId the organizer
   * @param meetingId Graph's meeting id
   * @param update the changes; not empty
   * @return the meeting after the change
   */
  public Meeting update(String userId, String meetingId, MeetingUpdate update) {
    requireUserId(userId);
    requireMeetingId(meetingId);
    if (update == null || update.isEmpty()) {
      throw new IllegalArgumentException("update must not be null or empty");
    }
    return withToken(
        userId,
        Deadline.after(callTimeout),
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> meetings.update(token, meetingId, update, d));
  }

  /**
   * Deletes one of the user's meetings.
   *
   * @param userId the organizer
   * @param meetingId Graph's meeting id
   */
  public void delete(String userId, String meetingId) {
    requireUserId(userId);
    requireMeetingId(meetingId);
    withToken(
        userId,
        Deadline.after(callTimeout),
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> {
          meetings.delete(token, meetingId, d);
          return null;
        });
  }

  private <T> T withToken(
      String userId,
      Deadline deadline,
      Retrier.Safety safety,
      BiFunction<AccessToken, Deadline, T> call) {
    return graph.withToken(userId, deadline, safety, "the meeting creation", Set.of(), call);
  }

  private static void requireUserId(String userId) {
    UserIds.require(userId);
  }

  private static void requireJoinMeetingId(String joinMeetingId) {
    if (joinMeetingId == null || joinMeetingId.isEmpty()) {
      throw new IllegalArgumentException("joinMeetingId must not be null or empty");
    }
    if (joinMeetingId.length() > MAX_JOIN_MEETING_ID) {
      throw new IllegalArgumentException(
          "joinMeetingId must be at most "
              + MAX_JOIN_MEETING_ID
              + " digits, was "
              + joinMeetingId.length()
              + " characters");
    }
    for (int i = 0; i < joinMeetingId.length(); i++) {
      char c = joinMeetingId.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "joinMeetingId must be ASCII digits only, like 123456789012 (remove the spaces Teams"
                + " shows between groups); character "
                + (i + 1)
                + " is not a digit");
      }
    }
  }

  static void requireJoinWebUrl(String joinWebUrl) {
    if (joinWebUrl == null || joinWebUrl.isBlank()) {
      throw new IllegalArgumentException("joinWebUrl must not be null or blank");
    }
    if (joinWebUrl.length() > MAX_JOIN_WEB_URL) {
      throw new IllegalArgumentException(
          "joinWebUrl must be at most " + MAX_JOIN_WEB_URL + " characters");
    }
    if (!joinWebUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
      throw new IllegalArgumentException(
          "joinWebUrl must be the meeting's https join URL (Meeting.joinUrl()), starting with"
              + " https://");
    }
    for (int i = 0; i < joinWebUrl.length(); i++) {
      char c = joinWebUrl.charAt(i);
      if (c <= 0x20 || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "joinWebUrl must not contain whitespace or control characters (character "
                + (i + 1)
                + ")");
      }
    }
    if (!SafeText.isClean(joinWebUrl)) {
      throw new IllegalArgumentException(
          "joinWebUrl must not contain U+2028, U+2029, bidirectional controls or unpaired"
              + " surrogates");
    }
  }

  private static void requireMeetingId(String meetingId) {
    if (meetingId == null || meetingId.isBlank()) {
      throw new IllegalArgumentException("meetingId must not be null or blank");
    }
    if (meetingId.equals(".") || meetingId.equals("..")) {
      throw new IllegalArgumentException(
          "meetingId must not be \".\" or \"..\" (it would not stay one path segment)");
    }
  }
}
