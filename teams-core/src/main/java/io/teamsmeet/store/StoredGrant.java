package io.teamsmeet.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One user's grant as a {@link TokenStore} keeps it: an opaque ciphertext and a version.
 *
 * <p>The ciphertext is sealed by the core with Tink AEAD, bound to {@link #userId()}; it holds the
 * refresh token and the connection's details (tenant, account, scopes). A store persists the bytes
 * unchanged and never needs to read them. {@link #toString()} never prints them.
 *
 * <p>The version is an opaque non-zero number chosen by the core; stores compare it, they do not
 * compute it. Immutable and thread-safe: the array is copied in and out.
 *
 * @param userId the application's user id this grant belongs to
 * @param version the version of this record, never {@value TokenStore#ABSENT}
 * @param ciphertext the sealed grant
 * @param updatedAt when the core wrote this version
 */
public record StoredGrant(String userId, long version, byte[] ciphertext, Instant updatedAt) {

  /** Validates the components and copies the ciphertext. */
  public StoredGrant {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be null or blank");
    }
    if (version == TokenStore.ABSENT) {
      throw new IllegalArgumentException("version must not be " + TokenStore.ABSENT);
    }
    if (ciphertext == null || ciphertext.length == 0) {
      throw new IllegalArgumentException("ciphertext must not be null or empty");
    }
    if (updatedAt == null) {
      throw new IllegalArgumentException("updatedAt must not be null");
    }
    ciphertext = ciphertext.clone();
  }

  /** Returns a copy of the sealed bytes. */
  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /** Compares all components, the ciphertext by content. */
  @Override
  public boolean equals(Object other) {
    return other instanceof StoredGrant that
        && version == that.version
        && userId.equals(that.userId)
        && Arrays.equals(ciphertext, that.ciphertext)
        && updatedAt.equals(that.updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, version, Arrays.hashCode(ciphertext), updatedAt);
  }

  /** Prints user, version, time and the ciphertext's length only. */
  @Override
  public String toString() {
    return "StoredGrant[userId="
        + userId
        + ", version="
        + version
        + ", ciphertext=[redacted, "
        + ciphertext.length
        + " bytes], updatedAt="
        + updatedAt
        + "]";
  }
}
