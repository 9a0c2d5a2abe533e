package io.teamsmeet.tokenstore.jdbc;

import io.teamsmeet.AccessToken;
import io.teamsmeet.ErrorDetails;
import io.teamsmeet.spi.AuthPort;
import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.AuthorizationRequest;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.Failures;
import io.teamsmeet.spi.IdTokenClaims;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.spi.TokenResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The identity platform as the core sees it, in process: one code per authorize request, access
 * tokens that expire after an hour on the test clock, and refresh tokens that rotate on every
 * refresh while the rotated-away ones stay valid, as Microsoft's do.
 */
final class FakeIdentityPlatform implements AuthPort {

  static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

  private final Clock clock;
  private final AtomicInteger issued = new AtomicInteger();
  private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
  private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();

  /** The refresh tokens presented to {@link #refresh}, in order (test-only values, not secrets). */
  final List<String> presentedRefreshTokens = new CopyOnWriteArrayList<>();

  private volatile String pendingState;

  FakeIdentityPlatform(Clock clock) {
    this.clock = clock;
  }

  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    pendingState = request.state();
    return URI.create("https://login.fake/authorize");
  }

  /** The callback parameters after the user signed in and consented. */
  Map<String, String> consentCallback() {
    return Map.of("code", "the-code", "state", pendingState);
  }

  @Override
  public TokenResponse exchangeCode(
      AuthorizationCode code, CodeVerifier verifier, Deadline deadline) {
    if (!code.value().equals("the-code")) {
      throw Failures.service("unknown code", ErrorDetails.none(), false, null);
    }
    return issue();
  }

  @Override
  public TokenResponse refresh(RefreshToken refreshToken, List<String> scopes, Deadline deadline) {
    presentedRefreshTokens.add(refreshToken.value());
    if (!refreshTokens.contains(refreshToken.value())) {
      throw Failures.service("unknown refresh token", ErrorDetails.none(), false, null);
    }
    return issue(); // rotates; the presented token stays valid
  }

  private TokenResponse issue() {
    int n = issued.incrementAndGet();
    Instant expiresAt = clock.instant().plus(ACCESS_TOKEN_LIFETIME);
    accessTokens.put("at-" + n, expiresAt);
    refreshTokens.add("rt-" + n);
    return new TokenResponse(
        new AccessToken("at-" + n),
        expiresAt,
        Optional.of(new RefreshToken("rt-" + n)),
        Set.of("OnlineMeetings.ReadWrite"),
        new IdTokenClaims(
            Optional.of("tenant-1"),
            Optional.of("oid-1"),
            Optional.of("ada@example.com"),
            Optional.empty()));
  }

  /** Whether Graph would accept {@code token} now. */
  boolean accepts(AccessToken token) {
    Instant expiresAt = accessTokens.get(token.value());
    return expiresAt != null && clock.instant().isBefore(expiresAt);
  }
}
