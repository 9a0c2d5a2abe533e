package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.core.ConnectionStatus;
import io.teamsmeet.core.MeetingNotFoundException;
import io.teamsmeet.core.ReauthorizationRequiredException;
import io.teamsmeet.core.port.MeetingRequest;
import io.teamsmeet.feign.TeamsMeetings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The key rotation SECURITY.md prescribes, step by step: add a key and make it primary; every
 * refresh re-seals a grant with it (a restarted instance refreshes on its first call per user);
 * Tink's ciphertext prefix tells which rows still use the old key; remove the old key only when
 * none does. Removing it earlier locks the remaining users out (they must reconnect), which is why
 * the procedure waits.
 */
class KeyRotationTest extends SecurityFixture {

  private static final MeetingRequest REQUEST =
      MeetingRequest.of("Rotation", Instant.parse("2031-05-05T09:00:00Z"), Duration.ofMinutes(30));

  @Test
  void keysRotateWithoutLosingAGrant() {
    KeysetHandle k1 = keys;
    int oldKey = Keys.primaryId(k1);
    for (String user : new String[] {"rot-1", "rot-2", "rot-3", "rot-idle"}) {
      rig.connect(teams, user, Rig.ANA);
      assertThat(Keys.sealedWith(store.load(user).orElseThrow())).isEqualTo(oldKey);
    }

    // 1-2. a new key, primary; the old one stays to open existing grants
    KeysetHandle rotated = Keys.withNewPrimary(k1);
    int newKey = Keys.primaryId(rotated);
    assertThat(newKey).isNotEqualTo(oldKey);

    // 3. each refresh re-seals: a restarted instance refreshes on its first call for each user
    try (TeamsMeetings restarted = rig.sdk(store, rotated).build()) {
      for (String user : new String[] {"rot-1", "rot-2", "rot-3"}) {
        restarted.meetings().create(user, REQUEST);
        assertThat(Keys.sealedWith(store.load(user).orElseThrow())).isEqualTo(newKey);
      }
      assertThat(restarted.status("rot-idle").state())
          .as("reading status does not re-seal")
          .isEqualTo(ConnectionStatus.State.CONNECTED);
    }
    assertThat(Keys.sealedWith(store.load("rot-idle").orElseThrow()))
        .as("an idle user still needs the old key: this is what the operator's query finds")
        .isEqualTo(oldKey);

    // 4. removing the old key too early locks out the idle user (who must reconnect) ...
    KeysetHandle newOnly = Keys.without(rotated, oldKey);
    try (TeamsMeetings tooEarly = rig.sdk(store, newOnly).build()) {
      ReauthorizationRequiredException e =
          catchThrowableOfType(
              () -> tooEarly.meetings().create("rot-idle", REQUEST),
              ReauthorizationRequiredException.class);
      Secrets.thrown(e);
      assertThat(e.reason())
          .isEqualTo(ReauthorizationRequiredException.Reason.STORED_TOKEN_UNREADABLE);
      for (String user : new String[] {"rot-1", "rot-2", "rot-3"}) {
        tooEarly.meetings().create(user, REQUEST);
      }
    }

    // ... so the procedure re-seals the idle user first (SECURITY.md's probe: from an instance with
    // no cached token, any call refreshes, and a get of a meeting that does not exist changes
    // nothing else), then removes the key
    try (TeamsMeetings restarted = rig.sdk(store, rotated).build()) {
      MeetingNotFoundException probe =
          catchThrowableOfType(
              () -> restarted.meetings().get("rot-idle", "reseal-probe"),
              MeetingNotFoundException.class);
      Secrets.thrown(probe);
    }
    assertThat(Keys.sealedWith(store.load("rot-idle").orElseThrow())).isEqualTo(newKey);
    try (TeamsMeetings afterRotation = rig.sdk(store, newOnly).build()) {
      afterRotation.meetings().create("rot-idle", REQUEST);
      assertThat(afterRotation.status("rot-idle").isConnected()).isTrue();
    }
    for (String user : new String[] {"rot-1", "rot-2", "rot-3", "rot-idle"}) {
      Secrets.ciphertext(store.load(user));
    }
  }

  @Test
  void everyInstanceMustHaveTheNewKeyBeforeAnyMakesItPrimary() {
    rig.connect(teams, "rot-multi", Rig.ANA);
    KeysetHandle staged = Keys.withNewKey(keys); // step 1: the new key everywhere, not primary
    int newKey = Keys.otherThanPrimary(staged);
    KeysetHandle promoted = Keys.withPrimary(staged, newKey); // step 2

    // Wrong order: instance A already seals with the new key, instance B has never seen it.
    try (TeamsMeetings a = rig.sdk(store, promoted).build();
        TeamsMeetings b = rig.sdk(store, keys).build()) {
      a.meetings().create("rot-multi", REQUEST);
      assertThat(Keys.sealedWith(store.load("rot-multi").orElseThrow())).isEqualTo(newKey);
      ReauthorizationRequiredException e =
          catchThrowableOfType(
              () -> b.meetings().create("rot-multi", REQUEST),
              ReauthorizationRequiredException.class);
      Secrets.thrown(e);
      assertThat(e.reason())
          .isEqualTo(ReauthorizationRequiredException.Reason.STORED_TOKEN_UNREADABLE);
    }
    // Right order: B got the staged keyset (new key present, old still primary) first.
    try (TeamsMeetings b = rig.sdk(store, staged).build()) {
      b.meetings().create("rot-multi", REQUEST);
      assertThat(b.status("rot-multi").isConnected()).isTrue();
    }
    Secrets.ciphertext(store.load("rot-multi"));
  }
}
