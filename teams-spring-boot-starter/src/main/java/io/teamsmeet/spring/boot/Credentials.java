package io.teamsmeet.spring.boot;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.springframework.core.io.Resource;

/** Reads the keyset and the certificate credential named by the properties. Stateless. */
final class Credentials {

  private Credentials() {}

  /** A keyset from the properties; null when neither property is set. */
  static KeysetHandle keyset(TeamsProperties.Keys keys) {
    try {
      if (keys.keyset() != null) {
        String text = keys.keyset().strip();
        return text.startsWith("{")
            ? TinkJsonProtoKeysetFormat.parseKeyset(text, InsecureSecretKeyAccess.get())
            : TinkProtoKeysetFormat.parseKeyset(
                Base64.getMimeDecoder().decode(text), InsecureSecretKeyAccess.get());
      }
      if (keys.keysetResource() != null) {
        return TinkJsonProtoKeysetFormat.parseKeyset(
            read(keys.keysetResource(), "teams.keys.keyset-resource"),
            InsecureSecretKeyAccess.get());
      }
      return null;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // never the value, nor Tink's message about it
      throw new IllegalStateException(
          "teams.keys: the keyset cannot be read as a Tink keyset (JSON, or binary in Base64)");
    }
  }

  static PrivateKey privateKey(Resource pem) {
    String text = read(pem, "teams.certificate.private-key");
    if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalStateException(
          "teams.certificate.private-key must be a PEM PKCS#8 key (-----BEGIN PRIVATE KEY-----)");
    }
    String base64 =
        text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27)
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("teams.certificate.private-key is not an RSA private key");
    }
  }

  static X509Certificate certificate(Resource pem) {
    try (InputStream in = pem.getInputStream()) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "teams.certificate.certificate cannot be read as an X.509 certificate: "
              + e.getClass().getSimpleName());
    }
  }

  private static String read(Resource resource, String property) {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(property + ": cannot read " + resource.getDescription());
    }
  }
}
