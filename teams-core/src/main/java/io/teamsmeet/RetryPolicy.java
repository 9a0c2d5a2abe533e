package io.teamsmeet;

import java.time.Duration;

/**
 * How the SDK retries calls that Microsoft throttled or could not serve (HTTP 429, 503, 504,
 * timeouts, resets): {@code Retry-After} is honoured when Microsoft sends it, otherwise the wait
 * grows exponentially with full jitter; both the number of attempts and the total wait are bounded.
 * When the budget is spent the last failure is thrown ({@link ThrottledException} for throttling).
 *
 * <p>A plain meeting creation (no external id) is retried only when Microsoft proved it did not
 * process the request (429, or 503 with {@code Retry-After}), so a retry never creates a second
 * meeting. Create-or-get, reads, updates, deletes and token refreshes are retried on any transient
 * failure.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxAttempts(6).maxTotalWait(Duration.ofMinutes(1)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxTotalWait;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxTotalWait = b.maxTotalWait;
  }

  /** 4 attempts, backoff from 500 ms up to 8 s, at most 30 s of waiting in all. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** No retries: every failure reaches the caller at once. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** Starts a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Attempts in all, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The wait before the first retry when Microsoft gives no {@code Retry-After}. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest computed wait between two attempts. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The longest total wait for one call; a {@code Retry-After} beyond it ends the retries. */
  public Duration maxTotalWait() {
    return maxTotalWait;
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxTotalWait="
        + maxTotalWait
        + "]";
  }

  /** Builds a {@link RetryPolicy}; rejects bad values at the setter. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxTotalWait = Duration.ofSeconds(30);

    private Builder() {}

    /** Attempts in all, at least 1 (default 4). */
    public Builder maxAttempts(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + value);
      }
      this.maxAttempts = value;
      return this;
    }

    /** The first computed wait; positive (default 500 ms). */
    public Builder initialBackoff(Duration value) {
      this.initialBackoff = positive(value, "initialBackoff");
      return this;
    }

    /** The cap of a computed wait; positive (default 8 s). */
    public Builder maxBackoff(Duration value) {
      this.maxBackoff = positive(value, "maxBackoff");
      return this;
    }

    /** The total wait budget of one call; not negative (default 30 s). */
    public Builder maxTotalWait(Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException("maxTotalWait must not be negative, was " + value);
      }
      this.maxTotalWait = value;
      return this;
    }

    private static Duration positive(Duration value, String name) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }

    /** Builds the policy. */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
      }
      return new RetryPolicy(this);
    }
  }
}
