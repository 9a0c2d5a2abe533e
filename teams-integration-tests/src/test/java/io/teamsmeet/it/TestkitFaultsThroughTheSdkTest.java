package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.StoredGrant;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The same odd answers as {@link TokenResponseShapeTest} and the double 401 of {@link
 * GraphFaultsTest}, made by the testkit's own faults ({@code unauthorizedNext}, {@code
 * omitRefreshTokenNext}, {@code omitExpiresInNext}) instead of a proxy: what a user of the testkit
 * writes, checked against the SDK and the stored row.
 */
class TestkitFaultsThroughTheSdkTest extends OneConnectedUser {

  @Test
  void graphRefusingTwiceIsReauthorizationRequiredAfterOneRefreshAndTheGrantIsKept() {
    try (TeamsMeetings other = sdk(b -> {})) {
      other.meetings().create(USER, REQUEST); // a new instance: its first call refreshes
      int refreshes = fake.refreshCount();
      StoredGrant before = stored();
      fake.graph().unauthorizedNext(2);

      ReauthorizationRequiredException e =
          catchThrowableOfType(
              () -> other.meetings().create(USER, REQUEST), ReauthorizationRequiredException.class);
      Secrets.thrown(e);

      assertThat(e.reason()).isEqualTo(ReauthorizationRequiredException.Reason.TOKEN_REJECTED);
      assertThat(e.details().status()).isEqualTo(401);
      assertThat(fake.journal().graphCalls("POST"))
          .extracting(r -> r.fault().orElse("-"))
          .endsWith("unauthorized", "unauthorized");
      assertThat(fake.refreshCount())
          .as("one refresh between the two 401s")
          .isEqualTo(refreshes + 1);
      assertThat(meetings()).as("nothing created behind a 401").isEqualTo(2);
      assertRotated(before);
    }
  }

  @Test
  void aRefreshAnswerWithoutRefreshTokenKeepsTheStoredOneWhichStillWorksWithRotationOn() {
    fake.revokeRefreshTokenOnUse(true);
    StoredGrant before = stored();
    String storedToken = GrantPeek.refreshToken(keys, before);
    fake.tokenEndpoint().omitRefreshTokenNext(1);

    expireAccessToken();
    create();

    assertThat(lastRefresh().fault()).contains("omit-refresh-token");
    assertThat(GrantPeek.refreshToken(keys, stored())).as("kept").isEqualTo(storedToken);
    expireAccessToken();
    create();
    assertThat(lastRefresh().formParam("refresh_token")).contains(storedToken);
    assertThat(lastRefresh().status()).isEqualTo(200);
    assertThat(GrantPeek.refreshToken(keys, stored())).as("then rotated").isNotEqualTo(storedToken);
    assertThat(meetings()).isEqualTo(3);
  }

  @Test
  void aRefreshAnswerWithoutExpiresInStillServesAndA401LaterRefreshesOnce() {
    fake.accessTokenLifetime(Duration.ofMinutes(10));
    fake.tokenEndpoint().omitExpiresInNext(1);
    expireAccessToken();
    create(); // refreshes; the answer has no expiry, the SDK assumes one

    assertThat(lastRefresh().fault()).contains("omit-expires-in");
    fake.advanceClock(Duration.ofMinutes(20)); // dead at the fake, still fresh for the SDK
    int refreshes = fake.refreshCount();
    create();

    assertThat(fake.journal().graphCalls("POST"))
        .extracting(r -> r.status())
        .endsWith(201, 401, 201);
    assertThat(fake.refreshCount()).isEqualTo(refreshes + 1);
    assertThat(meetings()).isEqualTo(3);
  }
}
