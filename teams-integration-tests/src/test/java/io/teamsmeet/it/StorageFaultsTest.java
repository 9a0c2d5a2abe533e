package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.ConnectionStatus;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.ReauthorizationRequiredException.Reason;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStoreException;
import org.junit.jupiter.api.Test;

/**
 * Fault matrix, storage: the database fails while a rotated refresh token is saved; the stored
 * ciphertext is altered, copied to another user, or its key is removed from the keyset. A
 * ciphertext that does not open makes the user reconnect, but the SDK never deletes it: a key put
 * back restores access, and nothing Microsoft considers alive is thrown away.
 */
class StorageFaultsTest extends OneConnectedUser {

  @Test
  void theDatabaseFailingWhileTheRotatedTokenIsSavedIsATokenStoreExceptionAndNothingIsLost() {
    StoredGrant before = stored();
    expireAccessToken();
    int posts = fake.journal().graphCalls("POST").size();
    db.failNextUpdates(1);

    TokenStoreException e = catchThrowableOfType(this::create, TokenStoreException.class);
    Secrets.thrown(e);

    assertThat(db.failedUpdates).hasValue(1);
    assertThat(e.errorCode()).contains("08006");
    assertThat(fake.refreshCount()).as("Microsoft rotated the token").isEqualTo(1);
    assertThat(fake.journal().graphCalls("POST"))
        .as("the access token of the unsaved refresh was not used")
        .hasSize(posts);
    assertUnchanged(before);
    assertRecovers(before);
  }

  @Test
  void anAlteredCiphertextMakesTheUserReconnectAndTheRowIsKept() {
    byte[] altered = stored().ciphertext();
    altered[altered.length / 2] ^= 0x01;
    db.execute("update teams_tokens set ciphertext = ? where user_id = ?", altered, USER);
    StoredGrant tampered = stored();

    try (TeamsMeetings restarted = sdk(b -> {})) {
      ReauthorizationRequiredException e =
          catchThrowableOfType(
              () -> restarted.meetings().create(USER, REQUEST),
              ReauthorizationRequiredException.class);
      Secrets.thrown(e);

      assertThat(e.reason()).isEqualTo(Reason.STORED_TOKEN_UNREADABLE);
      assertThat(e.userId()).contains(USER);
      assertThat(fake.journal().tokenRequests("refresh_token")).as("nothing was sent").isEmpty();
      assertThat(restarted.status(USER).state()).isEqualTo(ConnectionStatus.State.UNREADABLE);
      assertUnchanged(tampered);

      rig.connect(restarted, USER, Rig.ANA);
      restarted.meetings().create(USER, REQUEST);
      assertThat(restarted.status(USER).state()).isEqualTo(ConnectionStatus.State.CONNECTED);
    }
  }

  @Test
  void aCiphertextCopiedIntoAnotherUsersRowDoesNotOpenForThem() {
    String mallory = "app-user-mallory";
    StoredGrant anas = stored();
    db.execute(
        "insert into teams_tokens (user_id, version, ciphertext, updated_at_ms) values (?, ?, ?,"
            + " ?)",
        mallory,
        7L,
        anas.ciphertext(),
        anas.updatedAt().toEpochMilli());

    try (TeamsMeetings restarted = sdk(b -> {})) {
      ReauthorizationRequiredException e =
          catchThrowableOfType(
              () -> restarted.meetings().create(mallory, REQUEST),
              ReauthorizationRequiredException.class);
      Secrets.thrown(e);

      assertThat(e.reason()).isEqualTo(Reason.STORED_TOKEN_UNREADABLE);
      assertThat(restarted.status(mallory).state()).isEqualTo(ConnectionStatus.State.UNREADABLE);
      assertThat(fake.journal().tokenRequests("refresh_token")).isEmpty();
      assertThat(store.load(mallory)).as("kept").isPresent();
      restarted.meetings().create(USER, REQUEST);
      assertThat(fake.meetings(Rig.ANA.userPrincipalName())).hasSize(2);
    }
  }

  @Test
  void aGrantWhoseKeyWasRemovedFromTheKeysetMakesTheUserReconnectAndPuttingTheKeyBackRestoresIt() {
    StoredGrant before = stored();
    KeysetHandle rotated = Keys.withNewPrimary(keys);
    KeysetHandle oldKeyRemoved = Keys.without(rotated, Keys.primaryId(keys));

    try (TeamsMeetings withoutTheKey = rig.sdk(store, oldKeyRemoved).build()) {
      ReauthorizationRequiredException e =
          catchThrowableOfType(
              () -> withoutTheKey.meetings().create(USER, REQUEST),
              ReauthorizationRequiredException.class);
      Secrets.thrown(e);

      assertThat(e.reason()).isEqualTo(Reason.STORED_TOKEN_UNREADABLE);
      assertThat(fake.journal().tokenRequests("refresh_token")).isEmpty();
      assertUnchanged(before);
    }
    try (TeamsMeetings withTheKeyBack = rig.sdk(store, rotated).build()) {
      withTheKeyBack.meetings().create(USER, REQUEST);
      assertThat(fake.meetings(Rig.ANA.userPrincipalName())).hasSize(2);
      assertThat(Keys.sealedWith(stored()))
          .as("re-sealed with the new primary")
          .isEqualTo(Keys.primaryId(rotated));
    }
  }
}
