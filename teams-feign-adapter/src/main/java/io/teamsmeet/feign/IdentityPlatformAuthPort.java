package io.teamsmeet.feign;

import io.teamsmeet.InvalidAuthorizationResponseException;
import io.teamsmeet.SafeText;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.feign.TokenResponseDecoder.TokenAnswer;
import io.teamsmeet.spi.AuthPort;
import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.AuthorizationRequest;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.Failures;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.spi.TokenResponse;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link AuthPort} on the Microsoft identity platform v2.0: the authorization code flow with PKCE
 * (S256), {@code response_mode=query}, and the {@code authorization_code} and {@code refresh_token}
 * grants, for a public client, a client secret or a certificate. Thread-safe.
 *
 * <p>The scopes sent are always {@code offline_access openid profile} followed by the Graph scopes
 * the core asks for. The code redemption sends the same redirect URI as the authorize request and
 * the PKCE verifier, and no {@code scope} (the code already carries it). Failures are classified by
 * {@link IdentityErrorDecoder}; nothing is retried here, the core owns retries.
 *
 * <p>The id token's claims reach the core only when {@code aud} is the client id and {@code tid}
 * agrees with {@code iss} ({@link IdTokens}). A code redemption whose id token fails is an {@link
 * InvalidAuthorizationResponseException} with reason {@code ID_TOKEN_MISMATCH} (nothing is stored);
 * a refresh whose id token fails keeps its tokens and drops the claims, with a WARNING, because the
 * core does not read claims at refresh and the rotated refresh token must still be stored.
 */
final class IdentityPlatformAuthPort implements AuthPort {

  private static final System.Logger LOG = System.getLogger(Loggers.IDENTITY);

  static final List<String> OIDC_SCOPES = List.of("offline_access", "openid", "profile");

  private final String tenantBase;
  private final String tokenEndpoint;
  private final String clientId;
  private final String redirectUri;
  private final ClientCredential credential;
  private final Clock clock;

  /** The identity platform's token requests, with absolute URLs ({@link Calls} with no base). */
  private final Calls identity;

  private final String identityRoot;

  /** Whether the client-credentials grant and admin consent are served (application mode). */
  private final boolean applicationMode;

  /**
   * @param tenantBase the authority with its tenant, e.g. {@code
   *     https://login.microsoftonline.com/organizations}
   */
  IdentityPlatformAuthPort(
      String tenantBase,
      String clientId,
      URI redirectUri,
      ClientCredential credential,
      Clock clock,
      Calls identity) {
    this(tenantBase, clientId, redirectUri, credential, clock, identity, null);
  }

  /**
   * @param identityRoot the identity platform's root, e.g. {@code
   *     https://login.microsoftonline.com}, for the client-credentials grant and admin consent
   */
  IdentityPlatformAuthPort(
      String tenantBase,
      String clientId,
      URI redirectUri,
      ClientCredential credential,
      Clock clock,
      Calls identity,
      String identityRoot) {
    this.identityRoot = identityRoot;
    this.applicationMode = identityRoot != null;
    this.tenantBase = tenantBase;
    this.tokenEndpoint = tenantBase + "/oauth2/v2.0/token";
    this.clientId = clientId;
    this.redirectUri = redirectUri.toString();
    this.credential = credential;
    this.clock = clock;
    this.identity = identity;
  }

