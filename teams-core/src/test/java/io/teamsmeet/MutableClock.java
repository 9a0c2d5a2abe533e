package io.teamsmeet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand. Thread-safe.
 *
 * <p>The one test clock besides the testkit's {@code FakeClock}, which every other module's tests
 * use: this module cannot, because teams-testkit depends on teams-core, so a test dependency back
 * on it would be a Maven cycle. Keep it this small. It is deliberately not a {@link Sleeper}: the
 * core's tests record retry waits with their own sleeper ({@code Fixture}) to assert on them.
 */
final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;

  MutableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  void advance(Duration duration) {
    now.updateAndGet(i -> i.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
