package io.teamsmeet.core;

import com.google.crypto.tink.Aead;
import io.teamsmeet.core.port.RefreshToken;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Seals a {@link Grant} with Tink AEAD, the associated data binding it to the application user, so
 * that a ciphertext copied into another user's record does not open.
 *
 * <p>Format before sealing: {@code [1: format=1][refresh token][tenant][account][2: scope
 * count][scopes...][8: connectedAt epoch ms]}, each string as {@code [4: length][UTF-8 bytes]},
 * an absent optional as length -1. Tink's own ciphertext prefix names the key, so a keyset with
 * several keys opens any of them and seals with its primary.
 */
final class GrantCodec {

  private static final byte FORMAT = 1;
  private static final String PURPOSE = "io.teamsmeet/grant/v1\u0000";
  private static final int MAX_STRING = 1 << 20;
  private static final int MAX_SCOPES = 1024;

  private final Aead aead;

  GrantCodec(Aead aead) {
    this.aead = aead;
  }

  byte[] seal(String userId, Grant grant) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      writeString(out, grant.refreshToken().value());
      writeString(out, grant.tenantId().orElse(null));
      writeString(out, grant.accountName().orElse(null));
      out.writeShort(grant.scopes().size());
      for (String scope : grant.scopes()) {
        writeString(out, scope);
      }
      out.writeLong(grant.connectedAt().toEpochMilli());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return aead.encrypt(bytes.toByteArray(), associatedData(userId));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the configured AEAD could not seal a grant", e);
    }
  }

  /**
   * Opens a sealed grant.
   *
   * @throws GeneralSecurityException when the ciphertext is altered, belongs to another user, was
   *     sealed with a key that is not in the keyset, or holds an unknown format
   */
  Grant open(String userId, byte[] ciphertext) throws GeneralSecurityException {
    byte[] plain = aead.decrypt(ciphertext, associatedData(userId));
    try {
      ByteBuffer in = ByteBuffer.wrap(plain);
      if (in.get() != FORMAT) {
        throw new GeneralSecurityException("unknown grant format");
      }
      RefreshToken token = new RefreshToken(readString(in));
      Optional<String> tenant = Optional.ofNullable(readString(in));
      Optional<String> account = Optional.ofNullable(readString(in));
      int count = Short.toUnsignedInt(in.getShort());
      if (count > MAX_SCOPES) {
        throw new GeneralSecurityException("malformed grant");
      }
      Set<String> scopes = new LinkedHashSet<>();
      for (int i = 0; i < count; i++) {
        String scope = readString(in);
        if (scope == null) {
          throw new GeneralSecurityException("malformed grant");
        }
        scopes.add(scope);
      }
      Instant connectedAt = Instant.ofEpochMilli(in.getLong());
      if (in.hasRemaining()) {
        throw new GeneralSecurityException("malformed grant");
      }
      return new Grant(token, tenant, account, scopes, connectedAt);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new GeneralSecurityException("malformed grant");
    }
  }

  private static byte[] associatedData(String userId) {
    return (PURPOSE + userId).getBytes(StandardCharsets.UTF_8);
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(ByteBuffer in) throws GeneralSecurityException {
    int length = in.getInt();
    if (length == -1) {
      return null;
    }
    if (length < 0 || length > MAX_STRING || length > in.remaining()) {
      throw new GeneralSecurityException("malformed grant");
    }
    byte[] utf8 = new byte[length];
    in.get(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
