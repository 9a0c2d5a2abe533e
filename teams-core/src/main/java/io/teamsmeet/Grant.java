package io.teamsmeet;

import io.teamsmeet.spi.RefreshToken;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the core seals into a {@code StoredGrant}: the refresh token and the connection facts.
 *
 * @param connectionId a random id drawn at connect time and kept by every refresh and re-seal: a
 *     grant with another id was replaced by a new connection (possibly of another account), so
 *     access tokens issued for the old one must not be used any more
 */
record Grant(
    RefreshToken refreshToken,
    Optional<String> tenantId,
    Optional<String> accountName,
    Set<String> scopes,
    Instant connectedAt,
    long connectionId) {

  Grant {
    scopes = Set.copyOf(scopes);
  }

  Grant withRefreshToken(RefreshToken token, Set<String> grantedScopes) {
    return new Grant(
        token,
        tenantId,
        accountName,
        grantedScopes.isEmpty() ? scopes : grantedScopes,
        connectedAt,
        connectionId);
  }

  Connection toConnection(String userId) {
    return new Connection(userId, tenantId, accountName, scopes, connectedAt);
  }
}
