package io.teamsmeet.testkit;

import io.teamsmeet.Meeting;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A local, stateful fake of the Microsoft identity platform (v2.0 authorize and token endpoints)
 * and of Graph v1.0's {@code /me/onlineMeetings}, for testing an integration of teams-meetings
 * without Microsoft. It runs a WireMock server in process on an ephemeral port of {@code 127.0.0.1}
 * and answers with the status codes, headers and bodies the real services use, errors included.
 *
 * <h2>Where things are</h2>
 *
 * <pre>
 * identityBaseUri() = http://127.0.0.1:{port}/login.microsoftonline.com   (stands for https://login.microsoftonline.com)
 *   {identityBaseUri}/{tenant}/oauth2/v2.0/authorize      any tenant segment: organizations, common, a tenant id…
 *   {identityBaseUri}/{tenant}/oauth2/v2.0/token
 *   {identityBaseUri}/{tenant}/v2.0/.well-known/openid-configuration
 * graphBaseUri()    = http://127.0.0.1:{port}/graph.microsoft.com         (stands for https://graph.microsoft.com; no /v1.0)
 *   {graphBaseUri}/v1.0/me/onlineMeetings                 POST create, GET ?$filter=…
 *   {graphBaseUri}/v1.0/me/onlineMeetings/createOrGet     POST
 *   {graphBaseUri}/v1.0/me/onlineMeetings/{id}            GET, PATCH, DELETE ({id} URL-encoded)
 * </pre>
 *
 * <p>Both bases are authority roots like the real hosts: a client appends the same paths it would
 * append to {@code https://login.microsoftonline.com} and {@code https://graph.microsoft.com}. They
 * have different path prefixes on one port, so a client that mixes them up gets a 404. With {@link
 * Builder#https(boolean)} they are {@code https} and {@link #sslContext()} trusts the certificate.
 * The Feign adapter's {@code TeamsMeetings} builder takes these two URIs as its identity and Graph
 * endpoint overrides.
 *
 * <h2>A complete test</h2>
 *
 * <p>The flow by hand, as any HTTP client does it. With the SDK, give the Feign adapter's {@code
 * TeamsMeetings} builder {@link #identityBaseUri()} and {@link #graphBaseUri()} as its identity and
 * Graph endpoint overrides and {@link #clock()} as its clock; the controls and assertions stay the
 * same.
 *
 * <pre>{@code
 * class MeetingFlowTest {
 *   @RegisterExtension
 *   static final FakeMicrosoftExtension microsoft =
 *       new FakeMicrosoftExtension(
 *           FakeMicrosoft.builder()
 *               .app("my-client-id", URI.create("http://localhost/callback"), "my-secret")
 *               .account(FakeAccount.of("ana@contoso.com", "Ana Souza")));
 *
 *   final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
 *   final ObjectMapper json = new ObjectMapper();
 *
 *   @Test
 *   void connectsAndCreatesAMeeting(FakeMicrosoft fake) throws Exception {
 *     String redirectUri = URLEncoder.encode("http://localhost/callback", UTF_8);
 *     String verifier = "a-verifier-of-43-to-128-characters-from-the-unreserved-set-0123";
 *     String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
 *         MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(UTF_8)));
 *
 *     // 1. The browser goes to the authorize endpoint; the fake redirects back with a code.
 *     URI authorize = URI.create(fake.identityBaseUri() + "/organizations/oauth2/v2.0/authorize"
 *         + "?client_id=my-client-id&response_type=code&state=s1&redirect_uri=" + redirectUri
 *         + "&scope=" + URLEncoder.encode("OnlineMeetings.ReadWrite offline_access openid", UTF_8)
 *         + "&code_challenge=" + challenge + "&code_challenge_method=S256");
 *     HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(authorize).build(), discarding());
 *     String location = redirect.headers().firstValue("Location").orElseThrow();
 *     assertThat(location).startsWith("http://localhost/callback?code=").contains("&state=s1");
 *     String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
 *
 *     // 2. The callback redeems the code with the verifier.
 *     HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(
 *             URI.create(fake.identityBaseUri() + "/organizations/oauth2/v2.0/token"))
 *         .header("Content-Type", "application/x-www-form-urlencoded")
 *         .POST(ofString("grant_type=authorization_code&client_id=my-client-id"
 *             + "&client_secret=my-secret&code=" + code + "&code_verifier=" + verifier
 *             + "&redirect_uri=" + redirectUri))
 *         .build(), HttpResponse.BodyHandlers.ofString());
 *     JsonNode grant = json.readTree(tokens.body());
 *     assertThat(grant.get("refresh_token")).isNotNull();
 *
 *     // 3. Graph creates a meeting for the signed-in user.
 *     HttpRequest create = HttpRequest.newBuilder(
 *             URI.create(fake.graphBaseUri() + "/v1.0/me/onlineMeetings"))
 *         .header("Authorization", "Bearer " + grant.get("access_token").asText())
 *         .header("Content-Type", "application/json")
 *         .POST(ofString("{\"subject\":\"Design review\","
 *             + "\"startDateTime\":\"2030-01-01T10:00:00Z\",\"endDateTime\":\"2030-01-01T10:30:00Z\"}"))
 *         .build();
 *     assertThat(http.send(create, discarding()).statusCode()).isEqualTo(201);
 *     assertThat(fake.meetings("ana@contoso.com")).singleElement()
 *         .satisfies(m -> assertThat(m.subject()).contains("Design review"));
 *
 *     // 4. The controls: throttle Graph, expire the token on the shared clock, read the journal.
 *     fake.graph().throttleNext(1, RetryAfter.seconds(2));
 *     assertThat(http.send(create, discarding()).statusCode()).isEqualTo(429);
 *     fake.advanceClock(Duration.ofHours(2));
 *     assertThat(http.send(create, discarding()).statusCode()).isEqualTo(401);
 *     assertThat(fake.journal().codeRedemptionCount()).isEqualTo(1);
 *     assertThat(fake.refreshCount()).isZero();
 *   }
 * }
 * }</pre>
 *
 * <p>(Imports: {@code java.net.http.*}, {@code java.net.URLEncoder}, {@code
 * java.security.MessageDigest}, {@code java.util.Base64}, Jackson's {@code ObjectMapper}, AssertJ,
 * and static {@code HttpRequest.BodyPublishers.ofString}, {@code
 * HttpResponse.BodyHandlers.discarding}, {@code StandardCharsets.UTF_8}. The same test, compiled
 * and passing, is {@code io.teamsmeet.testkit.example.MeetingFlowTest} in this module's test
 * sources.)
 *
 * <h2>Behaviour</h2>
 *
 * <ul>
 *   <li><b>Apps and accounts.</b> Without any {@link Builder#app}, one public client is registered:
 *       {@link #DEFAULT_CLIENT_ID} with {@link #DEFAULT_REDIRECT_URI}. Without any {@link
 *       Builder#account}, {@link #DEFAULT_ACCOUNT} exists. Redirect URIs match exactly and
 *       case-sensitively, except that the port of an {@code http} loopback URI ({@code localhost},
 *       {@code 127.0.0.1}) is ignored, as Microsoft does.
 *   <li><b>Authorize.</b> An unknown {@code client_id} or a {@code redirect_uri} that isn't
 *       registered gets an HTML error page (400, AADSTS700016 / AADSTS50011) and no redirect, like
 *       Microsoft. Otherwise every outcome is a 302 to the redirect URI ({@code response_mode}
 *       {@code query}, {@code fragment} or {@code form_post}): {@code code}, {@code state}, {@code
 *       session_state}; or {@code error}, {@code error_description} ({@code "AADSTSnnnn: …\r\nTrace
 *       ID: …\r\nCorrelation ID: …\r\nTimestamp: …"}), {@code error_uri}, {@code state}. The fake
 *       requires PKCE with {@code code_challenge_method=S256} from every client (stricter than
 *       Microsoft, which also accepts {@code plain} and no PKCE for confidential clients). Which
 *       account signs in: the one given to {@link #nextSignIn}, else the {@code login_hint} if it
 *       is known, else the first account. {@code prompt=none} fails with {@code consent_required}
 *       until the account has consented once. With {@link #consentPage(boolean)} on, the authorize
 *       endpoint answers with an HTML page (account picker, Accept and Cancel buttons in a real
 *       form) that a browser can click through.
 *   <li><b>Token.</b> Codes are single use (AADSTS54005 the second time), live ten minutes on
 *       {@link #clock()} (AADSTS70008), and are bound to the client id, the redirect URI
 *       (AADSTS70000) and the S256 challenge (AADSTS501481). A confidential client must send its
 *       secret, in the form or with HTTP Basic (401 {@code invalid_client} AADSTS7000218 /
 *       AADSTS7000215); a public client must not (AADSTS700025). Refresh tokens rotate on every use
 *       and, like Microsoft's, the old one keeps working unless {@link
 *       #revokeRefreshTokenOnUse(boolean)}; {@link #revokeGrants} kills them (AADSTS50173). A
 *       refresh token comes only with {@code offline_access}, an id token only with {@code openid}
 *       (an unsigned-looking JWT: {@code alg} RS256 with a random signature; never verify it) whose
 *       {@code aud} is the client id, {@code tid} the account's tenant and {@code iss} {@code
 *       {identityBaseUri}/{tid}/v2.0}; {@link #nextIdTokenClaims} makes one that does not fit.
 *       {@code scope} in the answer lists Graph scopes resource-qualified ({@code
 *       https://graph.microsoft.com/OnlineMeetings.ReadWrite}) and omits {@code offline_access}.
 *   <li><b>Graph.</b> A bearer token from the token endpoint is required (401 {@code
 *       InvalidAuthenticationToken} with {@code WWW-Authenticate} when missing, unknown or expired
 *       on {@link #clock()}); it must carry {@code OnlineMeetings.ReadWrite} ({@code .Read} is
 *       enough for GET), and the account a Teams licence (else 403 {@code Forbidden}). Meetings
 *       belong to their organizer: another account's meeting is a 404 {@code itemNotFound}. Bodies
 *       carry Graph's fields (see the reference notes); times are UTC with up to seven fractional
 *       digits; ids contain {@code _}, {@code :} and {@code @} and must be URL-encoded in paths;
 *       {@code passcode} is null unless {@code isPasscodeRequired} was true on create; {@code
 *       createOrGet} is keyed by organizer and {@code externalId}, answers 201 then 200 with the
 *       meeting unchanged, and ignores every setting but subject, times and participants. A plain
 *       create with an {@code externalId} is a 400; so is an unknown property. Without times a
 *       meeting starts at {@link #clock()}'s now and ends an hour later (start + 1 hour with a
 *       start alone), as Microsoft documents for {@code createOrGet}; a plain create is given the
 *       same, which Microsoft does not document (its resource page marks {@code endDateTime}
 *       required) and which the fake picks. Settings not sent take Graph's defaults: lobby {@code
 *       organization} without dial-in bypass, presenters {@code everyone}, no attendees; those sent
 *       on create or PATCH are returned as set, attendees with {@code upn}, {@code role} and {@code
 *       identity}. Every answer carries {@code request-id}, {@code client-request-id} (the
 *       request's, else the request-id) and {@code Date}; errors are {@code
 *       {"error":{"code","message","innerError":{"date", "request-id","client-request-id"}}}}.
 *   <li><b>Faults</b>: {@link #graph()} and {@link #tokenEndpoint()}, see {@link Faults}.
 *   <li><b>Time.</b> {@link #clock()} starts at the wall-clock time the fake started (or {@link
 *       Builder#startTime}) and moves only with {@link #advanceClock} and the sleeps made on it (a
 *       {@link FakeClock} is the SDK's {@code Sleeper}); give the same clock to the SDK under test,
 *       which then also waits out a {@code Retry-After} on it at once. {@code Date} headers and
 *       HTTP-date {@code Retry-After} use it too.
 * </ul>
 *
 * <p>The server speaks HTTP/1.1 only (no h2 or h2c, so that connection faults behave the same for
 * every client); a {@code java.net.http.HttpClient} should use {@code HttpClient.Version.HTTP_1_1}
 * against it, or it pays for a refused h2c upgrade on each new connection.
 *
 * <p>Where Microsoft's behaviour is undocumented the fake picks one and says so: the 403 body for a
 * missing licence, the 404 body, {@code consent_required} with AADSTS90094 for admin consent, and
 * the token endpoint's 429/503 bodies are plausible shapes, not captured ones.
 *
 * <p>Thread-safe: the endpoints and every control may be used from any thread, also while requests
 * are in flight. {@link #reset()} between tests; {@link #close()} stops the server.
 */
public final class FakeMicrosoft implements AutoCloseable {

  /** The client id of the app registered when the builder is given none. */
  public static final String DEFAULT_CLIENT_ID = "00000000-0000-0000-0000-00000000fa4e";

  /** The redirect URI of the default app; any port of {@code localhost} matches it. */
  public static final URI DEFAULT_REDIRECT_URI = URI.create("http://localhost/callback");

  /** The account that exists when the builder is given none. */
  public static final FakeAccount DEFAULT_ACCOUNT = FakeAccount.of("ana@contoso.com", "Ana Souza");

  private final FakeServer server;
  private final FakeClock clock;
  private final State state;
  private final Engine engine;
  private final Faults tokenFaults = new Faults("token endpoint");
  private final Faults graphFaults = new Faults("graph");
  private final Journal journal;
  private final SlowBodies slowBodies = new SlowBodies();
  private final URI identityBaseUri;
  private final URI graphBaseUri;

  private FakeMicrosoft(Settings settings) {
    this.clock = settings.clock();
    this.state = new State(clock, settings.config());
    this.journal = new Journal(settings.journalLimit);
    Bases bases = new Bases();
    this.engine = new Engine(state, bases, tokenFaults, graphFaults, journal, slowBodies);
    this.server = new FakeServer(engine, settings.https, settings.serverThreads);
    bases.origin(server.origin());
    this.identityBaseUri = URI.create(bases.identity());
    this.graphBaseUri = URI.create(bases.graph());
  }

  /**
   * Starts a fake with the defaults: one public client ({@link #DEFAULT_CLIENT_ID}, {@link
   * #DEFAULT_REDIRECT_URI}) and one licensed account ({@link #DEFAULT_ACCOUNT}), over http.
   *
   * @return the running fake; close it when done
   */
  public static FakeMicrosoft start() {
    return builder().start();
  }

  /** Starts configuring a fake. */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ where

  /**
   * The identity platform's authority root, {@code
   * http://127.0.0.1:{port}/login.microsoftonline.com} (no trailing slash): append {@code
   * /{tenant}/oauth2/v2.0/authorize} or {@code /token}.
   */
  public URI identityBaseUri() {
    return identityBaseUri;
  }

  /**
   * Graph's root, {@code http://127.0.0.1:{port}/graph.microsoft.com} (no trailing slash, no
   * version): append {@code /v1.0/me/onlineMeetings}.
   */
  public URI graphBaseUri() {
    return graphBaseUri;
  }

  /**
   * An SSL context that trusts the fake's certificate (self-signed, for {@code 127.0.0.1} and
   * {@code localhost}; its private key ships in this jar, so never trust it anywhere else). Use it
   * with {@link Builder#https(boolean)}: {@code
   * HttpClient.newBuilder().sslContext(fake.sslContext())}.
   *
   * @return a new TLS context
   */
  public SSLContext sslContext() {
    return FakeServer.sslContext();
  }

  // ------------------------------------------------------------------ time

  /**
   * The fake's clock: codes, tokens and meeting times follow it, and it moves only with {@link
   * #advanceClock} and when something {@linkplain FakeClock#sleep sleeps} on it. Give it to the SDK
   * under test as its clock, so both agree on what "expired" means and the SDK's retry waits (a
   * {@code Retry-After}, a backoff) pass on it at once instead of in real time.
   */
  public FakeClock clock() {
    return clock;
  }

  /**
   * Moves {@link #clock()} forward.
   *
   * @param by zero or more
   * @return the new time
   * @throws IllegalArgumentException if {@code by} is null or negative
   */
  public Instant advanceClock(Duration by) {
    return clock.advance(by);
  }

  // ------------------------------------------------------------------ registration

  /**
   * Registers a public client (no secret; sending one is AADSTS700025), replacing any app with the
   * same client id until the next {@link #reset()}.
   *
   * @param clientId the application (client) id
   * @param redirectUri its one redirect URI
   * @return this fake
   */
  public FakeMicrosoft registerApp(String clientId, URI redirectUri) {
    return register(Settings.newApp(clientId, redirectUri, null));
  }

  /**
   * Registers a confidential client with a secret, replacing any app with the same client id until
   * the next {@link #reset()}.
   *
   * @param clientId the application (client) id
   * @param redirectUri its one redirect URI
   * @param clientSecret the secret it must send
   * @return this fake
   */
  public FakeMicrosoft registerApp(String clientId, URI redirectUri, String clientSecret) {
    return register(Settings.newApp(clientId, redirectUri, Settings.requireSecret(clientSecret)));
  }

  private FakeMicrosoft register(State.App app) {
    synchronized (state) {
      state.apps.put(app.clientId, app);
    }
    return this;
  }

  /**
   * Adds an account (or replaces the one with the same UPN) until the next {@link #reset()}.
   *
   * @param account the account
   * @return this fake
   * @throws IllegalArgumentException if another account has the same object id
   */
  public FakeMicrosoft addAccount(FakeAccount account) {
    state.putAccount(Settings.requireAccount(account));
    return this;
  }

  /**
   * The account with this UPN (case-insensitive).
   *
   * @throws IllegalArgumentException if there is none
   */
  public FakeAccount account(String userPrincipalName) {
    return state.requireAccount(userPrincipalName);
  }

  /**
   * Gives or takes away an account's Teams licence; without one, every onlineMeetings call with its
   * token answers 403 {@code Forbidden}.
   *
   * @param userPrincipalName a known account
   * @param licensed whether it has a licence
   * @return this fake
   */
  public FakeMicrosoft teamsLicensed(String userPrincipalName, boolean licensed) {
    synchronized (state) {
      state.putAccount(state.requireAccount(userPrincipalName).withTeamsLicensed(licensed));
    }
    return this;
  }

  // ------------------------------------------------------------------ sign-in scenarios

  /**
   * The next authorize request signs in as this account (and consents). Queued: call it twice for
   * two sign-ins. Without it, the {@code login_hint} account or the first account signs in.
   *
   * @param userPrincipalName a known account
   * @return this fake
   */
  public FakeMicrosoft nextSignIn(String userPrincipalName) {
    FakeAccount account = state.requireAccount(userPrincipalName);
    synchronized (state) {
      state.nextSignIns.add(new State.SignIn(State.SignIn.Kind.ACCOUNT, account));
    }
    return this;
  }

  /**
   * The next authorize request ends with the user declining consent: a redirect with {@code
   * error=access_denied} and AADSTS65004 ("User declined to consent to access the app."). With the
   * consent page on, the answer comes at once, as if the user had clicked Cancel.
   *
   * @return this fake
   */
  public FakeMicrosoft nextSignInDeclines() {
    synchronized (state) {
      state.nextSignIns.add(new State.SignIn(State.SignIn.Kind.DECLINE, null));
    }
    return this;
  }

  /**
   * The next authorize request ends needing an administrator's consent: a redirect with {@code
   * error=consent_required} and AADSTS90094 ("The grant requires admin permission."). What
   * Microsoft sends here is not documented; this is the fake's choice.
   *
   * @return this fake
   */
  public FakeMicrosoft nextSignInNeedsAdminConsent() {
    synchronized (state) {
      state.nextSignIns.add(new State.SignIn(State.SignIn.Kind.ADMIN_CONSENT, null));
    }
    return this;
  }

  /**
   * The next id token the token endpoint issues (for either grant) carries these claims in place of
   * the real ones; the other claims stay as they are. For tests of what a client does with an id
   * token that does not fit: another app's {@code aud}, a {@code tid} that disagrees with {@code
   * iss}, or hostile text in {@code preferred_username}. Not queued: a second call replaces the
   * first; {@link #reset()} clears it.
   *
   * <pre>{@code
   * fake.nextIdTokenClaims(Map.of("aud", "00000000-0000-0000-0000-0000000e71e5"));   // another app
   * fake.nextIdTokenClaims(Map.of("tid", "00000000-0000-0000-0000-00000000abcd"));   // not iss's tenant
   * }</pre>
   *
   * <p>By default every id token is consistent: {@code aud} is the client id, {@code tid} the
   * account's tenant and {@code iss} {@code {identityBaseUri}/{tid}/v2.0}.
   *
   * @param claims claim names and their string values; not empty
   * @return this fake
   */
  public FakeMicrosoft nextIdTokenClaims(Map<String, String> claims) {
    if (claims == null || claims.isEmpty()) {
      throw new IllegalArgumentException("claims must not be null or empty");
    }
    synchronized (state) {
      state.nextIdTokenClaims.clear();
      state.nextIdTokenClaims.putAll(claims);
    }
    return this;
  }

  /**
   * Whether the authorize endpoint shows an HTML consent page (a real form with an account picker
   * and Accept / Cancel buttons posting back to the fake) instead of redirecting at once.
   *
   * @param enabled true for the page
   * @return this fake
   */
  public FakeMicrosoft consentPage(boolean enabled) {
    synchronized (state) {
      state.consentPage = enabled;
    }
    return this;
  }

  // ------------------------------------------------------------------ grants

  /**
   * Revokes every refresh token of the account issued so far (as a password reset or an admin's
   * "revoke sessions" does): redeeming one answers 400 {@code invalid_grant} AADSTS50173. Access
   * tokens keep working until they expire, as Microsoft's do; see {@link #expireAccessTokens}.
   *
   * @param userPrincipalName a known account
   * @return this fake
   */
  public FakeMicrosoft revokeGrants(String userPrincipalName) {
    synchronized (state) {
      state.revokeGrants(state.requireAccount(userPrincipalName));
    }
    return this;
  }

  /**
   * Makes every access token of the account issued so far expired now, so Graph answers 401 {@code
   * InvalidAuthenticationToken}: the way to test "401, refresh once, retry once" without moving the
   * clock.
   *
   * @param userPrincipalName a known account
   * @return this fake
   */
  public FakeMicrosoft expireAccessTokens(String userPrincipalName) {
    synchronized (state) {
      state.expireAccessTokens(state.requireAccount(userPrincipalName));
    }
    return this;
  }

  /**
   * Whether a refresh token stops working once it has been redeemed (AADSTS70008 on reuse).
   * Microsoft does not do this (off by default); turn it on to prove a client always stores the
   * rotated token.
   *
   * @param enabled true to revoke on use
   * @return this fake
   */
  public FakeMicrosoft revokeRefreshTokenOnUse(boolean enabled) {
    synchronized (state) {
      state.revokeRefreshTokenOnUse = enabled;
    }
    return this;
  }

  /**
   * The lifetime of access tokens issued from now on ({@code expires_in}, {@code ext_expires_in}).
   *
   * @param lifetime at least one second
   * @return this fake
   */
  public FakeMicrosoft accessTokenLifetime(Duration lifetime) {
    Duration checked = Settings.requireLifetime(lifetime, "accessTokenLifetime");
    synchronized (state) {
      state.accessTokenLifetime = checked;
    }
    return this;
  }

  /**
   * Issues an access token for Graph ({@code OnlineMeetings.ReadWrite}) directly, for tests of
   * Graph calls that skip the sign-in. It is issued to the first registered app.
   *
   * @param userPrincipalName a known account
   * @return the bearer token
   */
  public String issueAccessToken(String userPrincipalName) {
    return engine.identity().issuer().issueAccessToken(userPrincipalName);
  }

  /**
   * Issues a refresh token directly (scopes {@code openid profile offline_access
   * OnlineMeetings.ReadWrite}), for tests that start from a stored grant.
   *
   * @param clientId a registered app's client id; the token works only for it
   * @param userPrincipalName a known account
   * @return the refresh token
   */
  public String issueRefreshToken(String clientId, String userPrincipalName) {
    return engine.identity().issuer().issueRefreshToken(clientId, userPrincipalName);
  }

  // ------------------------------------------------------------------ application permissions

  /**
   * Records admin consent of the app in a tenant, as if an administrator had completed the admin
   * consent page: the app then gets application tokens (client-credentials grant) for the tenant.
   * Without it the token endpoint answers 400 {@code unauthorized_client} AADSTS700016.
   *
   * @param clientId a registered confidential app (client secret; the fake checks no client
   *     assertions)
   * @param tenant a tenant id, or the UPN domain of one of the fake's accounts
   * @return this fake
   */
  public FakeMicrosoft grantAdminConsent(String clientId, String tenant) {
    synchronized (state) {
      state.appPermissions.consents.add(
          AppPermissions.key(clientId, AppPermissions.requireTenantId(state, tenant)));
    }
    return this;
  }

  /**
   * Revokes the app's admin consent in a tenant (an administrator removed the enterprise app): its
   * token requests for that tenant answer 400 {@code unauthorized_client} AADSTS700016, and, so
   * that a test sees it on the next call, the app's application tokens of that tenant stop working
   * at once (Graph answers 401; Microsoft's would live until they expire). Other tenants keep
   * working.
   *
   * @param clientId the app
   * @param tenant a tenant id or UPN domain
   * @return this fake
   */
  public FakeMicrosoft revokeAdminConsent(String clientId, String tenant) {
    synchronized (state) {
      String tenantId = AppPermissions.requireTenantId(state, tenant);
      state.appPermissions.consents.remove(AppPermissions.key(clientId, tenantId));
      state.appPermissions.tokens.values().stream()
          .filter(t -> t.clientId.equals(clientId) && t.tenantId.equals(tenantId))
          .forEach(t -> t.expiresAt = state.now());
    }
    return this;
  }

  /** Whether the app is consented in the tenant (by the admin consent page or a test). */
  public boolean hasAdminConsent(String clientId, String tenant) {
    synchronized (state) {
      return AppPermissions.tenantId(state, tenant)
          .map(t -> state.appPermissions.consents.contains(AppPermissions.key(clientId, t)))
          .orElse(false);
    }
  }

  /**
   * Makes the next admin consent page for {@code organizations} (or an unknown tenant) be completed
   * by this account's administrator, so the consent is for its tenant (default: the first account's
   * tenant).
   */
  public FakeMicrosoft nextAdminConsentBy(String userPrincipalName) {
    synchronized (state) {
      state.requireAccount(userPrincipalName);
      state.appPermissions.nextAdmin = userPrincipalName;
    }
    return this;
  }

  /**
   * Makes the next admin consent page decline: the redirect carries {@code error=access_denied},
   * {@code error_description} (AADSTS65004) and, as Microsoft's documented failure redirect does,
   * {@code admin_consent=True}.
   */
  public FakeMicrosoft nextAdminConsentDeclines() {
    synchronized (state) {
      state.appPermissions.nextConsentDeclines = true;
    }
    return this;
  }

  /**
   * Grants Teams' application access policy for the app and one user (what {@code
   * Grant-CsApplicationAccessPolicy -Identity USER} does). Until then Graph answers application
   * tokens' onlineMeetings calls for that user with 403 {@code General} "No application access
   * policy found for this app."
   *
   * @param clientId the app (the policy's {@code -AppIds})
   * @param userPrincipalName a known account
   * @return this fake
   */
  public FakeMicrosoft grantAccessPolicy(String clientId, String userPrincipalName) {
    synchronized (state) {
      state.appPermissions.policies.add(
          AppPermissions.key(clientId, state.requireAccount(userPrincipalName).objectId()));
    }
    return this;
  }

  /** Grants the application access policy for every user of a tenant ({@code -Global}). */
  public FakeMicrosoft grantAccessPolicyGlobally(String clientId, String tenant) {
    synchronized (state) {
      state.appPermissions.policies.add(
          AppPermissions.key(clientId, "*" + AppPermissions.requireTenantId(state, tenant)));
    }
    return this;
  }

  /**
   * Removes the application access policy for the app and user granted by {@link
   * #grantAccessPolicy}.
   */
  public FakeMicrosoft revokeAccessPolicy(String clientId, String userPrincipalName) {
    synchronized (state) {
      state.appPermissions.policies.remove(
          AppPermissions.key(clientId, state.requireAccount(userPrincipalName).objectId()));
    }
    return this;
  }

  /** How many application tokens the token endpoint issued for the tenant since the last reset. */
  public int applicationTokenCount(String tenant) {
    synchronized (state) {
      return AppPermissions.tenantId(state, tenant)
          .map(
              t ->
                  state.appPermissions.tokensIssued.getOrDefault(
                      t.toLowerCase(java.util.Locale.ROOT), 0))
          .orElse(0);
    }
  }

  // ------------------------------------------------------------------ faults, journal, meetings

  /** Faults for the token endpoint. */
  public Faults tokenEndpoint() {
    return tokenFaults;
  }

  /** Faults for Graph. */
  public Faults graph() {
    return graphFaults;
  }

  /** What the fake received. */
  public Journal journal() {
    return journal;
  }

  /**
   * How many {@code refresh_token} grant requests the token endpoint received since the last reset.
   */
  public int refreshCount() {
    return journal.refreshCount();
  }

  /**
   * A snapshot of every meeting, by organizer UPN, oldest first, as the core's {@link Meeting}
   * (read from the same JSON a client gets, lobby, presenters, attendees and passcode setting
   * included; a value the core has no constant for is its {@code UNKNOWN}).
   */
  public Map<String, List<Meeting>> meetings() {
    return CoreMeetings.all(state);
  }

  /**
   * A snapshot of one organizer's meetings, oldest first.
   *
   * @param userPrincipalName a known account
   */
  public List<Meeting> meetings(String userPrincipalName) {
    return CoreMeetings.of(state, state.requireAccount(userPrincipalName));
  }

  // ------------------------------------------------------------------ calendar

  /**
   * Sets the {@code allowedOnlineMeetingProviders} of the account's calendar (default {@code
   * teamsForBusiness}). Without {@code teamsForBusiness}, {@code GET /me/calendar} says so and
   * events are created without a Teams meeting ({@code onlineMeetingProvider: "unknown"}), with no
   * error, as Graph does.
   *
   * @param userPrincipalName a known account
   * @param providers for example {@code "skypeForBusiness"}; none: nothing allowed
   */
  public FakeMicrosoft allowedOnlineMeetingProviders(
      String userPrincipalName, String... providers) {
    FakeAccount account = state.requireAccount(userPrincipalName);
    synchronized (state) {
      state.allowedProviders.put(account.objectId(), List.of(providers));
    }
    return this;
  }

  /**
   * The fault behind many reports: the calendar still says it allows Teams, but Graph creates the
   * account's events with provider {@code unknown} and no {@code onlineMeeting}, and no error.
   */
  public FakeMicrosoft eventsWithoutTeams(String userPrincipalName, boolean enabled) {
    FakeAccount account = state.requireAccount(userPrincipalName);
    synchronized (state) {
      if (enabled) {
        state.eventsWithoutTeams.add(account.objectId());
      } else {
        state.eventsWithoutTeams.remove(account.objectId());
      }
    }
    return this;
  }

  /**
   * Makes the fake ignore {@code Prefer: outlook.timezone}: event times come back in the event's
   * own zone with its Windows name ({@code "W. Europe Standard Time"}), as for a client that did
   * not ask for UTC.
   */
  public FakeMicrosoft ignorePreferTimeZone(boolean enabled) {
    synchronized (state) {
      state.ignorePreferTimeZone = enabled;
    }
    return this;
  }

  /** How many calendar events the account has (cancelled and deleted ones are gone). */
  public int eventCount(String userPrincipalName) {
    FakeAccount account = state.requireAccount(userPrincipalName);
    synchronized (state) {
      Map<String, ?> events = state.events.get(account.objectId());
      return events == null ? 0 : events.size();
    }
  }

  /**
   * Every invitation, update and cancellation Outlook would have sent since the last reset, oldest
   * first: who was invited to what.
   */
  public List<Invitation> invitations() {
    synchronized (state) {
      return List.copyOf(state.invitations);
    }
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * Returns the fake to the configuration its builder gave: apps and accounts as built, no codes,
   * tokens, consents, meetings, queued sign-ins, id-token claims or faults, an empty journal. The
   * clock is not moved back (time only goes forward). Answers stalled or dribbling ({@link
   * Faults#stallBodyNext}, {@link Faults#dribbleNext}) end: their connections are closed. The
   * server keeps running on the same port.
   */
  public void reset() {
    slowBodies.releaseAll();
    state.reset();
    tokenFaults.clear();
    graphFaults.clear();
    journal.clear();
  }

  /** Ends stalled and dribbling answers, then stops the server. */
  @Override
  public void close() {
    slowBodies.stop();
    server.stop();
  }

  @Override
  public String toString() {
    return "FakeMicrosoft["
        + (server.https() ? "https" : "http")
        + " "
        + identityBaseUri
        + ", "
        + graphBaseUri
        + "]";
  }

  /**
   * Configures a {@link FakeMicrosoft}. Not thread-safe; {@link #start()} may be called more than
   * once, each time starting a new fake.
   *
   * <pre>{@code
   * FakeMicrosoft fake = FakeMicrosoft.builder()
   *     .app("my-client-id", URI.create("https://app.example/ms/callback"), "my-secret")
   *     .account(FakeAccount.of("ana@contoso.com", "Ana Souza"))
   *     .account(FakeAccount.of("bob@contoso.com", "Bob Kelly").withTeamsLicensed(false))
   *     .accessTokenLifetime(Duration.ofMinutes(60))
   *     .start();
   * }</pre>
   */
  public static final class Builder {
    private final Settings settings = new Settings();

    private Builder() {}

    /**
     * Registers a public client (no secret). Replaces an app with the same client id.
     *
     * @param clientId the application (client) id
     * @param redirectUri its redirect URI
     * @return this builder
     */
    public Builder app(String clientId, URI redirectUri) {
      settings.apps.put(clientId, Settings.newApp(clientId, redirectUri, null));
      return this;
    }

    /**
     * Registers a confidential client that must send {@code clientSecret}. Replaces an app with the
     * same client id.
     *
     * @param clientId the application (client) id
     * @param redirectUri its redirect URI
     * @param clientSecret its secret
     * @return this builder
     */
    public Builder app(String clientId, URI redirectUri, String clientSecret) {
      settings.apps.put(
          clientId, Settings.newApp(clientId, redirectUri, Settings.requireSecret(clientSecret)));
      return this;
    }

    /**
     * Adds an account; the first one added signs in by default. Replaces one with the same UPN.
     *
     * @param account the account
     * @return this builder
     */
    public Builder account(FakeAccount account) {
      settings.accounts.put(
          State.key(Settings.requireAccount(account).userPrincipalName()), account);
      return this;
    }

    /**
     * Serves https (TLS 1.2/1.3 with the fake's own certificate; see {@link
     * FakeMicrosoft#sslContext()}) instead of http. Default false.
     *
     * @param value true for https
     * @return this builder
     */
    public Builder https(boolean value) {
      settings.https = value;
      return this;
    }

    /**
     * Starts with the consent page on; see {@link FakeMicrosoft#consentPage(boolean)}. Default
     * false (the authorize endpoint redirects at once).
     *
     * @param value true for the page
     * @return this builder
     */
    public Builder consentPage(boolean value) {
      settings.consentPage = value;
      return this;
    }

    /**
     * Where {@link FakeMicrosoft#clock()} starts. Default: the wall-clock time at start, to the
     * millisecond.
     *
     * @param value the start time
     * @return this builder
     */
    public Builder startTime(Instant value) {
      if (value == null) {
        throw new IllegalArgumentException("startTime must not be null");
      }
      settings.startTime = value;
      return this;
    }

    /**
     * The lifetime of access tokens ({@code expires_in}). Default one hour (3600).
     *
     * @param value at least one second
     * @return this builder
     */
    public Builder accessTokenLifetime(Duration value) {
      settings.accessTokenLifetime = Settings.requireLifetime(value, "accessTokenLifetime");
      return this;
    }

    /**
     * How long a refresh token works after it is issued (AADSTS70008 after). Default 90 days.
     *
     * @param value at least one second
     * @return this builder
     */
    public Builder refreshTokenLifetime(Duration value) {
      settings.refreshTokenLifetime = Settings.requireLifetime(value, "refreshTokenLifetime");
      return this;
    }

    /**
     * Starts with {@link FakeMicrosoft#revokeRefreshTokenOnUse(boolean)} on. Default false, as
     * Microsoft.
     *
     * @param value true to revoke a refresh token when it is redeemed
     * @return this builder
     */
    public Builder revokeRefreshTokenOnUse(boolean value) {
      settings.revokeRefreshTokenOnUse = value;
      return this;
    }

    /**
     * How many requests the {@link Journal} keeps (counts stay exact). Default 10,000.
     *
     * @param value positive
     * @return this builder
     */
    public Builder journalLimit(int value) {
      settings.journalLimit = Settings.requirePositive(value, "journalLimit");
      return this;
    }

    /**
     * How many meetings one organizer keeps; beyond it the oldest is forgotten (a 404 afterwards),
     * so long benchmarks don't fill the heap. Default 10,000.
     *
     * @param value positive
     * @return this builder
     */
    public Builder maxMeetingsPerOrganizer(int value) {
      settings.maxMeetingsPerOrganizer = Settings.requirePositive(value, "maxMeetingsPerOrganizer");
      return this;
    }

    /**
     * The server's worker threads (Jetty's pool; requests in flight at once, slow ones included).
     * Default 32.
     *
     * @param value at least 8
     * @return this builder
     */
    public Builder serverThreads(int value) {
      settings.serverThreads = Settings.requireServerThreads(value);
      return this;
    }

    /**
     * Starts the server.
     *
     * @return the running fake; close it when done
     */
    public FakeMicrosoft start() {
      return new FakeMicrosoft(settings);
    }
  }
}
