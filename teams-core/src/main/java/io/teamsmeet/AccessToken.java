package io.teamsmeet;

/**
 * A bearer access token for Microsoft Graph.
 *
 * <p>{@link #toString()} never shows the value, so it is safe to log the record or an object that
 * holds it. Read the value with {@link #value()} only where it is sent over the wire. Immutable and
 * thread-safe.
 *
 * @param value the secret itself; never null or blank
 */
public record AccessToken(String value) {

  /** Rejects a null or blank value. */
  public AccessToken {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("accessToken must not be null or blank");
    }
  }

  /** Returns {@code AccessToken[redacted]}: the value is never printed. */
  @Override
  public String toString() {
    return "AccessToken[redacted]";
  }
}
