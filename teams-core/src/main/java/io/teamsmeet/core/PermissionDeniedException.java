package io.teamsmeet.core;

/**
 * Graph answered 403: the user may not do this. Typical causes: no Teams licence, a guest account,
 * a missing permission or a Conditional Access or meeting policy. {@code details().code()} holds
 * Graph's error code. Retrying or reconnecting does not help; an administrator has to act.
 */
public final class PermissionDeniedException extends TeamsException {

  private static final long serialVersionUID = 1L;

  private PermissionDeniedException(ErrorDetails details) {
    super(
        "Microsoft Graph denied the request: the account may have no Teams licence, be a guest,"
            + " or lack a permission or policy",
        details,
        null);
  }

  /**
   * Creates the exception from Graph's error facts.
   *
   * @param details status 403, Graph's code and the request ids
   * @return the exception
   */
  public static PermissionDeniedException of(ErrorDetails details) {
    return new PermissionDeniedException(details);
  }
}
