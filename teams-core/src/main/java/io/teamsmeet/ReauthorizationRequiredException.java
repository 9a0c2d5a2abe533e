package io.teamsmeet;

import java.util.Optional;
import java.util.Set;

/**
 * The user must connect their Microsoft account again: send them through {@code beginConnect}.
 *
 * <p>Thrown when there is no stored grant, when Microsoft says the grant is dead ({@code
 * invalid_grant}: expired, revoked, password changed), when it wants the user to interact (MFA,
 * Conditional Access, consent), when the stored grant cannot be decrypted with the configured keys,
 * or when Graph rejects a freshly refreshed token. The stored grant is deleted only for the reasons
 * whose {@link Reason#grantIsDead()} is true; a transient failure never gets here.
 *
 * <pre>{@code
 * try {
 *   service.create(userId, request);
 * } catch (ReauthorizationRequiredException e) {
 *   return redirectTo(service.beginConnect(userId));   // "Reconnect your Microsoft account"
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ReauthorizationRequiredException extends TeamsException {

  private static final long serialVersionUID = 1L;

  /** Why the user must connect again. Immutable and thread-safe. */
  public enum Reason {
    /** The user has never connected, or disconnected. */
    NOT_CONNECTED(false),
    /** Microsoft rejected the refresh token: expired, revoked, or its user changed password. */
    INVALID_GRANT(true),
    /** Microsoft wants the user to interact: MFA, Conditional Access, a new sign-in. */
    INTERACTION_REQUIRED(false),
    /** Consent was revoked or more consent is needed. */
    CONSENT_REQUIRED(true),
    /** The stored grant cannot be opened: altered, copied from another user, or its key removed. */
    STORED_TOKEN_UNREADABLE(false),
    /**
     * Graph rejected a freshly issued access token (HTTP 401 twice in a row, with one refresh in
     * between). The refresh itself worked, so Microsoft still honours the grant: it is not dead and
     * is kept, and {@code status(userId)} still reports {@code CONNECTED} (it reads the store
     * only). What Graph refused is this account's access to the API with such a token: typically a
     * personal Microsoft account (onlineMeetings needs a work or school account), a Conditional
     * Access or continuous access evaluation claims challenge ({@code details().code()} {@code
     * insufficient_claims}) that only an interactive sign-in satisfies, or a tenant or licence
     * condition that changed. Show "Microsoft did not accept this account for Teams meetings:
     * reconnect, with a work or school account" and send the user through {@code beginConnect}; the
     * new grant replaces the old one. To have {@code status()} say "not connected" at once, call
     * {@code disconnect(userId)} yourself when you catch this reason.
     */
    TOKEN_REJECTED(false),
    /**
     * The user connected before the application asked for more scopes (for example {@code
     * Calendars.ReadWrite} for events): the stored grant works for what it covers, and is kept, but
     * the call needs scopes it lacks ({@link #missingScopes()}). Send the user through {@code
     * beginConnect}: it asks for every configured scope, Microsoft shows the consent for the new
     * ones only (incremental consent), and the new grant replaces the old one. Found before any
     * call from the scopes Microsoft granted, or from Graph's 403 when those are unknown.
     */
    SCOPES_REQUIRED(false);

    private final boolean grantIsDead;

    Reason(boolean grantIsDead) {
      this.grantIsDead = grantIsDead;
    }

    /** Whether Microsoft declared the stored grant unusable, so that the SDK deletes it. */
    public boolean grantIsDead() {
      return grantIsDead;
    }
  }

  private final String userId;
  private final Reason reason;
  private final Set<String> missingScopes;

  private ReauthorizationRequiredException(
      String userId, Reason reason, ErrorDetails details, Throwable cause) {
    this(userId, reason, Set.of(), details, cause);
  }

  private ReauthorizationRequiredException(
      String userId,
      Reason reason,
      Set<String> missingScopes,
      ErrorDetails details,
      Throwable cause) {
    super(message(userId, reason, missingScopes), details, cause);
    this.userId = userId;
    this.reason = reason;
    this.missingScopes = Set.copyOf(missingScopes);
  }

  private static String message(String userId, Reason reason, Set<String> missing) {
    String who = userId == null ? "the user" : "user '" + userId + "'";
    return switch (reason) {
      case NOT_CONNECTED -> who + " has not connected a Microsoft account";
      case INVALID_GRANT -> "Microsoft no longer accepts the grant of " + who + "; connect again";
      case INTERACTION_REQUIRED -> "Microsoft requires " + who + " to sign in again";
      case CONSENT_REQUIRED -> who + " must grant consent again";
      case STORED_TOKEN_UNREADABLE ->
          "the stored grant of " + who + " cannot be decrypted with the configured keys";
      case TOKEN_REJECTED -> "Graph rejected a freshly issued access token of " + who;
      case SCOPES_REQUIRED ->
          who
              + " must consent to more scopes ("
              + String.join(", ", new java.util.TreeSet<>(missing))
              + "): connect again";
    };
  }

  /**
   * For adapters: the identity platform said the grant needs a new sign-in. The core adds the user
   * id before the exception reaches the application.
   *
   * @param reason the classification
   * @param details the OAuth error facts
   * @return the exception
   */
  static ReauthorizationRequiredException fromIdentityPlatform(
      Reason reason, ErrorDetails details) {
    return new ReauthorizationRequiredException(null, requireReason(reason), details, null);
  }

  static ReauthorizationRequiredException of(String userId, Reason reason, ErrorDetails details) {
    return new ReauthorizationRequiredException(userId, requireReason(reason), details, null);
  }

  static ReauthorizationRequiredException unreadable(String userId, Throwable cause) {
    return new ReauthorizationRequiredException(
        userId, Reason.STORED_TOKEN_UNREADABLE, ErrorDetails.none(), cause);
  }

  static ReauthorizationRequiredException scopesRequired(
      String userId, Set<String> missingScopes, ErrorDetails details, Throwable cause) {
    return new ReauthorizationRequiredException(
        userId, Reason.SCOPES_REQUIRED, missingScopes, details, cause);
  }

  ReauthorizationRequiredException forUser(String user) {
    return new ReauthorizationRequiredException(user, reason, missingScopes, details(), this);
  }

  /**
   * The scopes the user must consent to ({@link Reason#SCOPES_REQUIRED}); empty for other reasons.
   */
  public Set<String> missingScopes() {
    return missingScopes;
  }

  private static Reason requireReason(Reason reason) {
    if (reason == null) {
      throw new IllegalArgumentException("reason must not be null");
    }
    return reason;
  }

  /** The application user who must connect again; empty only inside an adapter. */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /** Why. */
  public Reason reason() {
    return reason;
  }
}
