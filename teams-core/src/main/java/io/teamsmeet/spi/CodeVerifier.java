package io.teamsmeet.spi;

/**
 * A PKCE code verifier (RFC 7636): 43 to 128 characters of the unreserved set {@code [A-Z] / [a-z]
 * / [0-9] / "-" / "." / "_" / "~"}.
 *
 * <p>{@link #toString()} never shows the value. Immutable and thread-safe.
 *
 * @param value the verifier; validated for length and alphabet
 */
public record CodeVerifier(String value) {

  /** Rejects a value that is not a valid RFC 7636 verifier, without echoing it. */
  public CodeVerifier {
    if (value == null) {
      throw new IllegalArgumentException("codeVerifier must not be null");
    }
    if (value.length() < 43 || value.length() > 128) {
      throw new IllegalArgumentException(
          "codeVerifier must be 43 to 128 characters long, was " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (!isUnreserved(value.charAt(i))) {
        throw new IllegalArgumentException(
            "codeVerifier must use only the unreserved characters A-Z a-z 0-9 - . _ ~ (position "
                + i
                + ")");
      }
    }
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** Returns {@code CodeVerifier[redacted]}: the value is never printed. */
  @Override
  public String toString() {
    return "CodeVerifier[redacted]";
  }
}
