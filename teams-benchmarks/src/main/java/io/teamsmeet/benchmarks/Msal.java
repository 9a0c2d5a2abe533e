package io.teamsmeet.benchmarks;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import java.net.URI;
import javax.net.ssl.SSLSocketFactory;

/**
 * MSAL4J set up against the fake, for the in-process rows and the cold-start child. Apart from
 * {@link Peers} so that the Graph-only child never loads an MSAL class.
 */
final class Msal {

  private Msal() {}

  /**
   * An MSAL4J confidential client on the fake's HTTPS token endpoint: no instance discovery or
   * authority validation (the fake is not a Microsoft host), its certificate trusted.
   */
  static ConfidentialClientApplication.Builder msal(String authority, SSLSocketFactory tls)
      throws java.net.MalformedURLException {
    return ConfidentialClientApplication.builder(
            Peers.CLIENT_ID, ClientCredentialFactory.createFromSecret("benchmark-secret"))
        .authority(authority)
        .instanceDiscovery(false)
        .validateAuthority(false)
        .sslSocketFactory(tls);
  }

  /**
   * Puts {@code user}'s account in the app's cache, as a sign-in would (the fake takes any code).
   */
  static void signIn(ConfidentialClientApplication app, String user) throws Exception {
    app.acquireToken(
            AuthorizationCodeParameters.builder(user, URI.create("http://localhost:8080/callback"))
                .scopes(Peers.SCOPES)
                .build())
        .get();
  }
}
