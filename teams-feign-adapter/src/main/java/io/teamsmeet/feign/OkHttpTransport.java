package io.teamsmeet.feign;

import feign.Request;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * The OkHttp transport, through the SDK's own Feign client for OkHttp ({@code OkHttpFeignClient});
 * these two are the only classes of this SDK that use OkHttp's types, loaded only when OkHttp is
 * chosen. {@link Transport#okHttp()} gives one with a client the SDK builds; {@link
 * #of(OkHttpClient)} uses yours.
 *
 * <p>Needs {@code com.squareup.okhttp3:okhttp} on the classpath (an optional dependency of this
 * module; OkHttp 4 brings Okio and the Kotlin standard library):
 *
 * <pre>{@code
 * OkHttpClient mine = new OkHttpClient.Builder()
 *     .proxy(corporateProxy)
 *     .sslSocketFactory(socketFactory, trustManager)
 *     .addInterceptor(auditInterceptor)
 *     .build();
 * TeamsMeetings teams = TeamsMeetings.builder()
 *     ...
 *     .transport(OkHttpTransport.of(mine))
 *     .build();
 * }</pre>
 *
 * <p>Your client is never changed or closed. The SDK sends through a client derived from it with
 * {@link OkHttpClient#newBuilder()}, which shares its connection pool, dispatcher, proxy, TLS
 * settings, interceptors and event listener, and differs in two ways: its read timeout is {@code
 * TeamsMeetings.Builder.requestTimeout}, and one more application interceptor bounds each exchange.
 * The SDK's request bodies are one-shot. The bound: a call is cancelled at {@code
 * min(requestTimeout, time left of the SDK call)} after it starts, even while its body is being
 * read (OkHttp's read timeout, per read, would never trip on a body that dribbles in), within 50
 * ms, by the SDK's one watchdog thread (which runs only while calls are in progress). Left to
 * itself, OkHttp sends a request again after a connection failure on a pooled connection, or after
 * a {@code 503} with {@code Retry-After: 0}, even a {@code POST}; with bodies one-shot it never
 * sends a request with a body (a token request, a meeting creation or update) twice, as on the JDK
 * transport, so that the promise of {@link io.teamsmeet.RetryPolicy} (a plain meeting creation is
 * sent again only when Microsoft proved it did not process it) holds on OkHttp too. OkHttp still
 * tries another address when a connection cannot be opened, and may repeat a request without a body
 * (get, delete). Your client's connect timeout, write and call timeouts, redirect policy and
 * protocols are kept.
 *
 * <p>Immutable and thread-safe.
 */
public final class OkHttpTransport extends Transport {

  /** The user's client, or null for one the SDK builds. */
  private final OkHttpClient own;

  private final int maxIdleConnections;
  private final Duration keepAlive;

  private OkHttpTransport(OkHttpClient own, int maxIdleConnections, Duration keepAlive) {
    this.own = own;
    this.maxIdleConnections = maxIdleConnections;
    this.keepAlive = keepAlive;
  }

  /**
   * Sends through your own OkHttp client (proxy, custom TLS trust, certificate pinning, your
   * interceptors, a shared connection pool), with {@code TeamsMeetings.Builder.requestTimeout} as
   * its read timeout; see the class documentation for what the SDK adds.
   *
   * @param client your client; the SDK neither changes nor closes it
   * @return the transport to pass to {@code TeamsMeetings.Builder.transport}
   * @throws IllegalArgumentException if {@code client} is null
   */
  public static Transport of(OkHttpClient client) {
    if (client == null) {
      throw new IllegalArgumentException("client must not be null");
    }
    return new OkHttpTransport(client, 0, Duration.ZERO);
  }

  /**
   * A transport with a client the SDK builds; declared as {@link Transport} so that calling it from
   * {@link Transport#okHttp()} does not make the verifier load this class early.
   */
  static Transport sdkBuilt(int maxIdleConnections, Duration keepAlive) {
    return new OkHttpTransport(null, maxIdleConnections, keepAlive);
  }

  @Override
  Wiring wire(Settings settings) {
    OkHttpClient client;
    Runnable release;
    if (own == null) {
      OkHttpClient built =
          new OkHttpClient.Builder()
              .connectTimeout(settings.connectTimeout())
              .readTimeout(settings.requestTimeout())
              .writeTimeout(settings.requestTimeout())
              .connectionPool(
                  new ConnectionPool(
                      maxIdleConnections, keepAlive.toMillis(), TimeUnit.MILLISECONDS))
              .followRedirects(false)
              .followSslRedirects(false)
              .addInterceptor(new Bounded(settings.requestTimeout()))
              .build();
      client = built;
      release = () -> built.connectionPool().evictAll();
    } else {
      client =
          own.newBuilder()
              .readTimeout(settings.requestTimeout())
              .addInterceptor(new Bounded(settings.requestTimeout()))
              .build();
      release = () -> {};
    }
    // Options that match the client exactly, so that OkHttpFeignClient uses it as it is rather
    // than deriving a new client on every request.
    Request.Options options =
        new Request.Options(
            client.connectTimeoutMillis(),
            TimeUnit.MILLISECONDS,
            client.readTimeoutMillis(),
            TimeUnit.MILLISECONDS,
            client.followRedirects());
    return new Wiring(new OkHttpFeignClient(client), options, release);
  }

  @Override
  public String toString() {
    return own == null
        ? "okhttp(maxIdleConnections=" + maxIdleConnections + ", keepAlive=" + keepAlive + ")"
        : "okhttp(own OkHttpClient)";
  }

  /**
   * The SDK's application interceptor. It bounds the whole exchange, from sending to the last byte
   * of the response body (read by the SDK's decoders after Feign returns), by {@code
   * min(requestTimeout, time left)} of the call ({@link Exchange}): the {@link Watchdog} cancels
   * the {@link okhttp3.Call} at that bound, and {@link Http#call} disarms it when the call ends.
   * OkHttp's read timeout alone would not do: it bounds each read, so a body that dribbles a few
   * bytes per second never trips it.
   *
   * <p>OkHttp never replays a request with a one-shot body after the body may have been sent (it
   * still retries a connection that could not be opened). The SDK's client ({@link
   * OkHttpFeignClient}) sends its bodies one-shot from the start, so the request passes as it is; a
   * body that is not one-shot (one replaced by an interceptor of your client) is wrapped here.
   */
  private static final class Bounded implements Interceptor {

    private final Duration requestTimeout;

    Bounded(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Exchange exchange = Exchange.current();
      if (exchange != null) {
        Duration bound = exchange.begin(requestTimeout);
        if (bound.isZero()) {
          throw new InterruptedIOException("the call's deadline passed before sending");
        }
        okhttp3.Call call = chain.call();
        Watchdog.Armed armed =
            Watchdog.arm(
                bound,
                () -> {
                  exchange.timedOut();
                  call.cancel();
                });
        exchange.onEnd(armed::disarm);
        // The watchdog is the bound; OkHttp's read timeout (per read) stays just behind it, so
        // that a stalled body is reported as the exchange's timeout, not as a failed read.
        long readTimeout = bound.plus(Watchdog.TICK.multipliedBy(2)).toMillis();
        chain =
            chain.withReadTimeout(
                (int) Math.min(readTimeout, Integer.MAX_VALUE), TimeUnit.MILLISECONDS);
      }
      okhttp3.Request request = chain.request();
      RequestBody body = request.body();
      if (body == null || body.isOneShot()) {
        return chain.proceed(request);
      }
      return chain.proceed(
          request.newBuilder().method(request.method(), new OneShotBody(body)).build());
    }
  }

  private static final class OneShotBody extends RequestBody {

    private final RequestBody delegate;

    OneShotBody(RequestBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }
}
