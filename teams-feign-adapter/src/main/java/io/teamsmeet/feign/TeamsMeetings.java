package io.teamsmeet.feign;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import feign.Client;
import feign.Feign;
import feign.Retryer;
import io.teamsmeet.ConnectOptions;
import io.teamsmeet.Connection;
import io.teamsmeet.ConnectionStatus;
import io.teamsmeet.MeetingService;
import io.teamsmeet.RetryPolicy;
import io.teamsmeet.store.TokenStore;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * The SDK's entry point: connects users' Microsoft work accounts and creates Teams meetings for
 * them, through the Microsoft identity platform v2.0 and Microsoft Graph v1.0.
 *
 * <p>It wires the core {@link MeetingService} to this module's adapters (Feign, Jackson) and to the
 * {@link TokenStore} and keys you pass. The three steps:
 *
 * <pre>{@code
 * TeamsMeetings teams = TeamsMeetings.builder()
 *     .clientId("00000000-0000-0000-0000-000000000000")
 *     .clientSecret(System.getenv("TEAMS_CLIENT_SECRET"))    // or certificate(key, cert), or none
 *     .redirectUri(URI.create("https://app.example/ms/callback"))
 *     .tokenStore(JdbcTokenStore.create(dataSource))
 *     .tokenKeys(keysetHandle)                               // Tink keyset, or a KMS-backed Aead
 *     .build();
 *
 * URI url = teams.beginConnect(appUserId);                        // 1. send the browser there
 * Connection c = teams.completeConnect(appUserId, callbackUri);    // 2. on the redirect back
 * Meeting m = teams.meetings().create(appUserId,                   // 3. any time later, any instance
 *     MeetingRequest.of("Design review", start, Duration.ofMinutes(30)));
 * m.joinUrl(); m.joinMeetingId(); m.passcode(); m.dialIn();
 * }</pre>
 *
 * <p>HTTP goes through a {@link Transport}: by default the JDK's {@code java.net.http} client (no
 * extra jar), or OkHttp, faster under load, once {@code io.github.openfeign:feign-okhttp} is on the
 * classpath:
 *
 * <pre>{@code
 * TeamsMeetings.builder()
 *     ...
 *     .transport(Transport.okHttp())                         // or OkHttpTransport.of(yourClient)
 *     .connectTimeout(Duration.ofSeconds(10))                // defaults shown
 *     .requestTimeout(Duration.ofSeconds(15))                // one exchange, to the last byte
 *     .callTimeout(Duration.ofSeconds(30))                   // one public call, retries included
 *     .maxIdleConnections(20)                                // OkHttp built by the SDK only
 *     .keepAlive(Duration.ofMinutes(2))                      // OkHttp built by the SDK only
 *     .build();
 * }</pre>
 *
 * <p>What bounds what: opening a connection takes at most {@code connectTimeout}; one HTTP exchange,
 * from sending to the last byte of the response body, at most {@code min(requestTimeout, time left
 * of the call)}; one public call at most {@code callTimeout}, retries, waits and token refreshes
 * included. The {@link TokenStore} is bounded by the store (its driver and pool), not by the SDK.
 *
 * <p>A client of your own ({@link Transport#jdk(java.net.http.HttpClient)}, {@link
 * OkHttpTransport#of}) is used as it is, with its proxy, TLS trust, interceptors and pool; the SDK
 * only bounds its exchanges as above, and never closes it. The SDK never uses
 * Feign's {@code Client.Default} ({@code HttpURLConnection}).
 *
 * <p>Failures are the core's exceptions ({@code ReauthorizationRequiredException}, {@code
 * PermissionDeniedException}, {@code ThrottledException}, {@code ConfigurationException}, ...); no
 * Feign or Jackson exception reaches the caller. Requests are logged at DEBUG through {@link
 * System.Logger} (method, path, status, duration, request ids), never a token, code or body.
 *
 * <p>Thread-safe; build one per application and share it. {@link #close()} stops the background
 * refresh threads and releases the connections of an HTTP client the SDK built.
 */
public final class TeamsMeetings implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("io.teamsmeet.feign.TeamsMeetings");

  private final MeetingService service;
  private final String description;
  private final Runnable releaseTransport;

  private TeamsMeetings(MeetingService service, String description, Runnable releaseTransport) {
    this.service = service;
    this.description = description;
    this.releaseTransport = releaseTransport;
  }

  /** Starts a builder; see the class documentation for an example. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Step 1: the Microsoft sign-in URL to send the user's browser to.
   *
   * @param userId the application's id for the user; not blank
   * @return the authorize URL, with a sealed state and a PKCE S256 challenge
   */
  public URI beginConnect(String userId) {
    return service.beginConnect(userId);
  }

  /**
   * Step 1 with hints for the sign-in page (login hint, domain hint, prompt).
   *
   * @param userId the application's id for the user; not blank
   * @param options the hints
   * @return the authorize URL
   */
  public URI beginConnect(String userId, ConnectOptions options) {
    return service.beginConnect(userId, options);
  }

  /**
   * Step 2: completes the connection from the URL Microsoft redirected the browser to.
   *
   * @param userId the application user the callback arrived for
   * @param callback the full callback URL with its query
   * @return the connected account
   */
  public Connection completeConnect(String userId, URI callback) {
    return service.completeConnect(userId, callback);
  }

  /**
   * Step 2, from the callback's parameters as a map.
   *
   * @param userId the application user the callback arrived for
   * @param callbackParameters the callback's parameters
   * @return the connected account
   */
  public Connection completeConnect(String userId, Map<String, String> callbackParameters) {
    return service.completeConnect(userId, callbackParameters);
  }

  /**
   * Re-encrypts the user's stored grant with the current primary key, without calling Microsoft
   * (key rotation: see {@link MeetingService#reseal(String)} and SECURITY.md).
   *
   * @param userId the application user
   * @return true if a grant was re-sealed, false if the user has none
   */
  public boolean reseal(String userId) {
    return service.reseal(userId);
  }

  /**
   * Whether the user is connected, read from the token store only.
   *
   * @param userId the application user
   * @return the status
   */
  public ConnectionStatus status(String userId) {
    return service.status(userId);
  }

  /**
   * Removes the user's stored grant; idempotent.
   *
   * @param userId the application user
   */
  public void disconnect(String userId) {
    service.disconnect(userId);
  }

  /**
   * The user's current Graph access token for the application's own Graph calls, from the same
   * cache and single-flight refresh as the meetings: see {@link MeetingService#accessToken}. Never
   * log its value.
   *
   * @param userId the application user
   * @return the access token; its {@code toString()} is redacted
   */
  public io.teamsmeet.AccessToken accessToken(String userId) {
    return service.accessToken(userId);
  }

  /** Step 3 and the rest: create, get, update and delete meetings for connected users. */
  public MeetingService meetings() {
    return service;
  }

  /**
   * Stops the background refresh threads the core started, then releases the idle connections of an
   * HTTP client the SDK built (on JDK 17 the {@code java.net.http} client's threads end when it is
   * garbage collected; on JDK 21 and later it is closed). A client you passed is left alone.
   */
  @Override
  public void close() {
    try {
      service.close();
    } finally {
      releaseTransport.run();
    }
  }

  @Override
  public String toString() {
    return description;
  }

  /**
   * Builds {@link TeamsMeetings}. Each setter rejects a bad value with an {@link
   * IllegalArgumentException} naming it; {@link #build()} reports a missing required setting with
   * an {@link IllegalStateException} naming it. Required: {@link #clientId}, {@link #redirectUri},
   * {@link #tokenStore}, {@link #tokenKeys(KeysetHandle)} (or {@link #tokenKeys(Aead)}). Not
   * thread-safe.
   *
   * <pre>{@code
   * TeamsMeetings teams = TeamsMeetings.builder()
   *     .clientId(clientId)
   *     .certificate(privateKey, certificate)         // or clientSecret(secret), or neither
   *     .redirectUri(URI.create("https://app.example/ms/callback"))
   *     .tenant("contoso.onmicrosoft.com")             // default "organizations"
   *     .cloud(MicrosoftCloud.GLOBAL)
   *     .transport(Transport.okHttp())                 // default Transport.jdk()
   *     .requestTimeout(Duration.ofSeconds(20))
   *     .tokenStore(store)
   *     .tokenKeys(keysetHandle)
   *     .build();
   * }</pre>
   */
  public static final class Builder {

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,253}");
    private static final int MAX_REDIRECT_URI = 256;
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int DEFAULT_MAX_IDLE_CONNECTIONS = 20;
    private static final Duration DEFAULT_KEEP_ALIVE = Duration.ofMinutes(2);
    private static final int MAX_IDLE_CONNECTIONS_LIMIT = 10_000;

    private final MeetingService.Builder core = MeetingService.builder();
    private String clientId;
    private URI redirectUri;
    private String tenant = "organizations";
    private MicrosoftCloud cloud = MicrosoftCloud.GLOBAL;
    private URI identityEndpoint;
    private URI graphEndpoint;
    private ClientCredential credential = ClientCredential.PublicClient.INSTANCE;
    private boolean tokenStoreSet;
    private boolean tokenKeysSet;
    private Clock clock = Clock.systemUTC();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private int maxIdleConnections = DEFAULT_MAX_IDLE_CONNECTIONS;
    private Duration keepAlive = DEFAULT_KEEP_ALIVE;
    private boolean poolSettingsSet;
    private Transport transport = Transport.jdk();

    private Builder() {}

    /** The app registration's Application (client) id. Required. */
    public Builder clientId(String value) {
      if (value == null || value.isBlank() || hasWhitespaceOrControl(value)) {
        throw new IllegalArgumentException("clientId must be a non-blank id without whitespace");
      }
      this.clientId = value;
      return this;
    }

    /** A plain loop: a stream here cost the first build a stream pipeline's classes. */
    private static boolean hasWhitespaceOrControl(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isWhitespace(c) || c < 0x20) {
          return true;
        }
      }
      return false;
    }

    /**
     * The redirect URI registered for the app, sent unchanged in the authorize and token requests.
     * Required. It must be absolute and {@code https}, except {@code http://127.0.0.1} or {@code
     * http://localhost} (any port) for loopback; no fragment; at most 256 characters.
     */
    public Builder redirectUri(URI value) {
      if (value == null || !value.isAbsolute() || value.getHost() == null) {
        throw new IllegalArgumentException("redirectUri must be an absolute URI with a host");
      }
      if (value.getRawFragment() != null) {
        throw new IllegalArgumentException("redirectUri must not have a fragment");
      }
      if (value.toString().length() > MAX_REDIRECT_URI) {
        throw new IllegalArgumentException(
            "redirectUri must be at most " + MAX_REDIRECT_URI + " characters");
      }
      String scheme = value.getScheme().toLowerCase(Locale.ROOT);
      String host = value.getHost().toLowerCase(Locale.ROOT);
      boolean loopback = host.equals("127.0.0.1") || host.equals("localhost");
      if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
        throw new IllegalArgumentException(
            "redirectUri must use https (http is only allowed for http://127.0.0.1 or"
                + " http://localhost)");
      }
      this.redirectUri = value;
      return this;
    }

    /**
     * The tenant in the authority: {@code organizations} (default: any work or school account), a
     * tenant id, or a verified domain. {@code common} and {@code consumers} are accepted with a
     * warning: personal Microsoft accounts cannot create online meetings.
     */
    public Builder tenant(String value) {
      if (value == null || !TENANT.matcher(value).matches()) {
        throw new IllegalArgumentException(
            "tenant must be 'organizations', a tenant id or a verified domain name");
      }
      this.tenant = value;
      return this;
    }

    /** The Microsoft cloud (default {@link MicrosoftCloud#GLOBAL}). */
    public Builder cloud(MicrosoftCloud value) {
      if (value == null) {
        throw new IllegalArgumentException("cloud must not be null");
      }
      this.cloud = value;
      return this;
    }

    /**
     * Overrides the identity platform's root (the tenant and {@code /oauth2/v2.0/...} are
     * appended), for tests and fakes. {@code https} is required unless the host is a loopback
     * address.
     */
    public Builder identityEndpoint(URI value) {
      this.identityEndpoint = endpoint(value, "identityEndpoint");
      return this;
    }

    /**
     * Overrides Microsoft Graph's service root ({@code /v1.0/...} is appended), for tests and
     * fakes. {@code https} is required unless the host is a loopback address.
     */
    public Builder graphEndpoint(URI value) {
      this.graphEndpoint = endpoint(value, "graphEndpoint");
      return this;
    }

    private static URI endpoint(URI value, String name) {
      if (value == null || !value.isAbsolute() || value.getHost() == null) {
        throw new IllegalArgumentException(name + " must be an absolute URI with a host");
      }
      if (value.getRawQuery() != null
          || value.getRawFragment() != null
          || value.getRawUserInfo() != null) {
        throw new IllegalArgumentException(name + " must not have a query, fragment or user info");
      }
      String scheme = value.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(value.getHost()))) {
        throw new IllegalArgumentException(
            name + " must use https (TLS); plain http is only allowed for a loopback host");
      }
      String s = value.toString();
      while (s.endsWith("/")) {
        s = s.substring(0, s.length() - 1);
      }
      return URI.create(s);
    }

    private static boolean isLoopback(String host) {
      String h = host.toLowerCase(Locale.ROOT);
      // an IPv4 loopback literal, not any name that starts with "127." (127.attacker.example)
      return h.equals("localhost")
          || h.matches("127(\\.\\d{1,3}){3}")
          || h.equals("[::1]")
          || h.equals("::1");
    }

    /**
     * Authenticates the app with a client secret (confidential client). Cannot be combined with
     * {@link #certificate}. Without either, the app is a public client (PKCE only).
     */
    public Builder clientSecret(String value) {
      if (credential instanceof ClientCredential.Certificate) {
        throw new IllegalArgumentException(
            "clientSecret cannot be combined with certificate: configure one client credential");
      }
      this.credential = new ClientCredential.ClientSecret(value);
      return this;
    }

    /**
     * Authenticates the app with a certificate: every token request carries a client assertion
     * signed RS256 with {@code privateKey}. The certificate (its public key) must be uploaded to
     * the app registration. Cannot be combined with {@link #clientSecret}.
     *
     * @param privateKey the certificate's RSA private key
     * @param certificate the certificate registered for the app
     */
    public Builder certificate(PrivateKey privateKey, X509Certificate certificate) {
      if (credential instanceof ClientCredential.ClientSecret) {
        throw new IllegalArgumentException(
            "certificate cannot be combined with clientSecret: configure one client credential");
      }
      this.credential = new ClientCredential.Certificate(privateKey, certificate);
      return this;
    }

    /** The Graph scopes to request (default {@code OnlineMeetings.ReadWrite}). */
    public Builder scopes(List<String> value) {
      core.scopes(value);
      return this;
    }

    /** Where sealed grants are kept. Required. */
    public Builder tokenStore(TokenStore value) {
      core.tokenStore(value);
      tokenStoreSet = true;
      return this;
    }

    /** The Tink keyset that seals grants and connect states. Required (this or an {@link Aead}). */
    public Builder tokenKeys(KeysetHandle value) {
      core.tokenKeys(value);
      tokenKeysSet = true;
      return this;
    }

    /** Any AEAD to seal grants and connect states, e.g. KMS-backed. Required (this or a keyset). */
    public Builder tokenKeys(Aead value) {
      core.tokenKeys(value);
      tokenKeysSet = true;
      return this;
    }

    /**
     * The clock for token expiry, client assertions and Retry-After dates (default UTC system
     * clock).
     */
    public Builder clock(Clock value) {
      if (value == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      core.clock(value);
      this.clock = value;
      return this;
    }

    /**
     * The HTTP client to send requests with (default {@link Transport#jdk()}: the JDK's {@code
     * java.net.http}, built by the SDK). {@link Transport#okHttp()} switches to OkHttp (add {@code
     * io.github.openfeign:feign-okhttp}); {@link Transport#jdk(java.net.http.HttpClient)} and
     * {@link OkHttpTransport#of} take a client of your own; {@link Transport#feign(Client)} any
     * Feign client. See {@link Transport} for what each setting means on each transport.
     */
    public Builder transport(Transport value) {
      if (value == null) {
        throw new IllegalArgumentException("transport must not be null");
      }
      this.transport = value;
      return this;
    }

    /**
     * How long to wait for a TCP (and TLS) connection to open (default 10 seconds). Applies to the
     * client the SDK builds; a client of your own keeps its connect timeout. Connecting is part of
     * the exchange, so it is also bounded by {@link #requestTimeout} and the time left of the call.
     */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /**
     * The longest one HTTP exchange may take, from sending the request to the last byte of the
     * response body, connecting included (default 15 seconds, so that one attempt that hangs leaves
     * room for a retry within the default {@link #callTimeout} of 30 seconds). Each exchange gets
     * {@code min(requestTimeout, time left of the call)}. On {@link Transport#jdk()} and {@link
     * Transport#okHttp()}, with a client the SDK builds or your own, the SDK aborts the exchange at
     * that bound, however slowly the body arrives; a {@link Transport#feign(Client)} client only
     * gets it as Feign's read timeout (see {@link Transport}). A timeout is a retryable {@code
     * TeamsServiceException} with status 0 whose request may have been processed.
     */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = positive(value, "requestTimeout");
      return this;
    }

    /**
     * The longest one public call may take, everything included: waiting for a token refresh
     * (its own or another thread's), every HTTP exchange and the waits between retries (default 30
     * seconds). When it passes the call fails with a retryable {@code TeamsServiceException}, or an
     * {@code OutcomeUnknownException} if a plain meeting creation may have been processed. Not
     * included: the {@link TokenStore}'s own calls, bounded by the store (for {@code
     * JdbcTokenStore}, the driver's and pool's timeouts).
     */
    public Builder callTimeout(Duration value) {
      core.callTimeout(value);
      return this;
    }

    /**
     * How many idle connections the pool of an OkHttp client the SDK builds keeps (default 20; 0
     * keeps none). Over HTTP/2, which Microsoft's endpoints speak, one connection per host carries
     * all concurrent requests; over HTTP/1.1 (a proxy that does not speak HTTP/2), about one per
     * concurrent request is needed. Not settable per client on {@code java.net.http}: its pool is
     * JVM-wide, sized by the system property {@code jdk.httpclient.connectionPoolSize} (JDK 17
     * default 0, no limit); a client of your own keeps its pool. Setting it for a transport that
     * cannot apply it logs a warning at {@link #build()}.
     *
     * @throws IllegalArgumentException if negative or above 10 000
     */
    public Builder maxIdleConnections(int value) {
      if (value < 0 || value > MAX_IDLE_CONNECTIONS_LIMIT) {
        throw new IllegalArgumentException(
            "maxIdleConnections must be between 0 and "
                + MAX_IDLE_CONNECTIONS_LIMIT
                + ", was "
                + value);
      }
      this.maxIdleConnections = value;
      this.poolSettingsSet = true;
      return this;
    }

    /**
     * How long an idle pooled connection of an OkHttp client the SDK builds is kept (default 2
     * minutes: below the 4-minute idle timeout of Azure load balancers and the 350 seconds of AWS
     * NAT gateways, so that the client drops an idle connection before a middlebox silently does).
     * Not settable per client on {@code java.net.http}: the JVM-wide system property {@code
     * jdk.httpclient.keepalive.timeout}, in seconds (JDK 17 default 1200), governs it; a client of
     * your own keeps its pool. Setting it for a transport that cannot apply it logs a warning at
     * {@link #build()}.
     */
    public Builder keepAlive(Duration value) {
      this.keepAlive = positive(value, "keepAlive");
      this.poolSettingsSet = true;
      return this;
    }

    private static Duration positive(Duration value, String name) {
      if (value == null
          || value.isZero()
          || value.isNegative()
          || value.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            name + " must be positive and below 24 days, was " + value);
      }
      return value;
    }

    /** How long a user has between {@code beginConnect} and the callback (default 10 minutes). */
    public Builder stateLifetime(Duration value) {
      core.stateLifetime(value);
      return this;
    }

    /** How long before expiry a cached access token is no longer used (default 5 minutes). */
    public Builder expirySkew(Duration value) {
      core.expirySkew(value);
      return this;
    }

    /** How early tokens are refreshed in the background (default 5 minutes; zero turns it off). */
    public Builder refreshAhead(Duration value) {
      core.refreshAhead(value);
      return this;
    }

    /**
     * How long a cached access token is used without checking that its grant is still the stored
     * one (default 30 seconds, on {@link #clock(Clock)}): a disconnect or a reconnect on another
     * instance takes effect here within this time. See {@link
     * MeetingService.Builder#grantCheckInterval(Duration)}.
     */
    public Builder grantCheckInterval(Duration value) {
      core.grantCheckInterval(value);
      return this;
    }

    /** Where background refreshes run (default: two daemon threads owned by the service). */
    public Builder refreshExecutor(Executor value) {
      core.refreshExecutor(value);
      return this;
    }

    /**
     * How throttled and transiently failed calls are retried (default {@link
     * RetryPolicy#defaults()}).
     */
    public Builder retryPolicy(RetryPolicy value) {
      core.retryPolicy(value);
      return this;
    }

    /**
     * How the SDK waits between retries (default: the {@link #clock(Clock)} if it is also a {@link
     * io.teamsmeet.Sleeper}, as the testkit's {@code FakeClock} is, else sleeping the thread).
     */
    public Builder sleeper(io.teamsmeet.Sleeper value) {
      core.sleeper(value);
      return this;
    }

    /** How many users' access tokens to cache at most (default 100 000). */
    public Builder maximumCachedUsers(long value) {
      core.maximumCachedUsers(value);
      return this;
    }

    /**
     * Builds the entry point.
     *
     * @throws IllegalStateException naming the first missing required setting, or when {@link
     *     MicrosoftCloud#CHINA} is chosen (onlineMeetings is not available there)
     */
    public TeamsMeetings build() {
      requireSet(clientId, "clientId");
      requireSet(redirectUri, "redirectUri");
      if (!tokenStoreSet) {
        throw new IllegalStateException("tokenStore is required");
      }
      if (!tokenKeysSet) {
        throw new IllegalStateException("tokenKeys is required");
      }
      Ports ports = ports();
      MeetingService service =
          core.authPort(ports.auth()).meetingPort(ports.meetings()).clock(clock).build();
      return new TeamsMeetings(service, ports.description(), ports.releaseTransport());
    }

    /**
     * The two adapters, built from this configuration (also what the module's tests use), with the
     * Feign client they share and what releases it.
     */
    record Ports(
        IdentityPlatformAuthPort auth,
        GraphMeetingPort meetings,
        Client client,
        String description,
        Runnable releaseTransport) {}

    Ports ports() {
      requireSet(clientId, "clientId");
      requireSet(redirectUri, "redirectUri");
      if (!cloud.supportsOnlineMeetings()) {
        throw new IllegalStateException(
            "cloud "
                + cloud
                + " is not supported: Microsoft Graph's onlineMeetings API is not available in"
                + " Microsoft Cloud China operated by 21Vianet");
      }
      String t = tenant.toLowerCase(Locale.ROOT);
      if (t.equals("common") || t.equals("consumers")) {
        LOG.log(
            System.Logger.Level.WARNING,
            "tenant \"{0}\" lets personal Microsoft accounts sign in, but personal accounts cannot"
                + " create online meetings (Graph answers with an error after they connect); use"
                + " \"organizations\" or your tenant id",
            tenant);
      }
      URI identity = identityEndpoint != null ? identityEndpoint : cloud.identityEndpoint();
      URI graph = graphEndpoint != null ? graphEndpoint : cloud.graphEndpoint();
      boolean allTls =
          identity.getScheme().equalsIgnoreCase("https")
              && graph.getScheme().equalsIgnoreCase("https");
      if (poolSettingsSet && !transport.appliesPoolSettings()) {
        LOG.log(
            System.Logger.Level.WARNING,
            "maxIdleConnections and keepAlive apply to an OkHttp client the SDK builds"
                + " (Transport.okHttp()); transport {0} keeps its own pool. For java.net.http, set"
                + " the system properties jdk.httpclient.connectionPoolSize and"
                + " jdk.httpclient.keepalive.timeout (seconds)",
            transport);
      }
      Transport.Wiring wiring =
          transport.wire(
              new Transport.Settings(
                  connectTimeout, requestTimeout, maxIdleConnections, keepAlive, allTls));
      Client client = new LoggingClient(wiring.client());
      feign.Request.Options options = wiring.options();

      String tenantBase = identity + "/" + tenant;
      IdentityApi identityApi =
          Feign.builder()
              .client(client)
              .options(options)
              .retryer(Retryer.NEVER_RETRY)
              .encoder(JsonCodec.INSTANCE)
              .decoder(new TokenResponseDecoder(clock, clientId))
              .errorDecoder(new IdentityErrorDecoder(clock, redirectUri.toString()))
              .requestInterceptor(StandardHeaders.forIdentityPlatform())
              .target(IdentityApi.class, tenantBase + "/oauth2/v2.0");
      GraphApi graphApi =
          Feign.builder()
              .client(client)
              .options(options)
              .retryer(Retryer.NEVER_RETRY)
              .encoder(JsonCodec.INSTANCE)
              .decoder(new MeetingDecoder())
              .errorDecoder(new GraphErrorDecoder(clock))
              .requestInterceptor(StandardHeaders.forGraph())
              .target(GraphApi.class, graph + "/v1.0");
      return new Ports(
          new IdentityPlatformAuthPort(
              tenantBase, clientId, redirectUri, credential, clock, identityApi),
          new GraphMeetingPort(graphApi),
          client,
          "TeamsMeetings[clientId="
              + clientId
              + ", tenant="
              + tenant
              + ", identity="
              + identity
              + ", graph="
              + graph
              + ", credential="
              + credential
              + ", transport="
              + transport
              + "]",
          wiring.release());
    }

    private static void requireSet(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + " is required");
      }
    }
  }
}
