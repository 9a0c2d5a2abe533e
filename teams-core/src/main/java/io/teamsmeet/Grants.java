package io.teamsmeet;

import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The lifecycle of the users' stored grants: open, seal, the next version, and the one
 * compare-and-set loop that every change of a row goes through (connect, disconnect, re-seal,
 * refresh): read the row, decide, write with the version read; when another writer won, read again.
 * Thread-safe; holds no state of its own beyond the store.
 */
final class Grants {

  /** How often one change is tried before the SDK gives up on a row other writers keep changing. */
  private static final int MAX_RACES = 5;

  private final TokenStore store;
  private final GrantCodec codec;
  private final Clock clock;
  private final SecureRandom random;
  private final TeamsListener listener;

  Grants(
      TokenStore store,
      GrantCodec codec,
      Clock clock,
      SecureRandom random,
      TeamsListener listener) {
    this.store = store;
    this.codec = codec;
    this.clock = clock;
    this.random = random;
    this.listener = listener;
  }

  /** One attempt at a change of a user's row; empty when another writer won the race. */
  @FunctionalInterface
  interface Attempt<T> {
    Optional<T> apply(Optional<StoredGrant> current);
  }

  /**
   * Runs {@code attempt} on the current row until it succeeds.
   *
   * @param what the change, for the message of a lost fight ("store the new grant")
   * @throws TeamsServiceException (retryable) if other writers changed the row on every attempt
   */
  <T> T change(String userId, String what, Attempt<T> attempt) {
    for (int i = 0; i < MAX_RACES; i++) {
      Optional<T> done = attempt.apply(store.load(userId));
      if (done.isPresent()) {
        return done.get();
      }
      listener.storeConflict(userId, what);
    }
    throw TeamsServiceException.of(
        "could not " + what + " of user '" + userId + "': other writers kept changing it",
        ErrorDetails.none(),
        true,
        null);
  }

  /**
   * Opens a stored grant.
   *
   * @throws ReauthorizationRequiredException ({@code STORED_TOKEN_UNREADABLE}) if no key opens it
   */
  Grant open(String userId, StoredGrant stored) {
    try {
      return codec.open(userId, stored.ciphertext());
    } catch (GeneralSecurityException e) {
      throw ReauthorizationRequiredException.unreadable(userId, null);
    }
  }

  /** The grant sealed as the row that follows {@code previousVersion}. */
  StoredGrant sealed(String userId, Grant grant, long previousVersion) {
    return new StoredGrant(userId, nextVersion(previousVersion), codec.seal(userId, grant), now());
  }

  /** Stores a new connection's grant over whatever the user had; returns its version. */
  long saveNew(String userId, Grant grant) {
    byte[] sealed = codec.seal(userId, grant);
    Instant now = now();
    return change(
        userId,
        "store the new grant",
        current -> {
          long expected = current.map(StoredGrant::version).orElse(TokenStore.ABSENT);
          // A fresh random start after a delete, so a stale writer's expected version never
          // matches a new connection's record (no ABA across disconnect and reconnect).
          long version =
              current.isPresent() ? nextVersion(expected) : 1 + (random.nextLong() >>> 2);
          return store.save(new StoredGrant(userId, version, sealed, now), expected)
              ? Optional.of(version)
              : Optional.empty();
        });
  }

  /** Removes the user's row if there is one; true if this call deleted one. */
  boolean remove(String userId) {
    return change(
        userId,
        "remove the grant",
        current -> {
          if (current.isEmpty()) {
            return Optional.of(false);
          }
          return store.delete(userId, current.get().version())
              ? Optional.of(true)
              : Optional.empty();
        });
  }

  /** Re-seals the user's grant with the current primary key; false if there is none. */
  boolean reseal(String userId) {
    return change(
        userId,
        "re-seal the grant",
        current -> {
          if (current.isEmpty()) {
            return Optional.of(false);
          }
          StoredGrant resealed =
              sealed(userId, open(userId, current.get()), current.get().version());
          return store.save(resealed, current.get().version())
              ? Optional.of(true)
              : Optional.empty();
        });
  }

  /** What the store says about the user (Microsoft is not called). */
  ConnectionStatus status(String userId) {
    Optional<StoredGrant> stored = store.load(userId);
    if (stored.isEmpty()) {
      return new ConnectionStatus(userId, ConnectionStatus.State.NOT_CONNECTED, Optional.empty());
    }
    try {
      Grant grant = codec.open(userId, stored.get().ciphertext());
      return new ConnectionStatus(
          userId, ConnectionStatus.State.CONNECTED, Optional.of(grant.toConnection(userId)));
    } catch (GeneralSecurityException e) {
      return new ConnectionStatus(userId, ConnectionStatus.State.UNREADABLE, Optional.empty());
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  static long nextVersion(long version) {
    long next = version + 1;
    return next == TokenStore.ABSENT ? 1 : next;
  }
}
