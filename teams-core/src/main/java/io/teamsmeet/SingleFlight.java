package io.teamsmeet;

import io.teamsmeet.spi.Deadline;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One refresh per user at a time. Callers that need one while it runs wait for it, at most until
 * their own deadline, and are released at once when it fails or {@link #close()} is called. A
 * background refresh (refresh-ahead) joins only when it starts running, so no caller ever waits
 * behind a task still queued behind other users' refreshes; at most one is queued per user, and a
 * full executor skips it. Thread-safe.
 *
 * @param <T> what a refresh produces
 */
final class SingleFlight<T> {

  private static final System.Logger LOG = System.getLogger(Loggers.TOKENS);

  /** The refreshes running now, per user: what callers may wait for. */
  private final ConcurrentHashMap<String, CompletableFuture<T>> running = new ConcurrentHashMap<>();

  /** Users with a background refresh queued or running (never waited for). */
  private final Set<String> queued = ConcurrentHashMap.newKeySet();

  private final Executor background;
  private volatile boolean closed;

  SingleFlight(Executor background) {
    this.background = background;
  }

  /**
   * Runs {@code refresh} for the user, or waits for the one running; when the result of a refresh
   * waited for is {@code unusable} (it produced the token that was just rejected), runs again.
   *
   * @throws TeamsServiceException (retryable, not sent) if the deadline passed while waiting
   * @throws IllegalStateException if closed
   */
  T run(String userId, Deadline deadline, Predicate<T> unusable, Supplier<T> refresh) {
    while (true) {
      CompletableFuture<T> mine = new CompletableFuture<>();
      CompletableFuture<T> other = running.putIfAbsent(userId, mine);
      if (other != null) {
        T shared = await(other, deadline);
        if (!unusable.test(shared)) {
          return shared;
        }
        continue;
      }
      try {
        requireOpen();
        T fresh = refresh.get();
        mine.complete(fresh);
        return fresh;
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        throw e;
      } finally {
        running.remove(userId, mine);
      }
    }
  }

  /** What {@link #ahead} did. */
  enum Queued {
    /** The refresh was queued now. */
    NOW,
    /** Nothing: one is queued or running already, or this is closed. */
    ALREADY,
    /** The executor refused it (saturated or shut down): skipped. */
    REJECTED
  }

  /** Queues one background refresh for the user, unless one is queued or running. */
  Queued ahead(String userId, Supplier<T> refresh) {
    if (closed || !queued.add(userId)) {
      return Queued.ALREADY;
    }
    Runnable task =
        () -> {
          CompletableFuture<T> mine = new CompletableFuture<>();
          try {
            if (closed || running.putIfAbsent(userId, mine) != null) {
              return; // closed meanwhile, or a caller is already refreshing this user
            }
            try {
              mine.complete(refresh.get());
            } catch (RuntimeException | Error e) {
              mine.completeExceptionally(e);
              LOG.log(
                  Level.WARNING,
                  "background token refresh for user {0} failed ({1}); the next call retries",
                  userId,
                  e.getClass().getSimpleName());
            } finally {
              running.remove(userId, mine);
            }
          } finally {
            queued.remove(userId);
          }
        };
    try {
      background.execute(task);
      return Queued.NOW;
    } catch (RejectedExecutionException e) {
      // The executor is saturated or shut down: skip this refresh-ahead. A caller that finds the
      // token unusable later refreshes in its own thread.
      queued.remove(userId);
      return Queued.REJECTED;
    }
  }

  void requireOpen() {
    if (closed) {
      throw closedException();
    }
  }

  /** Releases every waiter with {@link IllegalStateException}; later runs fail the same way. */
  void close() {
    closed = true;
    IllegalStateException stop = closedException();
    for (CompletableFuture<T> refresh : running.values()) {
      refresh.completeExceptionally(stop);
    }
    queued.clear();
  }

  private static IllegalStateException closedException() {
    return new IllegalStateException("this TeamsMeetings is closed");
  }

  /** Waits for another thread's refresh, at most until the deadline. */
  private static <T> T await(CompletableFuture<T> future, Deadline deadline) {
    try {
      return future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw Timeouts.waitingForRefresh(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TeamsServiceException.notSent(
          "interrupted while waiting for the token refresh in progress", ErrorDetails.none(), null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
