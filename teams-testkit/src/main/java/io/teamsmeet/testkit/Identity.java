package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.testkit.State.Access;
import io.teamsmeet.testkit.State.App;
import io.teamsmeet.testkit.State.Authorization;
import io.teamsmeet.testkit.State.Code;
import io.teamsmeet.testkit.State.Pending;
import io.teamsmeet.testkit.State.Refresh;
import io.teamsmeet.testkit.State.SignIn;
import io.teamsmeet.testkit.Wire.Call;
import io.teamsmeet.testkit.Wire.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The identity platform v2.0 endpoints: authorize (with its consent page) and token. */
final class Identity {

  private static final String ERROR_URI = "https://login.microsoftonline.com/error?code=";
  private static final String JSON = "application/json; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";
  private static final DateTimeFormatter AAD_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final State state;
  private final Bases bases;
  private final ObjectMapper mapper;

  Identity(State state, Bases bases, ObjectMapper mapper) {
    this.state = state;
    this.bases = bases;
    this.mapper = mapper;
  }

  // ---------------------------------------------------------------- authorize

  Reply authorize(Call call, String tenant) {
    if (!call.method.equals("GET") && !call.method.equals("POST")) {
      return errorPage(405, 900561, "The endpoint only accepts GET and POST requests.");
    }
    Map<String, List<String>> params = call.method.equals("GET") ? call.query : call.form();
    String clientId = first(params, "client_id");
    if (clientId == null) {
      return errorPage(400, 900144, missing("client_id"));
    }
    String redirectUri = first(params, "redirect_uri");
    String loginHint = first(params, "login_hint");
    String prompt = first(params, "prompt");
    synchronized (state) {
      App app = state.apps.get(clientId);
      if (app == null) {
        return errorPage(400, 700016, appNotFound(clientId, tenant));
      }
      if (redirectUri == null) {
        return errorPage(400, 900144, missing("redirect_uri"));
      }
      if (!app.accepts(redirectUri)) {
        return errorPage(400, 50011, redirectMismatch(redirectUri, clientId));
      }
      String mode = Optional.ofNullable(first(params, "response_mode")).orElse("query");
      if (!List.of("query", "fragment", "form_post").contains(mode)) {
        mode = "query";
      }
      Authorization auth =
          new Authorization(
              tenant,
              app,
              redirectUri,
              first(params, "state"),
              mode,
              first(params, "code_challenge"),
              Scopes.split(first(params, "scope")),
              first(params, "nonce"));
      String responseType = first(params, "response_type");
      if (responseType == null) {
        return redirectError(call, auth, "invalid_request", 900144, missing("response_type"));
      }
      if (!responseType.equals("code")) {
        return redirectError(
            call,
            auth,
            "unsupported_response_type",
            700054,
            "response_type '" + responseType + "' is not enabled for the application.");
      }
      if (auth.scopes.isEmpty()) {
        return redirectError(call, auth, "invalid_request", 900144, missing("scope"));
      }
      String method = first(params, "code_challenge_method");
      if (auth.codeChallenge == null || !"S256".equals(method)) {
        return redirectError(
            call,
            auth,
            "invalid_request",
            9002325,
            "Proof Key for Code Exchange is required. FakeMicrosoft requires code_challenge with"
                + " code_challenge_method=S256 from every client (stricter than Microsoft).");
      }
      if (!auth.codeChallenge.matches("[A-Za-z0-9_-]{43}")) {
        return redirectError(
            call, auth, "invalid_request", 501491, "Invalid size of Code_Challenge parameter.");
      }

      SignIn next = state.nextSignIns.poll();
      if (next != null && next.kind == SignIn.Kind.DECLINE) {
        return redirectError(
            call, auth, "access_denied", 65004, "User declined to consent to access the app.");
      }
      if (next != null && next.kind == SignIn.Kind.ADMIN_CONSENT) {
        return redirectError(
            call, auth, "consent_required", 90094, "The grant requires admin permission.");
      }
      FakeAccount account =
          next != null
              ? next.account
              : state.account(loginHint).or(state::defaultAccount).orElse(null);
      if (account == null) {
        return errorPage(
            400,
            50034,
            "The user account does not exist in the directory. (FakeMicrosoft has no accounts:"
                + " add one with FakeMicrosoft.Builder.account.)");
      }
      boolean consented =
          state.consents.contains(State.consentKey(app.clientId, account.objectId()));
      if ("none".equals(prompt) && !consented) {
        return redirectError(call, auth, "consent_required", 65001, notConsented(app.clientId));
      }
      if (state.consentPage && !"none".equals(prompt)) {
        state.purgeExpired();
        String id = Wire.randomToken(24);
        state.pending.put(id, new Pending(id, auth, account));
        return consentPage(id, auth, account);
      }
      return redirectWithCode(auth, account);
    }
  }

