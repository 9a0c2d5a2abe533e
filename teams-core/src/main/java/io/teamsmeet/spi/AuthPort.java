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

  /**
   * Asks for an application token (grant type {@code client_credentials}) for a tenant, with the
   * app's secret or certificate: {@code POST {identity}/{tenant}/oauth2/v2.0/token} with {@code
   * scope}. No user is involved and no refresh token comes back. Failures as for the other grants;
   * a tenant where the app has no service principal (never consented, or consent revoked) is
   * reported as Microsoft answers it ({@code unauthorized_client} AADSTS700016 is a {@code
   * ConfigurationException}); the core turns it into {@code AdminConsentRequiredException}.
   *
   * <p>The default refuses: an adapter that serves application mode overrides it.
   *
   * @param tenant a tenant id or verified domain (never {@code common}, {@code organizations} or
   *     {@code consumers}; the core has checked it)
   * @param scope the resource's {@code .default} scope, e.g. {@code
   *     https://graph.microsoft.com/.default}
   * @param deadline when the exchange must have ended, response body included
   * @return the token; its refresh token is empty
   * @throws UnsupportedOperationException if this port serves delegated access only
   */
  default TokenResponse clientCredentials(String tenant, String scope, Deadline deadline) {
    throw new UnsupportedOperationException(
        "this AuthPort (" + getClass().getName() + ") does not serve application permissions");
  }

  /**
   * Builds the URL that sends an administrator to Microsoft's admin consent page: {@code
   * {identity}/{tenant}/v2.0/adminconsent?client_id=...&scope=...&redirect_uri=...&state=...},
   * every value percent-encoded, the redirect URI being the app's registered one.
   *
   * <p>The default refuses: an adapter that serves application mode overrides it.
   *
   * @param tenant a tenant id, a verified domain, or {@code organizations} (any tenant)
   * @param scope the resource's {@code .default} scope
   * @param state the sealed state
   * @return the absolute URL
   * @throws UnsupportedOperationException if this port serves delegated access only
   */
  default URI adminConsentUrl(String tenant, String scope, String state) {
    throw new UnsupportedOperationException(
        "this AuthPort (" + getClass().getName() + ") does not serve admin consent");
  }
}
