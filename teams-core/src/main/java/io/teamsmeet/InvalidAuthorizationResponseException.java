package io.teamsmeet;

/**
 * The callback given to {@code completeConnect}, or Microsoft's answer to its code, cannot be
 * trusted or used: start the connection again with {@code beginConnect}.
 *
 * <p>This is how forged, altered, expired, replayed or misdirected callbacks are refused (RFC 9700
 * CSRF protection), whether they carry a {@code code} or an {@code error}; nothing was exchanged or
 * stored. {@link Reason#NO_REFRESH_TOKEN} and {@link Reason#ID_TOKEN_MISMATCH} come after the code
 * was redeemed: the answer was not used and nothing was stored.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidAuthorizationResponseException extends AuthorizationException {

  private static final long serialVersionUID = 1L;

  /** What was wrong with the callback or with the answer to its code. Immutable and thread-safe. */
  public enum Reason {
    /** The callback had no {@code state} (a callback with {@code error} needs one too). */
    MISSING_STATE("the callback has no state parameter"),
    /** The state was not issued by this SDK with these keys, or was changed. */
    STATE_ALTERED("the state parameter was altered or was not issued by this application"),
    /** The state is older than the configured lifetime. */
    STATE_EXPIRED("the sign-in took too long and its state expired"),
    /** The state was issued to another application user. */
    STATE_FOR_ANOTHER_USER("the state parameter was issued to another user"),
    /**
     * The state was already used on this instance, by a callback with a {@code code} or with an
     * {@code error}.
     */
    STATE_REPLAYED("the callback was already used"),
    /** The callback had neither {@code code} nor {@code error}. */
    MISSING_CODE("the callback has no authorization code"),
    /** The callback URL or its query could not be read. */
    MALFORMED_CALLBACK("the callback URL is malformed"),
    /** Microsoft returned no refresh token: {@code offline_access} was not granted. */
    NO_REFRESH_TOKEN("Microsoft returned no refresh token (was offline_access granted?)"),
    /**
     * The id token that came with the tokens was not issued to this app ({@code aud} is not the
     * client id) or contradicts itself ({@code tid} is not the tenant of its {@code iss}). Its
     * tenant and account name would be wrong, so nothing was stored. Usually a misconfigured
     * identity endpoint or client id; starting again gives the same answer until it is fixed.
     */
    ID_TOKEN_MISMATCH("Microsoft's id token does not belong to this app or is inconsistent"),
    /**
     * An admin consent callback has neither {@code error} nor both {@code tenant} and {@code
     * admin_consent=True}.
     */
    ADMIN_CONSENT_INCOMPLETE(
        "the admin consent callback has no tenant or does not confirm the consent"),
    /**
     * The administrator consented in another tenant than the one {@code beginAdminConsent} named.
     */
    TENANT_MISMATCH("the administrator consented for another tenant than the one asked for");

    private final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  private final Reason reason;

  private InvalidAuthorizationResponseException(Reason reason, String detail, Throwable cause) {
    super(
        reason.text + (detail == null ? "" : " (" + detail + ")") + "; start the connection again",
        ErrorDetails.none(),
        cause);
    this.reason = reason;
  }

  static InvalidAuthorizationResponseException of(Reason reason) {
    return new InvalidAuthorizationResponseException(reason, null, null);
  }

  static InvalidAuthorizationResponseException of(Reason reason, Throwable cause) {
    return new InvalidAuthorizationResponseException(reason, null, cause);
  }

  /**
   * For adapters: the id token in the answer to a code redemption failed the SDK's checks.
   *
   * @param what which check failed, e.g. {@code "aud is not this app's client id"}; no token
   * @return the exception, with reason {@link Reason#ID_TOKEN_MISMATCH}
   */
  static InvalidAuthorizationResponseException idTokenMismatch(String what) {
    if (what == null || what.isBlank()) {
      throw new IllegalArgumentException("what must not be null or blank");
    }
    return new InvalidAuthorizationResponseException(Reason.ID_TOKEN_MISMATCH, what, null);
  }

  /** What was wrong. */
  public Reason reason() {
    return reason;
  }
}
