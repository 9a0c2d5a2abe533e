package io.teamsmeet.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A browser for tests: it GETs the authorize URL from the fake Microsoft, reads the 302's Location
 * (http://127.0.0.1:PORT/callback?...) and GETs it, over real HTTP into the command's loopback
 * listener. Like a real browser it returns at once and does this in the background.
 */
final class FollowingBrowser implements BrowserOpener {

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final CompletableFuture<URI> redirect = new CompletableFuture<>();
  private final CompletableFuture<HttpResponse<String>> page = new CompletableFuture<>();
  private final UnaryOperator<URI> rewrite;
  private volatile URI opened;

  FollowingBrowser() {
    this(UnaryOperator.identity());
  }

  /** A browser that lands on {@code rewrite} of the redirect (a tampered callback). */
  FollowingBrowser(UnaryOperator<URI> rewrite) {
    this.rewrite = rewrite;
  }

  @Override
  public boolean open(URI uri) {
    opened = uri;
    CompletableFuture.runAsync(() -> follow(uri));
    return true;
  }

  /** Signs in at {@code authorize} and lands on the app's callback, as a browser would. */
  void follow(URI authorize) {
    try {
      HttpResponse<String> consent =
          http.send(
              HttpRequest.newBuilder(authorize).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (consent.statusCode() != 302) {
        throw new IllegalStateException(
            "authorize answered " + consent.statusCode() + ": " + consent.body());
      }
      URI location =
          rewrite.apply(URI.create(consent.headers().firstValue("Location").orElseThrow()));
      redirect.complete(location);
      page.complete(
          http.send(
              HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(90)).GET().build(),
              HttpResponse.BodyHandlers.ofString()));
    } catch (Exception e) {
      redirect.completeExceptionally(e);
      page.completeExceptionally(e);
    }
  }

  URI opened() {
    return opened;
  }

  /** Where the fake redirected the browser. */
  URI redirect() throws Exception {
    return redirect.get(30, TimeUnit.SECONDS);
  }

  /** What the command's listener answered the browser with. */
  HttpResponse<String> page() throws Exception {
    return page.get(30, TimeUnit.SECONDS);
  }
}
