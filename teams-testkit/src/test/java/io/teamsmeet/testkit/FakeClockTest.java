package io.teamsmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link FakeClock} as a clock and as the SDK's {@link Sleeper}. The sleeps here are hours and
 * years long: if one really slept, the class timeout fails it instead of the build hanging.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FakeClockTest {

  private static final Instant START = Instant.parse("2030-01-01T09:00:00Z");

  @Test
  void standsStillUntilMovedAndOnlyMovesForward() {
    FakeClock clock = FakeClock.startingAt(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneId.of("Z"));
    assertThat(clock.advance(Duration.ofMinutes(61))).isEqualTo(START.plusSeconds(61 * 60));
    assertThat(clock.advance(Duration.ZERO)).isEqualTo(START.plusSeconds(61 * 60));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only moves forward");
    assertThatThrownBy(() -> clock.advance(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeClock.startingAt(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start");
    assertThat(clock).hasToString("FakeClock at 2030-01-01T10:01:00Z");
  }

  @Test
  void aSleepReturnsAtOnceWithItsDurationPassedOnTheClock() throws InterruptedException {
    FakeClock clock = FakeClock.startingAt(START);
    Sleeper sleeper = clock;

    sleeper.sleep(Duration.ofSeconds(120));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(120));

    sleeper.sleep(Duration.ofDays(365)); // would fail the class timeout if it slept
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(120).plus(Duration.ofDays(365)));

    sleeper.sleep(Duration.ZERO);
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(120).plus(Duration.ofDays(365)));
    assertThatThrownBy(() -> sleeper.sleep(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInterruptedThreadDoesNotSleepAndLosesItsFlagAsWithThreadSleep() {
    FakeClock clock = FakeClock.startingAt(START);
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> clock.sleep(Duration.ofSeconds(120)))
        .isInstanceOf(InterruptedException.class);

    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(clock.instant()).as("not moved").isEqualTo(START);
  }

  @Test
  void copiesInOtherZonesShareTimeAdvancesAndSleeps() throws InterruptedException {
    FakeClock utc = FakeClock.startingAt(START);
    FakeClock paris = utc.withZone(ZoneId.of("Europe/Paris"));

    paris.sleep(Duration.ofMinutes(5));
    utc.advance(Duration.ofMinutes(5));

    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(paris.instant()).isEqualTo(utc.instant()).isEqualTo(START.plusSeconds(600));
    assertThat(utc.withZone(utc.getZone())).isSameAs(utc);
  }

  /**
   * Eight threads sleep two minutes each at once: each one wakes with at least its two minutes
   * passed since it began, and the sleeps overlap rather than add up only as far as they really
   * overlapped, so the clock ends between two and sixteen minutes later (where exactly depends on
   * how the threads interleave, as it would in real time).
   */
  @Test
  void concurrentSleepersEachSeeTheirWholeWaitAndTheClockNeverGoesBack() throws Exception {
    FakeClock clock = FakeClock.startingAt(START);
    Duration wait = Duration.ofSeconds(120);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Instant[]>> sleeps = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        sleeps.add(
            pool.submit(
                () -> {
                  go.await();
                  Instant before = clock.instant();
                  clock.sleep(wait);
                  return new Instant[] {before, clock.instant()};
                }));
      }
      go.countDown();
      for (Future<Instant[]> sleep : sleeps) {
        Instant[] seen = sleep.get(30, TimeUnit.SECONDS);
        assertThat(seen[1]).isAfterOrEqualTo(seen[0].plus(wait));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(clock.instant())
        .isAfterOrEqualTo(START.plus(wait))
        .isBeforeOrEqualTo(START.plus(wait.multipliedBy(threads)));
  }

  @Test
  void theFakesClockIsOneAndItsSleepsMoveTheFakesTime() throws InterruptedException {
    try (FakeMicrosoft fake = FakeMicrosoft.builder().startTime(START).start()) {
      assertThat(fake.clock()).isInstanceOf(Sleeper.class);

      fake.clock().sleep(Duration.ofSeconds(120));

      assertThat(fake.clock().instant()).isEqualTo(START.plusSeconds(120));
      assertThat(fake.advanceClock(Duration.ofMinutes(1))).isEqualTo(START.plusSeconds(180));
    }
  }
}
