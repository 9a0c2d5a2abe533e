package io.teamsmeet.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The SDK's Feign client on the JDK's {@code java.net.http}: one exchange, from sending the request
 * to the last byte of the response body, takes at most {@code min(requestTimeout, time left)} of
 * the call ({@link Exchange}); then it is aborted and reported as a timeout. The wait for the
 * headers is bounded by the request's own timeout; the body is then collected on the caller's
 * thread with the time left, and its subscription cancelled at the bound (which closes the
 * connection). The body is collected before Feign sees the response, up to {@link Http#MAX_BODY}
 * bytes; a longer one fails with {@link BodyTooLargeException}.
 *
 * <p>It sends through the client it is given, as it is (its HTTP version, connect timeout, proxy,
 * TLS, redirect policy, executor and pool), without copies. The SDK sends no {@code
 * Accept-Encoding}, so bodies arrive unencoded. Thread-safe.
 */
final class JdkClient implements Client {

  /** Headers {@code java.net.http} sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = restricted();

  /**
   * The client requests are sent with; complete before the first request ({@code
   * TeamsMeetings.build()} waits for it, {@link JdkTransport#ready}), so that reading it is one
   * volatile read.
   */
  private final CompletableFuture<HttpClient> http;

  private final Duration requestTimeout;

  JdkClient(CompletableFuture<HttpClient> http, Duration requestTimeout) {
    this.http = http;
    this.requestTimeout = requestTimeout;
  }

  /** The client requests are sent with. */
  HttpClient httpClient() {
    return http.join();
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Exchange exchange = Exchange.current();
    Duration bound = Exchange.begin(exchange, requestTimeout);
    if (bound.isZero()) {
      throw new HttpTimeoutException("the call's deadline passed before sending");
    }
    long start = System.nanoTime();
    // send(), not sendAsync(): send runs the exchange inline on this thread until it must wait
    // for the network, where sendAsync hands it to the client's executor and its completion to
    // the common pool (two thread switches per request, which cost more CPU than the rest of the
    // SDK on a busy host). The request timeout bounds the wait for the headers; the body is then
    // collected with the time left, below.
    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
    try {
      response =
          http.join()
              .send(
                  toHttpRequest(request, bound, exchange), HttpResponse.BodyHandlers.ofPublisher());
    } catch (HttpConnectTimeoutException e) {
      throw e;
    } catch (HttpTimeoutException e) {
      timedOut(exchange);
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the response");
    }
    LimitedBody body = new LimitedBody(Http.MAX_BODY);
    response.body().subscribe(body);
    long left = bound.toNanos() - (System.nanoTime() - start);
    byte[] bytes;
    try {
      bytes = body.result.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      body.cancel();
      timedOut(exchange);
      throw new HttpTimeoutException("no complete response in time");
    } catch (InterruptedException e) {
      body.cancel();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading the response");
    } catch (ExecutionException e) {
      if (System.nanoTime() - start >= bound.toNanos()) {
        // The request's own timeout (the same bound) cancelled the exchange while its body was
        // read, a moment before the wait above ended: a timeout, not a broken connection.
        timedOut(exchange);
        throw new HttpTimeoutException("no complete response in time");
      }
      throw unwrap(e.getCause());
    }
    return Response.builder()
        .status(response.statusCode())
        .headers(headers(response.headers()))
        .body(bytes)
        .request(request)
        .protocolVersion(
            response.version() == HttpClient.Version.HTTP_2
                ? Request.ProtocolVersion.HTTP_2
                : Request.ProtocolVersion.HTTP_1_1)
        .build();
  }

  private static void timedOut(Exchange exchange) {
    if (exchange != null) {
      exchange.timedOut();
    }
  }

  private static HttpRequest toHttpRequest(Request request, Duration timeout, Exchange exchange)
      throws IOException {
    URI uri;
    try {
      uri = URI.create(request.url());
    } catch (IllegalArgumentException e) {
      throw new IOException("the request URL is not a valid URI");
    }
    byte[] body = request.body();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .method(
                request.httpMethod().name(),
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    // the exchange's standard headers and bearer token, kept out of Feign's request
    // (StandardHeaders, Exchange#authorize): added here, without a copy of Feign's request
    Exchange.headers(
        exchange,
        request,
        (name, value) -> {
          if (!RESTRICTED.contains(name)) {
            builder.header(name, value);
          }
        });
    return builder.build();
  }

  /** The response headers the adapter reads ({@link Http#RESPONSE_HEADERS}), the others dropped. */
  private static Map<String, Collection<String>> headers(HttpHeaders headers) {
    Map<String, Collection<String>> map = new LinkedHashMap<>();
    headers
        .map()
        .forEach(
            (name, values) -> {
              if (Http.isRead(name)) {
                map.put(name, values);
              }
            });
    return map;
  }

  private static IOException unwrap(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException e) {
      throw e;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IOException(cause);
  }

  private static Set<String> restricted() {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(List.of("connection", "content-length", "expect", "host", "upgrade"));
    return names;
  }

  /** The body, refused beyond {@code limit} bytes (the subscription is then cancelled). */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(int limit) {
      super("response body larger than " + limit / (1024 * 1024) + " MiB");
    }
  }

  /**
   * Collects the body's bytes, at most {@code limit}; {@link #cancel()} (from the caller's thread,
   * at the bound) stops the body and releases the connection.
   */
  private static final class LimitedBody implements Flow.Subscriber<List<ByteBuffer>> {

    private final int limit;
    final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> parts = new ArrayList<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;
    private long size;

    LimitedBody(int limit) {
      this.limit = limit;
    }

    void cancel() {
      cancelled = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (cancelled) {
        s.cancel();
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        size += item.remaining();
        parts.add(item);
      }
      if (size > limit) {
        parts.clear();
        subscription.cancel();
        result.completeExceptionally(new BodyTooLargeException(limit));
      }
    }

    @Override
    public void onError(Throwable error) {
      parts.clear();
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      if (result.isDone()) {
        return;
      }
      byte[] bytes = new byte[(int) size];
      int at = 0;
      for (ByteBuffer part : parts) {
        int n = part.remaining();
        part.get(bytes, at, n);
        at += n;
      }
      parts.clear();
      result.complete(bytes);
    }
  }
}
