package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the fake remembers. Every field is guarded by {@code this}: the endpoints and the
 * controls of {@link FakeMicrosoft} lock it for the whole of one request or one change.
 */
final class State {

  /** Authorization codes live ten minutes, as Microsoft's do. */
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

  /** Access tokens of one kind kept before expired ones are dropped. */
  private static final int PURGE_THRESHOLD = 10_000;

  /** An app registration. */
  static final class App {
    final String clientId;
    final URI redirectUri;
    final String clientSecret;

    App(String clientId, URI redirectUri, String clientSecret) {
      this.clientId = clientId;
      this.redirectUri = redirectUri;
      this.clientSecret = clientSecret;
    }

    boolean confidential() {
      return clientSecret != null;
    }

    /**
     * Exact, case-sensitive match; for {@code http} loopback URIs ({@code localhost}, {@code
     * 127.0.0.1}) the port is ignored, as Microsoft does (RFC 8252).
     */
    boolean accepts(String candidate) {
      if (redirectUri.toString().equals(candidate)) {
        return true;
      }
      if (!"http".equals(redirectUri.getScheme()) || !isLoopback(redirectUri.getHost())) {
        return false;
      }
      try {
        URI other = new URI(candidate);
        return "http".equals(other.getScheme())
            && redirectUri.getHost().equalsIgnoreCase(other.getHost())
            && Objects.equals(redirectUri.getRawPath(), other.getRawPath())
            && Objects.equals(redirectUri.getRawQuery(), other.getRawQuery())
            && other.getRawFragment() == null
            && other.getRawUserInfo() == null;
      } catch (URISyntaxException e) {
        return false;
      }
    }

