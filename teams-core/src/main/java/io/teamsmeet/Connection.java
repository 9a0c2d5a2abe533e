package io.teamsmeet;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A user's connected Microsoft account, as {@code completeConnect} and {@code status} report it.
 * Immutable and thread-safe: the scopes are copied into an unmodifiable set.
 *
 * @param userId the application's user id
 * @param tenantId the Entra tenant of the account (from the id token's {@code tid})
 * @param accountName the account's sign-in name ({@code preferred_username}), else its display name
 * @param scopes the scopes Microsoft granted
 * @param connectedAt when the user completed the connection
 */
public record Connection(
    String userId,
    Optional<String> tenantId,
    Optional<String> accountName,
    Set<String> scopes,
    Instant connectedAt) {

  /** Validates and copies the components. */
  public Connection {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be null or blank");
    }
    tenantId = tenantId == null ? Optional.empty() : tenantId;
    accountName = accountName == null ? Optional.empty() : accountName;
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    if (connectedAt == null) {
      throw new IllegalArgumentException("connectedAt must not be null");
    }
  }
}
