package io.teamsmeet;

import io.teamsmeet.ReauthorizationRequiredException.Reason;
import io.teamsmeet.spi.AuthPort;
import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.AuthorizationRequest;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.IdTokenClaims;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.spi.TokenResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process identity platform for core tests: codes bound to a PKCE challenge and single use,
 * access tokens that expire on the test clock, refresh tokens that rotate and can be revoked.
 */
final class FakeIdentity implements AuthPort {

  record Issued(String account, long expiresAtMillis) {}

  private final Clock clock;
  volatile Duration accessTokenLifetime = Duration.ofHours(1);
  volatile boolean rotateRefreshTokens = true;

  final AtomicInteger exchanges = new AtomicInteger();
  final AtomicInteger refreshes = new AtomicInteger();
  final Map<String, String> accessTokens = new ConcurrentHashMap<>(); // token -> account
  final Map<String, Issued> accessExpiry = new ConcurrentHashMap<>();
  final Map<String, String> refreshTokens = new ConcurrentHashMap<>(); // token -> account
  private final Map<String, String[]> codes =
      new ConcurrentHashMap<>(); // code -> {challenge, account}
  final Queue<RuntimeException> refreshFailures = new ConcurrentLinkedQueue<>();
  final Queue<RuntimeException> exchangeFailures = new ConcurrentLinkedQueue<>();

  /** When set, a refresh signals {@code refreshEntered} and waits for {@code refreshGate}. */
  volatile CountDownLatch refreshGate;

  volatile CountDownLatch refreshEntered;

  /** When set, only refreshes of this account pass through the gate. */
  volatile String gatedAccount;

  final Map<String, AtomicInteger> refreshesByAccount = new ConcurrentHashMap<>();

  /** Changes every token response before it is returned (a hostile or odd answer). */
  volatile java.util.function.UnaryOperator<TokenResponse> answerFilter = r -> r;

  FakeIdentity(Clock clock) {
    this.clock = clock;
  }

  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    return URI.create(
        "https://login.fake/organizations/oauth2/v2.0/authorize?client_id=app&response_type=code"
            + "&scope="
            + enc(String.join(" ", request.scopes()) + " offline_access openid profile")
            + "&state="
            + enc(request.state())
            + "&code_challenge="
            + enc(request.codeChallenge())
            + "&code_challenge_method=S256"
            + request.loginHint().map(h -> "&login_hint=" + enc(h)).orElse(""));
  }

  /** The user signs in as {@code account} and consents: returns the callback URL. */
  URI consent(URI authorizationUrl, String account) {
    Map<String, String> q = query(authorizationUrl);
    String code = "code-" + UUID.randomUUID();
    codes.put(code, new String[] {q.get("code_challenge"), account});
    return URI.create(
        "https://app.example/callback?code="
            + enc(code)
            + "&state="
            + enc(q.get("state"))
            + "&session_state=x");
  }

  /** The user declines: the callback URL Microsoft would redirect to. */
  URI decline(URI authorizationUrl) {
    Map<String, String> q = query(authorizationUrl);
    return URI.create(
        "https://app.example/callback?error=access_denied&error_description="
            + enc("AADSTS65004: User declined to consent to access the app.")
            + "&state="
            + enc(q.get("state")));
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> values = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public TokenResponse exchangeCode(
      AuthorizationCode code, CodeVerifier verifier, Deadline deadline) {
    exchanges.incrementAndGet();
    RuntimeException failure = exchangeFailures.poll();
    if (failure != null) {
      throw failure;
    }
    String[] bound = codes.remove(code.value());
    if (bound == null) {
      throw invalidGrant(54005L);
    }
    if (!bound[0].equals(Pkce.challenge(verifier))) {
      throw invalidGrant(501481L);
    }
    return issue(bound[1], true);
  }

  @Override
  public TokenResponse refresh(RefreshToken refreshToken, List<String> scopes, Deadline deadline) {
    refreshes.incrementAndGet();
    String owner = refreshTokens.get(refreshToken.value());
    if (owner != null) {
      refreshesByAccount.computeIfAbsent(owner, k -> new AtomicInteger()).incrementAndGet();
    }
    boolean gated = gatedAccount == null || gatedAccount.equals(owner);
    CountDownLatch entered = refreshEntered;
    if (entered != null && gated) {
      entered.countDown();
    }
    CountDownLatch gate = refreshGate;
    if (gate != null && gated) {
      try {
        if (!gate.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("test gate never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    RuntimeException failure = refreshFailures.poll();
    if (failure != null) {
      throw failure;
    }
    String account = refreshTokens.get(refreshToken.value());
    if (account == null) {
      throw invalidGrant(70008L);
    }
    if (rotateRefreshTokens) {
      // Like Microsoft: a new refresh token, and the old one is NOT revoked.
      return issue(account, true);
    }
    return issue(account, false);
  }

  private TokenResponse issue(String account, boolean withRefreshToken) {
    return answerFilter.apply(issueAsIs(account, withRefreshToken));
  }

  private TokenResponse issueAsIs(String account, boolean withRefreshToken) {
    String access = "at-" + UUID.randomUUID();
    long expires = clock.instant().plus(accessTokenLifetime).toEpochMilli();
    accessTokens.put(access, account);
    accessExpiry.put(access, new Issued(account, expires));
    Optional<RefreshToken> refresh = Optional.empty();
    if (withRefreshToken) {
      String rt = "rt-" + UUID.randomUUID();
      refreshTokens.put(rt, account);
      refresh = Optional.of(new RefreshToken(rt));
    }
    return new TokenResponse(
        new AccessToken(access),
        clock.instant().plus(accessTokenLifetime),
        refresh,
        Set.of("OnlineMeetings.ReadWrite", "openid", "profile", "offline_access"),
        new IdTokenClaims(
            Optional.of("tenant-1"),
            Optional.of("oid-" + account),
            Optional.of(account),
            Optional.of("Name of " + account)));
  }

  /** Revokes every refresh token of the account (password change, admin revocation). */
  void revokeAll(String account) {
    refreshTokens.values().removeIf(account::equals);
  }

  /** Which account an access token belongs to, if it is valid now. */
  Optional<String> accountOf(AccessToken token) {
    Issued issued = accessExpiry.get(token.value());
    if (issued == null || clock.millis() >= issued.expiresAtMillis()) {
      return Optional.empty();
    }
    return Optional.of(issued.account());
  }

  static ReauthorizationRequiredException invalidGrant(long aadsts) {
    return ReauthorizationRequiredException.fromIdentityPlatform(
        Reason.INVALID_GRANT,
        ErrorDetails.builder()
            .status(400)
            .code("invalid_grant")
            .description("AADSTS" + aadsts + ": the grant is invalid.")
            .errorCodes(List.of(aadsts))
            .build());
  }
}
