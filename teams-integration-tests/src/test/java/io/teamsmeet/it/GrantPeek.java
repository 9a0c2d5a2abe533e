package io.teamsmeet.it;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import io.teamsmeet.store.StoredGrant;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Opens a stored grant the way the core does, to see which refresh token it holds: proof that a
 * rotated token was stored, or that the old one was kept. The layout is the core's private business
 * (GrantCodec's Javadoc: Tink AEAD, associated data {@code "io.teamsmeet/grant/v1\0" + userId};
 * plaintext {@code [1: format=1 or 2][4: length][refresh token UTF-8]...}); only a test may rely on
 * it, and a change there fails here loudly rather than silently.
 */
final class GrantPeek {

  private GrantPeek() {}

  static String refreshToken(KeysetHandle keys, StoredGrant grant) {
    try {
      Aead aead = keys.getPrimitive(RegistryConfiguration.get(), Aead.class);
      byte[] plain =
          aead.decrypt(
              grant.ciphertext(),
              ("io.teamsmeet/grant/v1\u0000" + grant.userId()).getBytes(StandardCharsets.UTF_8));
      ByteBuffer in = ByteBuffer.wrap(plain);
      byte format = in.get();
      if (format != 1 && format != 2) { // both start with the refresh token
        throw new IllegalStateException("unknown grant format");
      }
      byte[] token = new byte[in.getInt()];
      in.get(token);
      String value = new String(token, StandardCharsets.UTF_8);
      Secrets.add(value);
      return value;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored grant does not open with these keys", e);
    }
  }

  static boolean opens(KeysetHandle keys, StoredGrant grant) {
    try {
      refreshToken(keys, grant);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }
}
