package io.teamsmeet;

import com.google.crypto.tink.Aead;
import io.teamsmeet.InvalidAuthorizationResponseException.Reason;
import io.teamsmeet.spi.CodeVerifier;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

/**
 * Seals the pending authorization (user, verifier, issue time) into the OAuth {@code state} value,
 * so that any instance holding the keys can complete the callback without shared server state.
 *
 * <p>Format before sealing: {@code [1: format=1][8: issuedAt epoch ms][2: n][n: userId UTF-8][rest:
 * verifier ASCII]}. The associated data binds the ciphertext to this purpose, so a sealed grant or
 * any other ciphertext of the same key can never be passed off as a state.
 */
final class StateCodec {

  private static final byte FORMAT = 1;
  private static final byte[] PURPOSE =
      "io.teamsmeet/connect-state/v1".getBytes(StandardCharsets.US_ASCII);

  /** Far above any real state (about 230 characters); stops decoding junk early. */
  private static final int MAX_STATE_LENGTH = 4096;

  private final Aead aead;

  StateCodec(Aead aead) {
    this.aead = aead;
  }

  /** The authorization in progress, as recovered from a state value. */
  record Pending(String userId, CodeVerifier verifier, Instant issuedAt) {
    @Override
    public String toString() {
      return "Pending[userId=" + userId + ", issuedAt=" + issuedAt + ", verifier=[redacted]]";
    }
  }

  String seal(String userId, CodeVerifier verifier, Instant issuedAt) {
    byte[] user = userId.getBytes(StandardCharsets.UTF_8);
    if (user.length > 0xFFFF) {
      throw new IllegalArgumentException("userId must be at most 65535 bytes in UTF-8");
    }
    byte[] ver = verifier.value().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer buffer = ByteBuffer.allocate(1 + 8 + 2 + user.length + ver.length);
    buffer.put(FORMAT).putLong(issuedAt.toEpochMilli()).putShort((short) user.length);
    buffer.put(user).put(ver);
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(aead.encrypt(buffer.array(), PURPOSE));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the configured AEAD could not seal the connect state", e);
    }
  }

  /**
   * Opens a state value.
   *
   * @throws InvalidAuthorizationResponseException with {@link Reason#STATE_ALTERED} for anything
   *     that is not an intact state sealed by these keys for this purpose
   */
  Pending open(String state) {
    if (state.length() > MAX_STATE_LENGTH) {
      throw InvalidAuthorizationResponseException.of(Reason.STATE_ALTERED);
    }
    byte[] plain;
    try {
      plain = aead.decrypt(Base64.getUrlDecoder().decode(state), PURPOSE);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // No cause: it would only say "decryption failed", and must not carry the ciphertext.
      throw InvalidAuthorizationResponseException.of(Reason.STATE_ALTERED);
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(plain);
      if (buffer.get() != FORMAT) {
        throw InvalidAuthorizationResponseException.of(Reason.STATE_ALTERED);
      }
      Instant issuedAt = Instant.ofEpochMilli(buffer.getLong());
      byte[] user = new byte[Short.toUnsignedInt(buffer.getShort())];
      buffer.get(user);
      byte[] ver = new byte[buffer.remaining()];
      buffer.get(ver);
      return new Pending(
          new String(user, StandardCharsets.UTF_8),
          new CodeVerifier(new String(ver, StandardCharsets.US_ASCII)),
          issuedAt);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw InvalidAuthorizationResponseException.of(Reason.STATE_ALTERED);
    }
  }
}
