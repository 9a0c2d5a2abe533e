package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.teamsmeet.ReauthorizationRequiredException.Reason;
import io.teamsmeet.store.StoredGrant;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Grants sealed with real Tink AEAD: bound to the user, rotating keys, unreadable data. */
class TokenEncryptionTest {

  private final Fixture f = new Fixture();
  private final MeetingRequest request =
      MeetingRequest.of("Sync", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(30));

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aCiphertextMovedToAnotherUsersRecordDoesNotOpen() {
    f.connect("victim", "ana@contoso.com");
    f.connect("attacker", "mallory@contoso.com");
    StoredGrant victims = f.store.rows.get("victim");
    StoredGrant attackers = f.store.rows.get("attacker");
    f.store.rows.put(
        "attacker",
        new StoredGrant(
            "attacker", attackers.version(), victims.ciphertext(), attackers.updatedAt()));
    f.service.disconnect("attacker"); // drop the cached token so the store is read
    f.store.rows.put(
        "attacker", new StoredGrant("attacker", 7, victims.ciphertext(), attackers.updatedAt()));

    assertThatThrownBy(() -> f.service.meetings().create("attacker", request))
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.STORED_TOKEN_UNREADABLE));
    assertThat(f.service.status("attacker").state()).isEqualTo(ConnectionStatus.State.UNREADABLE);
    assertThat(f.identity.refreshes).as("the victim's token was never used").hasValue(0);
    assertThat(f.store.rows).as("an unreadable grant is not deleted").containsKey("attacker");
  }

  @Test
  void anAlteredCiphertextIsReportedAsUnreadable() {
    f.connect("user-1", "ana@contoso.com");
    StoredGrant stored = f.store.rows.get("user-1");
    byte[] bytes = stored.ciphertext();
    bytes[bytes.length - 1] ^= 0x40;
    f.service.disconnect("user-1");
    f.store.rows.put("user-1", new StoredGrant("user-1", 9, bytes, stored.updatedAt()));

    assertThatThrownBy(() -> f.service.meetings().create("user-1", request))
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.STORED_TOKEN_UNREADABLE);
              assertThat(e.getCause()).isNull();
            });
  }

  @Test
  void aGrantSealedWithAnOldKeyStillWorksAndIsReSealedWithTheNewPrimary() throws Exception {
    KeysetHandle oldKeys = f.keys;
    f.connect("user-1", "ana@contoso.com");
    byte[] sealedWithOld = f.store.rows.get("user-1").ciphertext();

    // Rotate: add a new primary key, keep the old one for decryption.
    KeysetHandle rotated =
        KeysetHandle.newBuilder(oldKeys)
            .addEntry(
                KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId()
                    .makePrimary())
            .build();
    int newKeyId = rotated.getPrimary().getId();
    assertThat(rotated.size()).isEqualTo(2);

    try (TeamsMeetings afterRotation = f.builder(f.store, rotated).build()) {
      afterRotation
          .meetings()
          .create("user-1", request); // opens the old ciphertext, refreshes, re-seals
      byte[] resealed = f.store.rows.get("user-1").ciphertext();
      assertThat(resealed).isNotEqualTo(sealedWithOld);

      // Only the new key is needed now: drop the old one and the grant still opens.
      KeysetHandle.Builder onlyNew = KeysetHandle.newBuilder(rotated);
      for (int i = rotated.size() - 1; i >= 0; i--) {
        if (rotated.getAt(i).getId() != newKeyId) {
          onlyNew.deleteAt(i);
        }
      }
      KeysetHandle newOnly = onlyNew.build();
      Aead newAead = newOnly.getPrimitive(RegistryConfiguration.get(), Aead.class);
      assertThat(new GrantCodec(newAead).open("user-1", resealed).accountName())
          .contains("ana@contoso.com");
      assertThatThrownBy(() -> new GrantCodec(newAead).open("user-1", sealedWithOld))
          .isInstanceOf(GeneralSecurityException.class);
    }
  }

  @Test
  void aGrantWhoseKeyWasRemovedFromTheKeysetAsksForReauthorization() {
    f.connect("user-1", "ana@contoso.com");
    KeysetHandle unrelated = Fixture.newKeyset();

    try (TeamsMeetings withoutTheKey = f.builder(f.store, unrelated).build()) {
      assertThatThrownBy(() -> withoutTheKey.meetings().create("user-1", request))
          .isInstanceOfSatisfying(
              ReauthorizationRequiredException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.STORED_TOKEN_UNREADABLE));
      assertThat(f.store.rows).containsKey("user-1");
    }
  }

  @Test
  void anyAeadCanSealGrantsForExampleAKmsBackedOne() throws Exception {
    Aead aead = Fixture.newKeyset().getPrimitive(RegistryConfiguration.get(), Aead.class);
    int[] calls = new int[2];
    Aead counting =
        new Aead() {
          @Override
          public byte[] encrypt(byte[] plaintext, byte[] associatedData)
              throws GeneralSecurityException {
            calls[0]++;
            return aead.encrypt(plaintext, associatedData);
          }

          @Override
          public byte[] decrypt(byte[] ciphertext, byte[] associatedData)
              throws GeneralSecurityException {
            calls[1]++;
            return aead.decrypt(ciphertext, associatedData);
          }
        };
    try (TeamsMeetings service = f.builder(f.store, f.keys).tokenKeys(counting).build()) {
      f.connect(service, "user-1", "ana@contoso.com");
      f.expireAccessTokens();
      service.meetings().create("user-1", request);
    }
    assertThat(calls[0]).as("state + grant + re-sealed grant").isEqualTo(3);
    assertThat(calls[1]).as("state + grant").isEqualTo(2);
  }
}
