package io.teamsmeet.spi;

import io.teamsmeet.AccessToken;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A successful answer of the token endpoint, for either grant.
 *
 * <p>Immutable and thread-safe: the scopes are copied into an unmodifiable set.
 *
 * @param accessToken the bearer token for Graph
 * @param expiresAt when the access token stops working, computed by the adapter from {@code
 *     expires_in} and its clock
 * @param refreshToken the new refresh token; empty when the response carried none, in which case
 *     the caller keeps the one it has
 * @param scopes the scopes actually granted (may be fewer than requested)
 * @param idTokenClaims claims of the id token, or {@link IdTokenClaims#none()}
 */
public record TokenResponse(
    AccessToken accessToken,
    Instant expiresAt,
    Optional<RefreshToken> refreshToken,
    Set<String> scopes,
    IdTokenClaims idTokenClaims) {

  /** Validates and copies the components. */
  public TokenResponse {
    if (accessToken == null) {
      throw new IllegalArgumentException("accessToken must not be null");
    }
    if (expiresAt == null) {
      throw new IllegalArgumentException("expiresAt must not be null");
    }
    refreshToken = refreshToken == null ? Optional.empty() : refreshToken;
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    idTokenClaims = idTokenClaims == null ? IdTokenClaims.none() : idTokenClaims;
  }
}
