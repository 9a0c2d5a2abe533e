package io.teamsmeet.testkit;

import static io.teamsmeet.testkit.AadErrors.appNotFound;
import static io.teamsmeet.testkit.AadErrors.expiredGrant;
import static io.teamsmeet.testkit.AadErrors.missing;
import static io.teamsmeet.testkit.AadErrors.notConsented;
import static io.teamsmeet.testkit.AadErrors.redirectMismatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamsmeet.testkit.State.App;
import io.teamsmeet.testkit.State.Code;
import io.teamsmeet.testkit.State.Refresh;
import io.teamsmeet.testkit.Wire.Call;
import io.teamsmeet.testkit.Wire.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The token endpoint: authenticates the client (form secret or HTTP Basic, public or confidential)
 * and redeems an authorization code (client, redirect URI, PKCE) or a refresh token (client,
 * revocation, expiry, scopes), answering with {@link TokenIssuer}'s tokens.
 */
final class TokenEndpoint {

  private final State state;
  private final ObjectMapper mapper;
  private final TokenIssuer issuer;

  TokenEndpoint(State state, ObjectMapper mapper, TokenIssuer issuer) {
    this.state = state;
    this.mapper = mapper;
    this.issuer = issuer;
  }

  Reply token(Call call, String tenant) {
    TokenAnswer answer = new TokenAnswer(state, mapper, call);
    if (!call.method.equals("POST")) {
      return answer.reply(
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
      return answer.reply(400, "invalid_request", 900144, missing("client_id"));
    }
    Optional<String> grantType = call.formParam("grant_type");
    if (grantType.isEmpty()) {
      return answer.reply(400, "invalid_request", 900144, missing("grant_type"));
    }
    String secret = call.formParam("client_secret").orElse(basic == null ? null : basic[1]);
    boolean assertion = call.formParam("client_assertion").isPresent();
    synchronized (state) {
      App app = state.apps.get(clientId);
      if (app == null) {
        return answer.reply(400, "unauthorized_client", 700016, appNotFound(clientId, tenant));
      }
      if (!app.confidential() && (secret != null || assertion)) {
        return answer.reply(
            401,
            "invalid_client",
            700025,
            "Client is public so neither 'client_assertion' nor 'client_secret' should be"
                + " presented.");
      }
      if (app.confidential() && secret == null) {
        return answer.reply(
            401,
            "invalid_client",
            7000218,
            "The request body must contain the following parameter: 'client_assertion' or"
                + " 'client_secret'.");
      }
      if (app.confidential() && !constantTimeEquals(secret, app.clientSecret)) {
        return answer.reply(
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
          return redeemCode(call, answer, app);
        case "refresh_token":
          return redeemRefreshToken(call, answer, app);
        case "client_credentials":
          return state.appPermissions.clientCredentials(state, mapper, call, answer, app, tenant);
        default:
          return answer.reply(
              400,
              "unsupported_grant_type",
              70003,
              "The app requested an unsupported grant type '" + grantType.get() + "'.");
      }
    }
  }

  private Reply redeemCode(Call call, TokenAnswer answer, App app) {
    Optional<String> codeValue = call.formParam("code");
    if (codeValue.isEmpty()) {
      return answer.reply(400, "invalid_request", 900144, missing("code"));
    }
    Optional<String> redirectUri = call.formParam("redirect_uri");
    if (redirectUri.isEmpty()) {
      return answer.reply(400, "invalid_request", 900144, missing("redirect_uri"));
    }
    Code code = state.codes.get(codeValue.get());
    if (code == null) {
      return answer.reply(
          400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
    }
    if (!code.authorization.app.clientId.equals(app.clientId)) {
      return answer.reply(
          400,
          "invalid_grant",
          70000,
          "The provided value for the 'code' parameter is not valid. The code was issued to"
              + " another application.");
    }
    if (code.redeemed) {
      return answer.reply(
          400,
          "invalid_grant",
          54005,
          "OAuth2 Authorization code was already redeemed, please retry with a new valid code or"
              + " use an existing refresh token.");
    }
    if (!state.now().isBefore(code.expiresAt)) {
      return answer.reply(400, "invalid_grant", 70008, expiredGrant());
    }
    if (!app.accepts(redirectUri.get())) {
      return answer.reply(
          400, "invalid_request", 50011, redirectMismatch(redirectUri.get(), app.clientId));
    }
    if (!redirectUri.get().equals(code.authorization.redirectUri)) {
      return answer.reply(
          400,
          "invalid_grant",
          70000,
          "The provided value for the 'redirect_uri' is not valid. The value must exactly match"
              + " the redirect URI used to obtain the authorization code.");
    }
    Optional<String> verifier = call.formParam("code_verifier");
    if (verifier.isEmpty() || !s256(verifier.get()).equals(code.authorization.codeChallenge)) {
      return answer.reply(
          400,
          "invalid_grant",
          501481,
          "The Code_Verifier does not match the code_challenge supplied in the authorization"
              + " request.");
    }
    code.redeemed = true;
    state.consents.add(State.consentKey(app.clientId, code.account.objectId()));
    return answer.success(
        issuer.tokens(
            app.clientId,
            code.account,
            code.authorization.scopes,
            code.authorization.scopes,
            code.authorization.nonce));
  }

  private Reply redeemRefreshToken(Call call, TokenAnswer answer, App app) {
    Optional<String> value = call.formParam("refresh_token");
    if (value.isEmpty()) {
      return answer.reply(400, "invalid_request", 900144, missing("refresh_token"));
    }
    Refresh refresh = state.refreshTokens.get(value.get());
    if (refresh == null) {
      return answer.reply(
          400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
    }
    if (!refresh.clientId.equals(app.clientId)) {
      return answer.reply(
          400,
          "invalid_grant",
          70000,
          "The provided value for the 'refresh_token' parameter is not valid. The refresh token"
              + " was issued to another application.");
    }
    Optional<FakeAccount> account = state.accountByObjectId(refresh.objectId);
    if (account.isEmpty() || refresh.generation < state.generation(refresh.objectId)) {
      Instant validFrom = state.tokensValidFrom.getOrDefault(refresh.objectId, state.now());
      return answer.reply(
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
      return answer.reply(400, "invalid_grant", 70008, expiredGrant());
    }
    List<String> requested = Scopes.split(call.formParam("scope").orElse(null));
    Set<String> granted = Scopes.lower(Scopes.graph(refresh.scopes));
    for (String scope : Scopes.lower(Scopes.graph(requested))) {
      if (!granted.contains(scope)) {
        return answer
            .withSuberror("consent_required")
            .reply(400, "invalid_grant", 65001, notConsented(app.clientId));
      }
    }
    if (state.revokeRefreshTokenOnUse) {
      refresh.usedAndRevoked = true;
    }
    List<String> forAccess = requested.isEmpty() ? refresh.scopes : requested;
    return answer.success(
        issuer.tokens(app.clientId, account.get(), refresh.scopes, forAccess, null));
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
      parts.add(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
      parts.add(URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
      return parts.toArray(new String[0]);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The PKCE S256 challenge of {@code verifier}. */
  private static String s256(String verifier) {
    return Wire.base64url(TokenIssuer.sha256(verifier));
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
