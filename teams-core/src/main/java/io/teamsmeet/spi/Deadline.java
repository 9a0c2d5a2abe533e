package io.teamsmeet.spi;

import java.time.Duration;

/**
 * The moment by which one call of the SDK must end, retries, waits and response bodies included.
 *
 * <p>The core starts one deadline per public call ({@code callTimeout} on the builder) and hands it
 * to every port it calls on the way. An adapter bounds each HTTP exchange by {@link #remaining()},
 * from sending the request to the last byte of the response body, and gives up when it is {@link
 * #isExpired() expired}:
 *
 * <pre>{@code
 * public Meeting get(AccessToken token, String meetingId, Deadline deadline) {
 *   HttpRequest request = ... .timeout(deadline.remaining()) ...;
 *   // read the body with the same bound: a stalled body must not outlive the deadline
 * }
 * }</pre>
 *
 * <p>Measured on {@link System#nanoTime()} (monotonic, unaffected by wall-clock changes or the
 * builder's {@code clock}). Immutable and thread-safe.
 */
public final class Deadline {

  private static final long MAX_NANOS = Long.MAX_VALUE / 4;

  private final long timeoutNanos;
  private final long expiresAtNanos;

  private Deadline(long timeoutNanos, long startNanos) {
    this.timeoutNanos = timeoutNanos;
    this.expiresAtNanos = startNanos + timeoutNanos;
  }

  /**
   * A deadline {@code timeout} from now.
   *
   * @param timeout positive; longer than about 73 years is capped
   * @return the deadline
   * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
   */
  public static Deadline after(Duration timeout) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    long nanos = timeout.compareTo(Duration.ofNanos(MAX_NANOS)) > 0 ? MAX_NANOS : timeout.toNanos();
    return new Deadline(nanos, System.nanoTime());
  }

  /** The timeout this deadline was started with, as given to {@link #after(Duration)}. */
  public Duration timeout() {
    return Duration.ofNanos(timeoutNanos);
  }

  /** The time left, never negative: zero once expired. */
  public Duration remaining() {
    return Duration.ofNanos(remainingNanos());
  }

  /** The time left in nanoseconds, never negative. */
  public long remainingNanos() {
    long left = expiresAtNanos - System.nanoTime();
    return left > 0 ? left : 0;
  }

  /** Whether the deadline has passed. */
  public boolean isExpired() {
    return expiresAtNanos - System.nanoTime() <= 0;
  }

  /**
   * The shorter of {@code bound} and the time left: how long one step may take at most.
   *
   * @param bound a step's own limit (a request timeout, say)
   * @return the bound, or the time left if that is shorter; never negative
   */
  public Duration boundedBy(Duration bound) {
    long left = remainingNanos();
    return bound.toNanos() < left ? bound : Duration.ofNanos(left);
  }

  @Override
  public String toString() {
    return "Deadline[timeout=" + timeout() + ", remaining=" + remaining() + "]";
  }
}
