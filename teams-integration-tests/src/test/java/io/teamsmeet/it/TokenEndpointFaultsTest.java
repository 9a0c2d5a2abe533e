package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teamsmeet.InvalidAuthorizationResponseException;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.store.StoredGrant;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Fault matrix, token endpoint: what a refresh (and a code exchange) does when the identity
 * platform's answer is broken. A refresh is idempotent (Microsoft does not revoke the token it
 * rotates away), so transport failures and 5xx are retried; a code exchange is not (a code is
 * single use). Whatever happens, the stored grant is either unchanged byte for byte or properly
 * rotated.
 */
class TokenEndpointFaultsTest extends OneConnectedUser {

  @Test
  void anHtml502OnceIsRetriedAndTheGrantRotates() {
    StoredGrant before = stored();
    expireAccessToken();
    fake.tokenEndpoint().malformedNext(1);

    create();

    assertThat(fake.refreshCount()).isEqualTo(2);
    assertThat(meetings()).isEqualTo(2);
    assertRotated(before);
  }

  @Test
  void anHtml502OnEveryAttemptIsARetryableServiceExceptionAndTheGrantIsUntouched() {
    StoredGrant before = stored();
    expireAccessToken();
    fake.tokenEndpoint().malformedNext(4);

    TeamsServiceException e = catchThrowableOfType(this::create, TeamsServiceException.class);
    Secrets.thrown(e);

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.isRetryable()).isTrue();
    assertThat(fake.refreshCount()).as("the policy's four attempts").isEqualTo(4);
    assertThat(meetings()).isEqualTo(1);
    assertUnchanged(before);
    assertRecovers(before);
  }

  @Test
  void aTruncatedRefreshAnswerIsRetriedWithTheSameTokenAndTheGrantRotates() {
    StoredGrant before = stored();
    String storedToken = GrantPeek.refreshToken(keys, before);
    expireAccessToken();
    fake.tokenEndpoint().truncateNext(1);

    create();

    assertThat(fake.refreshCount()).as("the cut-off answer, then a retry").isEqualTo(2);
    // Microsoft (and the fake, by default) keeps a used refresh token valid: the retry presents it
    assertThat(presentedRefreshTokens()).containsExactly(storedToken, storedToken);
    assertThat(meetings()).isEqualTo(2);
    assertThat(GrantPeek.refreshToken(keys, stored())).isNotEqualTo(storedToken);
  }

  @Test
  void truncatedOnEveryAttemptIsARetryableServiceExceptionAndTheGrantIsUntouched() {
    StoredGrant before = stored();
    expireAccessToken();
    fake.tokenEndpoint().truncateNext(4);

    TeamsServiceException e = catchThrowableOfType(this::create, TeamsServiceException.class);
    Secrets.thrown(e);

    assertThat(e.status()).isEqualTo(200);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e).hasMessageContaining("not valid JSON");
    assertThat(fake.refreshCount()).as("the policy's four attempts").isEqualTo(4);
    assertUnchanged(before);
    assertRecovers(before);
  }

  @Test
  void aConnectionResetOnceIsRetriedAndTheGrantRotates() {
    StoredGrant before = stored();
    expireAccessToken();
    fake.tokenEndpoint().resetNext(1);

    create();

    assertThat(fake.refreshCount()).isEqualTo(2);
    assertRotated(before);
  }

  @Test
  void aConnectionResetOnEveryAttemptIsARetryableServiceExceptionWithoutStatus() {
    StoredGrant before = stored();
    expireAccessToken();
    fake.tokenEndpoint().resetNext(4);

    TeamsServiceException e = catchThrowableOfType(this::create, TeamsServiceException.class);
    Secrets.thrown(e);

    assertThat(e.status()).isZero();
    assertThat(e.isRetryable()).isTrue();
    assertThat(e)
        .hasMessageContaining("connection reset")
        .hasMessageContaining("may have been processed");
    assertUnchanged(before);
    assertRecovers(before);
  }

  @Test
  void anAnswerSlowerThanTheRequestTimeoutIsRetriedOnceThenFailsTyped() {
    teams.close();
    teams = sdk(b -> b.requestTimeout(Duration.ofMillis(600)));
    StoredGrant before = stored();
    expireAccessToken();

    fake.tokenEndpoint().slowNext(1, Duration.ofMillis(1500));
    create();
    assertThat(fake.refreshCount()).as("the timed-out refresh and its retry").isEqualTo(2);
    StoredGrant rotated = stored();
    assertThat(rotated.version()).isNotEqualTo(before.version());

    expireAccessToken();
    fake.tokenEndpoint().slowNext(4, Duration.ofMillis(1500));
    TeamsServiceException e = catchThrowableOfType(this::create, TeamsServiceException.class);
    Secrets.thrown(e);
    assertThat(e.status()).isZero();
    assertThat(e.isRetryable()).isTrue();
    assertThat(e)
        .hasMessageContaining(
            "no complete response from the Microsoft identity platform within 600 ms (requestTimeout)");
    assertUnchanged(rotated);
  }

  @Test
  void anHtml502DuringTheCodeExchangeIsNotRetriedAndStoresNothing() {
    String user = "app-user-bob";
    URI authorize = teams.beginConnect(user);
    fake.nextSignIn(Rig.BOB.userPrincipalName());
    URI callback = Rig.signIn(authorize);
    fake.tokenEndpoint().malformedNext(1);

    TeamsServiceException e =
        catchThrowableOfType(
            () -> teams.completeConnect(user, callback), TeamsServiceException.class);
    Secrets.thrown(e);

    assertThat(e.status()).isEqualTo(502);
    assertThat(fake.journal().codeRedemptionCount())
        .as("a code exchange is never resent")
        .isEqualTo(2);
    assertThat(store.load(user)).isEmpty();
    // the state was spent; a new sign-in works
    rig.connect(teams, user, Rig.BOB);
    assertThat(teams.status(user).isConnected()).isTrue();
  }

  @Test
  void aTruncatedCodeExchangeStoresNothingAndItsCallbackCannotBeReplayed() {
    String user = "app-user-bob";
    fake.nextSignIn(Rig.BOB.userPrincipalName());
    URI callback = Rig.signIn(teams.beginConnect(user));
    fake.tokenEndpoint().truncateNext(1);

    TeamsServiceException e =
        catchThrowableOfType(
            () -> teams.completeConnect(user, callback), TeamsServiceException.class);
    Secrets.thrown(e);
    assertThat(store.load(user)).isEmpty();

    InvalidAuthorizationResponseException replay =
        catchThrowableOfType(
            () -> teams.completeConnect(user, callback),
            InvalidAuthorizationResponseException.class);
    assertThat(replay.reason())
        .isEqualTo(InvalidAuthorizationResponseException.Reason.STATE_REPLAYED);
    assertThat(store.load(user)).isEmpty();
  }
}
