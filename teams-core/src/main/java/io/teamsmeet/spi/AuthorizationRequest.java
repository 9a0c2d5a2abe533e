package io.teamsmeet.spi;

import java.util.List;
import java.util.Optional;

/**
 * What the core asks the identity platform's authorize endpoint for.
 *
 * <p>The adapter adds its own configuration (client id, redirect URI, tenant, the OpenID Connect
 * scopes {@code offline_access openid profile}) and always sends {@code
 * code_challenge_method=S256}.
 *
 * <p>Immutable and thread-safe: the scopes are copied into an unmodifiable list.
 *
 * @param state the opaque, sealed state value to echo back in the callback
 * @param codeChallenge the PKCE S256 challenge: base64url(SHA-256(verifier)), unpadded
 * @param scopes the Graph scopes to request, for example {@code OnlineMeetings.ReadWrite}
 * @param loginHint the user name to pre-fill, if any
 * @param domainHint the tenant or domain to skip home-realm discovery with, if any
 * @param prompt the {@code prompt} value ({@code login}, {@code consent}, {@code select_account},
 *     {@code none}), if any
 */
public record AuthorizationRequest(
    String state,
    String codeChallenge,
    List<String> scopes,
    Optional<String> loginHint,
    Optional<String> domainHint,
    Optional<String> prompt) {

  /** Validates and copies the components. */
  public AuthorizationRequest {
    if (state == null || state.isBlank()) {
      throw new IllegalArgumentException("state must not be null or blank");
    }
    if (codeChallenge == null || codeChallenge.length() != 43) {
      throw new IllegalArgumentException("codeChallenge must be a 43-character S256 challenge");
    }
    if (scopes == null || scopes.isEmpty()) {
      throw new IllegalArgumentException("scopes must not be null or empty");
    }
    scopes = List.copyOf(scopes);
    loginHint = loginHint == null ? Optional.empty() : loginHint;
    domainHint = domainHint == null ? Optional.empty() : domainHint;
    prompt = prompt == null ? Optional.empty() : prompt;
  }

  /** Returns the record without the state value, which is a sealed ciphertext. */
  @Override
  public String toString() {
    return "AuthorizationRequest[scopes="
        + scopes
        + ", loginHint="
        + loginHint
        + ", domainHint="
        + domainHint
        + ", prompt="
        + prompt
        + ", state=[redacted], codeChallenge=[redacted]]";
  }
}
