package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.testkit.Wire.Call;
import io.teamsmeet.testkit.Wire.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Application permissions in the fake: admin consent per app and tenant (the admin consent page and
 * {@link FakeMicrosoft#grantAdminConsent}), the client-credentials grant per tenant, Graph's {@code
 * /users/{id}/onlineMeetings}, {@code /users/{id}/events} and {@code /users/{id}/calendar} for
 * application tokens (a consented app has {@code OnlineMeetings.ReadWrite.All} and {@code
 * Calendars.ReadWrite}), and Teams' application access policy (403 "No application access policy
 * found for this app." until a test grants one). Its state lives in {@link State} and is guarded by
 * the state's lock.
 */
final class AppPermissions {

  /** The calendar API for an account, after the caller's permissions were checked. */
  interface CalendarApi {
    Reply handle(GraphExchange x, Call call, FakeAccount account, List<String> path);
  }

  /** Teams' answer when no application access policy covers the app and user. */
  static final String NO_POLICY = "No application access policy found for this app.";

  /** An application access token. */
  static final class AppAccess {
    final String clientId;
    final String tenantId;
    Instant expiresAt;

    AppAccess(String clientId, String tenantId, Instant expiresAt) {
      this.clientId = clientId;
      this.tenantId = tenantId;
      this.expiresAt = expiresAt;
    }
  }

  /** {@code clientId|tenantId}, lower case. */
  final Set<String> consents = new HashSet<>();

  /** {@code clientId|objectId} for one user, {@code clientId|*tenantId} for a whole tenant. */
  final Set<String> policies = new HashSet<>();

  final Map<String, AppAccess> tokens = new HashMap<>();
  final Map<String, Integer> tokensIssued = new HashMap<>();
  String nextAdmin;
  boolean nextConsentDeclines;

  void reset() {
    consents.clear();
    policies.clear();
    tokens.clear();
    tokensIssued.clear();
    nextAdmin = null;
    nextConsentDeclines = false;
  }

  static String key(String clientId, String id) {
    return (clientId + "|" + id).toLowerCase(Locale.ROOT);
  }

  /** The tenant id for a tenant id or a domain of one of the fake's accounts, if known. */
  static Optional<String> tenantId(State state, String tenant) {
    for (FakeAccount account : state.accounts.values()) {
      String upn = account.userPrincipalName();
      String domain = upn.substring(upn.indexOf('@') + 1);
      if (account.tenantId().equalsIgnoreCase(tenant) || domain.equalsIgnoreCase(tenant)) {
        return Optional.of(account.tenantId());
      }
    }
    return Optional.empty();
  }

  static String requireTenantId(State state, String tenant) {
    return tenantId(state, tenant)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no account of the fake is in tenant " + tenant + " (id or UPN domain)"));
  }

  /** The client-credentials grant, after the token endpoint authenticated the client. */
  Reply clientCredentials(
      State state,
      ObjectMapper mapper,
      Call call,
      TokenAnswer answer,
      State.App app,
      String tenant) {
    String t = tenant.toLowerCase(Locale.ROOT);
    if (t.equals("common") || t.equals("organizations") || t.equals("consumers")) {
      // the fake's wording: the client-credentials grant needs the tenant that consented
      return answer.reply(
          400,
          "invalid_request",
          90002,
          "Tenant '"
              + tenant
              + "' cannot issue application tokens: use a tenant id or verified domain.");
    }
    String scope = call.formParam("scope").orElse("");
    if (!scope.endsWith("/.default")) {
      return answer.reply(
          400,
          "invalid_scope",
          1002012,
          "The provided value for scope "
              + scope
              + " is not valid. Client credential flows must have a scope value with /.default"
              + " suffixed to the resource identifier (application ID URI).");
    }
    Optional<String> tenantId = tenantId(state, tenant);
    if (tenantId.isEmpty()) {
      return answer.reply(
          400,
          "invalid_request",
          90002,
          "Tenant '"
              + tenant
              + "' not found. Check to make sure you have the correct tenant ID and are signing"
              + " into the correct cloud.");
    }
    if (!consents.contains(key(app.clientId, tenantId.get()))) {
      return answer.reply(
          400, "unauthorized_client", 700016, AadErrors.appNotFound(app.clientId, tenantId.get()));
    }
    Instant now = state.now();
    long lifetime = state.accessTokenLifetime.toSeconds();
    String token = "eyJ0eXAiOiJKV1QiLCJhcHAiOjF9." + Wire.randomToken(96);
    tokens.put(token, new AppAccess(app.clientId, tenantId.get(), now.plusSeconds(lifetime)));
    tokensIssued.merge(tenantId.get().toLowerCase(Locale.ROOT), 1, Integer::sum);
    ObjectNode body = mapper.createObjectNode();
    body.put("token_type", "Bearer");
    body.put("expires_in", lifetime);
    body.put("ext_expires_in", lifetime);
    body.put("access_token", token);
    return answer.success(body);
  }

  /** Graph for an application token, after the bearer check found {@code access}. */
  Reply graph(
      State state,
      GraphExchange x,
      Call call,
      AppAccess access,
      List<String> path,
      OnlineMeetings meetings,
      CalendarApi calendar) {
    if (!x.now.isBefore(access.expiresAt)) {
      return x.unauthorized("Lifetime validation failed, the token is expired.");
    }
    if (!path.isEmpty() && path.get(0).equalsIgnoreCase("me")) {
      return x.error(
          400, "BadRequest", "/me request is only valid with delegated authentication flow.");
    }
    if (path.size() < 3 || !path.get(0).equalsIgnoreCase("users")) {
      return x.notFoundSegment(path.isEmpty() ? "" : path.get(path.size() - 1));
    }
    boolean calendarApi =
        path.get(2).equalsIgnoreCase("events") || path.get(2).equalsIgnoreCase("calendar");
    if (!calendarApi && !path.get(2).equalsIgnoreCase("onlineMeetings")) {
      return x.notFoundSegment(path.get(2));
    }
    String user = path.get(1);
    FakeAccount account = null;
    for (FakeAccount candidate : state.accounts.values()) {
      if (candidate.tenantId().equals(access.tenantId)
          && (candidate.objectId().equalsIgnoreCase(user)
              || candidate.userPrincipalName().equalsIgnoreCase(user))) {
        account = candidate;
      }
    }
    if (calendarApi) {
      if (account == null) {
        return x.error(404, "ErrorInvalidUser", "The requested user '" + user + "' is invalid.");
      }
      // Calendars.ReadWrite (application) is part of the fake's admin consent; Teams' application
      // access policy is for the onlineMeetings API and does not apply to the calendar
      return calendar.handle(x, call, account, path.subList(2, path.size()));
    }
    if (account == null) {
      return x.error(404, "UnknownError", "User '" + user + "' was not found in the tenant.");
    }
    if (!policies.contains(key(access.clientId, account.objectId()))
        && !policies.contains(key(access.clientId, "*" + access.tenantId))) {
      return x.error(403, "General", NO_POLICY);
    }
    if (!account.teamsLicensed()) {
      return x.error(
          403,
          "Forbidden",
          "Failed to get license information for the user. Ensure user has a valid Office365"
              + " license assigned to them.");
    }
    List<String> tail = path.subList(3, path.size());
    if (tail.isEmpty()) {
      switch (call.method) {
        case "POST":
          return meetings.create(x, account);
        case "GET":
          return meetings.list(x, account);
        default:
          return x.methodNotAllowed();
      }
    }
    if (tail.size() == 1 && tail.get(0).equalsIgnoreCase("createOrGet")) {
      return call.method.equals("POST") ? meetings.createOrGet(x, account) : x.methodNotAllowed();
    }
    if (tail.size() == 1) {
      String id = tail.get(0);
      switch (call.method) {
        case "GET":
          return meetings.get(x, account, id);
        case "PATCH":
          return meetings.update(x, account, id);
        case "DELETE":
          return meetings.delete(x, account, id);
        default:
          return x.methodNotAllowed();
      }
    }
    return x.notFoundSegment(tail.get(1));
  }

  /** {@code GET /{tenant}/v2.0/adminconsent}: an administrator consents (or declines) at once. */
  Reply adminConsent(State state, Call call, String tenant) {
    String clientId = call.queryParam("client_id").orElse(null);
    String redirectUri = call.queryParam("redirect_uri").orElse(null);
    State.App app = clientId == null ? null : state.apps.get(clientId);
    if (app == null) {
      return Reply.of(
          400,
          "text/plain; charset=utf-8",
          "AADSTS700016: " + AadErrors.appNotFound(String.valueOf(clientId), tenant) + "\n");
    }
    if (redirectUri == null || !app.accepts(redirectUri)) {
      return Reply.of(
          400,
          "text/plain; charset=utf-8",
          "AADSTS50011: "
              + AadErrors.redirectMismatch(String.valueOf(redirectUri), clientId)
              + "\n");
    }
    String stateParam = call.queryParam("state").orElse(null);
    String scope = call.queryParam("scope").orElse("");
    StringBuilder location = new StringBuilder(redirectUri);
    char sep = redirectUri.contains("?") ? '&' : '?';
    if (nextConsentDeclines) {
      nextConsentDeclines = false;
      nextAdmin = null;
      // as Microsoft's documented failure redirect: admin_consent=True next to error=
      location.append(sep).append("error=access_denied");
      append(
          location,
          "error_description",
          "AADSTS65004: User declined to consent to access the app.");
      append(location, "admin_consent", "True");
    } else {
      String tenantId = tenantId(state, tenant).orElse(null);
      if (tenantId == null) {
        FakeAccount admin =
            nextAdmin != null
                ? state.requireAccount(nextAdmin)
                : state.accounts.values().iterator().next();
        tenantId = admin.tenantId();
      }
      nextAdmin = null;
      consents.add(key(clientId, tenantId));
      location.append(sep).append("admin_consent=True");
      append(location, "tenant", tenantId);
      append(location, "scope", scope);
    }
    if (stateParam != null) {
      append(location, "state", stateParam);
    }
    return Reply.of(302, null, "").header("Location", location.toString());
  }

  private static void append(StringBuilder url, String name, String value) {
    url.append('&')
        .append(name)
        .append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }
}
