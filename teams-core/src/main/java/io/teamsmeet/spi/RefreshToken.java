package io.teamsmeet.spi;

/**
 * A refresh token from the Microsoft identity platform; the core stores it only sealed.
 *
 * <p>{@link #toString()} never shows the value, so it is safe to log the record or an object that
 * holds it. Read the value with {@link #value()} only where it is sent over the wire. Immutable and
 * thread-safe.
 *
 * @param value the secret itself; never null or blank
 */
public record RefreshToken(String value) {

  /** Rejects a null or blank value. */
  public RefreshToken {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("refreshToken must not be null or blank");
    }
  }

  /** Returns {@code RefreshToken[redacted]}: the value is never printed. */
  @Override
  public String toString() {
    return "RefreshToken[redacted]";
  }
}
