package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.StoredGrant;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault matrix, odd but valid refresh responses, made by a {@link MicrosoftProxy} in front of the
 * fake: no {@code refresh_token} (the old one is kept, as the protocol allows) and no {@code
 * expires_in} (an hour is assumed; when the token really dies sooner, Graph's 401 makes the SDK
 * refresh once and retry).
 */
class TokenResponseShapeTest extends OneConnectedUser {

  private MicrosoftProxy proxy;
  private TeamsMeetings viaProxy;

  @BeforeEach
  void putTheProxyInFront() {
    proxy = new MicrosoftProxy(fake);
    viaProxy = rig.sdk(store, keys, proxy.identityBaseUri(), proxy.graphBaseUri()).build();
  }

  @AfterEach
  void removeTheProxy() {
    viaProxy.close();
    proxy.close();
  }

  @Test
  void aRefreshWithoutRefreshTokenKeepsTheStoredOne() {
    StoredGrant before = stored();
    String stored = GrantPeek.refreshToken(keys, before);
    proxy.stripFromNextRefresh("refresh_token");

    viaProxy.meetings().create(USER, REQUEST);

    assertThat(proxy.refreshResponses())
        .singleElement()
        .satisfies(r -> assertThat(r.has("refresh_token")).isFalse());
    StoredGrant after = stored();
    assertThat(GrantPeek.refreshToken(keys, after))
        .as("the old refresh token is kept")
        .isEqualTo(stored);
    // and it is the one the next refresh presents, successfully
    expireAccessToken();
    viaProxy.meetings().create(USER, REQUEST);
    assertThat(lastRefresh().formParam("refresh_token")).contains(stored);
    assertThat(lastRefresh().status()).isEqualTo(200);
    assertThat(GrantPeek.refreshToken(keys, stored()))
        .as("then rotated as usual")
        .isNotEqualTo(stored);
    assertThat(meetings()).isEqualTo(3);
  }

  @Test
  void aRefreshWithoutExpiresInAssumesAnHourAndRecoversWhenTheTokenDiesSooner() {
    fake.accessTokenLifetime(Duration.ofMinutes(10));
    StoredGrant before = stored();
    proxy.stripFromNextRefresh("expires_in", "ext_expires_in");

    viaProxy.meetings().create(USER, REQUEST); // a new instance refreshes; its answer has no expiry
    assertThat(proxy.refreshResponses())
        .singleElement()
        .satisfies(r -> assertThat(r.has("expires_in")).isFalse());
    assertThat(stored().version()).isNotEqualTo(before.version());

    fake.advanceClock(Duration.ofMinutes(20)); // dead at the fake, still "fresh" for the SDK
    viaProxy.meetings().create(USER, REQUEST);

    assertThat(fake.journal().graphCalls("POST"))
        .extracting(r -> r.status())
        .containsExactly(201, 201, 401, 201);
    assertThat(fake.refreshCount()).isEqualTo(2);
    assertThat(meetings()).isEqualTo(3);
  }
}
