package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.ConnectionStatus;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.StoredGrant;
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

    // ... so the procedure re-seals the idle user first (without calling Microsoft), then removes
    // the key
    try (TeamsMeetings restarted = rig.sdk(store, rotated).build()) {
      int refreshes = fake.refreshCount();
      long version = store.load("rot-idle").orElseThrow().version();
      assertThat(restarted.reseal("rot-idle")).isTrue();
      assertThat(restarted.reseal("never-connected")).as("no grant: nothing to do").isFalse();
      assertThat(fake.refreshCount()).as("Microsoft is not called").isEqualTo(refreshes);
      assertThat(store.load("rot-idle").orElseThrow().version()).isNotEqualTo(version);
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

  @Test
  void resealWithoutAnyKeyThatOpensTheGrantFailsTypedAndKeepsTheRow() {
    rig.connect(teams, "rot-lost", Rig.ANA);
    StoredGrant before = store.load("rot-lost").orElseThrow();
    KeysetHandle unrelated = Keys.without(Keys.withNewPrimary(keys), Keys.primaryId(keys));
    try (TeamsMeetings wrongKeys = rig.sdk(store, unrelated).build()) {
      ReauthorizationRequiredException e =
          catchThrowableOfType(
              () -> wrongKeys.reseal("rot-lost"), ReauthorizationRequiredException.class);
      Secrets.thrown(e);
      assertThat(e.reason())
          .isEqualTo(ReauthorizationRequiredException.Reason.STORED_TOKEN_UNREADABLE);
    }
    assertThat(store.load("rot-lost")).as("byte for byte").contains(before);
    Secrets.ciphertext(store.load("rot-lost"));
  }

  @Test
  void theResealLoopRacingWithRefreshesOnAnotherInstanceLosesNothing() throws Exception {
    int users = 24;
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (int u = 0; u < users; u++) {
      ids.add("rot-race-" + u);
      rig.connect(teams, ids.get(u), Rig.ANA);
    }
    KeysetHandle rotated = Keys.withNewPrimary(keys);
    int newKey = Keys.primaryId(rotated);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try (TeamsMeetings operator = rig.sdk(store, rotated).build();
        TeamsMeetings serving = rig.sdk(store, rotated).build()) {
      // the operator's loop: every user once, as SECURITY.md describes
      java.util.concurrent.Future<Integer> loop =
          pool.submit(
              () -> {
                start.await();
                int resealed = 0;
                for (String id : ids) {
                  resealed += operator.reseal(id) ? 1 : 0;
                }
                return resealed;
              });
      // live traffic on another instance: its first call per user refreshes (and re-seals)
      java.util.concurrent.Future<?> traffic =
          pool.submit(
              () -> {
                start.await();
                for (int round = 0; round < 2; round++) {
                  for (String id : ids) {
                    serving.meetings().create(id, REQUEST);
                  }
                }
                return null;
              });
      start.countDown();
      assertThat(loop.get(120, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(users);
      traffic.get(120, java.util.concurrent.TimeUnit.SECONDS);
      for (String id : ids) {
        assertThat(Keys.sealedWith(store.load(id).orElseThrow())).as(id).isEqualTo(newKey);
      }
    } finally {
      pool.shutdownNow();
    }
    // the old key can go: every grant opens, and refreshes, with the new key alone
    KeysetHandle newOnly = Keys.without(rotated, Keys.primaryId(keys));
    try (TeamsMeetings afterRotation = rig.sdk(store, newOnly).build()) {
      for (String id : ids) {
        afterRotation.meetings().create(id, REQUEST);
        Secrets.ciphertext(store.load(id));
      }
    }
  }
}
