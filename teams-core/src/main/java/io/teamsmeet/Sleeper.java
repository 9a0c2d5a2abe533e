package io.teamsmeet;

import java.time.Duration;

/**
 * How the SDK waits between two attempts of a call (a {@code Retry-After}, a backoff). The default
 * sleeps the calling thread. A test clock that also implements this interface (the testkit's {@code
 * FakeClock}) is used for the waits as well when it is given as the builder's {@code clock}: the
 * wait then moves that clock forward at once, so a test of a {@code Retry-After: 120} runs in
 * milliseconds and sees the time pass.
 *
 * <pre>{@code
 * TeamsMeetings teams = TeamsMeetings.builder()
 *     ...
 *     .clock(fake.clock())   // a FakeClock: token expiry and retry waits on the fake's time
 *     .build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one sleeper serves every call of a {@code TeamsMeetings},
 * so several threads may wait on it at once. {@link #system()} is stateless.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits {@code duration}.
   *
   * @param duration how long; positive
   * @throws InterruptedException if the waiting thread is interrupted (the call then fails with the
   *     failure it would have retried)
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the calling thread: the default. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
  }
}
