package io.teamsmeet.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when told to; copies made with {@link #withZone} share its time. */
final class FakeClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  FakeClock(Instant start) {
    this(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  private FakeClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  Instant advance(Duration by) {
    if (by == null || by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, by was " + by);
    }
    return now.updateAndGet(current -> current.plus(by));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId value) {
    return value.equals(zone) ? this : new FakeClock(now, value);
  }

  @Override
  public String toString() {
    return "FakeMicrosoft clock at " + now.get();
  }
}
