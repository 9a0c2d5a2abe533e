package io.teamsmeet.testkit;

import io.teamsmeet.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests: it stands still until a test {@linkplain #advance moves it} or something
 * {@linkplain #sleep sleeps} on it. {@link FakeMicrosoft#clock()} is one (its codes and tokens
 * expire on it); {@link #startingAt} makes one on its own, for a test without the fake.
 *
 * <p>It is also the SDK's {@link Sleeper}: given as the builder's {@code clock}, it drives the
 * SDK's waits between retries as well, so a {@code Retry-After: 120} is waited out at once, and the
 * clock (token expiry included) shows the two minutes passed.
 *
 * <pre>{@code
 * FakeClock clock = FakeClock.startingAt(Instant.parse("2030-01-01T09:00:00Z"));
 * clock.advance(Duration.ofMinutes(61));  // e.g. past an access token's expiry
 * clock.sleep(Duration.ofSeconds(120));   // returns at once, 2 minutes later on the clock
 * }</pre>
 *
 * <p>Thread-safe: it may be read, moved and slept on from any thread. It only moves forward.
 * Concurrent sleeps overlap as they would in real time instead of adding up: a sleep returns when
 * the clock shows at least the time the sleep began plus its duration, moving the clock there if it
 * is not there yet. Two threads that both sleep 120 seconds from the same instant leave the clock
 * 120 seconds later, not 240; a sleep that another thread's {@link #advance} or longer sleep has
 * already covered does not move the clock at all. Copies made with {@link #withZone} share the time
 * (and so the sleeps) of the clock they came from.
 */
public final class FakeClock extends Clock implements Sleeper {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private FakeClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at {@code start}, in UTC, that moves only with {@link #advance} and {@link
   * #sleep}.
   *
   * @param start where it stands; not null
   * @return a new clock, sharing its time with nothing else
   */
  public static FakeClock startingAt(Instant start) {
    if (start == null) {
      throw new IllegalArgumentException("start must not be null");
    }
    return new FakeClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward by {@code by}, on top of whatever other threads do meanwhile.
   *
   * @param by zero or more
   * @return the new time
   * @throws IllegalArgumentException if {@code by} is null or negative
   */
  public Instant advance(Duration by) {
    requireNotNegative(by, "by");
    return now.updateAndGet(current -> current.plus(by));
  }

  /**
   * Waits {@code duration} on this clock, at once: returns when the clock shows at least the time
   * this sleep began plus {@code duration}, after moving it there if no other thread did. Never
   * blocks, never sleeps the thread.
   *
   * @param duration zero or more
   * @throws InterruptedException if the calling thread's interrupt flag is set (it is cleared), as
   *     {@link Thread#sleep} does; the clock is then not moved
   * @throws IllegalArgumentException if {@code duration} is null or negative
   */
  @Override
  public void sleep(Duration duration) throws InterruptedException {
    requireNotNegative(duration, "duration");
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before sleeping " + duration + " on " + this);
    }
    Instant wakeUp = now.get().plus(duration);
    now.accumulateAndGet(wakeUp, (current, target) -> current.isBefore(target) ? target : current);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in another zone: same time, same sleeps, same {@link #advance}. */
  @Override
  public FakeClock withZone(ZoneId value) {
    return value.equals(zone) ? this : new FakeClock(now, value);
  }

  @Override
  public String toString() {
    return "FakeClock at " + now.get();
  }

  private static void requireNotNegative(Duration value, String name) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, " + name + " was " + value);
    }
  }
}
