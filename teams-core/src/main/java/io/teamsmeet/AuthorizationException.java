package io.teamsmeet;

/**
 * Connecting a Microsoft account did not complete (step 2, {@code completeConnect}): the user or
 * Microsoft said no ({@link AuthorizationDeniedException}), or the callback cannot be trusted or
 * used ({@link InvalidAuthorizationResponseException}). Nothing was stored; the user may start
 * again with {@code beginConnect}.
 *
 * <pre>{@code
 * try {
 *   teams.completeConnect(userId, callbackUri);
 * } catch (AuthorizationException e) {
 *   return showConnectFailed(e.getMessage());   // no secret in it
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public abstract sealed class AuthorizationException extends TeamsException
    permits AuthorizationDeniedException, InvalidAuthorizationResponseException {

  private static final long serialVersionUID = 1L;

  AuthorizationException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
