package io.teamsmeet.feign;

import feign.Client;
import feign.Request;
import io.teamsmeet.spi.HttpTransport;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client the SDK sends its requests to Microsoft with, passed to {@code
 * TeamsMeetings.Builder.transport}.
 *
 * <p>Two transports are supported and tested through the same suite:
 *
 * <ul>
 *   <li>{@link #jdk()}, the default: the JDK's {@code java.net.http.HttpClient}, through the SDK's
 *       own small Feign client. No extra jar.
 *   <li>{@link #okHttp()}: OkHttp through the SDK's own Feign client, faster and lighter on CPU in
 *       this project's benchmarks (it costs about 3 MB of jars: OkHttp, Okio, the Kotlin standard
 *       library). It is an optional dependency of this module; add it to switch:
 *       <pre>{@code
 * <dependency>
 *   <groupId>com.squareup.okhttp3</groupId>
 *   <artifactId>okhttp</artifactId>
 *   <!-- no version: teams-bom manages the one the SDK is tested with -->
 * </dependency>
 *
 * TeamsMeetings.builder()...transport(Transport.okHttp())...build();
 * }</pre>
 * </ul>
 *
 * <p>Either can be a client you built yourself, for a proxy, custom TLS trust, an executor or your
 * interceptors: {@link #jdk(HttpClient)} or {@link OkHttpTransport#of(okhttp3.OkHttpClient)}. The
 * SDK never changes or closes a client you pass; it bounds each of its exchanges as below and keeps
 * your client's own connect timeout, proxy, TLS settings, redirect policy and connection pool.
 * {@link #feign(Client)} takes any other Feign {@link Client}. The SDK never falls back to Feign's
 * {@code Client.Default} ({@code HttpURLConnection}).
 *
 * <p>On {@link #jdk()} and {@link #okHttp()}, with a client the SDK builds or your own, every
 * exchange, from sending the request to the last byte of the response body, ends within {@code
 * min(requestTimeout, time left of the call)}: the SDK aborts it there however slowly the body
 * arrives (java.net.http: the exchange is cancelled; OkHttp: a watchdog cancels the call). A {@link
 * #feign(Client)} client cannot be aborted by the SDK: it is bounded only by what it does with the
 * {@code Request.Options} it gets, while the core still checks the call's deadline ({@code
 * TeamsMeetings.Builder.callTimeout}) between attempts.
 *
 * <p>What the settings mean on each transport, for a client the SDK builds:
 *
 * <table>
 *   <caption>Transport settings</caption>
 *   <tr><th>setting (default)</th><th>{@code jdk()}</th><th>{@code okHttp()}</th></tr>
 *   <tr><td>{@code connectTimeout} (10 s)</td><td>the client's connect timeout</td>
 *       <td>the client's connect timeout</td></tr>
 *   <tr><td>{@code requestTimeout} (15 s)</td>
 *       <td>one exchange, sending to the last byte of the body, at most {@code min(requestTimeout,
 *       time left)}; then it is cancelled</td>
 *       <td>the same bound, by a watchdog that cancels the call; also the read and write timeouts
 *       (each read or write on the socket)</td></tr>
 *   <tr><td>pool: idle connections (20), keep-alive (2 minutes)</td>
 *       <td>not settable per client: the JVM-wide system properties {@code
 *       jdk.httpclient.connectionPoolSize} (JDK 17 default 0, no limit) and {@code
 *       jdk.httpclient.keepalive.timeout} in seconds (JDK 17 default 1200)</td>
 *       <td>{@link #okHttp(int, Duration)}</td></tr>
 * </table>
 *
 * <p>A client the SDK builds, on either, follows no redirects, negotiates HTTP/2 over TLS
 * (Microsoft's endpoints speak it; one connection per host then carries all requests) and uses
 * HTTP/1.1 for plain {@code http} loopback endpoints (tests, fakes). On every transport each
 * request carries the same SDK headers ({@code User-Agent}, a fresh {@code client-request-id},
 * {@code Accept}, ...). Neither of the two transports sends a request with a body (a token request,
 * a meeting creation or update) a second time on its own: a failure after it may have reached
 * Microsoft is reported (retryable, status 0), and whether to retry is the {@link
 * io.teamsmeet.RetryPolicy}'s decision.
 *
 * <p>Immutable and thread-safe. A transport can be passed to several builders; each {@code
 * TeamsMeetings} the SDK builds a client for gets its own client and connection pool.
 */
public abstract class Transport implements HttpTransport {

  Transport() {}

  /**
   * The JDK's {@code java.net.http} client, built by the SDK (the default): {@code connectTimeout}
   * from the builder, no redirects, HTTP/2 over TLS, and an executor of its own with a fixed number
   * of daemon threads (as many as processors, at least 2; stopped by {@code TeamsMeetings.close()},
   * and ended after a minute idle) instead of the JDK's default, which starts a new thread for each
   * step that finds no idle one and, in a burst of thousands of simultaneous requests, spends most
   * of the CPU starting threads. Needs no jar beyond this module's.
   *
   * @return the default transport
   */
  public static Transport jdk() {
    return JdkTransport.SDK_BUILT;
  }

  /**
   * Your own JDK client, for a proxy, custom TLS ({@code SSLContext}), an authenticator or an
   * executor. It is used as it is, never copied: its connect timeout, redirect policy, HTTP
   * version, executor and connection pool stay as you set them (give it a fixed-size {@code
   * executor} if thousands of requests may run at once: the JDK's default starts a thread for
   * each). Each exchange, connecting included, is bounded by {@code min(requestTimeout, time left
   * of the call)} and cancelled there.
   *
   * @param client the client; the SDK does not close it
   * @return a transport sending through {@code client}
   * @throws IllegalArgumentException if {@code client} is null
   */
  public static Transport jdk(HttpClient client) {
    if (client == null) {
      throw new IllegalArgumentException("client must not be null");
    }
    return new JdkTransport(client);
  }

  /**
   * OkHttp, with a client built by the SDK: {@code connectTimeout}, {@code requestTimeout} (read
   * and write), a pool of at most 20 idle connections kept for 2 minutes ({@link #okHttp(int,
   * Duration)} to change them), no redirects. Needs {@code com.squareup.okhttp3:okhttp} on the
   * classpath; to pass your own {@code okhttp3.OkHttpClient}, see {@link OkHttpTransport#of}.
   *
   * @return the OkHttp transport
   * @throws IllegalStateException if OkHttp is not on the classpath, naming the dependency to add
   */
  public static Transport okHttp() {
    return okHttp(DEFAULT_MAX_IDLE_CONNECTIONS, DEFAULT_KEEP_ALIVE);
  }

  /**
   * OkHttp, with a client built by the SDK whose connection pool keeps at most {@code
   * maxIdleConnections} idle connections, each for {@code keepAlive}. Over HTTP/2, which
   * Microsoft's endpoints speak, one connection per host carries all concurrent requests; over
   * HTTP/1.1 (a proxy without HTTP/2) about one per concurrent request is needed. The default
   * keep-alive of 2 minutes is below the 4-minute idle timeout of Azure load balancers and the 350
   * seconds of AWS NAT gateways, so the client drops an idle connection before a middlebox silently
   * does. ({@code java.net.http} has no per-client pool settings: its pool is JVM-wide, sized by
   * the system properties {@code jdk.httpclient.connectionPoolSize} and {@code
   * jdk.httpclient.keepalive.timeout}.)
   *
   * @param maxIdleConnections 0 to 10 000 (default 20)
   * @param keepAlive positive (default 2 minutes)
   * @return the OkHttp transport
   * @throws IllegalArgumentException naming a value out of range
   * @throws IllegalStateException if OkHttp is not on the classpath, naming the dependency to add
   */
  public static Transport okHttp(int maxIdleConnections, Duration keepAlive) {
    if (maxIdleConnections < 0 || maxIdleConnections > MAX_IDLE_CONNECTIONS_LIMIT) {
      throw new IllegalArgumentException(
          "maxIdleConnections must be between 0 and "
              + MAX_IDLE_CONNECTIONS_LIMIT
              + ", was "
              + maxIdleConnections);
    }
    if (keepAlive == null || keepAlive.isZero() || keepAlive.isNegative()) {
      throw new IllegalArgumentException("keepAlive must be positive, was " + keepAlive);
    }
    requireOkHttp();
    return OkHttpTransport.sdkBuilt(maxIdleConnections, keepAlive);
  }

  private static final int DEFAULT_MAX_IDLE_CONNECTIONS = 20;
  private static final Duration DEFAULT_KEEP_ALIVE = Duration.ofMinutes(2);
  private static final int MAX_IDLE_CONNECTIONS_LIMIT = 10_000;

  /**
   * Any Feign client, for a transport this SDK does not offer (Apache HttpClient 5, a test double,
   * your own wrapper). {@code TeamsMeetings.Builder.connectTimeout} and {@code
   * TeamsMeetings.Builder.requestTimeout} are passed to it as Feign's {@code Request.Options},
   * redirects off; what it does with them is up to the client. The SDK cannot abort its exchanges:
   * one that hangs is bounded only by the client, and the call's deadline is checked between
   * attempts, so a call can outlast {@code callTimeout} by one exchange of this client.
   *
   * @param client the client; the SDK does not close it
   * @return a transport sending through {@code client}
   * @throws IllegalArgumentException if {@code client} is null
   */
  public static Transport feign(Client client) {
    if (client == null) {
      throw new IllegalArgumentException("client must not be null");
    }
    return new FeignTransport(client);
  }

  /** Fails with the dependency to add when OkHttp is missing. */
  static void requireOkHttp() {
    ClassLoader loader = Transport.class.getClassLoader();
    String name = "okhttp3.OkHttpClient";
    try {
      Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "Transport.okHttp() needs OkHttp: add the dependency com.squareup.okhttp3:okhttp"
              + " (4.12.0, managed by teams-bom) to your build; "
              + name
              + " is not on the classpath");
    }
  }

  /** The Feign client and options for one {@code TeamsMeetings}; see {@link Settings}. */
  abstract Wiring wire(Settings settings);

  /** The builder's HTTP settings. */
  record Settings(Duration connectTimeout, Duration requestTimeout, boolean http2) {}

  /**
   * What the adapters send with: the Feign client, the options that match it (so that the Feign
   * client uses it as it is rather than a per-request copy), what {@code TeamsMeetings.close}
   * releases (nothing for a client the user owns), and {@code ready}, run once the adapter has
   * built its Feign targets: it waits for an HTTP client that was being built meanwhile and throws
   * what building it threw.
   */
  record Wiring(Client client, Request.Options options, Runnable release, Runnable ready) {

    Wiring(Client client, Request.Options options, Runnable release) {
      this(client, options, release, () -> {});
    }
  }
}
