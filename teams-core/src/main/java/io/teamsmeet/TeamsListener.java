package io.teamsmeet;

import java.time.Duration;
import java.util.Optional;

/**
 * Observes what the SDK does, for metrics, tracing or audit: connections completed and denied,
 * token refreshes (with their outcome and duration), refresh-ahead, retries, throttling, grants
 * deleted, and compare-and-set conflicts in the token store. Registered with {@link
 * TeamsMeetings.Builder#listener}; every method has a no-op default, so an implementation overrides
 * only what it needs, and methods added later do not break it.
 *
 * <pre>{@code
 * TeamsMeetings teams = TeamsMeetings.builder()
 *     // ... clientId, redirectUri, tokenStore, tokenKeys
 *     .listener(new TeamsListener() {
 *       @Override
 *       public void tokenRefreshed(String userId, RefreshTrigger trigger,
 *           RefreshOutcome outcome, Duration duration) {
 *         refreshTimer.record(duration);
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>What a listener receives never holds a token, an authorization code, a PKCE verifier, a client
 * secret or a ciphertext. It does hold the application's own user ids (not secrets, but unbounded
 * in number: do not use them as metric tags). The {@code operation} and {@code change} strings are
 * a small fixed set of short descriptions (for example {@code "token refresh"}, {@code "code
 * exchange"}, {@code "Graph call"}), suitable as tags.
 *
 * <p>Methods are called synchronously on the thread doing the work (a caller's thread, or a
 * background refresh thread), after the fact and outside any lock the SDK holds: return quickly and
 * hand slow work to an executor of your own. A method that throws never changes the outcome of the
 * call it observes: the exception is caught and logged (logger {@code io.teamsmeet.listener},
 * WARNING the first time a listener throws, DEBUG after that).
 *
 * <p>Implementations must be thread-safe: methods are called concurrently from many threads.
 */
public interface TeamsListener {

  /**
   * A user completed step 2: the new grant is stored.
   *
   * @param userId the application user
   */
  default void connectCompleted(String userId) {}

  /**
   * The callback carried {@code error=} with this user's valid state (the user declined, or an
   * administrator must consent); the caller receives {@code denial}.
   *
   * @param userId the application user
   * @param denial what the caller receives: Microsoft's error code and description
   */
  default void connectDenied(String userId, AuthorizationDeniedException denial) {}

  /**
   * A refresh of the user's access token ran: the token endpoint was called (with its retries) and,
   * on success, the rotated grant stored. Not called when a waiting caller was served by another
   * thread's refresh.
   *
   * @param userId the application user
   * @param trigger why it ran
   * @param outcome how it ended
   * @param duration how long it took (wall time, retries and the store write included)
   */
  default void tokenRefreshed(
      String userId, RefreshTrigger trigger, RefreshOutcome outcome, Duration duration) {}

  /**
   * Application mode ({@link TenantMeetings}, {@link TenantEvents}): an application token was asked
   * for, with the client-credentials grant on the tenant's token endpoint (its retries included).
   * Not called when a waiting caller was served by another thread's request. Application tokens
   * never appear in {@link #tokenRefreshed}, whose {@code userId} is always an application user.
   *
   * @param tenant the tenant as given to {@link TeamsMeetings#forTenant} (a tenant id or domain: as
   *     many as the tenants that consented)
   * @param trigger why it ran: {@code CALL} (no usable cached token), {@code AHEAD} (background,
   *     before the cached one stops being used), {@code REJECTED_TOKEN} (after a Graph 401)
   * @param outcome how it ended
   * @param duration how long it took (wall time, retries included)
   */
  default void applicationTokenRequested(
      String tenant, RefreshTrigger trigger, ApplicationTokenOutcome outcome, Duration duration) {}

  /**
   * A background refresh of a token near its end was queued (at most one per user at a time); its
   * run is reported by {@link #tokenRefreshed} with {@link RefreshTrigger#AHEAD}.
   *
   * @param userId the application user
   */
  default void refreshAheadQueued(String userId) {}

