package io.teamsmeet;

import com.google.crypto.tink.Aead;
import io.teamsmeet.spi.RefreshToken;
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
 * <p>Format before sealing: {@code [1: format=2][refresh token][tenant][account][2: scope
 * count][scopes...][8: connectedAt epoch ms][8: connection id]}, each string as {@code [4:
 * length][UTF-8 bytes]}, an absent optional as length -1. Format 1 (written before connection ids
 * existed) has no connection id and still opens; its connection time stands in for it. Tink's own
 * ciphertext prefix names the key, so a keyset with several keys opens any of them and seals with
 * its primary.
 *
 * <p>One set of limits applies to sealing and opening, so that everything sealed opens: at most
 * {@value #MAX_SCOPES} scopes, each string at most {@value #MAX_STRING} UTF-8 bytes, the whole
 * grant at most {@value #MAX_GRANT} bytes. A token response beyond them is refused before anything
 * is stored.
 */
final class GrantCodec {

  private static final byte FORMAT_1 = 1;
  private static final byte FORMAT = 2;
  private static final String PURPOSE = "io.teamsmeet/grant/v1\u0000";
  static final int MAX_STRING = 64 * 1024;
  static final int MAX_SCOPES = 1024;
  static final int MAX_GRANT = 256 * 1024;

  private final Aead aead;

  GrantCodec(Aead aead) {
    this.aead = aead;
  }

  /**
   * Seals a grant.
   *
   * @throws TeamsServiceException (not retryable) if the grant is beyond the limits, naming which
   */
  byte[] seal(String userId, Grant grant) {
    if (grant.scopes().size() > MAX_SCOPES) {
      throw tooLarge(grant.scopes().size() + " scopes (at most " + MAX_SCOPES + ")");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      writeString(out, "the refresh token", grant.refreshToken().value());
      writeString(out, "the tenant id", grant.tenantId().orElse(null));
      writeString(out, "the account name", grant.accountName().orElse(null));
      out.writeShort(grant.scopes().size());
      for (String scope : grant.scopes()) {
        writeString(out, "a scope", scope);
      }
      out.writeLong(grant.connectedAt().toEpochMilli());
      out.writeLong(grant.connectionId());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.size() > MAX_GRANT) {
      throw tooLarge("a grant of " + bytes.size() + " bytes (at most " + MAX_GRANT + ")");
    }
    try {
      return aead.encrypt(bytes.toByteArray(), associatedData(userId));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the configured AEAD could not seal a grant", e);
    }
  }

  private static TeamsServiceException tooLarge(String what) {
    return TeamsServiceException.of(
        "Microsoft's token response is beyond what the SDK stores: "
            + what
            + "; nothing was stored",
        ErrorDetails.none(),
        false,
        null);
  }

  /**
   * Opens a sealed grant.
   *
   * @throws GeneralSecurityException when the ciphertext is altered, belongs to another user, was
   *     sealed with a key that is not in the keyset, or holds an unknown format
   */
  Grant open(String userId, byte[] ciphertext) throws GeneralSecurityException {
    byte[] plain = aead.decrypt(ciphertext, associatedData(userId));
    if (plain.length > MAX_GRANT) {
      throw new GeneralSecurityException("malformed grant");
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(plain);
      byte format = in.get();
      if (format != FORMAT && format != FORMAT_1) {
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
      long connectionId = format == FORMAT_1 ? connectedAt.toEpochMilli() : in.getLong();
      if (in.hasRemaining()) {
        throw new GeneralSecurityException("malformed grant");
      }
      return new Grant(token, tenant, account, scopes, connectedAt, connectionId);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new GeneralSecurityException("malformed grant");
    }
  }

  private static byte[] associatedData(String userId) {
    return (PURPOSE + userId).getBytes(StandardCharsets.UTF_8);
  }

  private static void writeString(DataOutputStream out, String what, String value)
      throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > MAX_STRING) {
      throw tooLarge(what + " of " + utf8.length + " bytes (at most " + MAX_STRING + ")");
    }
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
