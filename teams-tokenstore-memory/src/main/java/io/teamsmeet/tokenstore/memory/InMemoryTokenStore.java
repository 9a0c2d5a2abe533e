package io.teamsmeet.tokenstore.memory;

import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TokenStore} in this JVM's memory, with compare-and-set exactly like a database's {@code
 * update ... where version = ?}.
 *
 * <p>For tests, demos and single-instance applications that accept that a restart forgets every
 * connection. It holds only what the core hands it: sealed ciphertext, never a clear token.
 *
 * <pre>{@code
 * TokenStore store = new InMemoryTokenStore();
 * }</pre>
 *
 * <p>Thread-safe: each operation is atomic per user, and users never block each other except for
 * the hash-bin sharing of {@link ConcurrentHashMap}.
 */
public final class InMemoryTokenStore implements TokenStore {

  private final ConcurrentHashMap<String, StoredGrant> grants = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryTokenStore() {}

  @Override
  public Optional<StoredGrant> load(String userId) {
    requireUserId(userId);
    return Optional.ofNullable(grants.get(userId));
  }

  @Override
  public boolean save(StoredGrant grant, long expectedVersion) {
    if (grant == null) {
      throw new IllegalArgumentException("grant must not be null");
    }
    if (grant.version() == expectedVersion) {
      throw new IllegalArgumentException(
          "grant.version must differ from expectedVersion (" + expectedVersion + ")");
    }
    if (expectedVersion == ABSENT) {
      return grants.putIfAbsent(grant.userId(), grant) == null;
    }
    boolean[] saved = new boolean[1];
    grants.computeIfPresent(
        grant.userId(),
        (user, current) -> {
          if (current.version() != expectedVersion) {
            return current;
          }
          saved[0] = true;
          return grant;
        });
    return saved[0];
  }

  @Override
  public boolean delete(String userId, long expectedVersion) {
    requireUserId(userId);
    boolean[] deleted = new boolean[1];
    grants.computeIfPresent(
        userId,
        (user, current) -> {
          if (current.version() != expectedVersion) {
            return current;
          }
          deleted[0] = true;
          return null;
        });
    return deleted[0];
  }

  /** How many users have a grant here. */
  public int size() {
    return grants.size();
  }

  private static void requireUserId(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be null or blank");
    }
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore[" + grants.size() + " grants]";
  }
}
