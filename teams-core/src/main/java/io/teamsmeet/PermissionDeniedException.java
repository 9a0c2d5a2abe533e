package io.teamsmeet;

/**
 * Microsoft refuses this user the action, and neither retrying nor signing in again helps: an
 * administrator has to act.
 *
 * <p>From Graph (HTTP 403): no Teams licence, a guest account, a missing permission, a Conditional
 * Access or meeting policy; {@code details().code()} holds Graph's error code. From the identity
 * platform: the user is blocked by Conditional Access (AADSTS53003) or disabled (AADSTS50057). A
 * {@link TeamsServiceException} that is never retryable.
 *
 * <p>Immutable and thread-safe.
 */
public final class PermissionDeniedException extends TeamsServiceException {

  private static final long serialVersionUID = 1L;

  private PermissionDeniedException(String message, ErrorDetails details) {
    super(message, details, false, true, null);
  }

  /**
   * Creates the exception from Graph's error facts.
   *
   * @param details status 403, Graph's code and the request ids
   * @return the exception
   */
  static PermissionDeniedException of(ErrorDetails details) {
    return new PermissionDeniedException(
        "Microsoft Graph denied the request: the account may have no Teams licence, be a guest,"
            + " or lack a permission or policy",
        details);
  }

  /**
   * Creates the exception with a message of the adapter's, for refusals that do not come from Graph
   * (a Conditional Access block, a disabled account).
   *
   * @param message what was refused and why, without any secret
   * @param details Microsoft's error facts
   * @return the exception
   */
  static PermissionDeniedException of(String message, ErrorDetails details) {
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message must not be null or blank");
    }
    return new PermissionDeniedException(message, details);
  }
}
