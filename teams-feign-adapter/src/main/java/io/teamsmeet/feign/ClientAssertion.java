package io.teamsmeet.feign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Builds the client assertion of a certificate credential with the JDK alone: a compact JWS, RS256
 * ({@code SHA256withRSA}), Base64url without padding.
 *
 * <p>Header: {@code alg=RS256}, {@code typ=JWT}, {@code x5t#S256} (SHA-256 thumbprint of the
 * certificate's DER encoding) and {@code x5t} (its SHA-1 thumbprint, which the identity platform's
 * RS256 documentation names). Claims: {@code aud} = the token endpoint, {@code iss} = {@code sub} =
 * the client id, a random {@code jti}, {@code nbf} = {@code iat} = now and {@code exp} = now + 5
 * minutes.
 */
final class ClientAssertion {

  static final Duration LIFETIME = Duration.ofMinutes(5);

  private ClientAssertion() {}

  static String sign(
      String clientId, String audience, PrivateKey key, String x5t, String x5tS256, Clock clock)
      throws GeneralSecurityException {
    GraphBodies.Body header =
        json -> {
          json.writeStartObject();
          json.writeStringField("alg", "RS256");
          json.writeStringField("typ", "JWT");
          json.writeStringField("x5t", x5t);
          json.writeStringField("x5t#S256", x5tS256);
          json.writeEndObject();
        };
    long now = clock.instant().getEpochSecond();
    String jti = UUID.randomUUID().toString();
    GraphBodies.Body claims =
        json -> {
          json.writeStartObject();
          json.writeStringField("aud", audience);
          json.writeStringField("iss", clientId);
          json.writeStringField("sub", clientId);
          json.writeStringField("jti", jti);
          json.writeNumberField("nbf", now);
          json.writeNumberField("iat", now);
          json.writeNumberField("exp", now + LIFETIME.toSeconds());
          json.writeEndObject();
        };
    String signingInput = part(Json.write(header)) + "." + part(Json.write(claims));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + ClientCredential.base64Url(signature.sign());
  }

  private static String part(byte[] json) {
    return ClientCredential.base64Url(json);
  }
}
