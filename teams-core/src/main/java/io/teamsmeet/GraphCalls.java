package io.teamsmeet;

import io.teamsmeet.spi.Deadline;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The machinery every Graph call of {@link MeetingService} and {@link EventService} shares: the
 * user's access token (cached, refreshed ahead), one refresh and one retry after a 401, the retry
 * policy and the call's deadline, and the outcome-unknown rule for calls that must not act twice.
 * Thread-safe.
 */
final class GraphCalls {

  private static final System.Logger LOG = System.getLogger(Loggers.MEETINGS);

  private final AccessTokens tokens;
  private final Retrier retrier;
  private final boolean delegated;

  GraphCalls(AccessTokens tokens, Retrier retrier) {
    this(tokens, retrier, true);
  }

  /**
   * @param delegated false for an instance built without a token store: every call then fails with
   *     {@link NoTokenStore#missing()}
   */
  GraphCalls(AccessTokens tokens, Retrier retrier, boolean delegated) {
    this.tokens = tokens;
    this.retrier = retrier;
    this.delegated = delegated;
  }

  /** Fails at once on an instance built without a token store. */
  void requireDelegated() {
    if (!delegated) {
      throw NoTokenStore.missing();
    }
  }

  /**
   * Calls Graph with the user's token under the retry policy; after a 401, refreshes once and
   * retries once.
   *
   * @param operation what a call that must not act twice attempted, for {@link
   *     OutcomeUnknownException} ("the meeting creation")
   * @param requiredScopes the Graph scopes the call needs; when the user's grant is known to lack
   *     one, {@link ReauthorizationRequiredException} ({@code SCOPES_REQUIRED}) is thrown before
   *     any call, and a 403 from Graph becomes the same when the granted scopes are unknown
   */
  <T> T withToken(
      String userId,
      Deadline deadline,
      Retrier.Safety safety,
      String operation,
      Set<String> requiredScopes,
      BiFunction<AccessToken, Deadline, T> call) {
    requireDelegated();
    AccessToken token = tokens.get(userId, deadline);
    requireScopes(userId, requiredScopes, null);
    try {
      return callGraph(safety, operation, deadline, token, call);
    } catch (PermissionDeniedException e) {
      requireScopes(userId, requiredScopes, e);
      throw e;
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
      return callGraph(safety, operation, deadline, fresh, call);
    } catch (PermissionDeniedException e) {
      requireScopes(userId, requiredScopes, e);
      throw e;
    } catch (TeamsServiceException e) {
      if (e.status() == 401) {
        throw ReauthorizationRequiredException.of(
            userId, ReauthorizationRequiredException.Reason.TOKEN_REJECTED, e.details());
      }
      throw e;
    }
  }

  /**
   * Throws {@code SCOPES_REQUIRED} when the user's current token is known to lack a required scope;
   * after Graph's 403 ({@code denied} not null) also when its scopes are unknown.
   */
  private void requireScopes(
      String userId, Set<String> required, PermissionDeniedException denied) {
    if (required.isEmpty()) {
      return;
    }
    Set<String> granted = tokens.grantedScopes(userId);
    Set<String> missing = GraphScopes.missing(required, granted);
    if (granted.isEmpty() && denied != null) {
      missing = required;
    }
    if (!missing.isEmpty()) {
      throw ReauthorizationRequiredException.scopesRequired(
          userId, missing, denied == null ? ErrorDetails.none() : denied.details(), denied);
    }
  }

  /**
   * One Graph call under the retry policy. For a call that must not act twice, a last failure after
   * which Microsoft may have processed the request becomes {@link OutcomeUnknownException} (a 401
   * stays as it is: Graph refused the token, so nothing was done).
   */
  private <T> T callGraph(
      Retrier.Safety safety,
      String operation,
      Deadline deadline,
      AccessToken token,
      BiFunction<AccessToken, Deadline, T> call) {
    try {
      return retrier.call("Graph call", safety, deadline, d -> call.apply(token, d));
    } catch (ThrottledException e) {
      if (safety == Retrier.Safety.ONLY_IF_UNPROCESSED && !Retrier.provenUnprocessed(e)) {
        throw OutcomeUnknownException.of(operation, e);
      }
      throw e;
    } catch (TeamsServiceException e) {
      if (safety == Retrier.Safety.ONLY_IF_UNPROCESSED && outcomeUnknown(e)) {
        throw OutcomeUnknownException.of(operation, e);
      }
      throw e;
    }
  }

  /**
   * Whether a failure leaves open that Microsoft processed the request: no answer or a 5xx after it
   * may have left, or a 2xx whose body could not be used (it was done).
   */
  static boolean outcomeUnknown(TeamsServiceException e) {
    if (e instanceof OutcomeUnknownException
        || e instanceof TeamsMeetingUnavailableException
        || e.status() == 401
        || !e.requestMayHaveBeenSent()) {
      return false;
    }
    if (e instanceof ThrottledException t) {
      return !Retrier.provenUnprocessed(t);
    }
    return e.isRetryable() || (e.status() >= 200 && e.status() < 300);
  }
}
