package io.teamsmeet.store;

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
 *       its current version equals {@code expectedVersion}. It returns {@code false} on a conflict
 *       and changes nothing. Several threads and several processes may call it at once for one
 *       user: exactly one of two racing saves with the same expected version wins.
 *   <li>{@link #delete} removes the record only if its version is {@code expectedVersion}.
 *   <li>Users are isolated: nothing done for one user changes another's record.
 *   <li>Every user id the core accepts can be stored: up to {@link #MAX_USER_ID_UTF8_BYTES} (255)
 *       bytes in UTF-8, any Unicode text without control characters (see {@link
 *       #MAX_USER_ID_UTF8_BYTES}), compared exactly (case, accents and trailing spaces matter).
 * </ul>
 *
 * <p>A store only ever receives ciphertext; it never needs a key. A failure of the storage itself
 * (database down, timeout) is reported as {@code io.teamsmeet.store.TokenStoreException}, never as
 * a conflict: the core then keeps everything as it was.
 *
 * <p>Implementations must be thread-safe: one store is shared by every thread of a {@code
 * TeamsMeetings}, and several store instances (other application instances, other processes) may
 * work on the same data at once; the compare-and-set promised above keeps them from losing a write.
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
   * The longest application user id, in bytes of its UTF-8 encoding: 255. The core refuses a longer
   * id in every public method that takes one, first of all {@code beginConnect} (so a user is never
   * sent to Microsoft with an id that could not be stored after the code is spent), with an {@link
   * IllegalArgumentException} naming {@code userId} and this limit. It also refuses ids with a
   * character that would have to be escaped in a log line: C0 and C1 controls, DEL, U+2028, U+2029,
   * bidirectional controls and unpaired surrogates.
   *
   * <p>A store must accept every id within these rules. 255 UTF-8 bytes is at most 255 characters
   * (code points) and at most 255 UTF-16 code units, so it fits a {@code VARCHAR(255)} column
   * counted in characters (PostgreSQL, H2, MySQL and MariaDB {@code utf8mb4}) as well as SQL
   * Server's {@code NVARCHAR(255)} (UTF-16 code units) and any column of 255 bytes. ASCII ids may
   * be 255 characters long; ids of 2-, 3- or 4-byte characters are shorter (127, 85 or 63 of them).
   */
  int MAX_USER_ID_UTF8_BYTES = 255;

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
