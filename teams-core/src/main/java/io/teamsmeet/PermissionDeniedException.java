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

  /** Why Microsoft refused. Immutable and thread-safe. */
  public enum Reason {
    /** Any refusal without a reason of its own below: licence, guest, permission, policy. */
    DENIED,
    /**
     * Application mode ({@link TenantMeetings}): Teams found no application access policy that lets
     * this app act for this user ("No application access policy found for this app"). A Teams
     * administrator of the tenant must create and grant one; the message says how.
     */
    APPLICATION_ACCESS_POLICY_MISSING
  }

  private final Reason reason;

  private PermissionDeniedException(String message, ErrorDetails details) {
    this(message, details, Reason.DENIED);
  }

  private PermissionDeniedException(String message, ErrorDetails details, Reason reason) {
    super(message, details, false, true, null);
    this.reason = reason;
  }

  /** Why Microsoft refused; {@link Reason#DENIED} unless a more precise reason is known. */
  public Reason reason() {
    return reason;
  }

  /**
   * The application access policy wall, with the PowerShell an administrator must run.
   *
   * @param appId the app's client id, or null when unknown (ports of your own)
   * @param user the organizer the app tried to act for
   * @param details Graph's error facts
   * @return the exception
   */
  static PermissionDeniedException applicationAccessPolicyMissing(
      String appId, GraphUser user, ErrorDetails details) {
    String app = appId == null ? "<APP_ID>" : appId;
    String identity = user.isObjectId() ? user.value() : "<object id of " + user.value() + ">";
    return new PermissionDeniedException(
        "Teams found no application access policy that allows app "
            + app
            + " to act for user "
            + user.value()
            + ". A Teams administrator of the tenant must run, in the MicrosoftTeams PowerShell"
            + " module: New-CsApplicationAccessPolicy -Identity <POLICY_NAME> -AppIds "
            + app
            + " -Description \"online meetings\"; then Grant-CsApplicationAccessPolicy"
            + " -PolicyName <POLICY_NAME> -Identity "
            + identity
            + " (or -Global for every user of the tenant). It can take up to 30 minutes to"
            + " apply; see https://learn.microsoft.com/graph/"
            + "cloud-communication-online-meeting-application-access-policy",
        details,
        Reason.APPLICATION_ACCESS_POLICY_MISSING);
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
