package io.teamsmeet;

/**
 * The root of every exception this SDK throws on purpose; unchecked.
 *
 * <p>Each final subtype stands for one decision the caller makes (reconnect the user, show "no
 * permission", retry later, fix the configuration...). Every one carries {@link #details()} with
 * the HTTP status, Microsoft's error code and the request ids support asks for. Messages never
 * contain a token, code, verifier, secret, ciphertext or request body, and never a raw control
 * character, line separator or bidirectional control (those are escaped, see {@link SafeText}),
 * whatever Microsoft or a callback sent: a message is always one safe line to log or print.
 *
 * <p>Immutable and thread-safe: its fields are final and set by the constructor. Subclasses must
 * keep it so; every subclass in this SDK does.
 */
public abstract class TeamsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorDetails details;

  /**
   * Creates the exception; the details' summary is appended to the message.
   *
   * @param message what happened and what to do, without any secret
   * @param details Microsoft's error facts, or {@link ErrorDetails#none()}
   * @param cause the underlying failure, or null
   */
  protected TeamsException(String message, ErrorDetails details, Throwable cause) {
    super(withSummary(message, details), cause);
    this.details = details == null ? ErrorDetails.none() : details;
  }

  private static String withSummary(String message, ErrorDetails details) {
    String safe = SafeText.of(message);
    if (details == null) {
      return safe;
    }
    String summary = details.summary();
    return summary.isEmpty() ? safe : safe + " [" + summary + "]";
  }

  /** Microsoft's error facts for this failure; empty fields when it did not come from Microsoft. */
  public ErrorDetails details() {
    return details == null ? ErrorDetails.none() : details; // none after deserialization
  }
}
