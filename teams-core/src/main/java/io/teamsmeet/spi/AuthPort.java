package io.teamsmeet.spi;

import java.net.URI;
import java.util.List;

/**
 * The Microsoft identity platform as the core sees it: build the authorize URL, redeem a code,
 * refresh.
 *
 * <p>Implementations must be thread-safe: one instance serves every user and thread of a {@code
 * TeamsMeetings} at once. They hold the app registration (client id, credential, redirect URI,
 * tenant, cloud). They report failures with the core's exceptions: a grant that needs sign-in again
 * as {@code ReauthorizationRequiredException} (built with {@code
 * ReauthorizationRequiredException.fromIdentityPlatform}), a registration mistake as {@code
 * ConfigurationException}, anything else as {@code TeamsServiceException}. They retry transient
 * failures themselves or report them as retryable.
 */
public interface AuthPort {

  /**
   * Builds the URL of the authorize endpoint to send the user's browser to.
   *
   * @param request state, PKCE challenge, scopes and hints
   * @return the absolute authorize URL
   */
  URI authorizationUrl(AuthorizationRequest request);

  /**
   * Redeems an authorization code (grant type {@code authorization_code}) with its PKCE verifier,
   * sending the same redirect URI as the authorize request.
   *
   * @param code the code from the callback
   * @param verifier the verifier whose S256 challenge was in the authorize request
   * @param deadline when the exchange must have ended, response body included
   * @return the tokens
   */
  TokenResponse exchangeCode(AuthorizationCode code, CodeVerifier verifier, Deadline deadline);

  /**
   * Redeems a refresh token (grant type {@code refresh_token}).
   *
   * @param refreshToken the stored refresh token
   * @param scopes the Graph scopes to ask for (those granted at connect time)
   * @param deadline when the exchange must have ended, response body included
   * @return the tokens; the refresh token in it is empty if Microsoft did not rotate it
   */
  TokenResponse refresh(RefreshToken refreshToken, List<String> scopes, Deadline deadline);
}
