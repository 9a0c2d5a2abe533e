package io.teamsmeet.it;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.teamsmeet.store.StoredGrant;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/** Tink keyset chores of a key rotation, as an operator does them. */
final class Keys {

  private Keys() {}

  /** Step 1 and 2 of a rotation: adds a new AES256-GCM key and makes it the primary. */
  static KeysetHandle withNewPrimary(KeysetHandle keys) {
    try {
      return KeysetHandle.newBuilder(keys)
          .addEntry(
              KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                  .withRandomId()
                  .makePrimary())
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Step 1 of a rotation: adds a new AES256-GCM key that is not primary yet. */
  static KeysetHandle withNewKey(KeysetHandle keys) {
    try {
      return KeysetHandle.newBuilder(keys)
          .addEntry(
              KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                  .withRandomId())
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Step 2 of a rotation: makes a key that every instance already has the primary. */
  static KeysetHandle withPrimary(KeysetHandle keys, int keyId) {
    try {
      KeysetHandle.Builder builder = KeysetHandle.newBuilder(keys);
      for (int i = 0; i < builder.size(); i++) {
        if (keys.getAt(i).getId() == keyId) {
          builder.getAt(i).makePrimary();
          return builder.build();
        }
      }
      throw new IllegalArgumentException("no key " + keyId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The id of a key that is not the primary. */
  static int otherThanPrimary(KeysetHandle keys) {
    for (int i = 0; i < keys.size(); i++) {
      if (!keys.getAt(i).isPrimary()) {
        return keys.getAt(i).getId();
      }
    }
    throw new IllegalArgumentException("only a primary");
  }

  /** Step 4 of a rotation: removes a key. */
  static KeysetHandle without(KeysetHandle keys, int keyId) {
    try {
      KeysetHandle.Builder builder = KeysetHandle.newBuilder(keys);
      for (int i = 0; i < builder.size(); i++) {
        if (keys.getAt(i).getId() == keyId) {
          builder.deleteAt(i);
          return builder.build();
        }
      }
      throw new IllegalArgumentException("no key " + keyId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static int primaryId(KeysetHandle keys) {
    return keys.getPrimary().getId();
  }

  /**
   * The id of the key that sealed a grant, from Tink's documented ciphertext prefix (one version
   * byte 0x01, then the key id as 4 big-endian bytes): what an operator's SQL query checks before
   * removing an old key.
   */
  static int sealedWith(StoredGrant grant) {
    byte[] bytes = grant.ciphertext();
    if (bytes[0] != 0x01) {
      throw new IllegalStateException("not a Tink-prefixed ciphertext");
    }
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }
}
