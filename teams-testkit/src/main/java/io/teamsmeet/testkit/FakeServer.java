package io.teamsmeet.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The WireMock server that carries the fake: on an ephemeral port of {@code 127.0.0.1}, HTTP/1.1
 * only, no request journal, templating or gzip, and one catch-all stub that hands every request to
 * the {@link Engine}. With https it serves the fake's own certificate, which {@link #sslContext()}
 * trusts.
 */
final class FakeServer {

  private static final String KEYSTORE = "io/teamsmeet/testkit/fake-microsoft.p12";
  private static final String KEYSTORE_PASSWORD = "fake-microsoft";

  private final WireMockServer server;
  private final boolean https;

  /** Starts the server; it is running when the constructor returns. */
  FakeServer(Engine engine, boolean https, int threads) {
    this.https = https;
    WireMockConfiguration options =
        WireMockConfiguration.options()
            .bindAddress("127.0.0.1")
            .extensions(engine, new HeaderScrubber())
            .disableRequestJournal()
            .templatingEnabled(false)
            .stubRequestLoggingDisabled(true)
            .gzipDisabled(true)
            .http2PlainDisabled(true)
            .http2TlsDisabled(true)
            .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
            .containerThreads(threads)
            .notifier(new Slf4jNotifier(false));
    if (https) {
      options
          .httpDisabled(true)
          .httpsPort(0)
          .keystorePath(KEYSTORE)
          .keystoreType("PKCS12")
          .keystorePassword(KEYSTORE_PASSWORD)
          .keyManagerPassword(KEYSTORE_PASSWORD);
    } else {
      options.port(0);
    }
    this.server = new WireMockServer(options);
    server.start();
    try {
      server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Engine.NAME)));
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
  }

  boolean https() {
    return https;
  }

  /** {@code http://127.0.0.1:{port}} or {@code https://…}, no trailing slash. */
  String origin() {
    int port = https ? server.httpsPort() : server.port();
    return (https ? "https" : "http") + "://127.0.0.1:" + port;
  }

  void stop() {
    server.stop();
  }

  /**
   * A new TLS context that trusts the fake's certificate, for {@link FakeMicrosoft#sslContext()}.
   */
  static SSLContext sslContext() {
    try (InputStream in = FakeServer.class.getClassLoader().getResourceAsStream(KEYSTORE)) {
      if (in == null) {
        throw new IllegalStateException(KEYSTORE + " is missing from the classpath");
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, KEYSTORE_PASSWORD.toCharArray());
      Certificate certificate = keys.getCertificate(keys.aliases().nextElement());
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry("fake-microsoft", certificate);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the fake's certificate", e);
    }
  }
}
