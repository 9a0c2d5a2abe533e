package io.teamsmeet;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.spi.AppCredential;
import io.teamsmeet.spi.AuthPort;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.EventPort;
import io.teamsmeet.spi.HttpTransport;
import io.teamsmeet.spi.MeetingPort;
import io.teamsmeet.spi.Ports;
import io.teamsmeet.store.TokenStore;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The SDK's front door: connects users' Microsoft work accounts, then creates Teams meetings for
 * them. The three steps:
 *
 * <pre>{@code
 * TeamsMeetings teams = TeamsMeetings.builder()
 *     .clientId("11111111-2222-3333-4444-555555555555")      // your app registration
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
 * }</pre>
 *
 * <p>Everything about a user's connection is here ({@link #beginConnect}, {@link #completeConnect},
 * {@link #status}, {@link #disconnect}, {@link #reseal}, {@link #accessToken}); the meetings are
 * {@link #meetings()}. The adapter that talks to Microsoft ({@code teams-feign-adapter}) is found
 * on the classpath; {@link Builder#ports} plugs in ports of your own instead.
 *
 * <p>Thread-safe; build one per application and share it. {@link #close()} releases what it holds.
 */
public final class TeamsMeetings implements AutoCloseable {

  private final Engine engine;
  private final String description;

  private TeamsMeetings(Engine engine, String description) {
    this.engine = engine;
    this.description = description;
  }

  /** Starts a builder; see the class documentation for an example. Not thread-safe. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Step 1: the Microsoft sign-in URL to send the user's browser to. Every method that takes a user
   * id checks it first: not blank, at most {@link TokenStore#MAX_USER_ID_UTF8_BYTES} (255) bytes in
   * UTF-8, no control, separator or bidirectional character; this one before anything is sent.
   *
   * @param userId the application's id for the user
   * @return the authorize URL, with a sealed state and a PKCE S256 challenge
   * @throws IllegalArgumentException naming {@code userId} and the rule it breaks
   */
  public URI beginConnect(String userId) {
    return beginConnect(userId, ConnectOptions.none());
  }

  /**
   * Step 1 with hints for the sign-in page (login hint, domain hint, prompt).
   *
   * @param userId the application's id for the user
   * @param options the hints
   * @return the authorize URL
   */
  public URI beginConnect(String userId, ConnectOptions options) {
    UserIds.require(userId);
    engine.requireDelegated();
    return engine.connect.begin(userId, Checks.notNull(options, "options"));
  }

  /**
   * Step 2: completes the connection from the URL Microsoft redirected the browser to.
   *
   * @param userId the application user the callback arrived for (from your session)
   * @param callback the full callback URL with its query ({@code code} and {@code state}, or {@code
   *     error} and {@code error_description})
   * @return the connected account
   * @throws AuthorizationException if the user or Microsoft declined ({@link
   *     AuthorizationDeniedException}), or the callback cannot be trusted ({@link
   *     InvalidAuthorizationResponseException}: state missing, altered, expired, for another user
   *     or already used; code missing)
   * @throws ReauthorizationRequiredException if Microsoft refused the code (expired, redeemed)
   */
  public Connection completeConnect(String userId, URI callback) {
    UserIds.require(userId);
    engine.requireDelegated();
    return engine.connect.complete(
        userId, CallbackParameters.parse(Checks.notNull(callback, "callback")));
  }

  /**
   * Step 2, for frameworks that hand over the callback's parameters (or a {@code form_post} body)
   * as a map.
   *
   * @param userId the application user the callback arrived for
   * @param callbackParameters the callback's parameters, each with its single value
   * @return the connected account
   */
  public Connection completeConnect(String userId, Map<String, String> callbackParameters) {
    UserIds.require(userId);
    engine.requireDelegated();
    return engine.connect.complete(
        userId, CallbackParameters.of(Checks.notNull(callbackParameters, "callbackParameters")));
  }

  /**
   * Whether the user is connected, from the token store only (Microsoft is not called). {@code
   * CONNECTED} means a grant is stored and opens, not that Microsoft will accept it: after {@code
   * TOKEN_REJECTED} the grant is kept (see {@link ReauthorizationRequiredException.Reason}).
   *
   * @param userId the application user
   * @return the status, with the connection's details when connected
   */
  public ConnectionStatus status(String userId) {
    UserIds.require(userId);
    engine.requireDelegated();
    return engine.grants.status(userId);
  }

  /**
   * Removes the user's stored grant and cached token; idempotent. Microsoft is not called: the
   * refresh token stays valid there until it expires or the user revokes the app's consent. Other
   * instances stop using the grant within {@link Builder#grantCheckInterval}.
   *
   * @param userId the application user
   */
  public void disconnect(String userId) {
    UserIds.require(userId);
    engine.requireDelegated();
    boolean removed = engine.grants.remove(userId);
    engine.tokens.disconnected(userId);
    if (removed) {
      engine.listener.grantDeleted(userId, TeamsListener.DeletionReason.DISCONNECTED);
    }
  }

  /**
   * Re-encrypts the user's stored grant with the current primary key, without calling Microsoft:
   * the step of a key rotation that moves idle users off an old key (SECURITY.md). Safe next to
   * refreshes on any instance (compare-and-set).
   *
   * @param userId the application user
   * @return true if a grant was re-sealed, false if the user has none
   * @throws ReauthorizationRequiredException ({@code STORED_TOKEN_UNREADABLE}) if no key opens it;
   *     the row is left as it is
   */
  public boolean reseal(String userId) {
    UserIds.require(userId);
    engine.requireDelegated();
    return engine.grants.reseal(userId);
  }

  /**
   * The user's current Graph access token, for the application's own Graph calls within the scopes
   * it asked for: the same cached token the meetings use, refreshed by the SDK (one refresh per
   * user for many callers), valid for at least {@code expirySkew} when returned. Use it at once and
   * ask again for the next call; never log {@link AccessToken#value()}.
   *
   * <pre>{@code
   * HttpRequest me = HttpRequest.newBuilder(URI.create("https://graph.microsoft.com/v1.0/me"))
   *     .header("Authorization", "Bearer " + teams.accessToken(userId).value())
   *     .build();
   * }</pre>
   *
   * @param userId the application user
   * @return the access token; its {@code toString()} is redacted
   * @throws ReauthorizationRequiredException if the user must connect again
   */
  public AccessToken accessToken(String userId) {
    UserIds.require(userId);
    engine.requireDelegated();
    return engine.tokens.get(userId, Deadline.after(engine.callTimeout));
  }

  /** Step 3 and the rest: create, get, update and delete meetings of connected users. */
  public MeetingService meetings() {
    return engine.meetings;
  }

  /**
   * Calendar events with a Teams meeting: in the organizer's Outlook calendar, with invitations
   * sent to the invitees. Needs the {@code Calendars.ReadWrite} scope in {@link Builder#scopes}.
   */
  public EventService events() {
    return engine.events;
  }

  /**
   * Application mode: the online meetings of a tenant's users, made by the app itself with an
   * application token (client-credentials grant, the builder's client secret or certificate), no
   * user signed in. The tenant's administrator must have consented ({@link #beginAdminConsent}) and
   * a Teams administrator must have granted an application access policy; see {@link
   * TenantMeetings}. Calendar events of the tenant's users are {@link TenantMeetings#events()}.
   * Cheap: the token is cached per tenant in this instance, not per call. Works on an instance
   * built without a token store.
   *
   * @param tenant the tenant id (GUID) or a verified domain of the tenant
   * @return the tenant's meetings
   * @throws ConfigurationException for {@code common}, {@code organizations} or {@code consumers}
   * @throws IllegalArgumentException if it is not a tenant id or domain at all
   */
  public TenantMeetings forTenant(String tenant) {
    return new TenantMeetings(engine.app, tenant);
  }

  /**
   * Admin consent, step 1, for any tenant: the URL of Microsoft's admin consent page ({@code
   * /organizations/v2.0/adminconsent}) to send an administrator of the customer's tenant to, with a
   * sealed, single-use state bound to {@code reference}, valid for {@link Builder#stateLifetime}.
   *
   * @param reference the application's own id for the customer organization (checked like a user
   *     id); the callback must be completed with the same one
   * @return the admin consent URL
   */
  public URI beginAdminConsent(String reference) {
    return beginAdminConsent(reference, "organizations");
  }

  /**
   * Admin consent, step 1, for one tenant: as {@link #beginAdminConsent(String)}, on {@code
   * /{tenant}/v2.0/adminconsent}.
   *
   * @param reference the application's own id for the customer organization
   * @param tenant a tenant id, a verified domain, or {@code organizations}
   * @return the admin consent URL
   */
  public URI beginAdminConsent(String reference, String tenant) {
    UserIds.require(reference);
    return engine.adminConsent.begin(reference, Checks.tenant(tenant));
  }

  /**
   * Admin consent, step 2: reads the redirect back from Microsoft. The state is checked first
   * (present, intact, for this reference, in time, not used before on this instance), then {@code
   * error} (before anything else: Microsoft's failure redirect can carry {@code admin_consent=True}
   * next to {@code error}), then {@code tenant} and {@code admin_consent=True}.
   *
   * @param reference the reference given to {@code beginAdminConsent}
   * @param callback the full callback URL with its query
   * @return the consent, naming the tenant
   * @throws AuthorizationDeniedException if the administrator declined or Microsoft refused ({@code
   *     error}, with Microsoft's code and description)
   * @throws InvalidAuthorizationResponseException if the callback cannot be trusted (state missing,
   *     altered, expired, for another reference, replayed) or is incomplete ({@code
   *     ADMIN_CONSENT_INCOMPLETE}, {@code TENANT_MISMATCH})
   */
  public AdminConsent completeAdminConsent(String reference, URI callback) {
    UserIds.require(reference);
    return engine.adminConsent.complete(
        reference, CallbackParameters.parse(Checks.notNull(callback, "callback")));
  }

  /**
   * Admin consent, step 2, from the callback's parameters as a map.
   *
   * @param reference the reference given to {@code beginAdminConsent}
   * @param callbackParameters the callback's parameters, each with its single value
   * @return the consent, naming the tenant
   */
  public AdminConsent completeAdminConsent(
      String reference, Map<String, String> callbackParameters) {
    UserIds.require(reference);
    return engine.adminConsent.complete(
        reference, CallbackParameters.of(Checks.notNull(callbackParameters, "callbackParameters")));
  }

  /**
   * Releases what this instance holds: callers waiting for a token refresh are released, later
   * calls that need a token fail with {@link IllegalStateException}, the background refresh threads
   * it started stop, and the idle connections of an HTTP client the SDK built are closed (never a
   * client you passed). Idempotent.
   */
  @Override
  public void close() {
    engine.close();
  }

  @Override
  public String toString() {
    return description;
  }

  /**
   * Builds {@link TeamsMeetings}. A setter rejects a bad value with an {@link
   * IllegalArgumentException} naming it; {@link #build()} names a missing required setting with an
   * {@link IllegalStateException}. Required: {@link #tokenKeys(KeysetHandle)} (or an {@link Aead};
   * it also seals the admin-consent state), {@link #tokenStore} unless only application mode is
   * used, and {@link #clientId} and {@link #redirectUri} unless {@link #ports} are given. Not
   * thread-safe.
   */
  public static final class Builder {
    String clientId;
    URI redirectUri;
    String tenant = "organizations";
    MicrosoftCloud cloud = MicrosoftCloud.GLOBAL;
    URI identityEndpoint;
    URI graphEndpoint;
    AppCredential credential = new AppCredential.PublicClient();
    HttpTransport transport;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration requestTimeout = Duration.ofSeconds(15);
    Ports ports;
    TokenStore tokenStore;
    Aead aead;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper;
    List<String> scopes = List.of("OnlineMeetings.ReadWrite");
    Duration stateLifetime = Duration.ofMinutes(10);
    Duration expirySkew = Duration.ofMinutes(5);
    Duration refreshAhead = Duration.ofMinutes(5);
    Duration grantCheckInterval = Duration.ofSeconds(30);
    Duration callTimeout = Duration.ofSeconds(30);
    Executor refreshExecutor;
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    long maximumCachedUsers = 100_000;
    final List<TeamsListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * The app registration's Application (client) id, a GUID such as {@code
     * 11111111-2222-3333-4444-555555555555}. Required unless {@link #ports} are given.
     *
     * @throws IllegalArgumentException if it is null, blank or holds whitespace
     * @throws ConfigurationException if it is not a GUID (Microsoft Entra issues every application
     *     id as one; the message never repeats the value, which may be a secret pasted in the wrong
     *     place)
     */
    public Builder clientId(String value) {
      this.clientId = Checks.clientId(value);
      return this;
    }

    /**
     * The redirect URI registered for the app: absolute, {@code https} (or {@code http} on {@code
     * 127.0.0.1}/{@code localhost}), no fragment, at most 256 characters. Required unless {@link
     * #ports} are given.
     */
    public Builder redirectUri(URI value) {
      this.redirectUri = Checks.redirectUri(value);
      return this;
    }

    /**
     * The tenant of the authority: {@code organizations} (default: any work or school account), a
     * tenant id or a verified domain. {@code common} and {@code consumers} log a warning: personal
     * Microsoft accounts cannot create online meetings.
     */
    public Builder tenant(String value) {
      this.tenant = Checks.tenant(value);
      return this;
    }

    /** The Microsoft cloud (default {@link MicrosoftCloud#GLOBAL}). */
    public Builder cloud(MicrosoftCloud value) {
      this.cloud = Checks.notNull(value, "cloud");
      return this;
    }

    /**
     * Overrides the identity platform's root, for tests and fakes ({@code https} unless loopback).
     */
    public Builder identityEndpoint(URI value) {
      this.identityEndpoint = Checks.endpoint(value, "identityEndpoint");
      return this;
    }

    /** Overrides Graph's service root, for tests and fakes ({@code https} unless loopback). */
    public Builder graphEndpoint(URI value) {
      this.graphEndpoint = Checks.endpoint(value, "graphEndpoint");
      return this;
    }

    /** A client secret (confidential client); not with {@link #certificate}. */
    public Builder clientSecret(String value) {
      if (credential instanceof AppCredential.Certificate) {
        throw new IllegalArgumentException(
            "clientSecret cannot be combined with certificate: configure one client credential");
      }
      this.credential = new AppCredential.Secret(value);
      return this;
    }

    /**
     * A certificate: every token request carries a client assertion signed RS256 with {@code
     * privateKey}; the certificate must be uploaded to the app registration. Not with {@link
     * #clientSecret}.
     */
    public Builder certificate(PrivateKey privateKey, X509Certificate certificate) {
      if (credential instanceof AppCredential.Secret) {
        throw new IllegalArgumentException(
            "certificate cannot be combined with clientSecret: configure one client credential");
      }
      this.credential = new AppCredential.Certificate(privateKey, certificate);
      return this;
    }

    /**
     * The HTTP client, as the adapter offers it (default: the adapter's; for {@code
     * teams-feign-adapter} the JDK's {@code java.net.http}); for example {@code
     * Transport.okHttp()}. Transport settings (pool size, keep-alive, proxy) live on the value.
     */
    public Builder transport(HttpTransport value) {
      this.transport = Checks.notNull(value, "transport");
      return this;
    }

    /** The longest wait for a connection to open (default 10 s; part of the exchange's bound). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = Checks.timeout(value, "connectTimeout");
      return this;
    }

    /**
     * The longest one HTTP exchange may take, from sending to the last byte of the body (default 15
     * s, so that a hung attempt leaves room for a retry); each gets {@code min(requestTimeout, time
     * left of the call)}.
     */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = Checks.timeout(value, "requestTimeout");
      return this;
    }

    /**
     * The longest one public call may take, everything included: refreshes (its own or another
     * thread's), every exchange and the waits between retries (default 30 s). Not included: the
     * {@link TokenStore}'s calls, bounded by the store.
     */
    public Builder callTimeout(Duration value) {
      this.callTimeout = Checks.positive(value, "callTimeout");
      return this;
    }

    /**
     * Ports of your own instead of an adapter found on the classpath (then {@code clientId}, {@code
     * redirectUri}, the endpoints, the credential and the HTTP settings are not used).
     */
    public Builder ports(AuthPort authPort, MeetingPort meetingPort) {
      this.ports =
          new Ports(
              Checks.notNull(authPort, "authPort"),
              Checks.notNull(meetingPort, "meetingPort"),
              () -> {},
              "TeamsMeetings[ports of your own]");
      return this;
    }

    /**
     * Ports of your own, calendar events included (then {@code clientId}, {@code redirectUri}, the
     * endpoints, the credential and the HTTP settings are not used).
     */
    public Builder ports(AuthPort authPort, MeetingPort meetingPort, EventPort eventPort) {
      this.ports =
          new Ports(
              Checks.notNull(authPort, "authPort"),
              Checks.notNull(meetingPort, "meetingPort"),
              Checks.notNull(eventPort, "eventPort"),
              () -> {},
              "TeamsMeetings[ports of your own]");
      return this;
    }

    /**
     * Where sealed grants are kept. Required for delegated mode (users who connect); an application
     * that uses only application mode ({@link TeamsMeetings#forTenant}, admin consent) may leave it
     * out: then every delegated operation ({@code beginConnect}, {@code completeConnect}, {@code
     * status}, {@code disconnect}, {@code reseal}, {@code accessToken}, and the calls of {@link
     * TeamsMeetings#meetings()} and {@link TeamsMeetings#events()}) fails with an {@link
     * IllegalStateException} naming {@code tokenStore}.
     */
    public Builder tokenStore(TokenStore value) {
      this.tokenStore = Checks.notNull(value, "tokenStore");
      return this;
    }

    /**
     * The Tink keyset that seals grants and connect states (or {@link #tokenKeys(Aead)}). Several
     * keys: the primary seals, all open. No need to call {@code AeadConfig.register()} first.
     *
     * @throws IllegalArgumentException if the keyset holds no AEAD keys
     */
    public Builder tokenKeys(KeysetHandle value) {
      try {
        this.aead = KeysetAead.of(Checks.notNull(value, "tokenKeys"));
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("tokenKeys must be a keyset of AEAD keys", e);
      }
      return this;
    }

    /** Any AEAD to seal grants and connect states, for example one backed by a cloud KMS. */
    public Builder tokenKeys(Aead value) {
      this.aead = Checks.notNull(value, "tokenKeys");
      return this;
    }

    /** The clock for token expiry, state lifetime and the grant check (default system UTC). */
    public Builder clock(Clock value) {
      this.clock = Checks.notNull(value, "clock");
      return this;
    }

    /** How to wait between retries (default: the clock if it is a {@link Sleeper}, else sleep). */
    public Builder sleeper(Sleeper value) {
      this.sleeper = Checks.notNull(value, "sleeper");
      return this;
    }

    /**
     * The Graph scopes to request (default {@code OnlineMeetings.ReadWrite}); add {@code
     * Calendars.ReadWrite} for {@link TeamsMeetings#events()}. Users connected before a scope was
     * added keep working for what they consented to; a call that needs the new scope fails with
     * {@link ReauthorizationRequiredException} ({@code SCOPES_REQUIRED}), and {@code beginConnect}
     * asks for all of them (incremental consent).
     */
    public Builder scopes(List<String> value) {
      Checks.notNull(value, "scopes");
      if (value.isEmpty()
          || value.stream().anyMatch(s -> s == null || s.isBlank() || s.contains(" "))) {
        throw new IllegalArgumentException(
            "scopes must be non-empty, each a single non-blank scope");
      }
      this.scopes = new ArrayList<>(value);
      return this;
    }

    /** How long a user has between {@code beginConnect} and the callback (default 10 minutes). */
    public Builder stateLifetime(Duration value) {
      this.stateLifetime = Checks.positive(value, "stateLifetime");
      return this;
    }

    /** How long before expiry a cached access token is no longer used (default 5 minutes). */
    public Builder expirySkew(Duration value) {
      this.expirySkew = Checks.notNegative(value, "expirySkew");
      return this;
    }

    /** How early tokens are refreshed in the background (default 5 minutes; zero: never). */
    public Builder refreshAhead(Duration value) {
      this.refreshAhead = Checks.notNegative(value, "refreshAhead");
      return this;
    }

    /**
     * How long a cached token is used without checking that its grant is still the stored one
     * (default 30 s on {@link #clock}; zero: every call): a disconnect or reconnect on another
     * instance takes effect here within it. One store read per user and interval; if the store
     * cannot be read then, the call fails rather than use the token unconfirmed.
     */
    public Builder grantCheckInterval(Duration value) {
      this.grantCheckInterval = Checks.notNegative(value, "grantCheckInterval");
      return this;
    }

    /**
     * Where background refreshes run (default: two daemon threads owned by the instance). A
     * saturated executor skips refresh-ahead; callers then refresh when they need to.
     */
    public Builder refreshExecutor(Executor value) {
      this.refreshExecutor = Checks.notNull(value, "refreshExecutor");
      return this;
    }

    /**
     * How throttled and transiently failed calls are retried (default {@link
     * RetryPolicy#defaults()}).
     */
    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = Checks.notNull(value, "retryPolicy");
      return this;
    }

    /**
     * Adds a listener that observes connections, refreshes, retries, throttling, deleted grants and
     * store conflicts (none by default); several may be added, each is called in the order added. A
     * listener that throws never breaks a call.
     */
    public Builder listener(TeamsListener value) {
      this.listeners.add(Checks.notNull(value, "listener"));
      return this;
    }

    /**
     * How many users' access tokens to cache at most (default 100 000). A cached user holds about
     * 2.6 KB of heap with a 1.9 KB access token (teams-benchmarks, issue 19): the default bound is
     * about 260 MB at most, a quarter of a 1 GB heap; 1 GB holds about 400 000 users' tokens. An
     * evicted user's next call refreshes its token; nothing fails.
     */
    public Builder maximumCachedUsers(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("maximumCachedUsers must be positive, was " + value);
      }
      this.maximumCachedUsers = value;
      return this;
    }

    /**
     * The settings an adapter receives from this builder ({@code clientId}, {@code redirectUri},
     * tenant, resolved endpoints, credential, HTTP settings, clock): for adapter authors' tests.
     *
     * @throws IllegalStateException if {@code clientId} or {@code redirectUri} is missing, or for
     *     {@link MicrosoftCloud#CHINA}
     */
    public io.teamsmeet.spi.MicrosoftSettings microsoftSettings() {
      return Adapters.settings(this);
    }

    /**
     * Builds the instance.
     *
     * @throws IllegalStateException naming the first missing required setting, when no adapter is
     *     on the classpath (and no ports were given), or for {@link MicrosoftCloud#CHINA}
     */
    public TeamsMeetings build() {
      if (ports == null) {
        Checks.required(clientId, "clientId");
        Checks.required(redirectUri, "redirectUri");
      }
      Checks.required(aead, "tokenKeys");
      Ports wired = ports != null ? ports : Adapters.connect(this);
      return new TeamsMeetings(new Engine(this, wired), wired.description());
    }
  }
}
