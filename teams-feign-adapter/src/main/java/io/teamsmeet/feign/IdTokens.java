package io.teamsmeet.feign;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamsmeet.spi.IdTokenClaims;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the claims of an id token and checks that they belong to this app, <em>without</em>
 * checking its signature: the token comes straight from the token endpoint over TLS, in the same
 * answer as the access token, and its claims are only used as information (which tenant and account
 * connected), never to authenticate anyone.
 *
 * <p>The checks, so that a token issued to another app or a self-contradicting one never names the
 * tenant or account of a connection:
 *
 * <ul>
 *   <li>{@code aud} must be the client id (compared ignoring case, as client ids are GUIDs), or an
 *       array holding it;
 *   <li>when {@code tid} is present, {@code iss} must name the same tenant: its path's tenant
 *       segment (the one before {@code v2.0}, as in {@code
 *       https://login.microsoftonline.com/{tid}/v2.0} and in every national cloud) must equal
 *       {@code tid}, ignoring case. The host is not compared: it differs per cloud and the identity
 *       endpoint may be a fake or a proxy, and TLS to the configured endpoint already says who
 *       answered.
 * </ul>
 *
 * An id token that cannot be read at all gives no claims and no mismatch, as before: then nothing
 * from it is used.
 */
final class IdTokens {

  private static final System.Logger LOG = System.getLogger(Loggers.IDENTITY);
  private static final int MAX_SHOWN = 80;

  private IdTokens() {}

  /**
   * What an id token gave.
   *
   * @param claims its claims, or {@link IdTokenClaims#none()} when unreadable or when it failed a
   *     check
   * @param mismatch which check failed, if one did
   */
  record Read(IdTokenClaims claims, Optional<String> mismatch) {
    static final Read NONE = new Read(IdTokenClaims.none(), Optional.empty());
  }

  /** Reads and checks an id token issued to {@code clientId}. */
  static Read read(String idToken, String clientId) {
    Optional<JsonNode> claims = payload(idToken);
    if (claims.isEmpty()) {
      return Read.NONE;
    }
    Optional<String> mismatch = mismatch(claims.get(), clientId);
    if (mismatch.isPresent()) {
      return new Read(IdTokenClaims.none(), mismatch);
    }
    return new Read(
        new IdTokenClaims(
            Json.text(claims.get(), "tid"),
            Json.text(claims.get(), "oid"),
            Json.text(claims.get(), "preferred_username"),
            Json.text(claims.get(), "name")),
        Optional.empty());
  }

  private static Optional<JsonNode> payload(String idToken) {
    String[] parts = idToken.split("\\.", -1);
    if (parts.length < 2) {
      return Optional.empty();
    }
    try {
      String payload = parts[1].replace('+', '-').replace('/', '_');
      int pad = payload.indexOf('=');
      if (pad >= 0) {
        payload = payload.substring(0, pad);
      }
      JsonNode claims = Json.parse(Base64.getUrlDecoder().decode(payload));
      return claims.isObject() ? Optional.of(claims) : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "the id_token could not be read; continuing without its claims");
      return Optional.empty();
    }
  }

  private static Optional<String> mismatch(JsonNode claims, String clientId) {
    if (!Json.texts(claims, "aud").stream().anyMatch(clientId::equalsIgnoreCase)) {
      return Optional.of(
          Json.text(claims, "aud")
              .map(aud -> "its aud '" + shown(aud) + "' is not this app's client id " + clientId)
              .orElse("it has no aud naming this app's client id " + clientId));
    }
    Optional<String> tid = Json.text(claims, "tid");
    if (tid.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> iss = Json.text(claims, "iss");
    if (iss.isEmpty()) {
      return Optional.of("it has a tid but no iss");
    }
    Optional<String> issuerTenant = issuerTenant(iss.get());
    if (issuerTenant.isEmpty() || !issuerTenant.get().equalsIgnoreCase(tid.get())) {
      return Optional.of(
          "its tid '"
              + shown(tid.get())
              + "' is not the tenant of its iss '"
              + shown(iss.get())
              + "'");
    }
    return Optional.empty();
  }

  /** The tenant segment of an issuer: the path segment before {@code v2.0}, else the last one. */
  static Optional<String> issuerTenant(String issuer) {
    String path;
    try {
      URI uri = new URI(issuer);
      if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawPath() == null) {
        return Optional.empty();
      }
      path = uri.getPath();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String[] segments = path.split("/");
    int last = segments.length - 1;
    if (last >= 0 && segments[last].equals("v2.0")) {
      last--;
    }
    return last >= 0 && !segments[last].isEmpty() ? Optional.of(segments[last]) : Optional.empty();
  }

  /** A claim value for a message: at most {@value #MAX_SHOWN} characters (escaped by the core). */
  private static String shown(String value) {
    return value.length() <= MAX_SHOWN ? value : value.substring(0, MAX_SHOWN) + "...";
  }
}
