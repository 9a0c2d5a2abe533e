package io.teamsmeet.spring.boot;

import io.teamsmeet.MicrosoftCloud;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The {@code teams.*} properties from which {@link TeamsAutoConfiguration} builds {@link
 * io.teamsmeet.TeamsMeetings}. Values are checked when they are bound: a bad one fails the start
 * with a message naming the property. Immutable.
 *
 * @param clientId the app registration's application (client) id, a GUID. Required
 * @param clientSecret a client secret (confidential client); not with a certificate. Omit both for
 *     a public client (PKCE only)
 * @param certificate a certificate credential instead of a secret
 * @param redirectUri the redirect URI registered for the app: where Microsoft sends the browser
 *     back (with teams.web.enabled, the callback endpoint answers on its path). Required
 * @param tenant "organizations" (any work or school account), a tenant id or a verified domain
 * @param cloud the Microsoft cloud: GLOBAL, US_GOV or US_GOV_DOD
 * @param scopes the Graph scopes to request; offline_access, openid and profile are always added
 * @param connectTimeout the longest wait for a connection to open
 * @param requestTimeout the longest one HTTP exchange may take, to the last byte of the body
 * @param callTimeout the longest one call of the SDK may take, retries and refreshes included
 * @param transport the HTTP client: JDK (java.net.http) or OKHTTP (needs
 *     com.squareup.okhttp3:okhttp)
 * @param identityEndpoint overrides the identity platform's root, for tests and fakes
 * @param graphEndpoint overrides Graph's service root, for tests and fakes
 * @param keys the Tink keyset that seals grants and connect states
 * @param store the JDBC token store on the application's DataSource
 * @param web the ready-made connect and callback endpoints
 */
@ConfigurationProperties("teams")
public record TeamsProperties(
    String clientId,
    String clientSecret,
    @DefaultValue Certificate certificate,
    URI redirectUri,
    @DefaultValue("organizations") String tenant,
    @DefaultValue("GLOBAL") MicrosoftCloud cloud,
    @DefaultValue("OnlineMeetings.ReadWrite") List<String> scopes,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("15s") Duration requestTimeout,
    @DefaultValue("30s") Duration callTimeout,
    @DefaultValue("JDK") HttpTransport transport,
    URI identityEndpoint,
    URI graphEndpoint,
    @DefaultValue Keys keys,
    @DefaultValue Store store,
    @DefaultValue Web web) {

  /** Checks what can be checked without building: each message names the property. */
  public TeamsProperties {
    if (clientSecret != null && clientSecret.isBlank()) {
      clientSecret = null;
    }
    if (clientSecret != null && certificate.isConfigured()) {
      throw new IllegalArgumentException(
          "teams.client-secret and teams.certificate.* are both set: configure one credential");
    }
    if (scopes.isEmpty() || scopes.stream().anyMatch(s -> s == null || s.isBlank())) {
      throw new IllegalArgumentException("teams.scopes must list at least one non-blank scope");
    }
    scopes = List.copyOf(scopes);
    positive(connectTimeout, "teams.connect-timeout");
    positive(requestTimeout, "teams.request-timeout");
    positive(callTimeout, "teams.call-timeout");
  }

  private static void positive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return "TeamsProperties[clientId="
        + clientId
        + ", clientSecret="
        + (clientSecret == null ? "none" : "(redacted)")
        + ", redirectUri="
        + redirectUri
        + ", tenant="
        + tenant
        + ", cloud="
        + cloud
        + ", transport="
        + transport
        + "]";
  }

  /** The HTTP client the SDK sends with. Immutable. */
  public enum HttpTransport {
    /** The JDK's java.net.http (no extra jar). */
    JDK,
    /** OkHttp 4 (add com.squareup.okhttp3:okhttp to the application). */
    OKHTTP
  }

  /**
   * A certificate credential: every token request carries an assertion signed with the key; the
   * certificate must be uploaded to the app registration. Immutable.
   *
   * @param privateKey the private key, PEM (PKCS#8, "BEGIN PRIVATE KEY"), RSA
   * @param certificate the X.509 certificate, PEM
   */
  public record Certificate(Resource privateKey, Resource certificate) {

    /** Both or neither. */
    public Certificate {
      if ((privateKey == null) != (certificate == null)) {
        throw new IllegalArgumentException(
            "teams.certificate.private-key and teams.certificate.certificate go together: set"
                + " both or neither");
      }
    }

    boolean isConfigured() {
      return privateKey != null;
    }
  }

  /**
   * Where the Tink keyset comes from, unless the application declares an {@code Aead} or a {@code
   * KeysetHandle} bean (a KMS-backed Aead, for instance). Immutable.
   *
   * @param keyset the keyset itself: Tink's JSON format, or its binary format in Base64 (from a
   *     secret manager, for example through an environment variable TEAMS_KEYS_KEYSET)
   * @param keysetResource a file or classpath resource holding the keyset in Tink's JSON format
   */
  public record Keys(String keyset, Resource keysetResource) {

    /** One source at most. */
    public Keys {
      if (keyset != null && keyset.isBlank()) {
        keyset = null;
      }
      if (keyset != null && keysetResource != null) {
        throw new IllegalArgumentException(
            "teams.keys.keyset and teams.keys.keyset-resource are both set: configure one");
      }
    }

    @Override
    public String toString() {
      return "Keys[keyset="
          + (keyset == null ? "none" : "(redacted)")
          + ", keysetResource="
          + keysetResource
          + "]";
    }
  }

  /**
   * The JdbcTokenStore the starter creates on the application's DataSource (unless the application
   * declares a TokenStore bean). Immutable.
   *
   * @param tableName the table of sealed grants
   * @param createTableIfMissing create the table at start when it does not exist (quick starts and
   *     samples; production creates it with its migrations, from the schema scripts of
   *     teams-tokenstore-jdbc)
   */
  public record Store(
      @DefaultValue("teams_tokens") String tableName,
      @DefaultValue("false") boolean createTableIfMissing) {}

  /**
   * The ready-made endpoints (Spring MVC): the connect endpoint redirects the signed-in user to
   * Microsoft, the callback endpoint completes the connection. Immutable.
   *
   * @param enabled whether to register them (off by default)
   * @param connectPath where the application sends a signed-in user to connect a Microsoft account
   * @param callbackPath the callback's path; default: the path of teams.redirect-uri
   * @param successUrl where the browser goes after a completed connection
   * @param failureUrl where the browser goes after a failed one, with a teams-error parameter:
   *     declined, admin-consent-required, denied, invalid-response, code-rejected or unavailable
   */
  public record Web(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("/teams/connect") String connectPath,
      String callbackPath,
      @DefaultValue("/") String successUrl,
      @DefaultValue("/") String failureUrl) {}
}
