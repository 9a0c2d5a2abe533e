package io.teamsmeet.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Receives Microsoft's redirect after sign-in on {@code http://127.0.0.1:PORT/callback} (RFC 8252
 * loopback redirect; Microsoft ignores the port when it matches a registered loopback URI).
 *
 * <p>Only {@code 127.0.0.1} is bound, so no other machine can reach it. It takes one callback: the
 * command completes the connection, then the browser gets a page saying how it went. Later requests
 * to {@code /callback} get "already handled"; other paths 404.
 */
final class LoopbackReceiver implements AutoCloseable {

  static final String PATH = "/callback";
  private static final Duration PAGE_WAIT = Duration.ofSeconds(60);

  /** The redirect as the browser made it, and the page to answer the browser with. */
  record Callback(URI uri, CompletableFuture<String> page) {
    @Override
    public String toString() {
      return "Callback[" + Redact.url(uri.toString()) + "]";
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI redirectUri;
  private final LinkedBlockingQueue<Callback> callbacks = new LinkedBlockingQueue<>();
  private final AtomicReference<Callback> taken = new AtomicReference<>();
  private final CountDownLatch answered = new CountDownLatch(1);

  private LoopbackReceiver(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
    this.redirectUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /**
   * Starts listening on {@code 127.0.0.1:port} (0: an ephemeral port).
   *
   * @throws CliException (configuration) if the port is taken or cannot be bound
   */
  static LoopbackReceiver start(int port) {
    HttpServer server;
    try {
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
    } catch (BindException e) {
      throw CliException.configuration(
          "cannot listen on 127.0.0.1:"
              + port
              + " (in use?): pick another --port, or 0 for any free port");
    } catch (IOException e) {
      throw CliException.configuration(
          "cannot listen on 127.0.0.1:" + port + ": " + e.getClass().getSimpleName());
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "teams-loopback-callback");
              t.setDaemon(true);
              return t;
            });
    LoopbackReceiver receiver = new LoopbackReceiver(server, executor);
    server.createContext("/", receiver::handle);
    server.setExecutor(executor);
    server.start();
    return receiver;
  }

  /** {@code http://127.0.0.1:PORT/callback}. */
  URI redirectUri() {
    return redirectUri;
  }

  /** Waits for the redirect; empty if none came within {@code timeout}. */
  Optional<Callback> await(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(callbacks.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      if (!exchange.getRequestURI().getRawPath().equals(PATH)) {
        send(exchange, 404, Pages.notFound());
        return;
      }
      if (!method.equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, Pages.notFound());
        return;
      }
      String query = exchange.getRequestURI().getRawQuery();
      Callback callback =
          new Callback(
              URI.create(redirectUri + (query == null ? "" : "?" + query)),
              new CompletableFuture<>());
      if (!taken.compareAndSet(null, callback)) {
        send(exchange, 409, Pages.alreadyHandled());
        return;
      }
      callbacks.add(callback);
      String page;
      try {
        page = callback.page().get(PAGE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        page = Pages.returnToTerminal();
      } catch (ExecutionException | TimeoutException e) {
        page = Pages.returnToTerminal();
      }
      try {
        send(exchange, 200, page);
      } finally {
        answered.countDown();
      }
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "text/html; charset=utf-8");
    headers.set("Cache-Control", "no-store");
    // The callback URL holds the authorization code: never let it travel on as a Referer.
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Answers a browser still waiting, lets its page go out, and stops listening. */
  @Override
  public void close() {
    Callback callback = taken.get();
    if (callback != null) {
      callback.page().complete(Pages.returnToTerminal());
      try {
        answered.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
