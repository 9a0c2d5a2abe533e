package io.teamsmeet.spi;

/**
 * An authorization code from the callback; single use, redeemed once for tokens.
 *
 * <p>{@link #toString()} never shows the value, so it is safe to log the record or an object that
 * holds it. Read the value with {@link #value()} only where it is sent over the wire. Immutable and
 * thread-safe.
 *
 * @param value the secret itself; never null or blank
 */
public record AuthorizationCode(String value) {

  /** Rejects a null or blank value. */
  public AuthorizationCode {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("code must not be null or blank");
    }
  }

  /** Returns {@code AuthorizationCode[redacted]}: the value is never printed. */
  @Override
  public String toString() {
    return "AuthorizationCode[redacted]";
  }
}
