package io.teamsmeet;

import io.teamsmeet.spi.AuthPort;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.TokenResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Application tokens (client-credentials grant), one cached per tenant: used until shortly before
 * expiry, refreshed ahead in the background, asked for once by many callers at once ({@link
 * SingleFlight}), dropped and asked for again once after Graph rejects one. Nothing is persisted:
 * an application token is asked for again whenever it is needed. Thread-safe.
 */
final class AppTokens {

  private static final System.Logger LOG = System.getLogger(Loggers.TOKENS);

  /**
   * A cached token: used until {@code usableUntil}, refreshed in the background from {@code
   * refreshAt}.
   */
  record Entry(AccessToken token, Instant usableUntil, Instant refreshAt) {}

  private final AuthPort auth;
  private final Clock clock;
  private final Duration skew;
  private final Duration refreshAhead;
  private final Duration callTimeout;
  private final Retrier retrier;
  private final String scope;
  private final TeamsListener listener;
  private final SingleFlight<Entry> flights;
  private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

  AppTokens(
      AuthPort auth,
      Clock clock,
      Duration skew,
      Duration refreshAhead,
      Duration callTimeout,
      Retrier retrier,
      Executor background,
      String scope,
      TeamsListener listener) {
    this.auth = auth;
    this.clock = clock;
    this.skew = skew;
    this.refreshAhead = refreshAhead;
    this.callTimeout = callTimeout;
    this.retrier = retrier;
    this.scope = scope;
    this.listener = listener;
    this.flights = new SingleFlight<>(background);
  }

  /** The tenant's token, valid for at least the skew. */
  AccessToken get(String tenant, Deadline deadline) {
    flights.requireOpen();
    String key = key(tenant);
    Entry cached = cache.get(key);
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cached.usableUntil())) {
      if (!now.isBefore(cached.refreshAt()) && !refreshAhead.isZero()) {
        flights.ahead(
            key, () -> fetchUnlessFresh(tenant, key, Deadline.after(callTimeout), null, true));
      }
      return cached.token();
    }
    return flights
        .run(key, deadline, e -> false, () -> fetchUnlessFresh(tenant, key, deadline, null, false))
        .token();
  }

  /** After Graph rejected {@code rejected}: a token that is not it (asked for once). */
  AccessToken replaceRejected(String tenant, AccessToken rejected, Deadline deadline) {
    String key = key(tenant);
    Entry current = cache.get(key);
    if (current != null && current.token().equals(rejected)) {
      cache.remove(key, current);
    }
    return flights
        .run(
            key,
            deadline,
            shared -> shared.token().equals(rejected),
            () -> fetchUnlessFresh(tenant, key, deadline, rejected, false))
        .token();
  }

  void close() {
    flights.close();
    cache.clear();
  }

  private Entry fetchUnlessFresh(
      String tenant, String key, Deadline deadline, AccessToken rejected, boolean ahead) {
    Entry cached = cache.get(key);
    Instant now = clock.instant();
    if (cached != null
        && (rejected == null || !cached.token().equals(rejected))
        && now.isBefore(ahead ? cached.refreshAt() : cached.usableUntil())) {
      return cached; // another caller refreshed meanwhile
    }
    TokenResponse response;
    long started = System.nanoTime();
    TeamsListener.ApplicationTokenOutcome outcome = TeamsListener.ApplicationTokenOutcome.FAILURE;
    try {
      response =
          retrier.call(
              "application token request",
              Retrier.Safety.IDEMPOTENT,
              deadline,
              d -> auth.clientCredentials(tenant, scope, d));
      outcome = TeamsListener.ApplicationTokenOutcome.SUCCESS;
    } catch (ConfigurationException | ReauthorizationRequiredException e) {
      if (notConsented(e)) {
        cache.remove(key);
        outcome = TeamsListener.ApplicationTokenOutcome.ADMIN_CONSENT_REQUIRED;
        throw AdminConsentRequiredException.of(tenant, e);
      }
      throw e;
    } finally {
      listener.applicationTokenRequested(
          tenant,
          ahead
              ? TeamsListener.RefreshTrigger.AHEAD
              : rejected != null
                  ? TeamsListener.RefreshTrigger.REJECTED_TOKEN
                  : TeamsListener.RefreshTrigger.CALL,
          outcome,
          Duration.ofNanos(System.nanoTime() - started));
    }
    Entry entry = entryFor(response);
    cache.put(key, entry);
    LOG.log(System.Logger.Level.DEBUG, "application token for tenant {0} obtained", tenant);
    return entry;
  }

  /**
   * Whether Microsoft's refusal means the app has no (or no longer a) service principal or consent
   * in the tenant.
   */
  static boolean notConsented(TeamsException e) {
    if (e instanceof ReauthorizationRequiredException) {
      return true; // invalid_grant / consent_required for a client-credentials request
    }
    return e.details()
        .aadsts()
        .map(c -> c == 700016L || c == 7000229L || c == 65001L || c == 90094L)
        .orElse(false);
  }

  private Entry entryFor(TokenResponse response) {
    Instant now = clock.instant();
    Duration lifetime = Duration.between(now, response.expiresAt());
    if (lifetime.isNegative()) {
      lifetime = Duration.ZERO;
    }
    Duration effectiveSkew = min(skew, lifetime.dividedBy(2));
    Instant usableUntil = response.expiresAt().minus(effectiveSkew);
    Duration usable = Duration.between(now, usableUntil);
    Duration ahead = min(refreshAhead, usable.dividedBy(2));
    return new Entry(response.accessToken(), usableUntil, usableUntil.minus(ahead));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String key(String tenant) {
    return tenant.toLowerCase(Locale.ROOT);
  }
}
