package io.teamsmeet.spi;

import java.util.Optional;

/**
 * The few claims the SDK reads from an OpenID Connect id token.
 *
 * <p>They are read <em>without</em> checking the token's signature: the id token arrives directly
 * from the token endpoint over TLS, in the same response as the access token, so it is
 * informational (which tenant, which account) and is never used to authenticate anyone.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenantId the {@code tid} claim
 * @param objectId the {@code oid} claim: the user's object id in their tenant
 * @param preferredUsername the {@code preferred_username} claim (usually the UPN or email)
 * @param name the {@code name} claim (display name)
 */
public record IdTokenClaims(
    Optional<String> tenantId,
    Optional<String> objectId,
    Optional<String> preferredUsername,
    Optional<String> name) {

  /** Replaces null components with empty optionals. */
  public IdTokenClaims {
    tenantId = tenantId == null ? Optional.empty() : tenantId;
    objectId = objectId == null ? Optional.empty() : objectId;
    preferredUsername = preferredUsername == null ? Optional.empty() : preferredUsername;
    name = name == null ? Optional.empty() : name;
  }

  /** Claims with nothing in them (no id token was returned). */
  public static IdTokenClaims none() {
    return new IdTokenClaims(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
