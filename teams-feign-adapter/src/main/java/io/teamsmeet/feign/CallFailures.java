package io.teamsmeet.feign;

import feign.FeignException;
import feign.RetryableException;
import io.teamsmeet.ErrorDetails;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.spi.Failures;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;

/**
 * What a failed {@link Http#call} becomes: always a core exception, never one of Feign's or
 * Jackson's (their messages can hold URLs and bodies), and never with a token, code or body in its
 * message.
 *
 * <ul>
 *   <li>the exchange outlived its bound ({@link Exchange}): retryable, status 0, may have been
 *       sent, "no complete response from Microsoft Graph within 15 s (requestTimeout)";
 *   <li>the connection could not be opened (unknown host, refused, connect timeout, no route):
 *       {@link TeamsServiceException#notSent}, naming the cause;
 *   <li>any other I/O failure: retryable, status 0, may have been sent;
 *   <li>a {@link TeamsException} from a decoder passes through.
 * </ul>
 */
final class CallFailures {

  private static final String UNKNOWN_HOST = "unknown host";

  private CallFailures() {}

  static RuntimeException of(String service, Exchange exchange, RuntimeException e) {
    if (exchange.hasBegun() && exchange.bound().isZero()) {
      return Failures.notSent(
          service + " was not called: the call's deadline had passed", ids(e), null);
    }
    if (exchange.isTimedOut() && !isAnswer(e)) {
      return timeout(service, exchange, e);
    }
    if (e instanceof TeamsException te) {
      return te;
    }
    if (e instanceof RetryableException re) {
      return transportFailure(service, exchange, re);
    }
    if (e.getCause() instanceof TeamsException te) {
      return te; // a decoder's exception, wrapped by Feign
    }
    if (e instanceof FeignException fe) {
      IOException io = ioCause(fe);
      ErrorDetails.Builder details =
          ErrorDetails.builder()
              .status(Http.validStatus(Math.max(fe.status(), 0)))
              .clientRequestId(
                  fe.hasRequest() ? Http.sentClientRequestId(fe.request()).orElse(null) : null);
      if (io != null) {
        return Failures.service(
            "the response of " + service + " could not be read (" + describe(io, null) + ")",
            details.build(),
            true,
            io);
      }
      return Failures.service(
          service + " answered with a response this SDK could not handle",
          details.build(),
          false,
          null);
    }
    Throwable cause = isThirdParty(e) ? null : e;
    return Failures.service(
        "calling " + service + " failed unexpectedly (" + e.getClass().getSimpleName() + ")",
        ErrorDetails.none(),
        false,
        cause);
  }

  /** An error answer Microsoft gave and a decoder classified: it stands even at the bound. */
  private static boolean isAnswer(RuntimeException e) {
    Throwable t = e instanceof TeamsException ? e : e.getCause();
    return t instanceof TeamsException te && te.details().status() >= 400;
  }

  private static boolean isThirdParty(Throwable e) {
    String name = e.getClass().getName();
    return name.startsWith("feign.") || name.startsWith("com.fasterxml.");
  }

  /** No complete response within the exchange's bound: retryable, status 0, may have been sent. */
  private static TeamsServiceException timeout(
      String service, Exchange exchange, RuntimeException e) {
    return Failures.service(
        "no complete response from "
            + service
            + " within "
            + duration(exchange.bound())
            + (exchange.limitedByDeadline() ? " (the call's deadline)" : " (requestTimeout)")
            + "; the request may have been processed",
        ids(e),
        true,
        ioCause(e));
  }

  /** A failure before a complete response arrived: status 0, retryable, the I/O error as cause. */
  private static TeamsServiceException transportFailure(
      String service, Exchange exchange, RetryableException e) {
    IOException io = ioCause(e);
    ErrorDetails details = ids(e);
    if (io instanceof JdkClient.BodyTooLargeException) {
      return Failures.service(
          "the answer of " + service + " is larger than " + Http.MAX_BODY / (1024 * 1024) + " MiB",
          details,
          false,
          null);
    }
    String what = io == null ? "an I/O error" : describe(io, host(e));
    if (what.equals("request timed out") && exchange.hasBegun()) {
      return timeout(service, exchange, e); // the transport's own read timeout
    }
    if (isNotSent(what)) {
      return Failures.notSent("could not reach " + service + ": " + what, details, io);
    }
    // Sent, or perhaps sent: a reset, a timeout or a closed connection after the request left
    // says nothing about whether the service processed it.
    return Failures.service(
        "the exchange with "
            + service
            + " failed ("
            + what
            + "); the request may have been processed",
        details,
        true,
        io);
  }

  /** The causes that prove the request never left: no connection was opened. */
  private static boolean isNotSent(String what) {
    return what.startsWith(UNKNOWN_HOST)
        || what.equals("connection refused")
        || what.equals("connect timed out")
        || what.equals("no route to host");
  }

  /** The ids a failure can keep: the request's {@code client-request-id}, a response's ids. */
  private static ErrorDetails ids(RuntimeException e) {
    Throwable t = e instanceof TeamsException ? e : e.getCause();
    if (t instanceof TeamsException te) {
      return ErrorDetails.builder()
          .requestId(te.details().requestId().orElse(null))
          .clientRequestId(te.details().clientRequestId().orElse(null))
          .build();
    }
    if (e instanceof FeignException fe && fe.hasRequest()) {
      return ErrorDetails.builder()
          .clientRequestId(Http.sentClientRequestId(fe.request()).orElse(null))
          .build();
    }
    return ErrorDetails.none();
  }

  private static String host(FeignException e) {
    if (!e.hasRequest()) {
      return null;
    }
    try {
      return URI.create(e.request().url()).getHost();
    } catch (IllegalArgumentException bad) {
      return null;
    }
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** "15 s", "1.5 s", "300 ms". */
  static String duration(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return millis / 1000 + "." + (millis % 1000) / 100 + " s";
  }

  /**
   * Names an I/O failure in a few words of this SDK's own, never the exception's message (which
   * could hold anything): "unknown host login.microsoftonline.com", "connection refused", "connect
   * timed out", "no route to host", "request timed out", "connection reset", ...
   *
   * @param host the host that was called, for "unknown host"; may be null
   */
  static String describe(IOException e, String host) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timed out";
    }
    if (e instanceof HttpTimeoutException) {
      return "request timed out";
    }
    if (causedBy(e, UnknownHostException.class) || causedBy(e, UnresolvedAddressException.class)) {
      return host == null ? UNKNOWN_HOST : UNKNOWN_HOST + " " + host;
    }
    // the words of the whole cause chain, only to classify; java.net.http wraps "Connection
    // reset" in a bare IOException
    StringBuilder words = new StringBuilder();
    for (Throwable t = e; t != null && words.length() < 1000; t = t.getCause()) {
      if (t.getMessage() != null) {
        words.append(t.getMessage().toLowerCase(Locale.ROOT)).append(' ');
      }
    }
    String text = words.toString();
    if (e instanceof InterruptedIOException) {
      // OkHttp: SocketTimeoutException "timeout" (read or write), "connect timed out" (connect)
      String top = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
      if (top.contains("connect")) {
        return "connect timed out";
      }
      return top.contains("time") ? "request timed out" : "interrupted";
    }
    if (causedBy(e, NoRouteToHostException.class)
        || text.contains("no route to host")
        || text.contains("network is unreachable")) {
      return "no route to host";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (text.contains("reset")) {
      return "connection reset";
    }
    if (text.contains("eof") || text.contains("closed") || text.contains("end of stream")) {
      return "connection closed early";
    }
    return "I/O error: " + e.getClass().getSimpleName();
  }
}
