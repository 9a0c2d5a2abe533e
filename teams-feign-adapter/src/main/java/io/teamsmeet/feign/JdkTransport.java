package io.teamsmeet.feign;

import feign.Request;
import feign.http2client.Http2Client;
import java.net.http.HttpClient;

/**
 * The JDK's {@code java.net.http} client through feign-java11's {@link Http2Client}: one the SDK
 * builds ({@link Transport#jdk()}) or the user's own ({@link Transport#jdk(HttpClient)}).
 */
final class JdkTransport extends Transport {

  static final JdkTransport SDK_BUILT = new JdkTransport(null);

  /** The user's client, or null for one the SDK builds. */
  private final HttpClient own;

  JdkTransport(HttpClient own) {
    this.own = own;
  }

  @Override
  Wiring wire(Settings settings) {
    if (own == null) {
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(settings.connectTimeout())
              .followRedirects(HttpClient.Redirect.NEVER)
              // HTTP/2 is negotiated over TLS; plain loopback endpoints (tests) use HTTP/1.1
              .version(settings.http2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
              .build();
      return new Wiring(
          new Http2Client(http),
          new Request.Options(settings.connectTimeout(), settings.requestTimeout(), false),
          () -> release(http));
    }
    // Options that match the client, so that Http2Client uses it as it is rather than a copy. The
    // request timeout is not a client setting: Http2Client sets it on every request.
    Request.Options options =
        new Request.Options(
            own.connectTimeout().orElse(settings.connectTimeout()),
            settings.requestTimeout(),
            own.followRedirects() == HttpClient.Redirect.ALWAYS);
    return new Wiring(new Http2Client(own), options, () -> {});
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
