package io.teamsmeet.testkit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code Retry-After} header a throttled or failed response of {@link FakeMicrosoft} carries,
 * in one of the three forms seen from Microsoft, or none.
 *
 * <pre>{@code
 * fake.graph().throttleNext(2, RetryAfter.seconds(3));                          // Retry-After: 3
 * fake.graph().throttleNext(1, RetryAfter.decimalSeconds(Duration.ofMillis(2128))); // Retry-After: 2.128
 * fake.graph().failNext(1, RetryAfter.httpDate(Duration.ofSeconds(30)));        // an HTTP-date
 * fake.graph().failNext(1, RetryAfter.none());                                  // no header
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryAfter {

  private enum Form {
    NONE,
    SECONDS,
    DECIMAL,
    HTTP_DATE
  }

  private static final RetryAfter NONE = new RetryAfter(Form.NONE, Duration.ZERO);

  private final Form form;
  private final Duration delay;

  private RetryAfter(Form form, Duration delay) {
    this.form = form;
    this.delay = delay;
  }

  /** No {@code Retry-After} header. */
  public static RetryAfter none() {
    return NONE;
  }

  /**
   * {@code Retry-After: <seconds>} as an integer, the documented form.
   *
   * @param seconds zero or more
   * @return the header
   * @throws IllegalArgumentException if {@code seconds} is negative
   */
  public static RetryAfter seconds(long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("seconds must not be negative, was " + seconds);
    }
    return new RetryAfter(Form.SECONDS, Duration.ofSeconds(seconds));
  }

  /**
   * {@code Retry-After: 2.128}: decimal seconds with millisecond precision, as an older Graph
   * sample showed.
   *
   * @param delay zero or more
   * @return the header
   * @throws IllegalArgumentException if {@code delay} is null or negative
   */
  public static RetryAfter decimalSeconds(Duration delay) {
    return new RetryAfter(Form.DECIMAL, requireDelay(delay));
  }

  /**
   * {@code Retry-After: Wed, 25 Nov 2026 09:00:30 GMT}: the HTTP-date form, computed as the fake's
   * clock when the response is made plus {@code delay}, truncated to whole seconds as the format
   * requires. Responses also carry a {@code Date} header from the same clock.
   *
   * @param delay zero or more
   * @return the header
   * @throws IllegalArgumentException if {@code delay} is null or negative
   */
  public static RetryAfter httpDate(Duration delay) {
    return new RetryAfter(Form.HTTP_DATE, requireDelay(delay));
  }

  private static Duration requireDelay(Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be null or negative, was " + delay);
    }
    return delay;
  }

  /** The delay this header asks for, empty for {@link #none()}. */
  public Optional<Duration> delay() {
    return form == Form.NONE ? Optional.empty() : Optional.of(delay);
  }

  /** The header value at {@code now}, empty for {@link #none()}. */
  Optional<String> headerValue(Instant now) {
    switch (form) {
      case SECONDS:
        return Optional.of(Long.toString(delay.toSeconds()));
      case DECIMAL:
        return Optional.of(BigDecimal.valueOf(delay.toMillis(), 3).toPlainString());
      case HTTP_DATE:
        return Optional.of(Wire.httpDate(now.plus(delay)));
      default:
        return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return form == Form.NONE ? "RetryAfter[none]" : "RetryAfter[" + form + " " + delay + "]";
  }
}
