package io.teamsmeet;

/**
 * The authorize endpoint redirected back with an {@code error} instead of a code: the user
 * declined, an administrator must consent first, or the request was refused.
 *
 * <p>{@link #error()} is Microsoft's {@code error} value ({@code access_denied}, {@code
 * consent_required}, {@code interaction_required}, {@code server_error}...); {@code
 * details().description()} holds {@code error_description}. {@link #isRetryable()} tells whether
 * simply trying again may work.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuthorizationDeniedException extends AuthorizationException {

  private static final long serialVersionUID = 1L;

  private final String error;

  private AuthorizationDeniedException(String error, ErrorDetails details) {
    super(message(error, details), details, null);
    this.error = error;
  }

  private static String message(String error, ErrorDetails details) {
    String text =
        switch (error) {
          case "access_denied" -> "the user declined to connect their Microsoft account";
          case "consent_required" -> "an administrator must consent to this app first";
          case "server_error", "temporarily_unavailable" ->
              "Microsoft could not complete the sign-in; try again";
          default -> "Microsoft refused the authorization request (" + error + ")";
        };
    return details.description().map(d -> text + ": " + d).orElse(text);
  }

  /**
   * Creates the exception from a callback's {@code error} and {@code error_description}.
   *
   * @param error Microsoft's error value
   * @param description Microsoft's description, or null
   * @return the exception
   */
  static AuthorizationDeniedException of(String error, String description) {
    String value = error == null || error.isBlank() ? "unknown_error" : error.strip();
    ErrorDetails details = ErrorDetails.builder().code(value).description(description).build();
    // the code as ErrorDetails keeps it: shortened and escaped like every text from outside
    return new AuthorizationDeniedException(details.code().orElse("unknown_error"), details);
  }

  /**
   * Microsoft's {@code error} value, with any control, line-separator or bidirectional-control
   * character escaped ({@link SafeText}).
   */
  public String error() {
    return error;
  }

  /**
   * Whether Microsoft marked the failure as temporary ({@code server_error}, {@code
   * temporarily_unavailable}).
   */
  public boolean isRetryable() {
    return error.equals("server_error") || error.equals("temporarily_unavailable");
  }

  /** Whether the user turned the request down themselves ({@code access_denied}). */
  public boolean isUserDeclined() {
    return error.equals("access_denied");
  }

  /** Whether an administrator must consent for the organization. */
  public boolean isAdminConsentRequired() {
    return error.equals("consent_required")
        || details()
            .description()
            .map(d -> d.contains("AADSTS90094") || d.contains("AADSTS65001"))
            .orElse(false);
  }
}
