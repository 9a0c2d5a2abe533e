package io.teamsmeet.core;

/**
 * The callback given to {@code completeConnect} cannot be trusted or used: start the connection
 * again with {@code beginConnect}.
 *
 * <p>This is how forged, altered, expired, replayed or misdirected callbacks are refused (RFC 9700
 * CSRF protection); nothing was exchanged or stored.
 */
public final class InvalidAuthorizationResponseException extends TeamsException {

  private static final long serialVersionUID = 1L;

  /** What was wrong with the callback. */
  public enum Reason {
    /** The callback had no {@code state}. */
    MISSING_STATE("the callback has no state parameter"),
    /** The state was not issued by this SDK with these keys, or was changed. */
    STATE_ALTERED("the state parameter was altered or was not issued by this application"),
    /** The state is older than the configured lifetime. */
    STATE_EXPIRED("the sign-in took too long and its state expired"),
    /** The state was issued to another application user. */
    STATE_FOR_ANOTHER_USER("the state parameter was issued to another user"),
    /** The state was already used on this instance. */
    STATE_REPLAYED("the callback was already used"),
    /** The callback had neither {@code code} nor {@code error}. */
    MISSING_CODE("the callback has no authorization code"),
    /** The callback URL or its query could not be read. */
    MALFORMED_CALLBACK("the callback URL is malformed"),
    /** Microsoft returned no refresh token: {@code offline_access} was not granted. */
    NO_REFRESH_TOKEN("Microsoft returned no refresh token (was offline_access granted?)");

    private final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  private final Reason reason;

  private InvalidAuthorizationResponseException(Reason reason, Throwable cause) {
    super(reason.text + "; start the connection again", ErrorDetails.none(), cause);
    this.reason = reason;
  }

  static InvalidAuthorizationResponseException of(Reason reason) {
    return new InvalidAuthorizationResponseException(reason, null);
  }

  static InvalidAuthorizationResponseException of(Reason reason, Throwable cause) {
    return new InvalidAuthorizationResponseException(reason, cause);
  }

  /** What was wrong. */
  public Reason reason() {
    return reason;
  }
}
