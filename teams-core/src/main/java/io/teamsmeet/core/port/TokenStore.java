package io.teamsmeet.core.port;

import java.util.Optional;

/**
 * Keeps one sealed grant per application user, with compare-and-set writes.
 *
 * <p>This is the port applications implement most often. The promise, checked by {@code
 * TokenStoreContract} in {@code teams-testkit}:
 *
 * <ul>
 *   <li>{@link #load} returns exactly what the last successful {@link #save} stored for that user
 *       (bytes unchanged), or empty.
 *   <li>{@link #save} is atomic compare-and-set on the version: with {@code expectedVersion ==
 *       ABSENT} it inserts only if the user has no record; otherwise it replaces the record only if
 *       its current version equals {@code expectedVersion}. It returns {@code false} on a conflict and
 *       changes nothing. Several threads and several processes may call it at once for one user:
 *       exactly one of two racing saves with the same expected version wins.
 *   <li>{@link #delete} removes the record only if its version is {@code expectedVersion}.
 *   <li>Users are isolated: nothing done for one user changes another's record.
 * </ul>
 *
 * <p>A store only ever receives ciphertext; it never needs a key. A failure of the storage itself
 * (database down, timeout) is reported as {@code io.teamsmeet.core.TokenStoreException}, never as
 * a conflict: the core then keeps everything as it was. Implementations must be thread-safe.
 *
 * <pre>{@code
 * final class MyTokenStore implements TokenStore {
 *   public Optional<StoredGrant> load(String userId) { ... select ... }
 *   public boolean save(StoredGrant grant, long expectedVersion) {
 *     return expectedVersion == ABSENT
 *         ? insertIfAbsent(grant)                          // false on duplicate key
 *         : update(grant, expectedVersion) == 1;            // ... where user_id = ? and version = ?
 *   }
 *   public boolean delete(String userId, long expectedVersion) { ... where version = ? ... }
 * }
 * }</pre>
 */
public interface TokenStore {

  /** The expected version that means "there must be no record yet". */
  long ABSENT = 0L;

  /**
   * Loads the user's grant.
   *
   * @param userId the application's user id
   * @return the stored grant, or empty when the user has none
   */
  Optional<StoredGrant> load(String userId);

  /**
   * Stores {@code grant} if the user's current version is {@code expectedVersion}.
   *
   * @param grant the new record, whose version differs from {@code expectedVersion}
   * @param expectedVersion the version the caller read, or {@link #ABSENT} to insert
   * @return {@code true} if stored; {@code false} if another writer got there first
   */
  boolean save(StoredGrant grant, long expectedVersion);

  /**
   * Deletes the user's grant if its version is {@code expectedVersion}.
   *
   * @param userId the application's user id
   * @param expectedVersion the version the caller read
   * @return {@code true} if a record was deleted; {@code false} if there was none or it had another
   *     version
   */
  boolean delete(String userId, long expectedVersion);
}
