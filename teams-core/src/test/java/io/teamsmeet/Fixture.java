package io.teamsmeet;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.teamsmeet.store.TokenStore;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/** A service wired to the in-process fakes, a test clock and a fresh Tink keyset. */
final class Fixture implements AutoCloseable {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
  final FakeIdentity identity = new FakeIdentity(clock);
  final FakeGraph graph = new FakeGraph(identity);
  final FakeEvents events = new FakeEvents(identity);
  final TestStore store = new TestStore();
  final KeysetHandle keys;

  /** Every wait the service asked for between retries; nobody actually sleeps in core tests. */
  final java.util.List<Duration> sleeps = new java.util.concurrent.CopyOnWriteArrayList<>();

  final TeamsMeetings service;

  Fixture() {
    this(b -> b);
  }

  Fixture(UnaryOperator<TeamsMeetings.Builder> customize) {
    this.keys = newKeyset();
    this.service = customize.apply(builder(store, keys)).build();
  }

  TeamsMeetings.Builder builder(TokenStore tokenStore, KeysetHandle keyset) {
    return TeamsMeetings.builder()
        .ports(identity, graph, events)
        .tokenStore(tokenStore)
        .tokenKeys(keyset)
        .clock(clock)
        .sleeper(sleeps::add)
        .refreshExecutor((Executor) Runnable::run);
  }

  static KeysetHandle newKeyset() {
    try {
      AeadConfig.register();
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs steps 1 and 2 for {@code userId} signing in as {@code account}. */
  Connection connect(String userId, String account) {
    return connect(service, userId, account);
  }

  Connection connect(TeamsMeetings on, String userId, String account) {
    URI url = on.beginConnect(userId);
    return on.completeConnect(userId, identity.consent(url, account));
  }

  /** Moves the clock past the access token's usable life. */
  void expireAccessTokens() {
    clock.advance(identity.accessTokenLifetime.plus(Duration.ofSeconds(1)));
  }

  @Override
  public void close() {
    service.close();
  }
}
