package io.teamsmeet.feign;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs an action when an exchange outlives its bound: one daemon thread for the JVM looks at the
 * armed exchanges every {@link #TICK} and runs the action of each one past its time, so a bound is
 * kept to within one tick. Arming and disarming cost one insertion and one removal in a concurrent
 * set and never wake a thread: a watchdog that is signalled whenever a sooner deadline arrives
 * (Okio's, a {@code ScheduledThreadPoolExecutor}) switches threads on nearly every call when calls
 * run one after another, which costs more CPU than the rest of a call. The thread runs only while
 * exchanges are armed and ends after a second without any.
 */
final class Watchdog {

  /** How often armed exchanges are looked at: the precision of every bound it keeps. */
  static final Duration TICK = Duration.ofMillis(50);

  private static final long TICK_NANOS = TICK.toNanos();
  private static final long IDLE_NANOS = Duration.ofSeconds(1).toNanos();
  private static final Set<Armed> ARMED = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean RUNNING = new AtomicBoolean();

  private Watchdog() {}

  /** An armed exchange; {@link #disarm()} it when it ends. */
  static final class Armed {
    private final long atNanos;
    private final Runnable action;

    private Armed(long atNanos, Runnable action) {
      this.atNanos = atNanos;
      this.action = action;
    }

    /** The exchange ended: its action will not run (unless it already has). */
    void disarm() {
      ARMED.remove(this);
    }
  }

  /**
   * Runs {@code action} (on the watchdog's thread) once {@code bound} has passed, unless disarmed
   * first.
   */
  static Armed arm(Duration bound, Runnable action) {
    Armed armed = new Armed(System.nanoTime() + bound.toNanos(), action);
    ARMED.add(armed);
    if (!RUNNING.get() && RUNNING.compareAndSet(false, true)) {
      start();
    }
    return armed;
  }

  private static void start() {
    Thread thread = new Thread(Watchdog::watch, "teams-meetings-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  private static void watch() {
    long idleSince = System.nanoTime();
    while (true) {
      LockSupport.parkNanos(TICK_NANOS);
      long now = System.nanoTime();
      for (Armed armed : ARMED) {
        if (now - armed.atNanos >= 0 && ARMED.remove(armed)) {
          try {
            armed.action.run();
          } catch (RuntimeException e) {
            // a cancellation that fails leaves the exchange to its own timeouts
          }
        }
      }
      if (!ARMED.isEmpty()) {
        idleSince = now;
      } else if (now - idleSince > IDLE_NANOS) {
        RUNNING.set(false);
        // An exchange armed after the check above saw RUNNING true and relies on this thread:
        // carry on if there is one and no new thread took over.
        if (ARMED.isEmpty() || !RUNNING.compareAndSet(false, true)) {
          return;
        }
        idleSince = now;
      }
    }
  }
}
