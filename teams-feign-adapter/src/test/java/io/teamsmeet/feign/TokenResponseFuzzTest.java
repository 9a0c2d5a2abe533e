package io.teamsmeet.feign;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.Response;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.spi.TokenResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes what the adapter does with the token endpoint's answers: {@link TokenResponseDecoder} on
 * any body and on structured JSON (any access token, {@code expires_in}, scope, refresh token, id
 * token payload), and {@link IdentityErrorDecoder} on any error body and {@code Retry-After}.
 * Property: a {@link TokenResponse} whose expiry lies within (now, now + 30 h], or a {@link
 * TeamsException}; an error decoder returns a {@link TeamsException} and never throws. No Jackson,
 * Feign, JDK runtime exception may escape.
 *
 * <p>Seeds: {@code src/test/resources/io/teamsmeet/feign/TokenResponseFuzzTestInputs/}. To fuzz,
 * see SECURITY.md.
 */
class TokenResponseFuzzTest {

  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TokenResponseDecoder DECODER =
      new TokenResponseDecoder(CLOCK, Fixture.CLIENT_ID);
  private static final IdentityErrorDecoder ERRORS =
      new IdentityErrorDecoder(CLOCK, "https://app.example/ms/callback");
  private static final int[] STATUSES = {400, 401, 403, 429, 500, 502, 503, 504, 200, 302};

  @FuzzTest(maxDuration = "60s")
  void decode(byte[] body) {
    check(FuzzInputs.response(200, Map.of(), body));
  }

  /**
   * Fields split at 0x00: access_token, expires_in, scope, refresh_token, id token payload,
   * token_type.
   */
  @FuzzTest(maxDuration = "60s")
  void structured(byte[] data) {
    List<String> f = FuzzInputs.fields(data, 6);
    ObjectNode json = TestJson.MAPPER.createObjectNode();
    put(json, "access_token", f.get(0));
    if (f.get(1) != null && f.get(1).startsWith("#")) {
      json.put("expires_in", f.get(1).substring(1)); // a number in a string
    } else if (f.get(1) != null) {
      try {
        json.put("expires_in", new java.math.BigDecimal(f.get(1)));
      } catch (NumberFormatException e) {
        json.put("expires_in", f.get(1));
      }
    }
    put(json, "scope", f.get(2));
    put(json, "refresh_token", f.get(3));
    if (f.get(4) != null) {
      json.put(
          "id_token",
          "eyJhbGciOiJSUzI1NiJ9."
              + Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(f.get(4).getBytes(StandardCharsets.UTF_8))
              + ".c2ln");
    }
    put(json, "token_type", f.get(5));
    TokenResponse decoded =
        check(FuzzInputs.response(200, Map.of(), json.toString().getBytes(StandardCharsets.UTF_8)));
    boolean hasAccessToken = f.get(0) != null && !f.get(0).isBlank();
    if (hasAccessToken != (decoded != null)) {
      throw new AssertionError(
          "decoded=" + (decoded != null) + " but access_token present=" + hasAccessToken);
    }
  }

  /** First byte: the status; then error body and Retry-After, split at the first 0x00. */
  @FuzzTest(maxDuration = "60s")
  void errorBody(byte[] data) {
    int status = data.length == 0 ? 400 : STATUSES[(data[0] & 0xFF) % STATUSES.length];
    List<String> f =
        FuzzInputs.fields(
            data.length == 0 ? data : java.util.Arrays.copyOfRange(data, 1, data.length), 2);
    Map<String, String> headers = f.get(1) == null ? Map.of() : Map.of("Retry-After", f.get(1));
    Response response =
        FuzzInputs.response(
            status, headers, f.get(0) == null ? null : f.get(0).getBytes(StandardCharsets.UTF_8));
    Exception e = ERRORS.decode("IdentityApi#token", response);
    if (!(e instanceof TeamsException)) {
      throw new AssertionError("not a TeamsException: " + e);
    }
    e.getMessage();
  }

  private static void put(ObjectNode json, String field, String value) {
    if (value != null && !value.isEmpty()) {
      json.put(field, value);
    }
  }

  private static TokenResponse check(Response response) {
    try {
      TokenResponse decoded =
          ((TokenResponseDecoder.TokenAnswer) DECODER.decode(response, TokenResponse.class))
              .response();
      Instant expiresAt = decoded.expiresAt();
      if (!expiresAt.isAfter(NOW) || expiresAt.isAfter(NOW.plus(Duration.ofHours(30)))) {
        throw new AssertionError("expiry out of range: " + expiresAt);
      }
      if (decoded.accessToken().value().isBlank()) {
        throw new AssertionError("blank access token");
      }
      decoded.toString();
      return decoded;
    } catch (TeamsServiceException expected) {
      return null;
    }
  }
}
