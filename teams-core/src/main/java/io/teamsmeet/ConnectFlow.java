package io.teamsmeet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.teamsmeet.InvalidAuthorizationResponseException.Reason;
import io.teamsmeet.spi.AuthPort;
import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.AuthorizationRequest;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.TokenResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Steps 1 and 2: the authorization URL with a sealed state and a PKCE challenge, and the callback,
 * checked (state present, unaltered, for this user, in time, not used on this instance) before the
 * code is redeemed once and the new grant stored. Thread-safe.
 */
final class ConnectFlow {

  private static final System.Logger LOG = System.getLogger(Loggers.CONNECT);

  private final AuthPort auth;
  private final StateCodec states;
  private final Grants grants;
  private final AccessTokens tokens;
  private final Retrier retrier;
  private final Clock clock;
  private final Duration stateLifetime;
  private final Duration callTimeout;
  private final List<String> scopes;
  private final SecureRandom random;
  private final TeamsListener listener;

  /**
   * The states already used on this instance: a state is single use here for as long as it could be
   * accepted at all.
   */
  private final Cache<String, Boolean> usedStates;

  ConnectFlow(
      AuthPort auth,
      StateCodec states,
      Grants grants,
      AccessTokens tokens,
      Retrier retrier,
      Clock clock,
      Duration stateLifetime,
      Duration callTimeout,
      List<String> scopes,
      SecureRandom random,
      TeamsListener listener) {
    this.listener = listener;
    this.auth = auth;
    this.states = states;
    this.grants = grants;
    this.tokens = tokens;
    this.retrier = retrier;
    this.clock = clock;
    this.stateLifetime = stateLifetime;
    this.callTimeout = callTimeout;
    this.scopes = scopes;
    this.random = random;
    this.usedStates =
        Caffeine.newBuilder()
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .expireAfterWrite(stateLifetime.plus(Duration.ofMinutes(1)))
            .build();
  }

  URI begin(String userId, ConnectOptions options) {
    CodeVerifier verifier = Pkce.newVerifier(random);
    String state = states.seal(userId, verifier, clock.instant());
    return auth.authorizationUrl(
        new AuthorizationRequest(
            state,
            Pkce.challenge(verifier),
            scopes,
            options.loginHint(),
            options.domainHint(),
            options.prompt().map(ConnectOptions.Prompt::value)));
  }

  Connection complete(String userId, CallbackParameters callback) {
    Deadline deadline = Deadline.after(callTimeout);
    Optional<String> error = callback.get("error");
    Optional<String> state = callback.get("state");
    // An error callback needs the same valid state as a code: without it, any page that can send
    // the user's browser to the callback could make them see "access denied" (login CSRF).
    if (state.isEmpty()) {
      throw InvalidAuthorizationResponseException.of(Reason.MISSING_STATE);
    }
    StateCodec.Pending pending = checkState(userId, state.get());
    if (error.isPresent()) {
      // Microsoft's answer to this authorization: it ends it, so the state is used up too.
      markUsed(state.get());
      AuthorizationDeniedException denial =
          AuthorizationDeniedException.of(
              error.get(), callback.get("error_description").orElse(null));
      listener.connectDenied(userId, denial);
      throw denial;
    }
    AuthorizationCode code =
        callback
            .get("code")
            .map(AuthorizationCode::new)
            .orElseThrow(() -> InvalidAuthorizationResponseException.of(Reason.MISSING_CODE));
    markUsed(state.get());
    TokenResponse response;
    try {
      // A code is single use: resend only what Microsoft proved it did not process.
      response =
          retrier.call(
              "code exchange",
              Retrier.Safety.ONLY_IF_UNPROCESSED,
              deadline,
              d -> auth.exchangeCode(code, pending.verifier(), d));
    } catch (ReauthorizationRequiredException e) {
      throw e.forUser(userId);
    }
    if (response.refreshToken().isEmpty()) {
      throw InvalidAuthorizationResponseException.of(Reason.NO_REFRESH_TOKEN);
    }
    Grant grant =
        new Grant(
            response.refreshToken().get(),
            response.idTokenClaims().tenantId(),
            response.idTokenClaims().preferredUsername().or(() -> response.idTokenClaims().name()),
            response.scopes(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            random.nextLong());
    long version = grants.saveNew(userId, grant);
    tokens.connected(userId, response, version, grant.connectionId());
    LOG.log(System.Logger.Level.INFO, "user {0} connected a Microsoft account", userId);
    listener.connectCompleted(userId);
    return grant.toConnection(userId);
  }

  /** Makes a state single use on this instance, whether it came back with a code or an error. */
  private void markUsed(String state) {
    String replayKey =
        Base64.getEncoder().encodeToString(Pkce.sha256(state.getBytes(StandardCharsets.US_ASCII)));
    if (usedStates.asMap().putIfAbsent(replayKey, Boolean.TRUE) != null) {
      throw InvalidAuthorizationResponseException.of(Reason.STATE_REPLAYED);
    }
  }

  private StateCodec.Pending checkState(String userId, String state) {
    StateCodec.Pending pending = states.open(state);
    if (!pending.userId().equals(userId)) {
      throw InvalidAuthorizationResponseException.of(Reason.STATE_FOR_ANOTHER_USER);
    }
    Instant now = clock.instant();
    if (now.isAfter(pending.issuedAt().plus(stateLifetime))) {
      throw InvalidAuthorizationResponseException.of(Reason.STATE_EXPIRED);
    }
    if (pending.issuedAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
      // Sealed by us, so not forged: an instance's clock is far ahead. Refuse rather than extend.
      throw InvalidAuthorizationResponseException.of(Reason.STATE_EXPIRED);
    }
    return pending;
  }
}
