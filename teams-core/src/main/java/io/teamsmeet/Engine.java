package io.teamsmeet;

import io.teamsmeet.spi.Ports;
import io.teamsmeet.store.TokenStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parts of one {@link TeamsMeetings}, wired from its builder: the grant lifecycle, the token
 * cache, the connect flow and the meetings, sharing one retry policy and one deadline setting.
 */
final class Engine {

  final Grants grants;
  final AccessTokens tokens;
  final ConnectFlow connect;
  final MeetingService meetings;
  final EventService events;
  final AppMode app;
  final AdminConsentFlow adminConsent;
  final Duration callTimeout;
  final TeamsListener listener;

  /** Whether the builder had a token store: without one, only application mode works. */
  final boolean delegated;

  private final ExecutorService ownExecutor;
  private final Runnable releasePorts;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  Engine(TeamsMeetings.Builder b, Ports ports) {
    SecureRandom random = new SecureRandom();
    List<String> scopes = List.copyOf(b.scopes);
    this.listener = Listeners.of(b.listeners);
    Retrier retrier =
        new Retrier(
            b.retryPolicy,
            b.sleeper != null
                ? b.sleeper
                : b.clock instanceof Sleeper clockSleeper ? clockSleeper : Sleeper.system(),
            listener);
    this.callTimeout = b.callTimeout;
    this.delegated = b.tokenStore != null;
    TokenStore store = delegated ? b.tokenStore : NoTokenStore.INSTANCE;
    this.grants = new Grants(store, new GrantCodec(b.aead), b.clock, random, listener);
    Executor executor = b.refreshExecutor;
    this.ownExecutor = executor == null ? newRefreshExecutor() : null;
    this.tokens =
        new AccessTokens(
            ports.auth(),
            store,
            grants,
            b.clock,
            b.expirySkew,
            b.refreshAhead,
            b.grantCheckInterval,
            scopes,
            executor == null ? ownExecutor : executor,
            b.maximumCachedUsers,
            retrier,
            callTimeout,
            listener);
    this.connect =
        new ConnectFlow(
            ports.auth(),
            new StateCodec(b.aead),
            grants,
            tokens,
            retrier,
            b.clock,
            b.stateLifetime,
            callTimeout,
            scopes,
            random,
            listener);
    GraphCalls graph = new GraphCalls(tokens, retrier, delegated);
    this.meetings = new MeetingService(ports.meetings(), graph, callTimeout);
    this.events = new EventService(ports.events(), graph, meetings, b.clock, callTimeout, scopes);
    String appScope = AppMode.scopeOf(b.cloud);
    this.app =
        new AppMode(
            new AppTokens(
                ports.auth(),
                b.clock,
                b.expirySkew,
                b.refreshAhead,
                callTimeout,
                retrier,
                executor == null ? ownExecutor : executor,
                appScope,
                listener),
            ports.auth(),
            ports.meetings(),
            ports.events(),
            retrier,
            callTimeout,
            b.clock,
            b.clientId,
            appScope);
    this.adminConsent =
        new AdminConsentFlow(ports.auth(), b.aead, b.clock, b.stateLifetime, appScope, random);
    this.releasePorts = ports.release();
  }

  /**
   * Fails a delegated operation on an instance built without a token store.
   *
   * @throws IllegalStateException naming {@code tokenStore}
   */
  void requireDelegated() {
    if (!delegated) {
      throw NoTokenStore.missing();
    }
  }

  void close() {
    if (!closed.compareAndSet(false, true)) {
      return; // idempotent: the ports' release runs once
    }
    try {
      tokens.close();
      app.close();
      if (ownExecutor != null) {
        ownExecutor.shutdownNow();
      }
    } finally {
      releasePorts.run();
    }
  }

  private static ExecutorService newRefreshExecutor() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            2,
            2,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000),
            r -> {
              Thread t = new Thread(r, "teams-token-refresh-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
