package io.teamsmeet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.teamsmeet.ReauthorizationRequiredException.Reason;
import io.teamsmeet.spi.AuthPort;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.TokenResponse;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Per-user access tokens: a Caffeine cache in front of the token store and the identity platform.
 *
 * <ul>
 *   <li>A cached token is used until {@code expiresAt - skew}; from {@code refreshAt} on, one
 *       background refresh replaces it while callers keep using the current one.
 *   <li>Callers for one user that find no usable token share one refresh (single flight through
 *       {@link SingleFlight}); other users never wait for it: the refresh runs outside any lock. A
 *       waiter waits at most until its own call's deadline, and is released at once when the
 *       refresh fails or the service closes.
 *   <li>A background refresh joins the single flight only when it starts running: a caller never
 *       waits behind a task that is still queued (behind other users' refreshes); one task is
 *       queued per user; the executor's queue is bounded and a full queue skips the refresh-ahead.
 *   <li>A refresh persists the (rotated) refresh token with compare-and-set before its access token
 *       is used; a lost race re-reads the store and refreshes the newer grant.
 *   <li>A cached token is checked against the store at least every {@code grantCheckInterval} (on
 *       the builder's clock): a grant removed elsewhere ends its use; a grant replaced by a new
 *       connection (another connection id) makes the next call refresh from the new grant.
 *   <li>{@link #changes} orders, per user, the cache updates of connect, disconnect and refresh: a
 *       refresh that began before a connect or disconnect of the same user never installs its token
 *       after it.
 * </ul>
 */
final class AccessTokens {

  private static final System.Logger LOG = System.getLogger(Loggers.TOKENS);

  /**
   * A usable access token, the grant version and connection it was issued for, and when its grant
   * must next be confirmed against the store (builder's clock).
   */
  record Entry(
      AccessToken token,
      Instant usableUntil,
      Instant refreshAt,
      long grantVersion,
      long connectionId,
      Instant checkAt,
      Set<String> scopes) {

    Entry confirmed(long version, Instant nextCheck) {
      return new Entry(token, usableUntil, refreshAt, version, connectionId, nextCheck, scopes);
    }
  }

  private final AuthPort auth;
  private final TokenStore store;
  private final Grants grants;
  private final Clock clock;
  private final Duration skew;
  private final Duration refreshAhead;
  private final Duration grantCheckInterval;
  private final List<String> scopes;
  private final Retrier retrier;
  private final Duration callTimeout;
  private final TeamsListener listener;

  private final Ticker ticker;
  private final Cache<String, Entry> cache;

  /**
   * Sequence numbers of the last connect or disconnect per user, kept long enough to fence
   * refreshes. No size bound: an entry must not be evicted while a refresh it fences may still
   * finish.
   */
  private final Cache<String, Long> changes;

  private final AtomicLong sequence = new AtomicLong();
  private final SingleFlight<Entry> flights;

  AccessTokens(
      AuthPort auth,
      TokenStore store,
      Grants grants,
      Clock clock,
      Duration skew,
      Duration refreshAhead,
      Duration grantCheckInterval,
      List<String> scopes,
      Executor background,
      long maximumUsers,
      Retrier retrier,
      Duration callTimeout,
      TeamsListener listener) {
    this.listener = listener;
    this.auth = auth;
    this.store = store;
    this.grants = grants;
    this.clock = clock;
    this.skew = skew;
    this.refreshAhead = refreshAhead;
    this.grantCheckInterval = grantCheckInterval;
    this.scopes = scopes;
    this.flights = new SingleFlight<>(background);
    this.retrier = retrier;
    this.callTimeout = callTimeout;
    this.ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.cache =
        Caffeine.newBuilder()
            .ticker(ticker)
            .maximumSize(maximumUsers)
            .expireAfter(
                new Expiry<String, Entry>() {
                  @Override
                  public long expireAfterCreate(String key, Entry entry, long currentTime) {
                    return nanosUntil(entry.usableUntil());
                  }

                  @Override
                  public long expireAfterUpdate(
                      String key, Entry entry, long currentTime, long currentDuration) {
                    return nanosUntil(entry.usableUntil());
                  }

                  @Override
                  public long expireAfterRead(
                      String key, Entry entry, long currentTime, long currentDuration) {
                    return currentDuration;
                  }
                })
            .build();
    this.changes =
        Caffeine.newBuilder().ticker(ticker).expireAfterWrite(Duration.ofMinutes(15)).build();
  }

  private long nanosUntil(Instant instant) {
    return Math.max(0, Duration.between(clock.instant(), instant).toNanos());
  }

  /**
   * Returns a usable access token for the user, refreshing if needed.
   *
   * @throws ReauthorizationRequiredException if the user must connect again
   * @throws TeamsServiceException (retryable, not sent) if the deadline passed while waiting for
   *     another thread's refresh of this user
   * @throws IllegalStateException if the service is closed
   */
  AccessToken get(String userId, Deadline deadline) {
    flights.requireOpen();
    Entry entry = cache.getIfPresent(userId);
    Instant now = clock.instant();
    if (entry != null && now.isBefore(entry.usableUntil())) {
      if (!now.isBefore(entry.checkAt())) {
        entry = confirmWithStore(userId, entry, now);
      }
      if (entry != null) {
        if (!now.isBefore(entry.refreshAt())) {
          refreshInBackground(userId);
        }
        return entry.token();
      }
    }
    return refreshShared(userId, null, deadline).token();
  }

  /**
   * Checks a cached entry against the store: returns it (confirmed now) if its grant is still
   * stored, or was only refreshed elsewhere (same connection id); null if the grant was replaced by
   * another connection or cannot be opened (the caller then refreshes from what is stored).
   *
   * @throws ReauthorizationRequiredException if the grant was removed (a disconnect elsewhere)
   */
  private Entry confirmWithStore(String userId, Entry entry, Instant now) {
    Optional<StoredGrant> stored = store.load(userId);
    if (stored.isEmpty()) {
      cache.asMap().remove(userId, entry);
      LOG.log(
          Level.DEBUG, "the grant of user {0} was removed elsewhere; its token is dropped", userId);
      throw ReauthorizationRequiredException.of(userId, Reason.NOT_CONNECTED, ErrorDetails.none());
    }
    long version = stored.get().version();
    if (version != entry.grantVersion()) {
      Grant grant;
      try {
        grant = grants.open(userId, stored.get());
      } catch (ReauthorizationRequiredException unreadable) {
        grant = null;
      }
      if (grant == null || grant.connectionId() != entry.connectionId()) {
        cache.asMap().remove(userId, entry);
        LOG.log(
            Level.DEBUG,
            "the grant of user {0} was replaced elsewhere; its token is dropped",
            userId);
        return null;
      }
    }
    Entry confirmed = entry.confirmed(version, now.plus(grantCheckInterval));
    cache.asMap().replace(userId, entry, confirmed);
    return confirmed;
  }

  /**
   * The scopes Microsoft granted with the user's cached token (or with their grant), for the scope
   * checks of {@link GraphCalls}; empty when unknown or nothing is cached.
   */
  Set<String> grantedScopes(String userId) {
    Entry entry = cache.getIfPresent(userId);
    return entry == null ? Set.of() : entry.scopes();
  }

  /**
   * Drops {@code rejected} if it is still the cached token, then returns a token from a refresh
   * (shared with concurrent callers) that is not {@code rejected}.
   */
  AccessToken replaceRejected(String userId, AccessToken rejected, Deadline deadline) {
    flights.requireOpen();
    cache.asMap().computeIfPresent(userId, (k, e) -> e.token().equals(rejected) ? null : e);
    return refreshShared(userId, rejected, deadline).token();
  }

  /** Installs the token of a new connection; it wins over any refresh in progress. */
  void connected(String userId, TokenResponse response, long grantVersion, long connectionId) {
    Entry entry = entryFor(response, grantVersion, connectionId, response.scopes());
    changes
        .asMap()
        .compute(
            userId,
            (k, previous) -> {
              cache.put(userId, entry);
              return sequence.incrementAndGet();
            });
  }

  /** Forgets the user's token; a refresh in progress for them will not install one. */
  void disconnected(String userId) {
    changes
        .asMap()
        .compute(
            userId,
            (k, previous) -> {
              cache.invalidate(userId);
              return sequence.incrementAndGet();
            });
  }

  long cachedUsers() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /**
   * Stops: later calls fail with {@link IllegalStateException}, and every caller waiting for a
   * refresh is released at once with the same; a queued background refresh does nothing when it
   * runs.
   */
  void close() {
    flights.close();
  }

  private Entry entryFor(
      TokenResponse response, long grantVersion, long connectionId, Set<String> scopes) {
    Instant now = clock.instant();
    Instant expiresAt = response.expiresAt();
    Duration lifetime = Duration.between(now, expiresAt);
    if (lifetime.isNegative()) {
      lifetime = Duration.ZERO;
    }
    // A token that lives shorter than twice the skew is used for half its life.
    Duration effectiveSkew = min(skew, lifetime.dividedBy(2));
    Instant usableUntil = expiresAt.minus(effectiveSkew);
    Duration usable = Duration.between(now, usableUntil);
    Duration ahead = min(refreshAhead, usable.dividedBy(2));
    return new Entry(
        response.accessToken(),
        usableUntil,
        usableUntil.minus(ahead),
        grantVersion,
        connectionId,
        now.plus(grantCheckInterval),
        Set.copyOf(scopes));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private Entry refreshShared(String userId, AccessToken rejected, Deadline deadline) {
    return flights.run(
        userId,
        deadline,
        shared -> rejected != null && shared.token().equals(rejected),
        () ->
            refreshUnlessFresh(
                userId,
                deadline,
                rejected == null
                    ? TeamsListener.RefreshTrigger.CALL
                    : TeamsListener.RefreshTrigger.REJECTED_TOKEN,
                e ->
                    clock.instant().isBefore(e.usableUntil())
                        && (rejected == null || !e.token().equals(rejected))));
  }

  /** Queues one refresh-ahead for the user (never waited for while queued). */
  private void refreshInBackground(String userId) {
    if (refreshAhead.isZero()) {
      return;
    }
    SingleFlight.Queued queued =
        flights.ahead(
            userId,
            () ->
                refreshUnlessFresh(
                    userId,
                    Deadline.after(callTimeout),
                    TeamsListener.RefreshTrigger.AHEAD,
                    e -> clock.instant().isBefore(e.refreshAt())));
    if (queued == SingleFlight.Queued.NOW) {
      listener.refreshAheadQueued(userId);
    } else if (queued == SingleFlight.Queued.REJECTED) {
      listener.refreshAheadSkipped(userId);
    }
  }

  /** Runs one refresh unless the cache already holds an entry that {@code stillGood} accepts. */
  private Entry refreshUnlessFresh(
      String userId,
      Deadline deadline,
      TeamsListener.RefreshTrigger trigger,
      Predicate<Entry> stillGood) {
    long startedAt = sequence.get();
    Entry cached = cache.getIfPresent(userId);
    if (cached != null && stillGood.test(cached)) {
      return cached;
    }
    long started = System.nanoTime();
    TeamsListener.RefreshOutcome outcome = TeamsListener.RefreshOutcome.FAILURE;
    try {
      Entry refreshed = refresh(userId, deadline, startedAt);
      outcome = TeamsListener.RefreshOutcome.SUCCESS;
      return refreshed;
    } catch (ReauthorizationRequiredException e) {
      outcome = TeamsListener.RefreshOutcome.REAUTHORIZATION_REQUIRED;
      throw e;
    } finally {
      listener.tokenRefreshed(
          userId, trigger, outcome, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** One refresh from the stored grant, under the grant lifecycle's compare-and-set loop. */
  private Entry refresh(String userId, Deadline deadline, long startedAt) {
    return grants.change(
        userId,
        "refresh the grant",
        current -> {
          StoredGrant stored =
              current.orElseThrow(
                  () ->
                      ReauthorizationRequiredException.of(
                          userId, Reason.NOT_CONNECTED, ErrorDetails.none()));
          Grant grant = grants.open(userId, stored);
          TokenResponse response;
          try {
            // A refresh may be repeated safely: Microsoft does not revoke the token it rotates.
            response =
                retrier.call(
                    "token refresh",
                    Retrier.Safety.IDEMPOTENT,
                    deadline,
                    d ->
                        auth.refresh(
                            grant.refreshToken(),
                            GraphScopes.forRefresh(scopes, grant.scopes()),
                            d));
          } catch (ReauthorizationRequiredException e) {
            if (!e.reason().grantIsDead()) {
              throw e.forUser(userId);
            }
            if (store.delete(userId, stored.version())) {
              LOG.log(
                  Level.INFO,
                  "Microsoft rejected the grant of user {0} ({1}); it was removed",
                  userId,
                  e.reason());
              disconnected(userId);
              listener.grantDeleted(
                  userId,
                  e.reason() == Reason.CONSENT_REQUIRED
                      ? TeamsListener.DeletionReason.CONSENT_REQUIRED
                      : TeamsListener.DeletionReason.INVALID_GRANT);
              throw e.forUser(userId);
            }
            return Optional.empty(); // the grant changed while we refreshed: try the newer one
          }
          Grant next =
              grant.withRefreshToken(
                  response.refreshToken().orElse(grant.refreshToken()), response.scopes());
          // Always re-seal: a rotated token must be stored, and an old one moves to the primary.
          StoredGrant updated = grants.sealed(userId, next, stored.version());
          if (!store.save(updated, stored.version())) {
            LOG.log(Level.DEBUG, "refresh for user {0} lost a store race; re-reading", userId);
            return Optional.empty();
          }
          return Optional.of(
              install(
                  userId,
                  startedAt,
                  entryFor(response, updated.version(), grant.connectionId(), next.scopes())));
        });
  }

  private Entry install(String userId, long startedAt, Entry fresh) {
    Entry[] result = new Entry[1];
    changes
        .asMap()
        .compute(
            userId,
            (k, lastChange) -> {
              if (lastChange == null || lastChange <= startedAt) {
                cache.put(userId, fresh);
                result[0] = fresh;
              } else {
                result[0] =
                    cache.getIfPresent(userId); // a connect's entry, or null after a disconnect
              }
              return lastChange;
            });
    if (result[0] == null) {
      throw ReauthorizationRequiredException.of(userId, Reason.NOT_CONNECTED, ErrorDetails.none());
    }
    return result[0];
  }
}
