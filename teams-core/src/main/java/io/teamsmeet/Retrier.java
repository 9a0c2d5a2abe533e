package io.teamsmeet;

import io.teamsmeet.spi.Deadline;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Runs a call under a {@link RetryPolicy}. */
final class Retrier {

  /** Whether a failed call may be sent again. */
  enum Safety {
    /** Sending it twice is harmless: retry any transient failure. */
    IDEMPOTENT,
    /** Sending it twice could act twice: retry only when Microsoft proved it did not process it. */
    ONLY_IF_UNPROCESSED
  }

  private static final System.Logger LOG = System.getLogger(Loggers.RETRY);

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final TeamsListener listener;

  /** A retrier that reports to no listener. */
  Retrier(RetryPolicy policy, Sleeper sleeper) {
    this(policy, sleeper, Listeners.NONE);
  }

  Retrier(RetryPolicy policy, Sleeper sleeper, TeamsListener listener) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  <T> T call(String what, Safety safety, Deadline deadline, Function<Deadline, T> operation) {
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      TeamsException failure;
      Duration delay;
      if (deadline.isExpired()) {
        throw Timeouts.beforeSending(what, deadline);
      }
      try {
        return operation.apply(deadline);
      } catch (ThrottledException e) {
        if (safety == Safety.ONLY_IF_UNPROCESSED && !provenUnprocessed(e)) {
          throw throttled(what, e);
        }
        failure = e;
        delay = e.retryAfter().orElse(null);
      } catch (TeamsServiceException e) {
        if (!e.isRetryable()
            || (safety == Safety.ONLY_IF_UNPROCESSED && e.requestMayHaveBeenSent())) {
          throw e;
        }
        failure = e;
        delay = null;
      }
      if (delay == null) {
        delay = backoff(attempt);
      }
      if (attempt >= policy.maxAttempts()
          || waited.plus(delay).compareTo(policy.maxTotalWait()) > 0
          || delay.toNanos() >= deadline.remainingNanos()) {
        // out of attempts, of waiting budget, or the wait would outlast the call's deadline
        throw failure instanceof ThrottledException t ? throttled(what, t) : failure;
      }
      int status = failure.details().status();
      listener.retrying(
          what,
          attempt,
          failure instanceof ThrottledException throttled && provenUnprocessed(throttled)
              ? TeamsListener.RetryReason.THROTTLED
              : status == 0
                  ? TeamsListener.RetryReason.NO_RESPONSE
                  : TeamsListener.RetryReason.SERVER_ERROR,
          status,
          delay);
      LOG.log(
          Level.DEBUG,
          "{0} failed (HTTP {1}); retry {2} in {3} ms",
          what,
          String.valueOf(failure.details().status()),
          String.valueOf(attempt),
          String.valueOf(delay.toMillis())); // MessageFormat would print 2000 as "2,000"
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure;
      }
      waited = waited.plus(delay);
    }
  }

  private ThrottledException throttled(String what, ThrottledException e) {
    listener.throttled(what, e.retryAfter());
    return e;
  }

  /** 429 always means "not processed"; 503 does when Microsoft says when to come back. */
  static boolean provenUnprocessed(ThrottledException e) {
    int status = e.details().status();
    return status == 429 || (status == 503 && e.retryAfter().isPresent());
  }

  /** Exponential backoff with full jitter: uniform in [base/2, base], base doubling per attempt. */
  Duration backoff(int attempt) {
    long initial = policy.initialBackoff().toMillis();
    long cap = policy.maxBackoff().toMillis();
    long base = initial << Math.min(attempt - 1, 20);
    if (base <= 0 || base > cap) {
      base = cap;
    }
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(base / 2, base + 1));
  }
}
