package io.teamsmeet.spi;

import io.teamsmeet.AccessToken;
import io.teamsmeet.GraphUser;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.MeetingUpdate;
import java.util.Optional;

/**
 * Graph's {@code /me/onlineMeetings} as the core sees it. Every call acts for the user whose access
 * token it is given.
 *
 * <p>Implementations must be thread-safe: one instance serves every user and thread of a {@code
 * TeamsMeetings} at once. They report failures with the core's exceptions: HTTP 401 as {@code
 * TeamsServiceException} with status 401 (the core then refreshes once and retries once), 403 as
 * {@code PermissionDeniedException}, 404 as {@code MeetingNotFoundException}, 429/503/504 as {@code
 * ThrottledException} or a retryable {@code TeamsServiceException}, anything else as {@code
 * TeamsServiceException}. They never retry a plain {@link #create} unless the service proved it did
 * not process the request.
 */
public interface MeetingPort {

  /**
   * Creates a meeting ({@code POST /me/onlineMeetings}). The request has no external id.
   *
   * @param token the organizer's access token
   * @param request what to create
   * @param deadline when the exchange must have ended, response body included
   * @return the created meeting
   */
  Meeting create(AccessToken token, MeetingRequest request, Deadline deadline);

  /**
   * Creates the meeting for the request's external id, or returns the one that already exists
   * ({@code POST /me/onlineMeetings/createOrGet}). Idempotent.
   *
   * @param token the organizer's access token
   * @param request what to create; its external id is present
   * @param deadline when the exchange must have ended, response body included
   * @return the created or existing meeting
   */
  Meeting createOrGet(AccessToken token, MeetingRequest request, Deadline deadline);

  /**
   * Reads a meeting ({@code GET /me/onlineMeetings/{id}}).
   *
   * @param token the organizer's access token
   * @param meetingId the meeting's id
   * @param deadline when the exchange must have ended, response body included
   * @return the meeting
   */
  Meeting get(AccessToken token, String meetingId, Deadline deadline);

  /**
   * Finds the user's meeting with a join meeting id ({@code GET
   * /me/onlineMeetings?$filter=joinMeetingIdSettings/joinMeetingId eq '{id}'}). Graph answers with
   * a collection ({@code value[]}): empty when the user organizes no such meeting, which is not an
   * error.
   *
   * @param token the organizer's access token
   * @param joinMeetingId the join meeting id, ASCII digits only (the core has checked it)
   * @param deadline when the exchange must have ended, response body included
   * @return the meeting, or empty if the user organizes none with that id
   */
  Optional<Meeting> findByJoinMeetingId(AccessToken token, String joinMeetingId, Deadline deadline);

  /**
   * Finds the user's meeting with a join URL ({@code GET /me/onlineMeetings?$filter=JoinWebUrl eq
   * '{joinWebUrl}'}, the whole filter percent-encoded once as a query value, so the join URL's own
   * escapes such as {@code %3a} are sent as {@code %253a}). Graph answers with a collection ({@code
   * value[]}): empty when the user organizes no such meeting, which is not an error.
   *
   * @param token the organizer's access token
   * @param joinWebUrl the meeting's {@code joinWebUrl} exactly as Graph gave it (the core has
   *     checked it is an https URL without whitespace)
   * @param deadline when the exchange must have ended, response body included
   * @return the meeting, or empty if the user organizes none with that join URL
   */
  Optional<Meeting> findByJoinWebUrl(AccessToken token, String joinWebUrl, Deadline deadline);

  /**
   * Changes a meeting ({@code PATCH /me/onlineMeetings/{id}}).
   *
   * @param token the organizer's access token
   * @param meetingId the meeting's id
   * @param update the changes; not empty
   * @param deadline when the exchange must have ended, response body included
   * @return the meeting after the change
   */
  Meeting update(AccessToken token, String meetingId, MeetingUpdate update, Deadline deadline);

  /**
   * Deletes a meeting ({@code DELETE /me/onlineMeetings/{id}}).
   *
   * @param token the organizer's access token
   * @param meetingId the meeting's id
   * @param deadline when the exchange must have ended, response body included
   */
  void delete(AccessToken token, String meetingId, Deadline deadline);

  /**
   * The same operations addressed to a named user: {@code /users/{id or upn}/onlineMeetings}
   * instead of {@code /me/onlineMeetings}, for application tokens (which have no {@code /me}).
   * Every method of the returned port behaves as documented here, with the path prefix replaced;
   * the user's id or UPN is percent-encoded as one path segment.
   *
   * <p>The default refuses: an adapter that serves application mode overrides it.
   *
   * @param user the organizer
   * @return a port whose calls act on that user's meetings
   * @throws UnsupportedOperationException if this port serves {@code /me} only
   */
  default MeetingPort forUser(GraphUser user) {
    throw new UnsupportedOperationException(
        "this MeetingPort (" + getClass().getName() + ") does not serve /users/{id}");
  }
}