  /** The token endpoint URL, which is also the {@code aud} of client assertions. */
  String tokenEndpoint() {
    return tokenEndpoint;
  }

  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    StringBuilder url = new StringBuilder(tenantBase).append("/oauth2/v2.0/authorize");
    char sep = '?';
    String[][] params = {
      {"client_id", clientId},
      {"response_type", "code"},
      {"redirect_uri", redirectUri},
      {"response_mode", "query"},
      {"scope", scope(request.scopes())},
      {"state", request.state()},
      {"code_challenge", request.codeChallenge()},
      {"code_challenge_method", "S256"},
      {"prompt", request.prompt().orElse(null)},
      {"login_hint", request.loginHint().orElse(null)},
      {"domain_hint", request.domainHint().orElse(null)},
    };
    for (String[] p : params) {
      if (p[1] != null) {
        url.append(sep).append(p[0]).append('=').append(Calls.encode(p[1]));
        sep = '&';
      }
    }
    return URI.create(url.toString());
  }

  @Override
  public TokenResponse exchangeCode(
      AuthorizationCode code, CodeVerifier verifier, Deadline deadline) {
    FormBody form =
        new FormBody()
            .add("client_id", clientId)
            .add("grant_type", "authorization_code")
            .add("code", code.value())
            .add("redirect_uri", redirectUri)
            .add("code_verifier", verifier.value());
    TokenAnswer answer = send(form, deadline);
    if (answer.idTokenMismatch().isPresent()) {
      // Its tenant and account name would describe someone else's sign-in: use none of it.
      throw Failures.idTokenMismatch("the id token " + answer.idTokenMismatch().get());
    }
    return answer.response();
  }

  @Override
  public TokenResponse refresh(RefreshToken refreshToken, List<String> scopes, Deadline deadline) {
    FormBody form =
        new FormBody()
            .add("client_id", clientId)
            .add("grant_type", "refresh_token")
            .add("refresh_token", refreshToken.value())
            .add("scope", scope(scopes));
    try {
      TokenAnswer answer = send(form, deadline);
      answer
          .idTokenMismatch()
          .ifPresent(
              what ->
                  // The tokens are needed (the rotated refresh token must be stored); the claims
                  // are not (the core reads them at connect only), so they are dropped.
                  LOG.log(
                      System.Logger.Level.WARNING,
                      "the id token of a refresh answer failed a check ({0}); its claims are"
                          + " ignored",
                      SafeText.of(what)));
      return answer.response();
    } catch (TeamsServiceException e) {
      if (e.status() == 200 && !e.isRetryable()) {
        // A 200 whose body was cut off or garbled. Unlike a code, a refresh token stays valid at
        // Microsoft after use, so the refresh can be sent again: let the core's policy retry it.
        throw Failures.service(
            e.getMessage() + "; a refresh may be repeated", e.details(), true, e);
      }
      throw e;
    }
  }

  /** A form POSTed to a token endpoint, its answer read by {@link TokenResponseDecoder}. */
  private TokenAnswer token(String endpoint, FormBody form) {
    return (TokenAnswer)
        identity.send(
            feign.Request.HttpMethod.POST, endpoint, Calls.FORM, null, form, TokenAnswer.class);
  }

  private TokenAnswer send(FormBody form, Deadline deadline) {
    return Http.call(
        TokenResponseDecoder.SERVICE,
        deadline,
        () -> {
          credential.addTo(form, clientId, tokenEndpoint, clock);
          return token(tokenEndpoint, form);
        });
  }

  /**
   * The client-credentials grant on {@code {identity}/{tenant}/oauth2/v2.0/token}, with the app's
   * secret or a client assertion whose {@code aud} is that tenant's token endpoint. A public client
   * cannot use it: {@link io.teamsmeet.ConfigurationException} before anything is sent.
   */
  @Override
  public TokenResponse clientCredentials(String tenant, String scope, Deadline deadline) {
    if (!applicationMode) {
      return AuthPort.super.clientCredentials(tenant, scope, deadline);
    }
    if (credential instanceof ClientCredential.PublicClient) {
      throw Failures.configuration(
          "application mode needs the app's client secret or certificate (clientSecret(...) or"
              + " certificate(...) on the builder): a public client cannot get application tokens",
          io.teamsmeet.ErrorDetails.none());
    }
    String encodedTenant = Calls.encode(tenant);
    String endpoint = identityRoot + "/" + encodedTenant + "/oauth2/v2.0/token";
    FormBody form =
        new FormBody()
            .add("client_id", clientId)
            .add("grant_type", "client_credentials")
            .add("scope", scope);
    TokenAnswer answer =
        Http.call(
            TokenResponseDecoder.SERVICE,
            deadline,
            () -> {
              credential.addTo(form, clientId, endpoint, clock);
              return token(endpoint, form);
            });
    return answer.response();
  }

  @Override
  public URI adminConsentUrl(String tenant, String scope, String state) {
    if (identityRoot == null) {
      return AuthPort.super.adminConsentUrl(tenant, scope, state);
    }
    return URI.create(
        identityRoot
            + "/"
            + Calls.encode(tenant)
            + "/v2.0/adminconsent?client_id="
            + Calls.encode(clientId)
            + "&scope="
            + Calls.encode(scope)
            + "&redirect_uri="
            + Calls.encode(redirectUri)
            + "&state="
            + Calls.encode(state));
  }

  /** {@code offline_access openid profile} plus the Graph scopes, without duplicates. */
  static String scope(List<String> graphScopes) {
    Set<String> all = new LinkedHashSet<>(OIDC_SCOPES);
    if (graphScopes != null) {
      for (String s : graphScopes) {
        if (s != null && !s.isBlank()) {
          all.add(s.strip());
        }
      }
    }
    return String.join(" ", all);
  }

  @Override
  public String toString() {
    return "IdentityPlatformAuthPort["
        + tenantBase
        + ", clientId="
        + clientId
        + ", "
        + credential
        + "]";
  }
}
