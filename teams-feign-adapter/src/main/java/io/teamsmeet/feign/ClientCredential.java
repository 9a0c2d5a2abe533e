package io.teamsmeet.feign;

import io.teamsmeet.spi.Failures;
import io.teamsmeet.ConfigurationException;
import io.teamsmeet.ErrorDetails;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Base64;

/**
 * How the app authenticates itself at the token endpoint: not at all (public client), with a
 * secret, or with a certificate (a signed client assertion). Never prints a secret or a key.
 */
sealed interface ClientCredential
    permits ClientCredential.PublicClient,
        ClientCredential.ClientSecret,
        ClientCredential.Certificate {

  /** Adds the credential's form fields to a token request sent to {@code tokenEndpoint}. */
  void addTo(FormBody form, String clientId, String tokenEndpoint, Clock clock);

  /** A public client: PKCE only, no credential is sent. */
  final class PublicClient implements ClientCredential {
    static final PublicClient INSTANCE = new PublicClient();

    private PublicClient() {}

    @Override
    public void addTo(FormBody form, String clientId, String tokenEndpoint, Clock clock) {}

    @Override
    public String toString() {
      return "PublicClient";
    }
  }

  /** A client secret, sent as {@code client_secret}; {@link #toString()} is redacted. */
  final class ClientSecret implements ClientCredential {
    private final String value;

    ClientSecret(String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("clientSecret must not be null or blank");
      }
      this.value = value;
    }

    @Override
    public void addTo(FormBody form, String clientId, String tokenEndpoint, Clock clock) {
      form.add("client_secret", value);
    }

    @Override
    public String toString() {
      return "ClientSecret[redacted]";
    }
  }

  /**
   * A certificate credential: each token request carries a fresh client assertion (a JWT signed
   * RS256 with the private key, RFC 7523), identified by the certificate's thumbprints.
   */
  final class Certificate implements ClientCredential {
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final PrivateKey key;
    private final String x5t;
    private final String x5tS256;

    Certificate(PrivateKey key, X509Certificate certificate) {
      if (key == null) {
        throw new IllegalArgumentException("certificate private key must not be null");
      }
      if (certificate == null) {
        throw new IllegalArgumentException("certificate must not be null");
      }
      if (!"RSA".equalsIgnoreCase(key.getAlgorithm())) {
        throw new IllegalArgumentException(
            "certificate private key must be an RSA key (client assertions are signed RS256), was "
                + key.getAlgorithm());
      }
      if (!(certificate.getPublicKey() instanceof RSAPublicKey publicKey)) {
        throw new IllegalArgumentException("certificate must hold an RSA public key");
      }
      if (key instanceof RSAKey rsa && !rsa.getModulus().equals(publicKey.getModulus())) {
        throw new IllegalArgumentException(
            "certificate private key does not belong to the certificate's public key");
      }
      try {
        Signature.getInstance("SHA256withRSA").initSign(key);
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException(
            "certificate private key cannot sign with SHA256withRSA ("
                + e.getClass().getSimpleName()
                + ")");
      }
      this.key = key;
      try {
        byte[] der = certificate.getEncoded();
        this.x5t = base64Url(MessageDigest.getInstance("SHA-1").digest(der));
        this.x5tS256 = base64Url(MessageDigest.getInstance("SHA-256").digest(der));
      } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
        throw new IllegalArgumentException("certificate cannot be encoded (DER)");
      }
    }

    /** Base64url SHA-256 thumbprint of the certificate's DER encoding ({@code x5t#S256}). */
    String thumbprintSha256() {
      return x5tS256;
    }

    @Override
    public void addTo(FormBody form, String clientId, String tokenEndpoint, Clock clock) {
      String assertion;
      try {
        assertion = ClientAssertion.sign(clientId, tokenEndpoint, key, x5t, x5tS256, clock);
      } catch (GeneralSecurityException e) {
        throw Failures.configuration(
            "the certificate's private key could not sign the client assertion ("
                + e.getClass().getSimpleName()
                + "): check the key passed to certificate(...)",
            ErrorDetails.none());
      }
      form.add("client_assertion_type", ASSERTION_TYPE).add("client_assertion", assertion);
    }

    @Override
    public String toString() {
      return "Certificate[x5t#S256=" + x5tS256 + "]";
    }
  }

  static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
