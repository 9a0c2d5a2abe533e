package io.teamsmeet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.InvalidAuthorizationResponseException.Reason;
import io.teamsmeet.AccessToken;
import io.teamsmeet.spi.AuthPort;
import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.AuthorizationRequest;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.Meeting;
import io.teamsmeet.spi.MeetingPort;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.MeetingUpdate;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.spi.TokenResponse;
import io.teamsmeet.store.TokenStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Connects users' Microsoft accounts and manages their Teams meetings: the SDK's core service.
 *
 * <p>The three steps:
 *
 * <pre>{@code
 * URI url = service.beginConnect(userId);                          // 1. redirect the browser here
 * Connection c = service.completeConnect(userId, callbackUri);     // 2. on the redirect back
 * Meeting m = service.create(userId,                               // 3. any time later
 *     MeetingRequest.of("Design review", start, Duration.ofMinutes(30)));
 * }</pre>
 *
 * <p>Access tokens are cached per user and refreshed by the service itself: ahead of expiry in the
 * background, on demand when missing, and once after Graph rejects one (HTTP 401). Concurrent calls
 * for one user share a refresh; other users never wait for it. A rotated refresh token is stored,
 * sealed, with compare-and-set before the new access token is used. The pending authorization
 * travels sealed in the OAuth {@code state}, so any instance with the same keys can complete a
 * callback; grants only ever reach the {@link TokenStore} as ciphertext bound to the user.
 *
 * <p>Most applications build this through the adapter's {@code TeamsMeetings.builder()}; build it
 * directly to plug in ports of your own:
 *
 * <pre>{@code
 * MeetingService service = MeetingService.builder()
 *     .authPort(authPort).meetingPort(meetingPort)
 *     .tokenStore(new InMemoryTokenStore())
 *     .tokenKeys(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM))
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe; build one per application and share it. {@link #close()} stops the background
 * refresh threads it started.
 */
public final class MeetingService implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("io.teamsmeet.MeetingService");

  private final MeetingPort meetings;
  private final AccessTokens tokens;
  private final Grants grants;
  private final ConnectFlow connect;
  private final ExecutorService ownExecutor;
  private final Retrier retrier;
  private final Duration callTimeout;

  private MeetingService(Builder b) {
    this.meetings = b.meetingPort;
    SecureRandom random = new SecureRandom();
    List<String> scopes = List.copyOf(b.scopes);
    this.retrier =
        new Retrier(
            b.retryPolicy,
            b.sleeper != null
                ? b.sleeper
                : b.clock instanceof Sleeper clockSleeper ? clockSleeper : Sleeper.system());
    this.callTimeout = b.callTimeout;
    GrantCodec codec = new GrantCodec(b.aead);
    this.grants = new Grants(b.tokenStore, codec, b.clock, random);
    Executor executor = b.refreshExecutor;
    this.ownExecutor = executor == null ? newRefreshExecutor() : null;
    this.tokens =
        new AccessTokens(
            b.authPort,
            b.tokenStore,
            grants,
            b.clock,
            b.expirySkew,
            b.refreshAhead,
            b.grantCheckInterval,
            scopes,
            executor == null ? ownExecutor : executor,
            b.maximumCachedUsers,
            retrier,
            callTimeout);
    this.connect =
        new ConnectFlow(
            b.authPort,
            new StateCodec(b.aead),
            grants,
            tokens,
            retrier,
            b.clock,
            b.stateLifetime,
            callTimeout,
            scopes,
            random);
  }

  private static ExecutorService newRefreshExecutor() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            2,
            2,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000),
            r -> {
              Thread t = new Thread(r, "teams-token-refresh-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------------------------------------
  // Connect

  /**
   * Step 1: the authorization URL to send the user's browser to.
   *
   * <p>Every method that takes a user id checks it first, this one before the user is sent to
   * Microsoft: not blank, at most {@link TokenStore#MAX_USER_ID_UTF8_BYTES} (255) bytes in UTF-8,
   * and no control character, line or paragraph separator or bidirectional control (user ids are
   * written into log lines as they are). So an id that no store has to accept never gets as far as
   * spending an authorization code.
   *
   * @param userId the application's id for the user; not blank, at most 255 bytes in UTF-8
   * @return the Microsoft sign-in URL, carrying a sealed state and a PKCE S256 challenge
   * @throws IllegalArgumentException naming {@code userId} and the rule it breaks
   */
  public URI beginConnect(String userId) {
    return beginConnect(userId, ConnectOptions.none());
  }

  /**
   * Step 1 with hints for the sign-in page.
   *
   * @param userId the application's id for the user; not blank, at most 255 bytes in UTF-8 (see
   *     {@link #beginConnect(String)})
   * @param options login hint, domain hint, prompt
   * @return the Microsoft sign-in URL
   */
  public URI beginConnect(String userId, ConnectOptions options) {
    requireUserId(userId);
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    return connect.begin(userId, options);
  }

  /**
   * Step 2: completes the connection from the URL Microsoft redirected the browser to.
   *
   * @param userId the application user the callback arrived for (from the application's session)
   * @param callback the full callback URL with its query ({@code code} and {@code state}, or {@code
   *     error} and {@code error_description})
   * @return the connected account
   * @throws AuthorizationDeniedException if Microsoft redirected with an error (user declined,
   *     admin consent required...) and a valid state; the state is then used up
   * @throws InvalidAuthorizationResponseException if the state is missing, altered, expired, for
   *     another user or already used (also on a callback with {@code error}: an error is only
   *     believed with the state of this user's sign-in), or the code is missing
   * @throws ReauthorizationRequiredException if Microsoft refused the code (expired, redeemed)
   */
  public Connection completeConnect(String userId, URI callback) {
    requireUserId(userId);
    if (callback == null) {
      throw new IllegalArgumentException("callback must not be null");
    }
    return connect.complete(userId, CallbackParameters.parse(callback));
  }

  /**
   * Step 2, for frameworks that hand over the callback's query parameters (or a {@code form_post}
   * body) as a map.
   *
   * @param userId the application user the callback arrived for
   * @param callbackParameters the callback's parameters, each with its single value
   * @return the connected account
   */
  public Connection completeConnect(String userId, Map<String, String> callbackParameters) {
    requireUserId(userId);
    if (callbackParameters == null) {
      throw new IllegalArgumentException("callbackParameters must not be null");
    }
    return connect.complete(userId, CallbackParameters.of(callbackParameters));
  }

  /**
   * Removes the user's stored grant and cached token. Idempotent. Microsoft is not called: the
   * refresh token stays valid at Microsoft until it expires or the user revokes the app's consent.
   *
   * @param userId the application user
   */
  public void disconnect(String userId) {
    requireUserId(userId);
    grants.remove(userId);
    tokens.disconnected(userId);
  }

  /**
   * Re-encrypts the user's stored grant with the current primary key, without calling Microsoft:
   * the step of a key rotation that moves idle users off the old key (active users move by
   * themselves at their next refresh). Safe to run while the application serves the user: the
   * store's compare-and-set orders it with refreshes on any instance, and a grant that a refresh
   * re-sealed meanwhile is simply re-sealed again.
   *
   * <pre>{@code
   * for (String userId : myUserIdsWithATeamsConnection()) {   // from your own tables
   *   teams.reseal(userId);
   * }
   * }</pre>
   *
   * @param userId the application user
   * @return true if a grant was re-sealed, false if the user has none
   * @throws ReauthorizationRequiredException with {@code STORED_TOKEN_UNREADABLE} if none of the
   *     keys opens the stored grant; the row is left as it is (put the old key back to recover)
   * @throws TokenStoreException if the store fails; nothing was changed
   * @throws TeamsServiceException (retryable) if other writers changed the grant on every one of
   *     a few attempts; run one re-seal loop, not several for the same users
   */
  public boolean reseal(String userId) {
    requireUserId(userId);
    return grants.reseal(userId);
  }

  /**
   * Reads whether the user is connected, from the token store only (Microsoft is not called).
   *
   * <p>{@code CONNECTED} means a grant is stored and opens, not that Microsoft will accept it: after
   * a call failed with {@link ReauthorizationRequiredException} reason {@code TOKEN_REJECTED} the
   * grant is kept (Microsoft still refreshes it) and this still says {@code CONNECTED}; see {@link
   * ReauthorizationRequiredException.Reason#TOKEN_REJECTED} for what to show.
   *
   * @param userId the application user
   * @return the status, with the connection's details when connected
   */
  public ConnectionStatus status(String userId) {
    requireUserId(userId);
    return grants.status(userId);
  }

  /**
   * The user's current Microsoft Graph access token, for the application's own Graph calls
   * (calendars, users, chats... within the scopes it asked for): the same cached token the
   * meetings use, refreshed by the SDK when needed (ahead of expiry, one refresh per user even
   * with many callers), so it is valid for at least {@code expirySkew} after it is returned.
   *
   * <pre>{@code
   * AccessToken token = service.accessToken(userId);
   * HttpRequest request = HttpRequest.newBuilder(URI.create("https://graph.microsoft.com/v1.0/me"))
   *     .header("Authorization", "Bearer " + token.value())      // never log token.value()
   *     .build();
   * }</pre>
   *
   * <p>Use it right away and ask again for the next call rather than keeping it: it expires, and a
   * disconnect or reconnect elsewhere replaces it (see {@link Builder#grantCheckInterval}). If
   * Graph answers 401 to your call, ask for a new one once; the SDK cannot see your calls.
   *
   * @param userId the application user
   * @return the access token; its {@code toString()} is redacted
   * @throws ReauthorizationRequiredException if the user must connect again
   */
  public AccessToken accessToken(String userId) {
    requireUserId(userId);
    return tokens.get(userId, Deadline.after(callTimeout));
  }

  // ---------------------------------------------------------------------------------------------
  // Meetings

  /**
   * Step 3: creates a Teams meeting organized by the user.
   *
   * <p>Without an external id the meeting is created with {@code POST /me/onlineMeetings}
   * (passcode by default). With one, Graph's idempotent create-or-get is used and the lobby and
   * presenter settings it ignores are applied by a follow-up update; such meetings have no passcode
   * (see {@link MeetingRequest}).
   *
   * @param userId the application user who organizes the meeting
   * @param request what to create
   * @return the meeting with its join URL, meeting id, passcode and dial-in details
   */
  public Meeting create(String userId, MeetingRequest request) {
    requireUserId(userId);
    if (request == null) {
      throw new IllegalArgumentException("request must not be null");
    }
    Deadline deadline = Deadline.after(callTimeout);
    if (request.externalId().isEmpty()) {
      return withToken(
          userId,
          deadline,
          Retrier.Safety.ONLY_IF_UNPROCESSED,
          (token, d) -> meetings.create(token, request, d));
    }
    Meeting meeting =
        withToken(
            userId,
            deadline,
            Retrier.Safety.IDEMPOTENT,
            (token, d) -> meetings.createOrGet(token, request, d));
    MeetingUpdate ignoredSettings = settingsIgnoredByCreateOrGet(request);
    if (ignoredSettings.isEmpty()) {
      return meeting;
    }
    return withToken(
        userId,
        deadline,
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> meetings.update(token, meeting.id(), ignoredSettings, d));
  }

  private static MeetingUpdate settingsIgnoredByCreateOrGet(MeetingRequest request) {
    MeetingUpdate.Builder update = MeetingUpdate.builder();
    request.lobbyBypass().ifPresent(update::lobbyBypass);
    request.allowedPresenters().ifPresent(update::allowedPresenters);
    return update.build();
  }

  /**
   * Reads one of the user's meetings.
   *
   * @param userId the organizer
   * @param meetingId Graph's meeting id
   * @return the meeting
   * @throws MeetingNotFoundException if there is no such meeting for this organizer
   */
  public Meeting get(String userId, String meetingId) {
    requireUserId(userId);
    requireMeetingId(meetingId);
    return withToken(
        userId,
        Deadline.after(callTimeout),
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> meetings.get(token, meetingId, d));
  }

  /**
   * Changes one of the user's meetings.
   *
   * @param userId the organizer
   * @param meetingId Graph's meeting id
   * @param update the changes; not empty
   * @return the meeting after the change
   */
  public Meeting update(String userId, String meetingId, MeetingUpdate update) {
    requireUserId(userId);
    requireMeetingId(meetingId);
    if (update == null || update.isEmpty()) {
      throw new IllegalArgumentException("update must not be null or empty");
    }
    return withToken(
        userId,
        Deadline.after(callTimeout),
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> meetings.update(token, meetingId, update, d));
  }

  /**
   * Deletes one of the user's meetings.
   *
   * @param userId the organizer
   * @param meetingId Graph's meeting id
   */
  public void delete(String userId, String meetingId) {
    requireUserId(userId);
    requireMeetingId(meetingId);
    withToken(
        userId,
        Deadline.after(callTimeout),
        Retrier.Safety.IDEMPOTENT,
        (token, d) -> {
          meetings.delete(token, meetingId, d);
          return null;
        });
  }

  /**
   * Calls Graph with the user's token under the retry policy; after a 401, refreshes once and
   * retries once.
   */
  private <T> T withToken(
      String userId,
      Deadline deadline,
      Retrier.Safety safety,
      BiFunction<AccessToken, Deadline, T> call) {
    AccessToken token = tokens.get(userId, deadline);
    try {
      return callGraph(safety, deadline, token, call);
    } catch (TeamsServiceException e) {
      if (e.status() != 401) {
        throw e;
      }
      LOG.log(
          System.Logger.Level.DEBUG,
          "Graph rejected the access token of user {0}; refreshing once",
          userId);
    }
    AccessToken fresh = tokens.replaceRejected(userId, token, deadline);
    try {
      return callGraph(safety, deadline, fresh, call);
    } catch (TeamsServiceException e) {
      if (e.status() == 401) {
        throw ReauthorizationRequiredException.of(
            userId, ReauthorizationRequiredException.Reason.TOKEN_REJECTED, e.details());
      }
      throw e;
    }
  }

  /**
   * One Graph call under the retry policy. For a call that must not act twice, a last failure
   * after which Microsoft may have processed the request becomes {@link OutcomeUnknownException}
   * (a 401 stays as it is: Graph refused the token, so nothing was done).
   */
  private <T> T callGraph(
      Retrier.Safety safety,
      Deadline deadline,
      AccessToken token,
      BiFunction<AccessToken, Deadline, T> call) {
    try {
      return retrier.call("Graph call", safety, deadline, d -> call.apply(token, d));
    } catch (ThrottledException e) {
      if (safety == Retrier.Safety.ONLY_IF_UNPROCESSED && !Retrier.provenUnprocessed(e)) {
        throw OutcomeUnknownException.of("the meeting creation", e);
      }
      throw e;
    } catch (TeamsServiceException e) {
      if (safety == Retrier.Safety.ONLY_IF_UNPROCESSED
          && !(e instanceof OutcomeUnknownException)
          && e.status() != 401
          && e.requestMayHaveBeenSent()
          // retryable: no answer, or a 5xx; a 2xx whose body could not be used: it was done
          && (e.isRetryable() || (e.status() >= 200 && e.status() < 300))) {
        throw OutcomeUnknownException.of("the meeting creation", e);
      }
      throw e;
    }
  }

  private static void requireUserId(String userId) {
    UserIds.require(userId);
  }

  /** Not blank, and not {@code .} or {@code ..}, which would not stay one path segment. */
  private static void requireMeetingId(String meetingId) {
    if (meetingId == null || meetingId.isBlank()) {
      throw new IllegalArgumentException("meetingId must not be null or blank");
    }
    if (meetingId.equals(".") || meetingId.equals("..")) {
      throw new IllegalArgumentException(
          "meetingId must not be \".\" or \"..\" (it would not stay one path segment)");
    }
  }

  /**
   * Closes the service: every call waiting for a token refresh is released at once, later calls
   * that need an access token fail with {@link IllegalStateException}, and the background refresh threads this service
   * started stop (an executor you passed is left running; refreshes queued on it do nothing).
   * Idempotent.
   */
  @Override
  public void close() {
    tokens.close();
    if (ownExecutor != null) {
      ownExecutor.shutdownNow();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Builds a {@link MeetingService}. Bad values are rejected at the setter, missing ones in {@link
   * #build()}, each naming the setting. Not thread-safe.
   */
  public static final class Builder {
    private AuthPort authPort;
    private MeetingPort meetingPort;
    private TokenStore tokenStore;
    private Aead aead;
    private Clock clock = Clock.systemUTC();
    private List<String> scopes = List.of("OnlineMeetings.ReadWrite");
    private Duration stateLifetime = Duration.ofMinutes(10);
    private Duration expirySkew = Duration.ofMinutes(5);
    private Duration refreshAhead = Duration.ofMinutes(5);
    private Executor refreshExecutor;
    private long maximumCachedUsers = 100_000;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Sleeper sleeper;
    private Duration callTimeout = Duration.ofSeconds(30);
    private Duration grantCheckInterval = Duration.ofSeconds(30);

    private Builder() {}

    /** The identity platform adapter. Required. */
    public Builder authPort(AuthPort value) {
      this.authPort = requireNonNull(value, "authPort");
      return this;
    }

    /** The Graph adapter. Required. */
    public Builder meetingPort(MeetingPort value) {
      this.meetingPort = requireNonNull(value, "meetingPort");
      return this;
    }

    /** Where sealed grants are kept. Required. */
    public Builder tokenStore(TokenStore value) {
      this.tokenStore = requireNonNull(value, "tokenStore");
      return this;
    }

    /**
     * The Tink keyset that seals grants and connect states. Required (this or {@link
     * #tokenKeys(Aead)}). A keyset with several keys opens data sealed with any of them and seals
     * with its primary, which is how keys rotate.
     *
     * <p>There is no need to call {@code AeadConfig.register()} first: the SDK registers with
     * Tink's global registry what the keyset needs (only AES-GCM for an AES-GCM keyset; all of
     * Tink's AEAD key types for any other keyset).
     *
     * @throws IllegalArgumentException if the keyset holds no AEAD keys
     */
    public Builder tokenKeys(KeysetHandle keyset) {
      requireNonNull(keyset, "tokenKeys");
      try {
        this.aead = KeysetAead.of(keyset);
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("tokenKeys must be a keyset of AEAD keys", e);
      }
      return this;
    }

    /**
     * Any AEAD to seal grants and connect states, for example one backed by a cloud KMS.
     * Required (this or {@link #tokenKeys(KeysetHandle)}).
     */
    public Builder tokenKeys(Aead value) {
      this.aead = requireNonNull(value, "tokenKeys");
      return this;
    }

    /** The clock for token expiry and state lifetime (default: the system UTC clock). */
    public Builder clock(Clock value) {
      this.clock = requireNonNull(value, "clock");
      return this;
    }

    /** The Graph scopes to request (default {@code OnlineMeetings.ReadWrite}). */
    public Builder scopes(List<String> value) {
      requireNonNull(value, "scopes");
      if (value.isEmpty() || value.stream().anyMatch(s -> s == null || s.isBlank() || s.contains(" "))) {
        throw new IllegalArgumentException("scopes must be non-empty, each a single non-blank scope");
      }
      this.scopes = new ArrayList<>(value);
      return this;
    }

    /** How long a user has between {@code beginConnect} and the callback (default 10 minutes). */
    public Builder stateLifetime(Duration value) {
      this.stateLifetime = requirePositive(value, "stateLifetime");
      return this;
    }

    /** How long before expiry a cached access token is no longer used (default 5 minutes). */
    public Builder expirySkew(Duration value) {
      this.expirySkew = requireNotNegative(value, "expirySkew");
      return this;
    }

    /**
     * How long before a token stops being used it is refreshed in the background (default 5
     * minutes; zero turns refresh-ahead off).
     */
    public Builder refreshAhead(Duration value) {
      this.refreshAhead = requireNotNegative(value, "refreshAhead");
      return this;
    }

    /**
     * Where background refreshes run (default: two daemon threads owned by the service). A
     * saturated executor skips refresh-ahead; callers then refresh when they need to.
     */
    public Builder refreshExecutor(Executor value) {
      this.refreshExecutor = requireNonNull(value, "refreshExecutor");
      return this;
    }

    /** How throttled and transiently failed calls are retried (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = requireNonNull(value, "retryPolicy");
      return this;
    }

    /**
     * The longest one call of the service may take, everything included: waiting for a token
     * refresh (its own or another thread's), every HTTP exchange from sending to the last byte of
     * the response body, and the waits between retries (default 30 seconds). When it passes the
     * call fails with a retryable {@link TeamsServiceException}, or an {@link
     * OutcomeUnknownException} if a plain meeting creation may have been processed. A {@code
     * Retry-After} that would end after it is not waited for: the call fails at once with {@link
     * ThrottledException}. The {@link TokenStore}'s own calls are bounded by the store (for {@code
     * JdbcTokenStore}, the driver's and pool's timeouts).
     */
    public Builder callTimeout(Duration value) {
      this.callTimeout = requirePositive(value, "callTimeout");
      return this;
    }

    /**
     * How long a cached access token is used without checking that its grant is still the one in
     * the {@link TokenStore} (default 30 seconds, measured on {@link #clock(Clock)}). This bounds
     * how long an instance goes on acting for a user after a {@code disconnect} on another
     * instance (its calls then fail with {@link ReauthorizationRequiredException}), or as the old
     * account after the user reconnected elsewhere (its next call refreshes from the new grant).
     * The check is one {@link TokenStore#load} per user and interval; zero checks on every call.
     * When the store cannot be read the check fails the call ({@link TokenStoreException}): a
     * token is not used past the bound unconfirmed.
     */
    public Builder grantCheckInterval(Duration value) {
      this.grantCheckInterval = requireNotNegative(value, "grantCheckInterval");
      return this;
    }

    /**
     * How the service waits between retries (default: the {@link #clock(Clock)} if it is also a
     * {@link Sleeper}, as the testkit's {@code FakeClock} is, else {@link Sleeper#system()}).
     */
    public Builder sleeper(Sleeper value) {
      this.sleeper = requireNonNull(value, "sleeper");
      return this;
    }

    /** How many users' access tokens to cache at most (default 100 000). */
    public Builder maximumCachedUsers(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("maximumCachedUsers must be positive, was " + value);
      }
      this.maximumCachedUsers = value;
      return this;
    }

    /**
     * Builds the service.
     *
     * @throws IllegalStateException naming the first required setting that is missing
     */
    public MeetingService build() {
      requireSet(authPort, "authPort");
      requireSet(meetingPort, "meetingPort");
      requireSet(tokenStore, "tokenStore");
      requireSet(aead, "tokenKeys");
      return new MeetingService(this);
    }

    private static <T> T requireNonNull(T value, String name) {
      if (value == null) {
        throw new IllegalArgumentException(name + " must not be null");
      }
      return value;
    }

    private static void requireSet(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + " is required");
      }
    }

    private static Duration requirePositive(Duration value, String name) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }

    private static Duration requireNotNegative(Duration value, String name) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + value);
      }
      return value;
    }
  }
}