  /**
   * A background refresh was not queued because the refresh executor refused it (saturated): the
   * next call after the token's usable time refreshes in its own thread.
   *
   * @param userId the application user
   */
  default void refreshAheadSkipped(String userId) {}

  /**
   * A call to Microsoft failed transiently and is about to be sent again after {@code wait}.
   *
   * @param operation what is retried: {@code "token refresh"}, {@code "code exchange"} or {@code
   *     "Graph call"}
   * @param attempt the attempt that failed (1 for the first)
   * @param reason why
   * @param status the HTTP status of the failed attempt, 0 when no complete response arrived
   * @param wait how long the SDK waits before the next attempt
   */
  default void retrying(
      String operation, int attempt, RetryReason reason, int status, Duration wait) {}

  /**
   * A call to Microsoft ends throttled (HTTP 429, or 503/504), after the retries the policy allowed
   * or at once when resending was not safe. The caller receives a {@link ThrottledException}, or
   * for a plain meeting creation that Microsoft may have processed an {@link
   * OutcomeUnknownException}.
   *
   * @param operation what was throttled, as in {@link #retrying}
   * @param retryAfter Microsoft's {@code Retry-After}, when it sent one
   */
  default void throttled(String operation, Optional<Duration> retryAfter) {}

  /**
   * The user's stored grant was deleted: by {@link TeamsMeetings#disconnect}, or because Microsoft
   * declared it dead during a refresh.
   *
   * @param userId the application user
   * @param reason why
   */
  default void grantDeleted(String userId, DeletionReason reason) {}

  /**
   * A compare-and-set write to the token store lost a race (another thread or instance changed the
   * user's row first); the SDK reads the row again and retries the change.
   *
   * @param userId the application user
   * @param change what was being written: {@code "store the new grant"}, {@code "refresh the
   *     grant"}, {@code "remove the grant"} or {@code "re-seal the grant"}
   */
  default void storeConflict(String userId, String change) {}

  /** Why a token refresh ran. Immutable. */
  enum RefreshTrigger {
    /** A call found no usable cached token. */
    CALL,
    /** Refresh-ahead: a background refresh before the cached token stops being used. */
    AHEAD,
    /** Graph rejected the cached token (HTTP 401): it was dropped and replaced. */
    REJECTED_TOKEN
  }

  /** How a token refresh ended. Immutable. */
  enum RefreshOutcome {
    /** A new access token was issued and the grant stored. */
    SUCCESS,
    /**
     * The user must connect again ({@link ReauthorizationRequiredException}): not connected, grant
     * dead or unreadable.
     */
    REAUTHORIZATION_REQUIRED,
    /** Any other failure (Microsoft unreachable, throttled, the store failed, a timeout). */
    FAILURE
  }

  /** How a request for an application token ended. Immutable. */
  enum ApplicationTokenOutcome {
    /** A new application token was issued. */
    SUCCESS,
    /** The tenant has not consented, or revoked it ({@link AdminConsentRequiredException}). */
    ADMIN_CONSENT_REQUIRED,
    /** Any other failure (Microsoft unreachable, throttled, a bad credential, a timeout). */
    FAILURE
  }

  /** Why a call to Microsoft is retried. Immutable. */
  enum RetryReason {
    /** HTTP 429, or 503 with {@code Retry-After}. */
    THROTTLED,
    /** Another retryable HTTP status (503, 504). */
    SERVER_ERROR,
    /** No complete response: a timeout, a reset or refused connection. */
    NO_RESPONSE
  }

  /** Why a grant was deleted. Immutable. */
  enum DeletionReason {
    /** The application called {@link TeamsMeetings#disconnect}. */
    DISCONNECTED,
    /** Microsoft rejected the refresh token ({@code invalid_grant}: expired, revoked). */
    INVALID_GRANT,
    /** Microsoft said consent was revoked or more is needed. */
    CONSENT_REQUIRED
  }
}
