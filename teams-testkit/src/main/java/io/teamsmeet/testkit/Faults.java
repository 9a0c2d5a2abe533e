package io.teamsmeet.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Faults on demand for one side of {@link FakeMicrosoft}: its token endpoint ({@link
 * FakeMicrosoft#tokenEndpoint()}) or Graph ({@link FakeMicrosoft#graph()}). Modelled on
 * retrofit-mock's {@code NetworkBehavior}, but deterministic: each control applies to the next
 * {@code count} requests that reach that side, in arrival order, after the faults queued before it.
 *
 * <pre>{@code
 * fake.graph()
 *     .throttleNext(2, RetryAfter.seconds(1))    // requests 1-2: 429 Too Many Requests
 *     .failNext(1, RetryAfter.none())            // request 3: 503, no Retry-After
 *     .slowNext(1, Duration.ofMillis(300))       // request 4: served, 300 ms late
 *     .stallBodyNext(1);                         // request 5: headers, half the body, silence
 * fake.tokenEndpoint().resetNext(1);             // next token request: connection reset
 * fake.tokenEndpoint().dribbleNext(1, 20);       // the one after: its body at 20 bytes/s
 * }</pre>
 *
 * <p>Which faults stop the request from being processed matters for idempotency tests:
 *
 * <ul>
 *   <li>not processed (nothing changes, no meeting is created, no code is redeemed): {@link
 *       #throttleNext}, {@link #failNext}, {@link #resetNext}, {@link #malformedNext};
 *   <li>not processed: {@link #unauthorizedNext} (Graph only: 401 as for an expired or revoked
 *       access token);
 *   <li>processed, then answered badly: {@link #slowNext} (the answer is late), {@link
 *       #truncateNext} (the answer's body is cut in half, status and headers intact), {@link
 *       #stallBodyNext} (status and headers, half the body, then silence on an open connection),
 *       {@link #dribbleNext} (the whole body, a few bytes per second);
 *   <li>processed, answered without a field (token endpoint only): {@link #omitRefreshTokenNext}
 *       (no {@code refresh_token}: the one presented stays valid, as when Microsoft does not
 *       rotate), {@link #omitExpiresInNext} (no {@code expires_in} nor {@code ext_expires_in}).
 * </ul>
 *
 * <p>Thread-safe: the controls and the fake's request threads share one synchronized queue, so
 * faults may be queued while requests are in flight. {@link FakeMicrosoft#reset()} clears every
 * queued fault.
 */
public final class Faults {

  enum Kind {
    THROTTLE,
    FAIL,
    SLOW,
    RESET,
    MALFORMED,
    TRUNCATE,
    UNAUTHORIZED,
    OMIT_REFRESH_TOKEN,
    OMIT_EXPIRES_IN,
    STALL_BODY,
    DRIBBLE
  }

  /** One fault for one request. */
  static final class Fault {
    final Kind kind;
    final int status;
    final RetryAfter retryAfter;
    final Duration delay;
    final int bytesPerSecond;

    Fault(Kind kind, int status, RetryAfter retryAfter, Duration delay) {
      this(kind, status, retryAfter, delay, 0);
    }

    Fault(Kind kind, int status, RetryAfter retryAfter, Duration delay, int bytesPerSecond) {
      this.kind = kind;
      this.status = status;
      this.retryAfter = retryAfter;
      this.delay = delay;
      this.bytesPerSecond = bytesPerSecond;
    }

    boolean preventsProcessing() {
      return kind != Kind.SLOW
          && kind != Kind.TRUNCATE
          && kind != Kind.OMIT_REFRESH_TOKEN
          && kind != Kind.OMIT_EXPIRES_IN
          && kind != Kind.STALL_BODY
          && kind != Kind.DRIBBLE;
    }
  }

  private static final class Pending {
    final Fault fault;
    int remaining;

    Pending(Fault fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  private final String side;
  private final Deque<Pending> queue = new ArrayDeque<>();

  Faults(String side) {
    this.side = side;
  }

  /**
   * Answers the next {@code count} requests with 429 Too Many Requests and the given {@code
   * Retry-After}, without processing them. Graph's body: {@code {"error":{"code":
   * "TooManyRequests","message":"Please retry again later.","innerError":{"code":"429",…}}}}; the
   * token endpoint's: {@code temporarily_unavailable} with AADSTS90055 (TenantThrottlingError).
   *
   * @param count how many requests; positive
   * @param retryAfter the header to send, or {@link RetryAfter#none()}
   * @return these controls, for chaining
   */
  public Faults throttleNext(int count, RetryAfter retryAfter) {
    return add(count, new Fault(Kind.THROTTLE, 429, requireRetryAfter(retryAfter), Duration.ZERO));
  }

  /**
   * Answers the next {@code count} requests with 503 Service Unavailable, without processing them.
   * Graph's body has code {@code serviceNotAvailable}; the token endpoint's is {@code
   * temporarily_unavailable} with AADSTS90033.
   *
   * @param count how many requests; positive
   * @param retryAfter the header to send, or {@link RetryAfter#none()}
   * @return these controls, for chaining
   */
  public Faults failNext(int count, RetryAfter retryAfter) {
    return failNext(count, 503, retryAfter);
  }

  /**
   * Answers the next {@code count} requests with a 5xx status of your choice (500, 502, 503, 504…)
   * and the service's JSON error body, without processing them.
   *
   * @param count how many requests; positive
   * @param status from 500 to 599
   * @param retryAfter the header to send, or {@link RetryAfter#none()}
   * @return these controls, for chaining
   */
  public Faults failNext(int count, int status, RetryAfter retryAfter) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be from 500 to 599, was " + status);
    }
    return add(count, new Fault(Kind.FAIL, status, requireRetryAfter(retryAfter), Duration.ZERO));
  }

  /**
   * Processes the next {@code count} requests normally but sends each answer {@code delay} late
   * (wall-clock time; the fake's clock does not move).
   *
   * @param count how many requests; positive
   * @param delay positive, at most one minute
   * @return these controls, for chaining
   */
  public Faults slowNext(int count, Duration delay) {
    if (delay == null || delay.isNegative() || delay.isZero() || delay.toSeconds() > 60) {
      throw new IllegalArgumentException("delay must be positive and at most 60s, was " + delay);
    }
    return add(count, new Fault(Kind.SLOW, 0, RetryAfter.none(), delay));
  }

  /**
   * Resets the connection of the next {@code count} requests (TCP RST, WireMock's {@code
   * CONNECTION_RESET_BY_PEER}) without processing them; the client sees an I/O error, no status.
   *
   * @param count how many requests; positive
   * @return these controls, for chaining
   */
  public Faults resetNext(int count) {
    return add(count, new Fault(Kind.RESET, 0, RetryAfter.none(), Duration.ZERO));
  }

  /**
   * Answers the next {@code count} requests with 502 Bad Gateway and an HTML page, as a proxy or
   * load balancer in front of the service would, without processing them. A client that expects
   * JSON must cope with {@code Content-Type: text/html}.
   *
   * @param count how many requests; positive
   * @return these controls, for chaining
   */
  public Faults malformedNext(int count) {
    return add(count, new Fault(Kind.MALFORMED, 502, RetryAfter.none(), Duration.ZERO));
  }

  /**
   * Processes the next {@code count} requests normally, then cuts each answer's body in half: the
   * status (200/201…) and headers are right, the JSON is not. The request took effect: a created
   * meeting exists, a redeemed code is spent.
   *
   * @param count how many requests; positive
   * @return these controls, for chaining
   */
  public Faults truncateNext(int count) {
    return add(count, new Fault(Kind.TRUNCATE, 0, RetryAfter.none(), Duration.ZERO));
  }

  /**
   * Processes the next {@code count} requests normally, then sends each answer's status and headers
   * at once ({@code Content-Type} and the {@code Content-Length} of the whole body, as the real
   * service would) and the first half of its body, and then nothing more while keeping the
   * connection open: a half-open connection, a stuck middlebox. The request took effect: a created
   * meeting exists, a redeemed code is spent. A client that bounds only the wait for the headers
   * waits forever.
   *
   * <p>Each stall holds one of the fake's server threads ({@link
   * FakeMicrosoft.Builder#serverThreads}), even after the client gave up, until {@link
   * FakeMicrosoft#reset()} or {@link FakeMicrosoft#close()} closes its connection (a client still
   * reading then sees the body end early), or for ten minutes at most. An answer without a body (a
   * 204) is sent whole: there is nothing to stall.
   *
   * @param count how many requests; positive
   * @return these controls, for chaining
   */
  public Faults stallBodyNext(int count) {
    return add(count, new Fault(Kind.STALL_BODY, 0, RetryAfter.none(), Duration.ZERO));
  }

  /**
   * Processes the next {@code count} requests normally, then sends each answer's status and headers
   * at once and its whole, correct body at about {@code bytesPerSecond} (up to ten small writes a
   * second): a client whose read timeout applies to each read never times out, however long the
   * body takes. The request took effect, as for {@link #stallBodyNext}. A dribble ends early,
   * closing the connection, when the client goes away, or at {@link FakeMicrosoft#reset()} or
   * {@link FakeMicrosoft#close()}.
   *
   * @param count how many requests; positive
   * @param bytesPerSecond from 1 to 1,000,000
   * @return these controls, for chaining
   */
  public Faults dribbleNext(int count, int bytesPerSecond) {
    if (bytesPerSecond < 1 || bytesPerSecond > 1_000_000) {
      throw new IllegalArgumentException(
          "bytesPerSecond must be from 1 to 1000000, was " + bytesPerSecond);
    }
    return add(count, new Fault(Kind.DRIBBLE, 0, RetryAfter.none(), Duration.ZERO, bytesPerSecond));
  }

  /**
   * Graph only: answers the next {@code count} requests with 401 Unauthorized, code {@code
   * InvalidAuthenticationToken} and a {@code WWW-Authenticate: Bearer} header, as Graph does for an
   * access token that expired or was revoked before its time, without processing them.
   *
   * @param count how many requests; positive
   * @return these controls, for chaining
   * @throws IllegalStateException on the token endpoint's controls
   */
  public Faults unauthorizedNext(int count) {
    requireSide("graph", "unauthorizedNext");
    return add(count, new Fault(Kind.UNAUTHORIZED, 401, RetryAfter.none(), Duration.ZERO));
  }

  /**
   * Token endpoint only: processes the next {@code count} requests, but a successful answer comes
   * without {@code refresh_token}. Nothing rotates: the refresh token that was presented stays
   * valid (for a refresh grant), as when Microsoft chooses not to issue a new one. A client must
   * keep using the one it has.
   *
   * @param count how many requests; positive
   * @return these controls, for chaining
   * @throws IllegalStateException on Graph's controls
   */
  public Faults omitRefreshTokenNext(int count) {
    requireSide("token endpoint", "omitRefreshTokenNext");
    return add(count, new Fault(Kind.OMIT_REFRESH_TOKEN, 0, RetryAfter.none(), Duration.ZERO));
  }

  /**
   * Token endpoint only: processes the next {@code count} requests, but a successful answer comes
   * without {@code expires_in} and {@code ext_expires_in} (the access token still expires on the
   * fake's clock after its usual lifetime). A client must assume a lifetime rather than fail.
   *
   * @param count how many requests; positive
   * @return these controls, for chaining
   * @throws IllegalStateException on Graph's controls
   */
  public Faults omitExpiresInNext(int count) {
    requireSide("token endpoint", "omitExpiresInNext");
    return add(count, new Fault(Kind.OMIT_EXPIRES_IN, 0, RetryAfter.none(), Duration.ZERO));
  }

  private void requireSide(String expected, String control) {
    if (!side.equals(expected)) {
      throw new IllegalStateException(
          control + " is a control of the " + expected + ", not of the " + side);
    }
  }

  /** How many requests the queued faults will still affect. */
  public synchronized int pending() {
    int total = 0;
    for (Pending p : queue) {
      total += p.remaining;
    }
    return total;
  }

  /** Drops every queued fault. */
  public synchronized Faults clear() {
    queue.clear();
    return this;
  }

  private synchronized Faults add(int count, Fault fault) {
    if (count <= 0) {
      throw new IllegalArgumentException("count must be positive, was " + count);
    }
    queue.addLast(new Pending(fault, count));
    return this;
  }

  /** Takes the fault for the request that just arrived, if any. */
  synchronized Optional<Fault> next() {
    Pending head = queue.peekFirst();
    if (head == null) {
      return Optional.empty();
    }
    if (--head.remaining == 0) {
      queue.removeFirst();
    }
    return Optional.of(head.fault);
  }

  private static RetryAfter requireRetryAfter(RetryAfter retryAfter) {
    if (retryAfter == null) {
      throw new IllegalArgumentException("retryAfter must not be null; use RetryAfter.none()");
    }
    return retryAfter;
  }

  @Override
  public String toString() {
    return "Faults[" + side + ", pending=" + pending() + "]";
  }
}
