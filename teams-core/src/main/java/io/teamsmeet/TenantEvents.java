package io.teamsmeet;

import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.EventPort;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Application mode for calendar events: events with a Teams meeting in the calendars of one
 * tenant's users ({@code /users/{id or upn}/events}), created by the app itself with the tenant's
 * application token, no user signed in. Reached through {@link TenantMeetings#events()}:
 *
 * <pre>{@code
 * TenantEvents contoso = teams.forTenant("contoso.onmicrosoft.com").events();
 * GraphUser ana = GraphUser.upn("ana@contoso.com");
 * CalendarEvent e = contoso.create(ana, EventRequest.builder("Consultation",
 *         ZonedDateTime.of(2027, 3, 22, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")),
 *         Duration.ofMinutes(30))
 *     .invite(Invitee.required("patient@example.com"))
 *     .build());
 * contoso.cancel(ana, e.id(), "Moved to next week");   // the invitee gets a cancellation
 * }</pre>
 *
 * <p>Behaves as the delegated {@link EventService} does: every create carries a {@code
 * transactionId} (the request's, or one drawn per call) so that Graph creates the event once, and a
 * create whose outcome stays unknown throws {@link OutcomeUnknownException} with it; the user's
 * calendar ({@code GET /users/{id}/calendar}) is checked for {@code teamsForBusiness} first (kept
 * five minutes per tenant and user) and an event without a Teams meeting is never returned ({@link
 * TeamsMeetingUnavailableException}); times and zones are handled the same way.
 *
 * <p>What it needs from the tenant: admin consent for the application permission {@code
 * Calendars.ReadWrite} (without it Graph answers 403: {@link PermissionDeniedException}; without
 * any consent the token request fails: {@link AdminConsentRequiredException}). Teams' application
 * access policy applies to the onlineMeetings API, not to the calendar API, so it is not needed
 * here, and a 403 is never reported as {@code APPLICATION_ACCESS_POLICY_MISSING}. Note the scope:
 * {@code Calendars.ReadWrite} as an application permission reaches every mailbox of the tenant
 * unless an Exchange administrator limits it (an application access policy of Exchange Online, or
 * RBAC for applications); SECURITY.md says more.
 *
 * <p>The token, retry, deadline and 401 rules are those of {@link TenantMeetings}. Thread-safe and
 * cheap: it only names the tenant.
 */
public final class TenantEvents {

  private final TenantMeetings tenant;
  private final AppMode app;

  TenantEvents(TenantMeetings tenant, AppMode app) {
    this.tenant = tenant;
    this.app = app;
  }

  /** The tenant, as given. */
  public String tenant() {
    return tenant.tenant();
  }

  /**
   * Creates an event with a Teams meeting in the user's calendar; Outlook invites the invitees.
   *
   * @param user the organizer, a user of this tenant
   * @param request what to create
   * @return the event, with its join URL
   * @throws TeamsMeetingUnavailableException if the calendar does not allow Teams meetings (no
   *     event created), or Graph created the event without one ({@code eventId()} names it)
   * @throws OutcomeUnknownException if the event may have been created; create again with its
   *     {@code transactionId()}
   */
  public CalendarEvent create(GraphUser user, EventRequest request) {
    Checks.notNull(user, "user");
    Checks.notNull(request, "request");
    Deadline deadline = Deadline.after(app.callTimeout);
    EventPort port = port(user);
    checkProviders(user, port, deadline);
    String transactionId = request.transactionId().orElseGet(() -> UUID.randomUUID().toString());
    try {
      return call(user, deadline, (token, d) -> port.create(token, request, transactionId, d));
    } catch (TeamsServiceException e) {
      if (GraphCalls.outcomeUnknown(e)) {
        throw OutcomeUnknownException.of("the event creation", e, transactionId);
      }
      throw e;
    }
  }

  private void checkProviders(GraphUser user, EventPort port, Deadline deadline) {
    String key =
        tenant.tenant().toLowerCase(Locale.ROOT) + "\n" + user.toString().toLowerCase(Locale.ROOT);
    List<String> allowed = app.calendarProviders.getIfPresent(key);
    if (allowed == null) {
      allowed = call(user, deadline, port::allowedOnlineMeetingProviders);
      app.calendarProviders.put(key, List.copyOf(allowed));
    }
    EventService.requireTeamsAllowed(allowed);
  }

  /**
   * Reads one of the user's events.
   *
   * @throws MeetingNotFoundException if the user has no such event
   * @throws TeamsMeetingUnavailableException if the event has no Teams meeting
   */
  public CalendarEvent get(GraphUser user, String eventId) {
    Checks.notNull(user, "user");
    EventService.requireEventId(eventId);
    EventPort port = port(user);
    return call(user, Deadline.after(app.callTimeout), (token, d) -> port.get(token, eventId, d));
  }

  /**
   * Changes one of the user's events; Outlook sends the invitees an update when the times or the
   * invitees change.
   *
   * @param update the changes; not empty
   */
  public CalendarEvent update(GraphUser user, String eventId, EventUpdate update) {
    Checks.notNull(user, "user");
    EventService.requireEventId(eventId);
    if (update == null || update.isEmpty()) {
      throw new IllegalArgumentException("update must not be null or empty");
    }
    EventPort port = port(user);
    return call(
        user,
        Deadline.after(app.callTimeout),
        (token, d) -> port.update(token, eventId, update, d));
  }

  /**
   * Cancels one of the user's events: every invitee gets a cancellation with {@code comment}, and
   * the event leaves the calendars. Repeating a cancel that may have worked is harmless (a
   * cancelled event is gone: {@link MeetingNotFoundException}).
   *
   * @param comment the message to the invitees, or null; at most 8192 characters
   */
  public void cancel(GraphUser user, String eventId, String comment) {
    Checks.notNull(user, "user");
    EventService.requireEventId(eventId);
    if (comment != null && comment.length() > EventService.MAX_COMMENT) {
      throw new IllegalArgumentException(
          "comment must be at most " + EventService.MAX_COMMENT + " characters");
    }
    EventPort port = port(user);
    call(
        user,
        Deadline.after(app.callTimeout),
        (token, d) -> {
          port.cancel(token, eventId, comment, d);
          return null;
        });
  }

  /**
   * Deletes one of the user's events from their calendar. For an organizer with invitees, Outlook
   * sends cancellations without a message; {@link #cancel} says why.
   */
  public void delete(GraphUser user, String eventId) {
    Checks.notNull(user, "user");
    EventService.requireEventId(eventId);
    EventPort port = port(user);
    call(
        user,
        Deadline.after(app.callTimeout),
        (token, d) -> {
          port.delete(token, eventId, d);
          return null;
        });
  }

  private <T> T call(
      GraphUser user,
      Deadline deadline,
      java.util.function.BiFunction<AccessToken, Deadline, T> operation) {
    return tenant.call(user, deadline, Retrier.Safety.IDEMPOTENT, false, operation);
  }

  private EventPort port(GraphUser user) {
    try {
      return app.events.forUser(user);
    } catch (UnsupportedOperationException e) {
      throw ConfigurationException.of(
          "the configured EventPort does not serve application mode (/users/{id}/events); use"
              + " teams-feign-adapter or implement EventPort.forUser",
          ErrorDetails.none());
    }
  }

  @Override
  public String toString() {
    return "TenantEvents[" + tenant.tenant() + "]";
  }
}
