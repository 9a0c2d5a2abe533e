package io.teamsmeet.core;

import io.teamsmeet.core.port.RefreshToken;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** What the core seals into a {@code StoredGrant}: the refresh token and the connection facts. */
record Grant(
    RefreshToken refreshToken,
    Optional<String> tenantId,
    Optional<String> accountName,
    Set<String> scopes,
    Instant connectedAt) {

  Grant {
    scopes = Set.copyOf(scopes);
  }

  Grant withRefreshToken(RefreshToken token, Set<String> grantedScopes) {
    return new Grant(
        token, tenantId, accountName, grantedScopes.isEmpty() ? scopes : grantedScopes, connectedAt);
  }

  Connection toConnection(String userId) {
    return new Connection(userId, tenantId, accountName, scopes, connectedAt);
  }
}
