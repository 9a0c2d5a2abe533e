package io.teamsmeet.feign;

import io.teamsmeet.spi.Deadline;
import java.time.Duration;

/**
 * The one HTTP exchange in progress on this thread: set by {@link Http#call} around the whole Feign
 * call and the decoding of the response, so that the transport (which runs on the caller's thread)
 * can bound the exchange by the call's {@link Deadline} and say when it gave up.
 *
 * <p>The transport calls {@link #begin(Duration)} as it sends, which fixes the bound at {@code
 * min(requestTimeout, time left)}; it calls {@link #timedOut()} when it aborts the exchange at that
 * bound, and may register with {@link #onEnd(Runnable)} what must happen when the call ends (the
 * OkHttp watchdog is disarmed there). Holds no OkHttp type: the default transport loads none.
 */
final class Exchange {

  private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

  private final Deadline deadline;
  private volatile long boundNanos = -1;
  private volatile boolean limitedByDeadline;
  private volatile boolean timedOut;
  private Runnable onEnd;
  private String authorization;

  private final Exchange outer;

  private Exchange(Deadline deadline, Exchange outer) {
    this.deadline = deadline;
    this.outer = outer;
  }

  /** Starts this thread's exchange; {@link #exit()} it in a {@code finally}. */
  static Exchange enter(Deadline deadline) {
    Exchange exchange = new Exchange(deadline, CURRENT.get());
    CURRENT.set(exchange);
    return exchange;
  }

  /** Ends this thread's exchange: runs what was registered, restores the thread's state. */
  void exit() {
    try {
      if (onEnd != null) {
        onEnd.run();
      }
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** The exchange of this thread's {@link Http#call}, or null outside one. */
  static Exchange current() {
    return CURRENT.get();
  }

  /**
   * Starts the exchange: the longest it may take, from now to the last byte of the response body.
   *
   * @param requestTimeout the builder's {@code requestTimeout}
   * @return {@code min(requestTimeout, time left)}; zero when the deadline has passed (send
   *     nothing)
   */
  Duration begin(Duration requestTimeout) {
    Duration bound = deadline.boundedBy(requestTimeout);
    limitedByDeadline = bound.compareTo(requestTimeout) < 0;
    boundNanos = bound.toNanos();
    return bound;
  }

  /** The bound for a thread that may have no exchange: the request timeout alone, else begin's. */
  static Duration begin(Exchange exchange, Duration requestTimeout) {
    return exchange == null ? requestTimeout : exchange.begin(requestTimeout);
  }

  /**
   * Sends {@code Authorization: value} with this thread's exchange, outside Feign's templates: the
   * SDK's client layer adds it to the request as it is sent ({@link LoggingClient}, {@link
   * JdkClient}). Feign's header templates would parse and copy the 1.9 KB bearer token several
   * times per request (about 15 % of the bytes the SDK allocates per meeting).
   *
   * @return false when this thread has no exchange: the caller then sends the header through Feign
   */
  static boolean authorize(String value) {
    Exchange exchange = CURRENT.get();
    if (exchange == null) {
      return false;
    }
    exchange.authorization = value;
    return true;
  }

  /**
   * The Feign header map for a Graph call made with {@code token}: empty when this thread's
   * exchange carries {@code Authorization: Bearer ...} (the SDK's client layer adds it, outside
   * Feign's templates), else the header itself (a call outside {@link Http#call}).
   *
   * @throws IllegalArgumentException if {@code token} is null
   */
  static java.util.Map<String, Object> bearer(io.teamsmeet.AccessToken token) {
    if (token == null) {
      throw new IllegalArgumentException("token must not be null");
    }
    String value = "Bearer " + token.value();
    return authorize(value) ? java.util.Map.of() : java.util.Map.of("Authorization", value);
  }

  /** The {@code Authorization} value of this thread's exchange, or null (none, or no exchange). */
  static String authorization() {
    Exchange exchange = CURRENT.get();
    return exchange == null ? null : exchange.authorization;
  }

  /**
   * {@code request} with this thread's exchange's {@code Authorization} added, for a client that
   * sends Feign's request as it is; {@code request} itself when there is none to add.
   */
  static feign.Request authorized(feign.Request request) {
    String value = authorization();
    if (value == null || Http.header(request.headers(), "Authorization").isPresent()) {
      return request;
    }
    java.util.Map<String, java.util.Collection<String>> headers =
        new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(request.headers());
    headers.put("Authorization", java.util.List.of(value));
    return feign.Request.create(
        request.httpMethod(),
        request.url(),
        headers,
        request.body(),
        request.charset(),
        request.requestTemplate());
  }

  /** The transport aborted the exchange at its bound. */
  void timedOut() {
    timedOut = true;
  }

  boolean isTimedOut() {
    return timedOut;
  }

  /** Whether the transport began the exchange (it may not have been sent yet). */
  boolean hasBegun() {
    return boundNanos >= 0;
  }

  /** The bound {@link #begin} fixed. */
  Duration bound() {
    return Duration.ofNanos(Math.max(boundNanos, 0));
  }

  /** What fixed the bound: the call's deadline, or {@code requestTimeout}. */
  boolean limitedByDeadline() {
    return limitedByDeadline;
  }

  /** Runs {@code action} when the call ends (normally or not), on the calling thread. */
  void onEnd(Runnable action) {
    Runnable before = onEnd;
    onEnd =
        before == null
            ? action
            : () -> {
              before.run();
              action.run();
            };
  }
}
