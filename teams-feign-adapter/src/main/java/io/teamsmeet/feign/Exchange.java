package io.teamsmeet.feign;

import io.teamsmeet.spi.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The one HTTP exchange in progress on this thread: set by {@link Http#call} around the whole Feign
 * call and the decoding of the response, so that the transport (which runs on the caller's thread)
 * can bound the exchange by the call's {@link Deadline} and say when it gave up.
 *
 * <p>The transport calls {@link #begin(Duration)} as it sends, which fixes the bound at {@code
 * min(requestTimeout, time left)}; it calls {@link #timedOut()} when it aborts the exchange at that
 * bound, and may register with {@link #onEnd(Runnable)} what must happen when the call ends (the
 * OkHttp watchdog is disarmed there). Holds no OkHttp type: the default transport loads none.
 *
 * <p>It also carries what the SDK's client layer adds to the request as it is sent, outside Feign's
 * request: the bearer token ({@link #authorize}) and the standard headers with this request's
 * {@code client-request-id} ({@link #sendStandardHeaders}), which failures and the DEBUG line
 * report ({@link Http#sentClientRequestId}). {@link JdkClient} and {@link OkHttpFeignClient} add
 * them to the request they build, {@link LoggingClient} to one copy of Feign's for any other client
 * ({@link #prepared}).
 */
final class Exchange {

  private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

  private final Deadline deadline;
  private volatile long boundNanos = -1;
  private volatile boolean limitedByDeadline;
  private volatile boolean timedOut;
  private Runnable onEnd;
  private String authorization;

  /** The {@code client-request-id} the client layer sends; null until {@link StandardHeaders}. */
  private String clientRequestId;

  /** Whether the request goes to Graph (else the identity platform): Graph's {@code Prefer}. */
  private boolean graph;

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
   * Sends {@code Authorization: value} with this thread's exchange, outside Feign's request: the
   * SDK's client layer adds it to the request as it is sent ({@link LoggingClient}, {@link
   * JdkClient}, {@link OkHttpFeignClient}), so that the 1.9 KB bearer token is copied once.
   *
   * @return false when this thread has no exchange: the caller then puts the header in the request
   */
  static boolean authorize(String value) {
    Exchange exchange = CURRENT.get();
    if (exchange == null) {
      return false;
    }
    exchange.authorization = value;
    return true;
  }

  /** The {@code Authorization} value of this thread's exchange, or null (none, or no exchange). */
  static String authorization() {
    Exchange exchange = CURRENT.get();
    return exchange == null ? null : exchange.authorization;
  }

  /**
   * Has the SDK's client layer send the standard headers ({@link StandardHeaders}) of this thread's
   * exchange, with a fresh {@code client-request-id}: called by {@link Calls} as it builds the
   * request, so once per request sent.
   *
   * @param graph whether the request goes to Graph (which adds {@code Prefer})
   * @return false when this thread has no exchange: the caller then adds them to the request
   */
  static boolean sendStandardHeaders(boolean graph) {
    Exchange exchange = CURRENT.get();
    if (exchange == null) {
      return false;
    }
    exchange.graph = graph;
    exchange.clientRequestId = StandardHeaders.newClientRequestId();
    return true;
  }

  /**
   * The {@code client-request-id} the client layer sends (or sent) with this exchange's request;
   * null when it adds no standard headers (they are then in Feign's request).
   */
  String clientRequestId() {
    return clientRequestId;
  }

  /** {@link #clientRequestId()} of this thread's exchange; null without one. */
  static String currentClientRequestId() {
    Exchange exchange = CURRENT.get();
    return exchange == null ? null : exchange.clientRequestId();
  }

  /**
   * Gives {@code header} the standard headers this exchange adds to {@code request} as it is sent
   * ({@link StandardHeaders#add}), one value at a time; nothing unless {@link #sendStandardHeaders}
   * was called. A header of the request for which {@link #replaces} is true must not be sent as it
   * is.
   */
  void addStandardHeaders(feign.Request request, BiConsumer<String, String> header) {
    if (clientRequestId != null) {
      StandardHeaders.add(request.headers(), graph, clientRequestId, header);
    }
  }

  /**
   * Whether {@link #addStandardHeaders} replaces (or merges) the request's own header {@code name}.
   */
  boolean replaces(String name) {
    return clientRequestId != null && StandardHeaders.isStandard(name, graph);
  }

  /**
   * Gives {@code header} every header to send with {@code request}, one value at a time: Feign's
   * own (those the exchange replaces left out, {@link #replaces}), then the exchange's standard
   * headers ({@link #addStandardHeaders}), then its {@code Authorization} unless Feign's request
   * carries one. Without an exchange, Feign's headers as they are. The one place the SDK's client
   * layer decides what goes on the wire ({@link JdkClient}, {@link OkHttpFeignClient}, {@link
   * #prepared}).
   */
  static void headers(Exchange exchange, feign.Request request, BiConsumer<String, String> header) {
    boolean authorization = false;
    for (Map.Entry<String, Collection<String>> own : request.headers().entrySet()) {
      String name = own.getKey();
      if (exchange == null || !exchange.replaces(name)) {
        authorization |= name.equalsIgnoreCase("Authorization");
        for (String value : own.getValue()) {
          header.accept(name, value);
        }
      }
    }
    if (exchange != null) {
      exchange.addStandardHeaders(request, header);
      if (exchange.authorization != null && !authorization) {
        header.accept("Authorization", exchange.authorization);
      }
    }
  }

  /**
   * {@code request} with what this thread's exchange adds ({@link #headers}), for a client that
   * sends Feign's request as it is: one copy of the request; {@code request} itself when there is
   * nothing to add.
   */
  static feign.Request prepared(feign.Request request) {
    Exchange exchange = CURRENT.get();
    if (exchange == null || (exchange.authorization == null && exchange.clientRequestId == null)) {
      return request;
    }
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers(exchange, request, (name, value) -> append(headers, name, value));
    return feign.Request.create(
        request.httpMethod(),
        request.url(),
        headers,
        request.body(),
        request.charset(),
        request.requestTemplate());
  }

  /** Adds one value of header {@code name}, after the values {@code headers} already has. */
  static void append(Map<String, Collection<String>> headers, String name, String value) {
    headers.merge(
        name,
        List.of(value),
        (before, added) -> {
          List<String> all = new ArrayList<>(before);
          all.addAll(added);
          return List.copyOf(all);
        });
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
