package io.teamsmeet;

import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.MeetingPort;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Application mode: the online meetings of one tenant's users, created by the app itself with an
 * application token (client-credentials grant), without any user signed in. Reached through {@link
 * TeamsMeetings#forTenant(String)}:
 *
 * <pre>{@code
 * TenantMeetings contoso = teams.forTenant("contoso.onmicrosoft.com");   // or the tenant id
 * GraphUser ana = GraphUser.upn("ana@contoso.com");
 * contoso.checkAccess(ana);      // fails at once if the Teams access policy is missing
 * Meeting m = contoso.create(ana, MeetingRequest.of("Consultation", start, Duration.ofMinutes(30)));
 * }</pre>
 *
 * <p>What it needs from the tenant: admin consent for the application permission {@code
 * OnlineMeetings.ReadWrite.All} ({@link TeamsMeetings#beginAdminConsent}) and an application access
 * policy granted by a Teams administrator (see {@link
 * PermissionDeniedException.Reason#APPLICATION_ACCESS_POLICY_MISSING}). The app's client secret or
 * certificate is required. Calls go to {@code /users/{id or upn}/onlineMeetings}; a delegated
 * user's meetings are {@link TeamsMeetings#meetings()}, a different type, so the two modes cannot
 * be mixed by accident.
 *
 * <p>One application token is cached per tenant (never stored): many threads share one token
 * request, and it is renewed ahead of expiry in the background. The retry, deadline and
 * outcome-unknown rules are those of {@link MeetingService}. Failures: {@link
 * AdminConsentRequiredException} when the tenant has not consented (or revoked), {@link
 * PermissionDeniedException} (reason {@code APPLICATION_ACCESS_POLICY_MISSING} for the policy
 * wall), {@link MeetingNotFoundException}, {@link ThrottledException}, {@link
 * TeamsServiceException}.
 *
 * <p>Thread-safe and final: cheap to create, it only names the tenant; every instance for the same
 * tenant of one {@link TeamsMeetings} shares its token.
 */
public final class TenantMeetings {

  private final AppMode app;
  private final String tenant;

  TenantMeetings(AppMode app, String tenant) {
    this.app = app;
    this.tenant = AppMode.requireRealTenant(tenant);
  }

  /** The tenant, as given. */
  public String tenant() {
    return tenant;
  }

  /**
   * Creates a meeting organized by the user, as {@link MeetingService#create} does: without an
   * external id a plain {@code POST /users/{id}/onlineMeetings} (never sent twice unless Microsoft
   * proved it did not process it); with one, the idempotent create-or-get and a follow-up update
   * for the settings it ignores.
   *
   * @param user the organizer, a user of this tenant
   * @param request what to create
   * @return the meeting
   */
  public Meeting create(GraphUser user, MeetingRequest request) {
    Checks.notNull(user, "user");
    Checks.notNull(request, "request");
    Deadline deadline = Deadline.after(app.callTimeout);
    MeetingPort port = port(user);
    if (request.externalId().isEmpty()) {
      return call(
          user,
          deadline,
          Retrier.Safety.ONLY_IF_UNPROCESSED,
          (token, d) -> port.create(token, request, d));
    }
    return createOrGet(user, request, port, deadline);
  }

  /**
   * Creates the meeting for the request's external id, or returns the one that exists ({@code POST
   * /users/{id}/onlineMeetings/createOrGet}); idempotent, retried freely. Lobby and presenter
   * settings, which create-or-get ignores, are applied by a follow-up update. No passcode.
   *
   * @param user the organizer
   * @param request what to create; must have an external id
   * @return the created or existing meeting
   * @throws IllegalArgumentException if the request has no external id
   */
  public Meeting createOrGet(GraphUser user, MeetingRequest request) {
    Checks.notNull(user, "user");
    Checks.notNull(request, "request");
    if (request.externalId().isEmpty()) {
      throw new IllegalArgumentException(
          "request must have an externalId for createOrGet (MeetingRequest.builder().externalId)");
    }
    return createOrGet(user, request, port(user), Deadline.after(app.callTimeout));
  }

  private Meeting createOrGet(
      GraphUser user, MeetingRequest request, MeetingPort port, Deadline deadline) {
    Meeting meeting =
        call(
            user,
            deadline,
            Retrier.Safety.IDEMPOTENT,
            (token, d) -> port.createOrGet(token, request, d));
    MeetingUpdate.Builder ignored = MeetingUpdate.builder();
    request.lobbyBypass().ifPresent(ignored::lobbyBypass);
    request.allowedPresenters().ifPresent(ignored::allowedPresenters);
    MeetingUpdate update = ignored.build();
    if (update.isEmpty()) {
      return meeting;
    }
    return call(
        user,
        deadline,
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> port.update(token, meeting.id(), update, d));
  }

  /**
   * Reads one of the user's meetings.
   *
   * @throws MeetingNotFoundException if the user organizes no such meeting
   */
  public Meeting get(GraphUser user, String meetingId) {
    Checks.notNull(user, "user");
    requireMeetingId(meetingId);
    MeetingPort port = port(user);
    return call(
        user,
        Deadline.after(app.callTimeout),
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> port.get(token, meetingId, d));
  }

  /** Changes one of the user's meetings ({@code PATCH}); {@code update} must not be empty. */
  public Meeting update(GraphUser user, String meetingId, MeetingUpdate update) {
    Checks.notNull(user, "user");
    requireMeetingId(meetingId);
    if (update == null || update.isEmpty()) {
      throw new IllegalArgumentException("update must not be null or empty");
    }
    MeetingPort port = port(user);
    return call(
        user,
        Deadline.after(app.callTimeout),
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> port.update(token, meetingId, update, d));
  }

  /** Deletes one of the user's meetings. */
  public void delete(GraphUser user, String meetingId) {
    Checks.notNull(user, "user");
    requireMeetingId(meetingId);
    MeetingPort port = port(user);
    call(
        user,
        Deadline.after(app.callTimeout),
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> {
          port.delete(token, meetingId, d);
          return null;
        });
  }

  /**
   * Checks, before the first real meeting, that the app may create meetings for the user: gets an
   * application token for the tenant (fails with {@link AdminConsentRequiredException} without
   * consent) and makes one read-only call on the user's online meetings ({@code GET
   * /users/{id}/onlineMeetings?$filter=joinMeetingIdSettings/joinMeetingId eq '0'}, which finds
   * nothing), which Teams answers only after its application access policy check. Nothing is
   * created. UNCONFIRMED: Microsoft documents the policy for the onlineMeetings API as a whole, not
   * this query in particular; the SDK's fake applies it to every call.
   *
   * @param user the organizer to check
   * @throws PermissionDeniedException with reason {@code APPLICATION_ACCESS_POLICY_MISSING} (the
   *     message has the PowerShell to run), or {@code DENIED} (licence, permission)
   * @throws MeetingNotFoundException if Graph does not know the user in this tenant
   */
  public void checkAccess(GraphUser user) {
    Checks.notNull(user, "user");
    MeetingPort port = port(user);
    call(
        user,
        Deadline.after(app.callTimeout),
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> port.findByJoinMeetingId(token, "0", d));
  }

  /**
   * Calendar events with a Teams meeting in this tenant's users' calendars ({@code
   * /users/{id}/events}), made with the same application token: needs the application permission
   * {@code Calendars.ReadWrite} consented by the tenant's administrator; Teams' application access
   * policy does not apply to the calendar API. See {@link TenantEvents}.
   *
   * @return the tenant's events; cheap, shares this tenant's token
   */
  public TenantEvents events() {
    return new TenantEvents(this, app);
  }

  /**
   * The tenant's current application token, for the application's own Graph calls within the
   * permissions the tenant granted: the same cached token the meetings use. Never log its value.
   *
   * @throws AdminConsentRequiredException if the tenant has not consented
   */
  public AccessToken accessToken() {
    return token(Deadline.after(app.callTimeout));
  }

  private MeetingPort port(GraphUser user) {
    try {
      return app.meetings.forUser(user);
    } catch (UnsupportedOperationException e) {
      throw ConfigurationException.of(
          "the configured MeetingPort does not serve application mode (/users/{id}); use"
              + " teams-feign-adapter or implement MeetingPort.forUser",
          ErrorDetails.none());
    }
  }

  /** One onlineMeetings call with the tenant's token (see the other {@code call}). */
  private <T> T call(
      GraphUser user,
      Deadline deadline,
      Retrier.Safety safety,
      BiFunction<AccessToken, Deadline, T> call) {
    return call(user, deadline, safety, true, call);
  }

  /**
   * One Graph call with the tenant's token; after a 401, a new token once and one retry.
   *
   * @param onlineMeetings whether the call is on {@code onlineMeetings}, where Teams' application
   *     access policy applies (its 403 becomes {@code APPLICATION_ACCESS_POLICY_MISSING}); the
   *     calendar API ({@link TenantEvents}) has no such policy
   */
  <T> T call(
      GraphUser user,
      Deadline deadline,
      Retrier.Safety safety,
      boolean onlineMeetings,
      BiFunction<AccessToken, Deadline, T> call) {
    AccessToken token = token(deadline);
    try {
      return once(user, safety, onlineMeetings, deadline, token, call);
    } catch (TeamsServiceException e) {
      if (e.status() != 401 || e instanceof PermissionDeniedException) {
        throw e;
      }
    }
    AccessToken fresh = app.tokens.replaceRejected(tenant, token, deadline);
    return once(user, safety, onlineMeetings, deadline, fresh, call);
  }

  private AccessToken token(Deadline deadline) {
    try {
      return app.tokens.get(tenant, deadline);
    } catch (UnsupportedOperationException e) {
      throw ConfigurationException.of(
          "the configured AuthPort does not serve application mode (client credentials); use"
              + " teams-feign-adapter or implement AuthPort.clientCredentials",
          ErrorDetails.none());
    }
  }

  private <T> T once(
      GraphUser user,
      Retrier.Safety safety,
      boolean onlineMeetings,
      Deadline deadline,
      AccessToken token,
      BiFunction<AccessToken, Deadline, T> call) {
    try {
      return app.retrier.call("Graph call", safety, deadline, d -> call.apply(token, d));
    } catch (PermissionDeniedException e) {
      if (onlineMeetings && isAccessPolicyWall(e)) {
        throw PermissionDeniedException.applicationAccessPolicyMissing(
            app.clientId, user, e.details());
      }
      throw e;
    } catch (ThrottledException e) {
      if (safety == Retrier.Safety.ONLY_IF_UNPROCESSED && !Retrier.provenUnprocessed(e)) {
        throw OutcomeUnknownException.of("the meeting creation", e);
      }
      throw e;
    } catch (TeamsServiceException e) {
      if (safety == Retrier.Safety.ONLY_IF_UNPROCESSED && GraphCalls.outcomeUnknown(e)) {
        throw OutcomeUnknownException.of("the meeting creation", e);
      }
      throw e;
    }
  }

  /**
   * Teams' answer when no application access policy covers the app and user: a 403 whose message
   * says "No application access policy found for this app" (code {@code Forbidden} or {@code
   * General}), or the older "App ... is not authorized to Create meeting on behalf of user".
   * Matched on the message, case-insensitively: the code varies.
   */
  static boolean isAccessPolicyWall(PermissionDeniedException e) {
    String message = e.details().description().orElse("").toLowerCase(Locale.ROOT);
    return message.contains("no application access policy")
        || (message.contains("is not authorized to") && message.contains("on behalf of user"));
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

  @Override
  public String toString() {
    return "TenantMeetings[" + tenant + "]";
  }
}
