package io.teamsmeet.it.example.guides;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

public class TokenKeys {

  // The keyset's JSON, as kept in your secret manager (it is the key: guard it like one)
  static KeysetHandle fromSecretManager(String keysetJson) throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
  }

  // The keyset encrypted by a KMS key: only its ciphertext is stored; one KMS call at startup
  static KeysetHandle decryptedByKms(String encryptedKeysetJson, Aead kmsKey)
      throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
        encryptedKeysetJson, kmsKey, "teams-meetings token keys".getBytes(StandardCharsets.UTF_8));
  }

  // Once, to make that ciphertext from a new keyset
  static String encryptForStorage(KeysetHandle keys, Aead kmsKey) throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
        keys, kmsKey, "teams-meetings token keys".getBytes(StandardCharsets.UTF_8));
  }
}
