package io.teamsmeet.spi;

import io.teamsmeet.AccessToken;
import io.teamsmeet.CalendarEvent;
import io.teamsmeet.EventRequest;
import io.teamsmeet.EventUpdate;
import io.teamsmeet.GraphUser;
import java.util.List;

/**
 * Graph's calendar API ({@code /me/events}, {@code /me/calendar}) as the core sees it: calendar
 * events with a Teams meeting. Every call acts for the user whose access token it is given and
 * takes the call's {@link Deadline} last, as {@link MeetingPort} does.
 *
 * <p>Implementations must be thread-safe and report failures like {@link MeetingPort}'s (401 as a
 * status-401 {@code TeamsServiceException}, 403 {@code PermissionDeniedException}, 404 {@code
 * MeetingNotFoundException}, 429/503/504 {@code ThrottledException}). An event that Graph returns
 * without a Teams join URL, or with a provider other than {@code teamsForBusiness}, is reported
 * with {@link Failures#teamsMeetingUnavailable}, never returned. Times are exchanged in UTC ({@code
 * Prefer: outlook.timezone="UTC"}); the event's own zone is read from {@code
 * originalStartTimeZone}.
 */
public interface EventPort {

  /**
   * Creates an event with a Teams meeting ({@code POST /me/events}, {@code isOnlineMeeting: true},
   * {@code onlineMeetingProvider: "teamsForBusiness"}).
   *
   * @param token the organizer's access token
   * @param request what to create
   * @param transactionId Graph's {@code transactionId}, the same on every retry of one create
   * @param deadline when the exchange must have ended
   * @return the created event (or, for a repeated transactionId, the one created before)
   */
  CalendarEvent create(
      AccessToken token, EventRequest request, String transactionId, Deadline deadline);

  /** Reads an event ({@code GET /me/events/{id}}). */
  CalendarEvent get(AccessToken token, String eventId, Deadline deadline);

  /** Changes an event ({@code PATCH /me/events/{id}}); the update is not empty. */
  CalendarEvent update(AccessToken token, String eventId, EventUpdate update, Deadline deadline);

  /**
   * Cancels an event and sends the invitees a cancellation ({@code POST /me/events/{id}/cancel}).
   *
   * @param comment the message to the invitees, or null
   */
  void cancel(AccessToken token, String eventId, String comment, Deadline deadline);

  /** Deletes an event ({@code DELETE /me/events/{id}}). */
  void delete(AccessToken token, String eventId, Deadline deadline);

  /**
   * The default calendar's {@code allowedOnlineMeetingProviders} ({@code GET /me/calendar}), as
   * Graph names them ({@code teamsForBusiness}, {@code skypeForBusiness}, ...).
   */
  List<String> allowedOnlineMeetingProviders(AccessToken token, Deadline deadline);

  /**
   * The same operations addressed to a named user: {@code /users/{id or upn}/events} and {@code
   * /users/{id or upn}/calendar} instead of {@code /me/...}, for application tokens (which have no
   * {@code /me}). Every method of the returned port behaves as documented here, with the path
   * prefix replaced; the user's id or UPN is percent-encoded as one path segment.
   *
   * <p>The default refuses: an adapter that serves application mode overrides it.
   *
   * @param user the organizer
   * @return a port whose calls act on that user's calendar
   * @throws UnsupportedOperationException if this port serves {@code /me} only
   */
  default EventPort forUser(GraphUser user) {
    throw new UnsupportedOperationException(
        "this EventPort (" + getClass().getName() + ") does not serve /users/{id}");
  }

  /**
   * A port for adapters that serve no calendar events: every call fails with {@link
   * UnsupportedOperationException} naming {@code builder().ports(auth, meetings, events)}.
   */
  static EventPort unsupported() {
    return Unsupported.INSTANCE;
  }

  /** See {@link #unsupported()}. Stateless. */
  enum Unsupported implements EventPort {
    INSTANCE;

    private static UnsupportedOperationException fail() {
      return new UnsupportedOperationException(
          "these ports serve no calendar events: pass an EventPort with"
              + " TeamsMeetings.builder().ports(authPort, meetingPort, eventPort)");
    }

    @Override
    public CalendarEvent create(
        AccessToken token, EventRequest request, String transactionId, Deadline deadline) {
      throw fail();
    }

    @Override
    public CalendarEvent get(AccessToken token, String eventId, Deadline deadline) {
      throw fail();
    }

    @Override
    public CalendarEvent update(
        AccessToken token, String eventId, EventUpdate update, Deadline deadline) {
      throw fail();
    }

    @Override
    public void cancel(AccessToken token, String eventId, String comment, Deadline deadline) {
      throw fail();
    }

    @Override
    public void delete(AccessToken token, String eventId, Deadline deadline) {
      throw fail();
    }

    @Override
    public List<String> allowedOnlineMeetingProviders(AccessToken token, Deadline deadline) {
      throw fail();
    }
  }
}
