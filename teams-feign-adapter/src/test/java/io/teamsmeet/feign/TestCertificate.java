package io.teamsmeet.feign;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed RSA certificate made once per JVM by the JDK's own {@code keytool}, in a temporary
 * PKCS12 file.
 */
final class TestCertificate {

  record KeyAndCert(PrivateKey key, X509Certificate certificate) {}

  private static KeyAndCert instance;

  private TestCertificate() {}

  static synchronized KeyAndCert get() {
    if (instance == null) {
      instance = create("CN=teams-meetings-test");
    }
    return instance;
  }

  static KeyAndCert create(String dname) {
    try {
      Path dir = Files.createTempDirectory("teams-cert");
      Path store = dir.resolve("cert.p12");
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      Process p =
          new ProcessBuilder(
                  List.of(
                      keytool,
                      "-genkeypair",
                      "-alias",
                      "app",
                      "-keyalg",
                      "RSA",
                      "-keysize",
                      "2048",
                      "-sigalg",
                      "SHA256withRSA",
                      "-dname",
                      dname,
                      "-validity",
                      "2",
                      "-storetype",
                      "PKCS12",
                      "-keystore",
                      store.toString(),
                      "-storepass",
                      "changeit",
                      "-keypass",
                      "changeit"))
              .redirectErrorStream(true)
              .start();
      byte[] output = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + new String(output));
      }
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        ks.load(in, "changeit".toCharArray());
      }
      PrivateKey key = (PrivateKey) ks.getKey("app", "changeit".toCharArray());
      X509Certificate cert = (X509Certificate) ks.getCertificate("app");
      Files.deleteIfExists(store);
      Files.deleteIfExists(dir);
      return new KeyAndCert(key, cert);
    } catch (Exception e) {
      throw new IllegalStateException("could not create a test certificate", e);
    }
  }
}