  /** The consent page's form post: {@code decision=accept|cancel}, {@code account}, {@code ctx}. */
  Reply consent(Call call) {
    if (!call.method.equals("POST")) {
      return errorPage(405, 900561, "The endpoint only accepts POST requests.");
    }
    String ctx = call.formParam("ctx").orElse("");
    synchronized (state) {
      Pending pending = state.pending.remove(ctx);
      if (pending == null) {
        return errorPage(
            400,
            9002313,
            "Invalid request. This sign-in request has expired or was already used; start again"
                + " from the application.");
      }
      Authorization auth = pending.authorization;
      if (!"accept".equals(call.formParam("decision").orElse(""))) {
        return redirectError(
            call, auth, "access_denied", 65004, "User declined to consent to access the app.");
      }
      FakeAccount account =
          state.account(call.formParam("account").orElse(null)).orElse(pending.suggested);
      return redirectWithCode(auth, account);
    }
  }

  private Reply redirectWithCode(Authorization auth, FakeAccount account) {
    state.purgeExpired();
    state.consents.add(State.consentKey(auth.app.clientId, account.objectId()));
    String code = "1.AXoA" + Wire.randomToken(120);
    state.codes.put(code, new Code(auth, account, state.now().plus(State.CODE_LIFETIME)));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    if (auth.state != null) {
      params.put("state", auth.state);
    }
    params.put("session_state", Wire.guid());
    return redirect(auth, params);
  }

