package io.teamsmeet;

import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A compare-and-set store for core tests that records every ciphertext it receives and can be made
 * to fail, like a database going down.
 */
final class TestStore implements TokenStore {
  final Map<String, StoredGrant> rows = new ConcurrentHashMap<>();
  final List<byte[]> received = new CopyOnWriteArrayList<>();
  final Queue<RuntimeException> saveFailures = new ConcurrentLinkedQueue<>();
  final Queue<RuntimeException> loadFailures = new ConcurrentLinkedQueue<>();
  final AtomicInteger loads = new AtomicInteger();
  final AtomicInteger saves = new AtomicInteger();
  final AtomicInteger successfulSaves = new AtomicInteger();
  final AtomicInteger deletes = new AtomicInteger();

  /** Runs after every successful save, outside any lock: lets a test act between save and use. */
  volatile Runnable afterSave = () -> {};

  @Override
  public Optional<StoredGrant> load(String userId) {
    loads.incrementAndGet();
    RuntimeException failure = loadFailures.poll();
    if (failure != null) {
      throw failure;
    }
    return Optional.ofNullable(rows.get(userId));
  }

  @Override
  public boolean save(StoredGrant grant, long expectedVersion) {
    RuntimeException failure = saveFailures.poll();
    if (failure != null) {
      throw failure;
    }
    saves.incrementAndGet();
    received.add(grant.ciphertext());
    if (expectedVersion == ABSENT) {
      boolean inserted = rows.putIfAbsent(grant.userId(), grant) == null;
      if (inserted) {
        successfulSaves.incrementAndGet();
      }
      return inserted;
    }
    boolean[] ok = new boolean[1];
    rows.computeIfPresent(
        grant.userId(),
        (k, current) -> {
          if (current.version() != expectedVersion) {
            return current;
          }
          ok[0] = true;
          return grant;
        });
    if (ok[0]) {
      successfulSaves.incrementAndGet();
      afterSave.run();
    }
    return ok[0];
  }

  @Override
  public boolean delete(String userId, long expectedVersion) {
    deletes.incrementAndGet();
    boolean[] ok = new boolean[1];
    rows.computeIfPresent(
        userId,
        (k, current) -> {
          if (current.version() != expectedVersion) {
            return current;
          }
          ok[0] = true;
          return null;
        });
    return ok[0];
  }
}
