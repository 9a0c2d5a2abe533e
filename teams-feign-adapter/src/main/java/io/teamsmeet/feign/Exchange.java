package io.teamsmeet.feign;

import io.teamsmeet.spi.Deadline;
import java.time.Duration;

/**
 * The one HTTP exchange in progress on this thread: set by {@link Http#call} around the whole Feign
 * call and the decoding of the response, so that the transport (which runs on the caller's thread)
 * can bound the exchange by the call's {@link Deadline} and say when it gave up.
 *
 * <p>The transport calls {@link #begin(Duration)} as it sends, which fixes the bound at {@code
 * min(requestTimeout, time left)}; it calls {@link #timedOut()} when it aborts the exchange at that
 * bound, and may register with {@link #onEnd(Runnable)} what must happen when the call ends (the
 * OkHttp watchdog is disarmed there). Holds no OkHttp type: the default transport loads none.
 */
final class Exchange {

  private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

  private final Deadline deadline;
  private volatile long boundNanos = -1;
  private volatile boolean limitedByDeadline;
  private volatile boolean timedOut;
  private Runnable onEnd;

  private final Exchange outer;

  private Exchange(Deadline deadline, Exchange outer) {
    this.deadline = deadline;
    this.outer = outer;
  }

  /** Starts this thread's exchange; {@link #exit()} it in a {@code finally}. */
  static Exchange enter(Deadline deadline) {
    Exchange exchange = new Exchange(deadline, CURRENT.get());
    CURRENT.set(exchange);
    return exchange;
  }

  /** Ends this thread's exchange: runs what was registered, restores the thread's state. */
  void exit() {
    try {
      if (onEnd != null) {
        onEnd.run();
      }
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** The exchange of this thread's {@link Http#call}, or null outside one. */
  static Exchange current() {
    return CURRENT.get();
  }

  /**
   * Starts the exchange: the longest it may take, from now to the last byte of the response body.
   *
   * @param requestTimeout the builder's {@code requestTimeout}
   * @return {@code min(requestTimeout, time left)}; zero when the deadline has passed (send
   *     nothing)
   */
  Duration begin(Duration requestTimeout) {
    Duration bound = deadline.boundedBy(requestTimeout);
    limitedByDeadline = bound.compareTo(requestTimeout) < 0;
    boundNanos = bound.toNanos();
    return bound;
  }

  /** The bound for a thread that may have no exchange: the request timeout alone, else begin's. */
  static Duration begin(Exchange exchange, Duration requestTimeout) {
    return exchange == null ? requestTimeout : exchange.begin(requestTimeout);
  }

  /** The transport aborted the exchange at its bound. */
  void timedOut() {
    timedOut = true;
  }

  boolean isTimedOut() {
    return timedOut;
  }

  /** Whether the transport began the exchange (it may not have been sent yet). */
  boolean hasBegun() {
    return boundNanos >= 0;
  }

  /** The bound {@link #begin} fixed. */
  Duration bound() {
    return Duration.ofNanos(Math.max(boundNanos, 0));
  }

  /** What fixed the bound: the call's deadline, or {@code requestTimeout}. */
  boolean limitedByDeadline() {
    return limitedByDeadline;
  }

  /** Runs {@code action} when the call ends (normally or not), on the calling thread. */
  void onEnd(Runnable action) {
    Runnable before = onEnd;
    onEnd =
        before == null
            ? action
            : () -> {
              before.run();
              action.run();
            };
  }
}