  private Reply redirectError(
      Call call, Authorization auth, String error, int code, String message) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", error);
    params.put("error_description", description(code, message, Wire.guid(), correlation(call)));
    params.put("error_uri", ERROR_URI + code);
    if (auth.state != null) {
      params.put("state", auth.state);
    }
    return redirect(auth, params);
  }

  private Reply redirect(Authorization auth, Map<String, String> params) {
    if (auth.responseMode.equals("form_post")) {
      StringBuilder inputs = new StringBuilder();
      params.forEach(
          (name, value) ->
              inputs
                  .append("<input type=\"hidden\" name=\"")
                  .append(escape(name))
                  .append("\" value=\"")
                  .append(escape(value))
                  .append("\">"));
      String page =
          "<!DOCTYPE html><html><head><title>Working...</title></head>"
              + "<body onload=\"document.forms[0].submit()\">"
              + "<form method=\"POST\" name=\"hiddenform\" action=\""
              + escape(auth.redirectUri)
              + "\">"
              + inputs
              + "<noscript><p>Script is disabled. Click Submit to continue.</p>"
              + "<input type=\"submit\" value=\"Submit\"></noscript></form></body></html>";
      return withPageHeaders(Reply.of(200, HTML, page));
    }
    String separator =
        auth.responseMode.equals("fragment") ? "#" : auth.redirectUri.contains("?") ? "&" : "?";
    String location = auth.redirectUri + separator + Wire.formEncode(params);
    return withPageHeaders(new Reply(302)).header("Location", location);
  }

  private Reply consentPage(String id, Authorization auth, FakeAccount suggested) {
    StringBuilder options = new StringBuilder();
    for (FakeAccount account : state.accounts.values()) {
      options
          .append("<option value=\"")
          .append(escape(account.userPrincipalName()))
          .append('"')
          .append(account == suggested ? " selected" : "")
          .append('>')
          .append(escape(account.displayName()))
          .append(" (")
          .append(escape(account.userPrincipalName()))
          .append(")</option>");
    }
    StringBuilder scopes = new StringBuilder();
    for (String scope : auth.scopes) {
      scopes.append("<li>").append(escape(scope)).append("</li>");
    }
    String action =
        bases.identityPath() + "/" + Wire.formEncode(auth.tenant) + "/oauth2/v2.0/consent";
    String page =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Permissions requested - FakeMicrosoft</title></head><body>"
            + "<h1>Permissions requested</h1>"
            + "<p>The application <b id=\"client-id\">"
            + escape(auth.app.clientId)
            + "</b> wants to:</p><ul id=\"scopes\">"
            + scopes
            + "</ul><form id=\"consent\" method=\"POST\" action=\""
            + escape(action)
            + "\"><input type=\"hidden\" name=\"ctx\" value=\""
            + escape(id)
            + "\"><p><label for=\"account\">Signed in as</label> "
            + "<select id=\"account\" name=\"account\">"
            + options
            + "</select></p>"
            + "<button id=\"accept\" type=\"submit\" name=\"decision\" value=\"accept\">Accept"
            + "</button> <button id=\"cancel\" type=\"submit\" name=\"decision\" value=\"cancel\">"
            + "Cancel</button></form>"
            + "<p><small>A local fake of the Microsoft identity platform for tests"
            + " (io.teamsmeet.testkit.FakeMicrosoft).</small></p></body></html>";
    return withPageHeaders(Reply.of(200, HTML, page));
  }

  private Reply errorPage(int status, int code, String message) {
    String text = "AADSTS" + code + ": " + message;
    String page =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Sign in to your account - FakeMicrosoft</title></head><body>"
            + "<h1>Sorry, but we're having trouble signing you in.</h1><p id=\"error\">"
            + escape(text)
            + "</p></body></html>";
    return withPageHeaders(Reply.of(status, HTML, page));
  }

  private Reply withPageHeaders(Reply reply) {
    return reply
        .header("Cache-Control", "no-store, no-cache")
        .header("Pragma", "no-cache")
        .header("Date", Wire.httpDate(state.now()));
  }

  // ---------------------------------------------------------------- token

  Reply token(Call call, String tenant) {
    TokenError err = new TokenError(call);
    if (!call.method.equals("POST")) {
      return err.reply(
          400,
          "invalid_request",
          900561,
          "The endpoint only accepts POST, OPTIONS requests. Received a "
              + call.method
              + " request.");
    }
    String[] basic = basicCredentials(call);
    String clientId = call.formParam("client_id").orElse(basic == null ? null : basic[0]);
    if (clientId == null) {
      return err.reply(400, "invalid_request", 900144, missing("client_id"));
    }
    Optional<String> grantType = call.formParam("grant_type");
    if (grantType.isEmpty()) {
      return err.reply(400, "invalid_request", 900144, missing("grant_type"));
    }
    String secret = call.formParam("client_secret").orElse(basic == null ? null : basic[1]);
    boolean assertion = call.formParam("client_assertion").isPresent();
    synchronized (state) {
      App app = state.apps.get(clientId);
      if (app == null) {
        return err.reply(400, "unauthorized_client", 700016, appNotFound(clientId, tenant));
      }
      if (!app.confidential() && (secret != null || assertion)) {
        return err.reply(
            401,
            "invalid_client",
            700025,
            "Client is public so neither 'client_assertion' nor 'client_secret' should be"
                + " presented.");
      }
      if (app.confidential() && secret == null) {
        return err.reply(
            401,
            "invalid_client",
            7000218,
            "The request body must contain the following parameter: 'client_assertion' or"
                + " 'client_secret'.");
      }
      if (app.confidential() && !constantTimeEquals(secret, app.clientSecret)) {
        return err.reply(
            401,
            "invalid_client",
            7000215,
            "Invalid client secret provided. Ensure the secret being sent in the request is the"
                + " client secret value, not the client secret ID, for a secret added to app '"
                + clientId
                + "'.");
      }
      switch (grantType.get()) {
        case "authorization_code":
          return redeemCode(call, err, app);
        case "refresh_token":
          return redeemRefreshToken(call, err, app);
        default:
          return err.reply(
              400,
              "unsupported_grant_type",
              70003,
              "The app requested an unsupported grant type '" + grantType.get() + "'.");
      }
    }
  }

  private Reply redeemCode(Call call, TokenError err, App app) {
    Optional<String> codeValue = call.formParam("code");
    if (codeValue.isEmpty()) {
      return err.reply(400, "invalid_request", 900144, missing("code"));
    }
    Optional<String> redirectUri = call.formParam("redirect_uri");
    if (redirectUri.isEmpty()) {
      return err.reply(400, "invalid_request", 900144, missing("redirect_uri"));
    }
    Code code = state.codes.get(codeValue.get());
    if (code == null) {
      return err.reply(
          400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
    }
    if (!code.authorization.app.clientId.equals(app.clientId)) {
      return err.reply(
          400,
          "invalid_grant",
          70000,
          "The provided value for the 'code' parameter is not valid. The code was issued to"
              + " another application.");
    }
    if (code.redeemed) {
      return err.reply(
          400,
          "invalid_grant",
          54005,
          "OAuth2 Authorization code was already redeemed, please retry with a new valid code or"
              + " use an existing refresh token.");
    }
    if (!state.now().isBefore(code.expiresAt)) {
      return err.reply(400, "invalid_grant", 70008, expiredGrant());
    }
    if (!app.accepts(redirectUri.get())) {
      return err.reply(
          400, "invalid_request", 50011, redirectMismatch(redirectUri.get(), app.clientId));
    }
    if (!redirectUri.get().equals(code.authorization.redirectUri)) {
      return err.reply(
          400,
          "invalid_grant",
          70000,
          "The provided value for the 'redirect_uri' is not valid. The value must exactly match"
              + " the redirect URI used to obtain the authorization code.");
    }
    Optional<String> verifier = call.formParam("code_verifier");
    if (verifier.isEmpty() || !s256(verifier.get()).equals(code.authorization.codeChallenge)) {
      return err.reply(
          400,
          "invalid_grant",
          501481,
          "The Code_Verifier does not match the code_challenge supplied in the authorization"
              + " request.");
    }
    code.redeemed = true;
    state.consents.add(State.consentKey(app.clientId, code.account.objectId()));
    return err.success(
        tokens(
            app.clientId,
            code.account,
            code.authorization.scopes,
            code.authorization.scopes,
            code.authorization.nonce));
  }

  private Reply redeemRefreshToken(Call call, TokenError err, App app) {
    Optional<String> value = call.formParam("refresh_token");
    if (value.isEmpty()) {
      return err.reply(400, "invalid_request", 900144, missing("refresh_token"));
    }
    Refresh refresh = state.refreshTokens.get(value.get());
    if (refresh == null) {
      return err.reply(
          400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
    }
    if (!refresh.clientId.equals(app.clientId)) {
      return err.reply(
          400,
          "invalid_grant",
          70000,
          "The provided value for the 'refresh_token' parameter is not valid. The refresh token"
              + " was issued to another application.");
    }
    Optional<FakeAccount> account = state.accountByObjectId(refresh.objectId);
    if (account.isEmpty() || refresh.generation < state.generation(refresh.objectId)) {
      Instant validFrom = state.tokensValidFrom.getOrDefault(refresh.objectId, state.now());
      return err.reply(
          400,
          "invalid_grant",
          50173,
          "The provided grant has expired due to it being revoked, a fresh auth token is needed."
              + " The user might have changed or reset their password. The grant was issued on '"
              + refresh.issuedAt
              + "' and the TokensValidFrom date (before which tokens are not valid) for this user"
              + " is '"
              + validFrom
              + "'.");
    }
    if (refresh.usedAndRevoked || !state.now().isBefore(refresh.expiresAt)) {
      return err.reply(400, "invalid_grant", 70008, expiredGrant());
    }
    List<String> requested = Scopes.split(call.formParam("scope").orElse(null));
    Set<String> granted = Scopes.lower(Scopes.graph(refresh.scopes));
    for (String scope : Scopes.lower(Scopes.graph(requested))) {
      if (!granted.contains(scope)) {
        return err.withSuberror("consent_required")
            .reply(400, "invalid_grant", 65001, notConsented(app.clientId));
      }
    }
    if (state.revokeRefreshTokenOnUse) {
      refresh.usedAndRevoked = true;
    }
    List<String> forAccess = requested.isEmpty() ? refresh.scopes : requested;
    return err.success(tokens(app.clientId, account.get(), refresh.scopes, forAccess, null));
  }

  /**
   * Issues tokens: an access token for {@code accessScopes}; a refresh token carrying {@code
   * grantScopes} if they include {@code offline_access}; an id token if they include {@code
   * openid}.
   */
  ObjectNode tokens(
      String clientId,
      FakeAccount account,
      List<String> grantScopes,
      List<String> accessScopes,
      String nonce) {
    state.purgeExpired();
    Instant now = state.now();
    long lifetime = state.accessTokenLifetime.toSeconds();
    String accessToken = "EwA" + Wire.randomToken(96);
    state.accessTokens.put(
        accessToken,
        new Access(
            clientId,
            account.objectId(),
            Scopes.lower(Scopes.graph(accessScopes)),
            now.plusSeconds(lifetime)));
    ObjectNode body = mapper.createObjectNode();
    body.put("token_type", "Bearer");
    body.put("scope", Scopes.granted(accessScopes));
    body.put("expires_in", lifetime);
    body.put("ext_expires_in", lifetime);
    body.put("access_token", accessToken);
    if (Scopes.has(grantScopes, "offline_access")) {
      String refreshToken = "1.AXoA" + Wire.randomToken(180);
      state.refreshTokens.put(
          refreshToken,
          new Refresh(
              clientId,
              account.objectId(),
              grantScopes,
              now,
              now.plus(state.refreshTokenLifetime),
              state.generation(account.objectId())));
      body.put("refresh_token", refreshToken);
    }
    if (Scopes.has(grantScopes, "openid")) {
      body.put("id_token", idToken(clientId, account, nonce, now));
    }
    return body;
  }

  /** A refresh token issued directly, for tests that start from a stored grant. */
  String issueRefreshToken(String clientId, FakeAccount account, List<String> scopes) {
    synchronized (state) {
      return tokens(clientId, account, scopes, scopes, null).get("refresh_token").asText();
    }
  }

  /** An access token issued directly, for tests of Graph calls alone. */
  String issueAccessToken(String clientId, FakeAccount account, List<String> scopes) {
    synchronized (state) {
      return tokens(clientId, account, List.of(), scopes, null).get("access_token").asText();
    }
  }

  private String idToken(String clientId, FakeAccount account, String nonce, Instant now) {
    ObjectNode header = mapper.createObjectNode();
    header.put("typ", "JWT");
    header.put("alg", "RS256");
    header.put("kid", "FakeMicrosoft-unsigned");
    ObjectNode claims = mapper.createObjectNode();
    claims.put("aud", clientId);
    claims.put("iss", bases.identity() + "/" + account.tenantId() + "/v2.0");
    claims.put("iat", now.getEpochSecond());
    claims.put("nbf", now.getEpochSecond());
    claims.put("exp", now.getEpochSecond() + 3600);
    claims.put("name", account.displayName());
    if (nonce != null) {
      claims.put("nonce", nonce);
    }
    claims.put("oid", account.objectId());
    claims.put("preferred_username", account.userPrincipalName());
    claims.put("rh", "0.AXoA" + Wire.randomToken(24) + ".");
    claims.put("sub", Wire.base64url(sha256(account.objectId() + ":" + clientId)));
    claims.put("tid", account.tenantId());
    claims.put("uti", Wire.randomToken(16));
    claims.put("ver", "2.0");
    state.nextIdTokenClaims.forEach(claims::put);
    state.nextIdTokenClaims.clear();
    byte[] signature = new byte[256];
    Wire.RANDOM.nextBytes(signature);
    return Wire.base64url(header.toString().getBytes(StandardCharsets.UTF_8))
        + "."
        + Wire.base64url(claims.toString().getBytes(StandardCharsets.UTF_8))
        + "."
        + Wire.base64url(signature);
  }

  // ---------------------------------------------------------------- metadata

  Reply openidConfiguration(String tenant) {
    String base = bases.identity() + "/" + tenant;
    ObjectNode body = mapper.createObjectNode();
    body.put("token_endpoint", base + "/oauth2/v2.0/token");
    ArrayNode auth = body.putArray("token_endpoint_auth_methods_supported");
    auth.add("client_secret_post").add("private_key_jwt").add("client_secret_basic");
    body.put("jwks_uri", base + "/discovery/v2.0/keys");
    body.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
    body.putArray("subject_types_supported").add("pairwise");
    body.putArray("id_token_signing_alg_values_supported").add("RS256");
    body.putArray("response_types_supported").add("code");
    body.putArray("scopes_supported")
        .add("openid")
        .add("profile")
        .add("email")
        .add("offline_access");
    body.put("issuer", bases.identity() + "/{tenantid}/v2.0");
    body.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
    body.putArray("code_challenge_methods_supported").add("S256");
    return Reply.of(200, JSON, body.toString()).header("Date", Wire.httpDate(state.now()));
  }

  // ---------------------------------------------------------------- helpers

  /** Builds token endpoint answers with one trace id and correlation id per request. */
  private final class TokenError {
    private final Call call;
    private final String traceId = Wire.guid();
    private final String correlationId;
    private String suberror;

    TokenError(Call call) {
      this.call = call;
      this.correlationId = correlation(call);
    }

    TokenError withSuberror(String value) {
      this.suberror = value;
      return this;
    }

    Reply reply(int status, String error, int code, String message) {
      Instant now = state.now();
      ObjectNode body = mapper.createObjectNode();
      body.put("error", error);
      body.put("error_description", description(code, message, traceId, correlationId));
      body.putArray("error_codes").add(code);
      body.put("timestamp", AAD_TIMESTAMP.format(now));
      body.put("trace_id", traceId);
      body.put("correlation_id", correlationId);
      body.put("error_uri", ERROR_URI + code);
      if (suberror != null) {
        body.put("suberror", suberror);
      }
      return headers(Reply.of(status, JSON, body.toString()));
    }

    Reply success(ObjectNode body) {
      return headers(Reply.of(200, JSON, body.toString()));
    }

    private Reply headers(Reply reply) {
      reply
          .header("Cache-Control", "no-store, no-cache")
          .header("Pragma", "no-cache")
          .header("Expires", "-1")
          .header("x-ms-request-id", traceId)
          .header("x-ms-ests-server", "FakeMicrosoft");
      call.header("client-request-id").ifPresent(v -> reply.header("client-request-id", v));
      return reply.header("Date", Wire.httpDate(state.now()));
    }
  }

  /** Token endpoint answers for faults, from the engine. */
  Reply fault(Call call, int status, String error, int code, String message) {
    return new TokenError(call).reply(status, error, code, message);
  }

  private String description(int code, String message, String traceId, String correlationId) {
    return "AADSTS"
        + code
        + ": "
        + message
        + "\r\nTrace ID: "
        + traceId
        + "\r\nCorrelation ID: "
        + correlationId
        + "\r\nTimestamp: "
        + AAD_TIMESTAMP.format(state.now());
  }

  private static String correlation(Call call) {
    return call.header("client-request-id").orElseGet(Wire::guid);
  }

  private static String missing(String parameter) {
    return "The request body must contain the following parameter: '" + parameter + "'.";
  }

  private static String appNotFound(String clientId, String tenant) {
    return "Application with identifier '"
        + clientId
        + "' was not found in the directory '"
        + tenant
        + "'. This can happen if the application has not been installed by the administrator of"
        + " the tenant or consented to by any user in the tenant. You may have sent your"
        + " authentication request to the wrong tenant.";
  }

  private static String redirectMismatch(String redirectUri, String clientId) {
    return "The redirect URI '"
        + redirectUri
        + "' specified in the request does not match the redirect URIs configured for the"
        + " application '"
        + clientId
        + "'. Make sure the redirect URI sent in the request matches one added to your"
        + " application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError"
        + " to learn more about how to fix this.";
  }

  private static String notConsented(String clientId) {
    return "The user or administrator has not consented to use the application with ID '"
        + clientId
        + "' named '"
        + clientId
        + "'. Send an interactive authorization request for this user and resource.";
  }

  private static String expiredGrant() {
    return "The provided authorization code or refresh token has expired due to inactivity. Send"
        + " a new interactive authorization request for this user and resource.";
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }

  /** {@code Authorization: Basic base64(urlencode(id):urlencode(secret))}, RFC 6749 §2.3.1. */
  private static String[] basicCredentials(Call call) {
    Optional<String> header = call.header("Authorization");
    if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return null;
      }
      List<String> parts = new ArrayList<>();
      parts.add(java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
      parts.add(java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
      return parts.toArray(new String[0]);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String s256(String verifier) {
    return Wire.base64url(sha256(verifier));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must support SHA-256", e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
