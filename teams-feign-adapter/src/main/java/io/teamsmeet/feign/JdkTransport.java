package io.teamsmeet.feign;

import feign.Request;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's {@code java.net.http} client through the SDK's own {@link JdkClient}: one the SDK
 * builds ({@link Transport#jdk()}) or the user's own ({@link Transport#jdk(HttpClient)}), used as
 * it is in both cases.
 */
final class JdkTransport extends Transport {

  static final JdkTransport SDK_BUILT = new JdkTransport(null);

  /** The user's client, or null for one the SDK builds. */
  private final HttpClient own;

  JdkTransport(HttpClient own) {
    this.own = own;
  }

  /**
   * Threads of the executor of a client the SDK builds: the JDK client runs its non-blocking steps
   * there (reading a response, handing over its body, TLS tasks) while callers wait in {@code
   * send}; a few threads serve any number of exchanges.
   */
  static final int EXECUTOR_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  @Override
  Wiring wire(Settings settings) {
    if (own == null) {
      // A fixed pool rather than the JDK's default executor, a cached pool that starts a thread
      // for every step that finds none idle: in a burst (thousands of users refreshing at once
      // after a restart) it started thousands of threads, and their creation took most of the CPU
      // (a 5 000-caller burst took 11 to 38 s, with requests failing at the request timeout).
      ExecutorService executor = executor();
      HttpClient.Builder builder =
          HttpClient.newBuilder()
              .executor(executor)
              .connectTimeout(settings.connectTimeout())
              .followRedirects(HttpClient.Redirect.NEVER)
              // HTTP/2 is negotiated over TLS; plain loopback endpoints (tests) use HTTP/1.1
              .version(settings.http2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
      CompletableFuture<HttpClient> http = buildAside(builder);
      return new Wiring(
          new JdkClient(http, settings.requestTimeout()),
          new Request.Options(settings.connectTimeout(), settings.requestTimeout(), false),
          () -> {
            try {
              release(http.join());
            } catch (RuntimeException | Error failedToBuild) {
              // nothing was built, so nothing to release
            }
            executor.shutdown();
          },
          () -> ready(http));
    }
    // Informational only: JdkClient sends through the client as it is, whatever the options say.
    Request.Options options =
        new Request.Options(
            own.connectTimeout().orElse(settings.connectTimeout()),
            settings.requestTimeout(),
            own.followRedirects() == HttpClient.Redirect.ALWAYS);
    return new Wiring(
        new JdkClient(CompletableFuture.completedFuture(own), settings.requestTimeout()),
        options,
        () -> {});
  }

  /**
   * {@link #EXECUTOR_THREADS} daemon threads named {@code teams-meetings-http-<client>-<n>}; idle
   * ones end after a minute (as the JDK's default executor's do), so that a client that is never
   * closed leaves no thread behind once it is idle.
   */
  private static ExecutorService executor() {
    int client = CLIENTS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            EXECUTOR_THREADS,
            EXECUTOR_THREADS,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread =
                  new Thread(
                      task, "teams-meetings-http-" + client + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  private static final AtomicInteger CLIENTS = new AtomicInteger();

  /**
   * Builds the client on a short-lived daemon thread, {@code teams-meetings-init}, while the
   * adapter builds its Feign targets on the caller's: building a JDK client initializes the JDK's
   * default TLS context (the trust store's certificates are parsed), the largest single cost of
   * {@code TeamsMeetings.build()} in a fresh JVM (issue 19: about a quarter of the time to the
   * first meeting). The adapter waits for it before {@code build()} returns ({@link #ready}).
   */
  private static CompletableFuture<HttpClient> buildAside(HttpClient.Builder builder) {
    CompletableFuture<HttpClient> http = new CompletableFuture<>();
    Runnable build =
        () -> {
          try {
            http.complete(builder.build());
          } catch (RuntimeException | Error e) {
            http.completeExceptionally(e);
          }
        };
    try {
      Thread thread = new Thread(build, "teams-meetings-init");
      thread.setDaemon(true);
      thread.start();
    } catch (RuntimeException | OutOfMemoryError cannotStartThread) {
      build.run(); // on the caller's thread, as without the overlap
    }
    return http;
  }

  /** Waits for the client built aside and rethrows what building it threw, unwrapped. */
  static void ready(CompletableFuture<HttpClient> http) {
    try {
      http.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** JDK 21 and later can close a client (JDK 17 cannot: its threads end when it is collected). */
  private static void release(HttpClient http) {
    if (http instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // best effort: nothing the caller could do
      }
    }
  }

  @Override
  public String toString() {
    return own == null ? "jdk" : "jdk(own HttpClient)";
  }
}
