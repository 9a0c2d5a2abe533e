package io.teamsmeet.feign;

import io.teamsmeet.ErrorDetails;
import io.teamsmeet.spi.Failures;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
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

  /** The adapter's form of the application's credential (checked here: an RSA key that signs). */
  static ClientCredential of(io.teamsmeet.spi.AppCredential credential) {
    if (credential instanceof io.teamsmeet.spi.AppCredential.Secret secret) {
      return new ClientSecret(secret.value());
    }
    if (credential instanceof io.teamsmeet.spi.AppCredential.Certificate certificate) {
      return new Certificate(certificate.privateKey(), certificate.certificate());
    }
    return PublicClient.INSTANCE;
  }

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

    /** From a certificate credential the core already checked (RSA, matching, able to sign). */
    Certificate(PrivateKey key, X509Certificate certificate) {
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