    private static boolean isLoopback(String host) {
      return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host);
    }
  }

  /** What the configuration given to the builder was; {@link #reset} returns to it. */
  static final class Config {
    final Map<String, App> apps;
    final List<FakeAccount> accounts;
    final boolean consentPage;
    final Duration accessTokenLifetime;
    final Duration refreshTokenLifetime;
    final boolean revokeRefreshTokenOnUse;
    final int maxMeetingsPerOrganizer;

    Config(
        Map<String, App> apps,
        List<FakeAccount> accounts,
        boolean consentPage,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        boolean revokeRefreshTokenOnUse,
        int maxMeetingsPerOrganizer) {
      this.apps = Map.copyOf(apps);
      this.accounts = List.copyOf(accounts);
      this.consentPage = consentPage;
      this.accessTokenLifetime = accessTokenLifetime;
      this.refreshTokenLifetime = refreshTokenLifetime;
      this.revokeRefreshTokenOnUse = revokeRefreshTokenOnUse;
      this.maxMeetingsPerOrganizer = maxMeetingsPerOrganizer;
    }
  }

  /** How the next sign-in at the authorize endpoint goes. */
  static final class SignIn {
    enum Kind {
      ACCOUNT,
      DECLINE,
      ADMIN_CONSENT
    }

    final Kind kind;
    final FakeAccount account;

    SignIn(Kind kind, FakeAccount account) {
      this.kind = kind;
      this.account = account;
    }
  }

  /** An authorize request waiting on the consent page. */
  static final class Pending {
    final String id;
    final Authorization authorization;
    final FakeAccount suggested;

    Pending(String id, Authorization authorization, FakeAccount suggested) {
      this.id = id;
      this.authorization = authorization;
      this.suggested = suggested;
    }
  }

  /** A validated authorize request. */
  static final class Authorization {
    final String tenant;
    final App app;
    final String redirectUri;
    final String state;
    final String responseMode;
    final String codeChallenge;
    final List<String> scopes;
    final String nonce;

    Authorization(
        String tenant,
        App app,
        String redirectUri,
        String state,
        String responseMode,
        String codeChallenge,
        List<String> scopes,
        String nonce) {
      this.tenant = tenant;
      this.app = app;
      this.redirectUri = redirectUri;
      this.state = state;
      this.responseMode = responseMode;
      this.codeChallenge = codeChallenge;
      this.scopes = List.copyOf(scopes);
      this.nonce = nonce;
    }
  }

  /** An authorization code. */
  static final class Code {
    final Authorization authorization;
    final FakeAccount account;
    final Instant expiresAt;
    boolean redeemed;

    Code(Authorization authorization, FakeAccount account, Instant expiresAt) {
      this.authorization = authorization;
      this.account = account;
      this.expiresAt = expiresAt;
    }
  }

  /** A refresh token. */
  static final class Refresh {
    final String clientId;
    final String objectId;
    final List<String> scopes;
    final Instant issuedAt;
    final Instant expiresAt;
    final int generation;
    boolean usedAndRevoked;

    Refresh(
        String clientId,
        String objectId,
        List<String> scopes,
        Instant issuedAt,
        Instant expiresAt,
        int generation) {
      this.clientId = clientId;
      this.objectId = objectId;
      this.scopes = List.copyOf(scopes);
      this.issuedAt = issuedAt;
      this.expiresAt = expiresAt;
      this.generation = generation;
    }
  }

  /** An access token for Graph. */
  static final class Access {
    final String clientId;
    final String objectId;
    final Set<String> graphScopes;
    Instant expiresAt;

    Access(String clientId, String objectId, Set<String> graphScopes, Instant expiresAt) {
      this.clientId = clientId;
      this.objectId = objectId;
      this.graphScopes = Set.copyOf(graphScopes);
      this.expiresAt = expiresAt;
    }
  }

  final FakeClock clock;
  final Config initial;

  // configuration, changeable at run time, restored by reset()
  final Map<String, App> apps = new LinkedHashMap<>();
  final Map<String, FakeAccount> accounts = new LinkedHashMap<>();
  boolean consentPage;
  Duration accessTokenLifetime;
  Duration refreshTokenLifetime;
  boolean revokeRefreshTokenOnUse;
  int maxMeetingsPerOrganizer;

  // scenario
  final Deque<SignIn> nextSignIns = new ArrayDeque<>();

  /** Claims that replace the real ones in the next id token issued; empty for none. */
  final Map<String, String> nextIdTokenClaims = new LinkedHashMap<>();

  // grants
  final Map<String, Pending> pending = new HashMap<>();
  final Map<String, Code> codes = new HashMap<>();
  final Map<String, Refresh> refreshTokens = new HashMap<>();
  final Map<String, Access> accessTokens = new HashMap<>();
  final Map<String, Integer> revocations = new HashMap<>();
  final Map<String, Instant> tokensValidFrom = new HashMap<>();
  final Set<String> consents = new HashSet<>();

  /** Application permissions: admin consents, application tokens, access policies. */
  final AppPermissions appPermissions = new AppPermissions();

  // Graph
  final Map<String, LinkedHashMap<String, ObjectNode>> meetings = new LinkedHashMap<>();
  final Map<String, String> externalIds = new HashMap<>();

  // calendar
  final Map<String, LinkedHashMap<String, ObjectNode>> events = new LinkedHashMap<>();
  final Map<String, String> eventTransactions = new HashMap<>();
  final Map<String, List<String>> allowedProviders = new HashMap<>();
  final Set<String> eventsWithoutTeams = new HashSet<>();
  final List<Invitation> invitations = new java.util.ArrayList<>();
  boolean ignorePreferTimeZone;

  /** The calendar's {@code allowedOnlineMeetingProviders} (default {@code teamsForBusiness}). */
  synchronized List<String> allowedProviders(FakeAccount account) {
    return allowedProviders.getOrDefault(account.objectId(), List.of("teamsForBusiness"));
  }

  State(FakeClock clock, Config initial) {
    this.clock = clock;
    this.initial = initial;
    reset();
  }

  synchronized void reset() {
    apps.clear();
    apps.putAll(initial.apps);
    accounts.clear();
    initial.accounts.forEach(this::putAccount);
    consentPage = initial.consentPage;
    accessTokenLifetime = initial.accessTokenLifetime;
    refreshTokenLifetime = initial.refreshTokenLifetime;
    revokeRefreshTokenOnUse = initial.revokeRefreshTokenOnUse;
    maxMeetingsPerOrganizer = initial.maxMeetingsPerOrganizer;
    nextSignIns.clear();
    nextIdTokenClaims.clear();
    pending.clear();
    codes.clear();
    refreshTokens.clear();
    accessTokens.clear();
    revocations.clear();
    tokensValidFrom.clear();
    consents.clear();
    appPermissions.reset();
    meetings.clear();
    externalIds.clear();
    events.clear();
    eventTransactions.clear();
    allowedProviders.clear();
    eventsWithoutTeams.clear();
    invitations.clear();
    ignorePreferTimeZone = false;
  }

  Instant now() {
    return clock.instant();
  }

  synchronized void putAccount(FakeAccount account) {
    for (FakeAccount other : accounts.values()) {
      if (other.objectId().equals(account.objectId())
          && !other.userPrincipalName().equalsIgnoreCase(account.userPrincipalName())) {
        throw new IllegalArgumentException(
            "objectId " + account.objectId() + " already belongs to " + other.userPrincipalName());
      }
    }
    accounts.put(key(account.userPrincipalName()), account);
  }

  synchronized Optional<FakeAccount> account(String upn) {
    return upn == null ? Optional.empty() : Optional.ofNullable(accounts.get(key(upn)));
  }

  synchronized FakeAccount requireAccount(String upn) {
    if (upn == null || upn.isBlank()) {
      throw new IllegalArgumentException("userPrincipalName must not be null or blank");
    }
    return account(upn)
        .orElseThrow(
            () -> new IllegalArgumentException("no account " + upn + "; known: " + accountNames()));
  }

  synchronized Optional<FakeAccount> accountByObjectId(String objectId) {
    for (FakeAccount account : accounts.values()) {
      if (account.objectId().equals(objectId)) {
        return Optional.of(account);
      }
    }
    return Optional.empty();
  }

  synchronized List<String> accountNames() {
    List<String> names = new ArrayList<>();
    accounts.values().forEach(a -> names.add(a.userPrincipalName()));
    return names;
  }

  synchronized Optional<FakeAccount> defaultAccount() {
    return accounts.values().stream().findFirst();
  }

  synchronized int generation(String objectId) {
    return revocations.getOrDefault(objectId, 0);
  }

  /** Revokes every refresh token of the account issued so far (AADSTS50173 from now on). */
  synchronized void revokeGrants(FakeAccount account) {
    revocations.merge(account.objectId(), 1, Integer::sum);
    tokensValidFrom.put(account.objectId(), now());
  }

  synchronized void expireAccessTokens(FakeAccount account) {
    Instant now = now();
    for (Access access : accessTokens.values()) {
      if (access.objectId.equals(account.objectId()) && access.expiresAt.isAfter(now)) {
        access.expiresAt = now;
      }
    }
  }

  synchronized void purgeExpired() {
    Instant now = now();
    if (accessTokens.size() > PURGE_THRESHOLD) {
      accessTokens.values().removeIf(a -> !a.expiresAt.isAfter(now));
    }
    if (codes.size() > PURGE_THRESHOLD) {
      codes.values().removeIf(c -> c.redeemed || !c.expiresAt.isAfter(now));
    }
    if (refreshTokens.size() > PURGE_THRESHOLD) {
      refreshTokens.values().removeIf(r -> r.usedAndRevoked || !r.expiresAt.isAfter(now));
    }
    if (pending.size() > PURGE_THRESHOLD) {
      pending.clear();
    }
  }

  static String key(String upn) {
    return upn.toLowerCase(Locale.ROOT);
  }

  static String consentKey(String clientId, String objectId) {
    return clientId + " " + objectId;
  }
}
