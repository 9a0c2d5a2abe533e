package io.teamsmeet;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AeadWrapper;
import com.google.crypto.tink.aead.AesGcmKeyManager;
import java.security.GeneralSecurityException;

/**
 * The {@link Aead} of a Tink keyset, registering no more of Tink than the keyset needs.
 *
 * <p>{@code AeadConfig.register()} registers every AEAD key type Tink has, the MAC key types some
 * of them build on, and the KMS key types: 180 more classes on the path to the first meeting, about
 * 3 % of the cold start (the benchmark README's A/B runs). The keys this SDK is documented with are
 * AES-GCM, so the AEAD wrapper and the AES-GCM key manager are registered first (as {@code
 * AeadConfig} would register them) and the primitive is built with them. Should the keyset hold any
 * other key type, building it fails, and Tink's full AEAD registration runs before it is built
 * again: exactly what was done for every keyset before, so such a keyset works, and one that is no
 * AEAD keyset fails, as they always did. Registering twice is harmless: Tink ignores a registration
 * it already has, for example after the application called {@code AeadConfig.register()} itself.
 */
final class KeysetAead {

  private KeysetAead() {}

  /**
   * Builds the keyset's AEAD through Tink's registry.
   *
   * @throws GeneralSecurityException if the keyset is not a keyset of AEAD keys Tink knows, or Tink
   *     cannot register them (AES-GCM in FIPS-only mode without BoringCrypto)
   */
  static Aead of(KeysetHandle keyset) throws GeneralSecurityException {
    AeadWrapper.register();
    AesGcmKeyManager.register(/* newKeyAllowed= */ true);
    try {
      return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException notOnlyAesGcm) {
      AeadConfig.register();
      return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }
  }
}
