package io.teamsmeet.feign;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import feign.codec.Decoder;
import io.teamsmeet.AccessToken;
import io.teamsmeet.SafeText;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.spi.Failures;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.spi.TokenResponse;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
 *       retries). Values above {@link #MAX_LIFETIME} are capped.
 *   <li>{@code scope} is space separated; a form-encoded value ({@code openid+profile}, {@code
 *       https%3A%2F%2F...}) as in Microsoft's documentation is decoded first.
 *   <li>{@code refresh_token} is optional (absent: the caller keeps the one it has).
 *   <li>The {@code id_token}'s claims {@code tid}, {@code oid}, {@code preferred_username} and
 *       {@code name} are read <em>without checking its signature</em>, after checking that {@code
 *       aud} is the client id and that {@code tid} is the tenant of {@code iss} ({@link IdTokens}).
 *       A token that fails gives no claims and a {@link TokenAnswer#idTokenMismatch() mismatch},
 *       which the code redemption turns into an error and a refresh ignores. An id token that
 *       cannot be read gives no claims, not an error.
 * </ul>
 */
final class TokenResponseDecoder implements Decoder {

  static final String SERVICE = "the Microsoft identity platform";
  static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(60);
  static final Duration MAX_LIFETIME = Duration.ofHours(30);

  private static final System.Logger LOG = System.getLogger(Loggers.IDENTITY);

  private final Clock clock;
  private final String clientId;

  TokenResponseDecoder(Clock clock, String clientId) {
    this.clock = clock;
    this.clientId = clientId;
  }

  /**
   * A decoded token answer.
   *
   * @param response the tokens; its id token claims are empty when the id token failed a check
   * @param idTokenMismatch which id token check failed, if one did
   */
  record TokenAnswer(TokenResponse response, Optional<String> idTokenMismatch) {}

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
          SafeText.of(tokenType.get()));
    }
    IdTokens.Read idToken =
        Json.text(json, "id_token").map(t -> IdTokens.read(t, clientId)).orElse(IdTokens.Read.NONE);
    return new TokenAnswer(
        new TokenResponse(
            new AccessToken(accessToken.get()),
            clock.instant().plus(lifetime(json)),
            Json.text(json, "refresh_token").map(RefreshToken::new),
            scopes(Json.text(json, "scope").orElse("")),
            idToken.claims()),
        idToken.mismatch());
  }

  private static TeamsServiceException unreadable(Response response, String what) {
    return Failures.service(
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
}
