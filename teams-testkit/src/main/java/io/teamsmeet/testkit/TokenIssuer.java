package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.testkit.State.Access;
import io.teamsmeet.testkit.State.Refresh;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

/**
 * Issues tokens into {@link State}: access tokens for Graph, refresh tokens, and the id token (an
 * unsigned-looking JWT whose claims {@link FakeMicrosoft#nextIdTokenClaims} may replace once).
 */
final class TokenIssuer {

  /** The scopes of tokens issued directly, without a sign-in. */
  private static final List<String> SHORTCUT_SCOPES =
      List.of("openid", "profile", "offline_access", "OnlineMeetings.ReadWrite");

  private final State state;
  private final Bases bases;
  private final ObjectMapper mapper;

  TokenIssuer(State state, Bases bases, ObjectMapper mapper) {
    this.state = state;
    this.bases = bases;
    this.mapper = mapper;
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

  /**
   * A refresh token issued directly to {@code clientId} with {@link #SHORTCUT_SCOPES}, for tests
   * that start from a stored grant.
   */
  String issueRefreshToken(String clientId, String userPrincipalName) {
    synchronized (state) {
      if (!state.apps.containsKey(clientId)) {
        throw new IllegalArgumentException("no app with client id " + clientId);
      }
      FakeAccount account = state.requireAccount(userPrincipalName);
      return tokens(clientId, account, SHORTCUT_SCOPES, SHORTCUT_SCOPES, null)
          .get("refresh_token")
          .asText();
    }
  }

  /**
   * An access token for Graph issued directly to the first registered app, for tests of Graph calls
   * alone.
   */
  String issueAccessToken(String userPrincipalName) {
    synchronized (state) {
      String clientId = state.apps.keySet().iterator().next();
      FakeAccount account = state.requireAccount(userPrincipalName);
      return tokens(clientId, account, List.of(), SHORTCUT_SCOPES, null)
          .get("access_token")
          .asText();
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

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must support SHA-256", e);
    }
  }
}
