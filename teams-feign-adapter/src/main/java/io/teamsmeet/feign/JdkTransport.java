package io.teamsmeet.feign;

import feign.Request;
import java.net.http.HttpClient;

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
          new JdkClient(http, settings.requestTimeout()),
          new Request.Options(settings.connectTimeout(), settings.requestTimeout(), false),
          () -> release(http));
    }
    // Informational only: JdkClient sends through the client as it is, whatever the options say.
    Request.Options options =
        new Request.Options(
            own.connectTimeout().orElse(settings.connectTimeout()),
            settings.requestTimeout(),
            own.followRedirects() == HttpClient.Redirect.ALWAYS);
    return new Wiring(new JdkClient(own, settings.requestTimeout()), options, () -> {});
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
