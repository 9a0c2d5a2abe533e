package io.teamsmeet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.EventPort;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Calendar events with a Teams meeting, for connected users: the event sits in the organizer's
 * Outlook calendar, Outlook sends the invitations (and their updates and cancellations), and Graph
 * generates the Teams meeting. Each call is made with the organizer's access token under the same
 * refresh, retry and deadline rules as {@link MeetingService}. Reached through {@link
 * TeamsMeetings#events()}; needs the {@code Calendars.ReadWrite} scope.
 *
 * <pre>{@code
 * EventService events = teams.events();
 * CalendarEvent e = events.create(userId, EventRequest.builder("Design review",
 *         ZonedDateTime.of(2027, 3, 22, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")),
 *         Duration.ofMinutes(30))
 *     .invite(Invitee.required("bob@contoso.com"))
 *     .build());
 * e.joinUrl();
 * events.cancel(userId, e.id(), "Moved to next week");   // Bob gets a cancellation
 * }</pre>
 *
 * <p><b>Creating once.</b> Every create carries a {@code transactionId} (the request's, or one
 * drawn per call), the same on each of the SDK's retries, so Graph creates the event once; failures
 * after which it may exist are retried like any idempotent call. If the call still ends with its
 * outcome unknown, it throws {@link OutcomeUnknownException} whose {@code transactionId()} lets the
 * application create again safely.
 *
 * <p><b>Calendars without Teams.</b> Before creating, the user's calendar's {@code
 * allowedOnlineMeetingProviders} is read (kept five minutes per user) and a calendar that does not
 * allow {@code teamsForBusiness} fails with {@link TeamsMeetingUnavailableException} before
 * anything is created; an event that Graph returns without a Teams meeting fails with the same
 * exception, carrying the event's id. No event without a join URL is ever returned.
 *
 * <p><b>Scopes.</b> Without {@code Calendars.ReadWrite} among the builder's scopes every call fails
 * with {@link ConfigurationException}. A user whose grant lacks it (connected before it was added)
 * gets {@link ReauthorizationRequiredException} with reason {@code SCOPES_REQUIRED} before any call
 * to Graph; {@code beginConnect} then asks for it.
 *
 * <p><b>Errors.</b> 404: {@link MeetingNotFoundException} (no such event for this user); 403:
 * {@link PermissionDeniedException}; 429/503/504: retried, then {@link ThrottledException} (Outlook
 * allows 4 concurrent requests per mailbox and 10 000 per 10 minutes); reconnect: {@link
 * ReauthorizationRequiredException}.
 *
 * <p>Thread-safe; one per {@link TeamsMeetings}.
 */
public final class EventService {

  /** Graph's provider name for a Teams meeting. */
  static final String TEAMS = "teamsForBusiness";

  static final Duration PROVIDERS_CACHED = Duration.ofMinutes(5);
  static final int MAX_COMMENT = 8 * 1024;

  private final EventPort events;
  private final GraphCalls graph;
  private final MeetingService meetings;
  private final Duration callTimeout;
  private final boolean scopeConfigured;
  private final Cache<String, List<String>> providers;

  EventService(
      EventPort events,
      GraphCalls graph,
      MeetingService meetings,
      Clock clock,
      Duration callTimeout,
      List<String> scopes) {
    this.events = events;
    this.graph = graph;
    this.meetings = meetings;
    this.callTimeout = callTimeout;
    this.scopeConfigured = GraphScopes.configured(scopes, GraphScopes.CALENDARS_READ_WRITE);
    this.providers =
        Caffeine.newBuilder()
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .expireAfterWrite(PROVIDERS_CACHED)
            .maximumSize(10_000)
            .build();
  }

  /**
   * Creates an event with a Teams meeting in the user's calendar; Outlook invites the invitees.
   *
   * @param userId the application user who organizes it
   * @param request what to create
   * @return the event, with its join URL
   * @throws TeamsMeetingUnavailableException if the calendar does not allow Teams meetings (no
   *     event created), or Graph created the event without one ({@code eventId()} names it)
   * @throws OutcomeUnknownException if the event may have been created; create again with its
   *     {@code transactionId()}
   */
  public CalendarEvent create(String userId, EventRequest request) {
    begin(userId);
    Checks.notNull(request, "request");
    Deadline deadline = Deadline.after(callTimeout);
    checkProviders(userId, deadline);
    String transactionId = request.transactionId().orElseGet(() -> UUID.randomUUID().toString());
    try {
      return call(userId, deadline, (token, d) -> events.create(token, request, transactionId, d));
    } catch (TeamsServiceException e) {
      if (GraphCalls.outcomeUnknown(e)) {
        throw OutcomeUnknownException.of("the event creation", e, transactionId);
      }
      throw e;
    }
  }

  private void checkProviders(String userId, Deadline deadline) {
    List<String> allowed = providers.getIfPresent(userId);
    if (allowed == null) {
      allowed = call(userId, deadline, events::allowedOnlineMeetingProviders);
      providers.put(userId, List.copyOf(allowed));
    }
    requireTeamsAllowed(allowed);
  }

  /** Fails when a calendar's {@code allowedOnlineMeetingProviders} rule Teams out. */
  static void requireTeamsAllowed(List<String> allowed) {
    // Graph leaves the list empty on some tenants; then only the created event can tell.
    if (!allowed.isEmpty() && allowed.stream().noneMatch(TEAMS::equalsIgnoreCase)) {
      throw TeamsMeetingUnavailableException.forCalendar(allowed);
    }
  }

  /**
   * Reads one of the user's events.
   *
   * @throws MeetingNotFoundException if the user has no such event
   * @throws TeamsMeetingUnavailableException if the event has no Teams meeting
   */
  public CalendarEvent get(String userId, String eventId) {
    begin(userId);
    requireEventId(eventId);
    return call(userId, Deadline.after(callTimeout), (token, d) -> events.get(token, eventId, d));
  }

  /**
   * Changes one of the user's events; Outlook sends the invitees an update when the times or the
   * invitees change.
   *
   * @param update the changes; not empty
   */
  public CalendarEvent update(String userId, String eventId, EventUpdate update) {
    begin(userId);
    requireEventId(eventId);
    if (update == null || update.isEmpty()) {
      throw new IllegalArgumentException("update must not be null or empty");
    }
    return call(
        userId,
        Deadline.after(callTimeout),
        (token, d) -> events.update(token, eventId, update, d));
  }

  /**
   * Cancels one of the user's events: only its organizer can; every invitee gets a cancellation
   * with {@code comment}, and the event leaves the calendars. Repeating a cancel that may have
   * worked is harmless (a cancelled event is gone: {@link MeetingNotFoundException}).
   *
   * @param comment the message to the invitees, or null; at most 8192 characters
   */
  public void cancel(String userId, String eventId, String comment) {
    begin(userId);
    requireEventId(eventId);
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw new IllegalArgumentException("comment must be at most " + MAX_COMMENT + " characters");
    }
    call(
        userId,
        Deadline.after(callTimeout),
        (token, d) -> {
          events.cancel(token, eventId, comment, d);
          return null;
        });
  }

  /**
   * Deletes one of the user's events from their calendar. For an organizer with invitees, Outlook
   * sends cancellations without a message; {@link #cancel} says why.
   */
  public void delete(String userId, String eventId) {
    begin(userId);
    requireEventId(eventId);
    call(
        userId,
        Deadline.after(callTimeout),
        (token, d) -> {
          events.delete(token, eventId, d);
          return null;
        });
  }

  /**
   * The event's Teams meeting as an online meeting ({@link MeetingService#findByJoinWebUrl}), for
   * its own settings (lobby, presenters, passcode). Needs an onlineMeetings scope as well.
   *
   * @return the meeting, or empty if Graph finds none for the event's join URL
   */
  public Optional<Meeting> onlineMeeting(String userId, CalendarEvent event) {
    Checks.notNull(event, "event");
    return meetings.findByJoinWebUrl(userId, event.joinUrl().toString());
  }

  private <T> T call(
      String userId, Deadline deadline, BiFunction<AccessToken, Deadline, T> operation) {
    return graph.withToken(
        userId,
        deadline,
        Retrier.Safety.IDEMPOTENT,
        "the event creation",
        Set.of(GraphScopes.CALENDARS_READ_WRITE),
        operation);
  }

  private void begin(String userId) {
    UserIds.require(userId);
    graph.requireDelegated();
    if (!scopeConfigured) {
      throw ConfigurationException.of(
          "calendar events need the Calendars.ReadWrite scope: add it to"
              + " TeamsMeetings.builder().scopes(...) (users connected before then are asked to"
              + " consent to it on their next beginConnect)",
          ErrorDetails.none());
    }
  }

  static void requireEventId(String eventId) {
    if (eventId == null || eventId.isBlank()) {
      throw new IllegalArgumentException("eventId must not be null or blank");
    }
    if (eventId.equals(".") || eventId.equals("..")) {
      throw new IllegalArgumentException(
          "eventId must not be \".\" or \"..\" (it would not stay one path segment)");
    }
  }
}
