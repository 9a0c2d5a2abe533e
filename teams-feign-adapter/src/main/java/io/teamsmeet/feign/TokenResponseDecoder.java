package io.teamsmeet.feign;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import feign.codec.Decoder;
import io.teamsmeet.core.TeamsServiceException;
import io.teamsmeet.core.port.AccessToken;
import io.teamsmeet.core.port.IdTokenClaims;
import io.teamsmeet.core.port.RefreshToken;
import io.teamsmeet.core.port.TokenResponse;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a successful token response into the core's {@link TokenResponse}.
 *
 * <ul>
 *   <li>{@code expires_in} (a number, or a number in a string) is added to the injected clock's
 *       now. When it is missing, not a number or below one second, the access token is assumed to
 *       live {@link #ASSUMED_LIFETIME} (the shortest default lifetime Microsoft documents is 60
 *       minutes; should the real one be shorter, Graph answers 401 and the core refreshes once and
 *       retries).
 *       Values above {@link #MAX_LIFETIME} are capped.
 *   <li>{@code scope} is space separated; a form-encoded value ({@code openid+profile}, {@code
 *       https%3A%2F%2F...}) as in Microsoft's documentation is decoded first.
 *   <li>{@code refresh_token} is optional (absent: the caller keeps the one it has).
 *   <li>The {@code id_token}'s claims {@code tid}, {@code oid}, {@code preferred_username} and
 *       {@code name} are read <em>without checking its signature</em>: it comes straight from the
 *       token endpoint over TLS in the same response as the access token, and it is only used as
 *       information (which tenant and account connected), never to authenticate anyone. An id token
 *       that cannot be read gives no claims, not an error.
 * </ul>
 */
final class TokenResponseDecoder implements Decoder {

  static final String SERVICE = "the Microsoft identity platform";
  static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(60);
  static final Duration MAX_LIFETIME = Duration.ofHours(30);

  private static final System.Logger LOG = System.getLogger("io.teamsmeet.feign.IdentityPlatform");

  private final Clock clock;

  TokenResponseDecoder(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Object decode(Response response, Type type) {
    JsonNode json = Http.readJsonObject(response, SERVICE, TokenResponseDecoder::unreadable);
    Optional<String> accessToken = Json.text(json, "access_token");
    if (accessToken.isEmpty()) {
      throw unreadable(response, "holds no access_token");
    }
    Optional<String> tokenType = Json.text(json, "token_type");
    if (tokenType.isPresent() && !tokenType.get().equalsIgnoreCase("Bearer")) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "token_type is {0}, not Bearer; using it as a bearer token",
          tokenType.get());
    }
    return new TokenResponse(
        new AccessToken(accessToken.get()),
        clock.instant().plus(lifetime(json)),
        Json.text(json, "refresh_token").map(RefreshToken::new),
        scopes(Json.text(json, "scope").orElse("")),
        Json.text(json, "id_token")
            .map(TokenResponseDecoder::idTokenClaims)
            .orElse(IdTokenClaims.none()));
  }

  private static TeamsServiceException unreadable(Response response, String what) {
    return TeamsServiceException.of(
        "the token response of " + SERVICE + " " + what,
        Http.details(response).build(),
        false,
        null);
  }

  static Duration lifetime(JsonNode json) {
    Optional<String> raw = Json.text(json, "expires_in");
    if (raw.isEmpty()) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "token response without expires_in; assuming {0}",
          ASSUMED_LIFETIME);
      return ASSUMED_LIFETIME;
    }
    try {
      BigDecimal seconds = new BigDecimal(raw.get());
      if (seconds.compareTo(BigDecimal.ONE) < 0) { // 0.5 would truncate to an already-dead token
        return ASSUMED_LIFETIME;
      }
      if (seconds.compareTo(BigDecimal.valueOf(MAX_LIFETIME.toSeconds())) > 0) {
        return MAX_LIFETIME;
      }
      return Duration.ofSeconds(seconds.longValue());
    } catch (NumberFormatException | ArithmeticException e) {
      return ASSUMED_LIFETIME;
    }
  }

  static Set<String> scopes(String raw) {
    String value = raw;
    if (value.indexOf('%') >= 0 || (value.indexOf('+') >= 0 && value.indexOf(' ') < 0)) {
      try {
        value = URLDecoder.decode(value, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        value = raw;
      }
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String s : value.strip().split("\\s+")) {
      if (!s.isEmpty()) {
        scopes.add(s);
      }
    }
    return scopes;
  }

  static IdTokenClaims idTokenClaims(String idToken) {
    String[] parts = idToken.split("\\.", -1);
    if (parts.length < 2) {
      return IdTokenClaims.none();
    }
    try {
      String payload = parts[1].replace('+', '-').replace('/', '_');
      int pad = payload.indexOf('=');
      if (pad >= 0) {
        payload = payload.substring(0, pad);
      }
      JsonNode claims = Json.parse(Base64.getUrlDecoder().decode(payload));
      if (!claims.isObject()) {
        return IdTokenClaims.none();
      }
      return new IdTokenClaims(
          Json.text(claims, "tid"),
          Json.text(claims, "oid"),
          Json.text(claims, "preferred_username"),
          Json.text(claims, "name"));
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "the id_token could not be read; continuing without its claims");
      return IdTokenClaims.none();
    }
  }
}
