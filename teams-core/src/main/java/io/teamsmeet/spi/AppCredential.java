package io.teamsmeet.spi;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;

/**
 * How the application authenticates itself at the token endpoint: not at all (a public client, PKCE
 * only), with a client secret, or with a certificate. {@code toString()} never shows a secret or a
 * key. Immutable and thread-safe.
 */
public sealed interface AppCredential
    permits AppCredential.PublicClient, AppCredential.Secret, AppCredential.Certificate {

  /** A public client: no credential is sent. Immutable and thread-safe. */
  record PublicClient() implements AppCredential {}

  /**
   * A client secret. Immutable and thread-safe.
   *
   * @param value the secret; not blank
   */
  record Secret(String value) implements AppCredential {
    /** Refuses a blank secret. */
    public Secret {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("clientSecret must not be null or blank");
      }
    }

    @Override
    public String toString() {
      return "Secret[redacted]";
    }
  }

  /**
   * A certificate whose private key signs a client assertion for each token request. Immutable and
   * thread-safe: it keeps the key and certificate it was given and never changes them (do not
   * destroy the key while the SDK uses it).
   *
   * @param privateKey the certificate's private key
   * @param certificate the certificate uploaded to the app registration
   */
  record Certificate(PrivateKey privateKey, X509Certificate certificate) implements AppCredential {
    /**
     * Refuses what cannot sign a client assertion: a missing key or certificate, a key that is not
     * RSA (assertions are signed RS256), a key that does not belong to the certificate.
     */
    public Certificate {
      if (privateKey == null) {
        throw new IllegalArgumentException("certificate private key must not be null");
      }
      if (certificate == null) {
        throw new IllegalArgumentException("certificate must not be null");
      }
      if (!"RSA".equalsIgnoreCase(privateKey.getAlgorithm())) {
        throw new IllegalArgumentException(
            "certificate private key must be an RSA key (client assertions are signed RS256), was "
                + privateKey.getAlgorithm());
      }
      if (!(certificate.getPublicKey() instanceof RSAPublicKey publicKey)) {
        throw new IllegalArgumentException("certificate must hold an RSA public key");
      }
      if (privateKey instanceof RSAKey rsa && !rsa.getModulus().equals(publicKey.getModulus())) {
        throw new IllegalArgumentException(
            "certificate private key does not belong to the certificate's public key");
      }
      try {
        Signature.getInstance("SHA256withRSA").initSign(privateKey);
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException(
            "certificate private key cannot sign with SHA256withRSA ("
                + e.getClass().getSimpleName()
                + ")");
      }
    }

    @Override
    public String toString() {
      return "Certificate[" + certificate.getSubjectX500Principal().getName() + "]";
    }
  }
}
