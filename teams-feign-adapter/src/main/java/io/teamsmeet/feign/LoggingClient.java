package io.teamsmeet.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import io.teamsmeet.SafeText;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's client layer in front of every transport: adds the exchange's standard headers ({@link
 * StandardHeaders}) and {@code Authorization} ({@link Exchange#authorize}) in one copy of Feign's
 * request ({@link Exchange#prepared}; {@link JdkClient} and {@link OkHttpFeignClient} add them
 * themselves, without a copy), and logs each exchange at DEBUG through {@link System.Logger}
 * ({@code io.teamsmeet.feign.http}): method, path, status, time until the transport returned the
 * response (java.net.http: the whole body; OkHttp: the headers), {@code request-id} and {@code
 * client-request-id}. Never a header value that could hold a token, never a query, never a body.
 * The ids come from the answer, so they are escaped ({@link SafeText}) like any outside text.
 */
final class LoggingClient implements Client {

  private static final System.Logger LOG = System.getLogger(Loggers.HTTP);

  private final Client delegate;

  /**
   * Whether the delegate adds the exchange's headers itself ({@link JdkClient}, {@link
   * OkHttpFeignClient}).
   */
  private final boolean addsHeaders;

  LoggingClient(Client delegate) {
    this.delegate = delegate;
    // by name: an instanceof would load JdkClient on the OkHttp transport, and OkHttpFeignClient
    // (with OkHttp's types) on the JDK transport
    String name = delegate.getClass().getName();
    this.addsHeaders =
        name.equals("io.teamsmeet.feign.JdkClient")
            || name.equals("io.teamsmeet.feign.OkHttpFeignClient");
  }

  /** The transport's client this one logs for. */
  Client delegate() {
    return delegate;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    // the exchange's standard headers and Authorization, kept out of Feign's request
    if (!addsHeaders) {
      request = Exchange.prepared(request);
    }
    if (!LOG.isLoggable(Level.DEBUG)) {
      return delegate.execute(request, options);
    }
    long start = System.nanoTime();
    String method = request.httpMethod().name();
    String path = path(request.url());
    String clientRequestId = Http.sentClientRequestId(request).orElse("-");
    try {
      Response response = delegate.execute(request, options);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      String requestId =
          SafeText.of(
              Http.header(response.headers(), "request-id")
                  .or(() -> Http.header(response.headers(), "x-ms-request-id"))
                  .orElse("-"));
      LOG.log(
          Level.DEBUG,
          "{0} {1} -> {2} in {3} ms (request-id={4}, client-request-id={5})",
          method,
          path,
          String.valueOf(response.status()),
          String.valueOf(millis),
          requestId,
          clientRequestId);
      return response;
    } catch (IOException e) {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      LOG.log(
          Level.DEBUG,
          "{0} {1} failed after {2} ms: {3} (client-request-id={4})",
          method,
          path,
          String.valueOf(millis),
          e.getClass().getSimpleName(),
          clientRequestId);
      throw e;
    }
  }

  /** The URL's path without query or fragment. */
  static String path(String url) {
    try {
      String path = URI.create(url).getRawPath();
      return path == null || path.isEmpty() ? "/" : path;
    } catch (IllegalArgumentException e) {
      int q = url.indexOf('?');
      return q < 0 ? url : url.substring(0, q);
    }
  }
}
