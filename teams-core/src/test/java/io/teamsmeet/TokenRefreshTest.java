package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.ReauthorizationRequiredException.Reason;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Refresh, 401 handling and failure semantics, one thread at a time. */
class TokenRefreshTest {

  private final Fixture f = new Fixture();
  private final MeetingRequest request =
      MeetingRequest.of("Sync", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(30));

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aGraph401DropsTheTokenRefreshesOnceAndRetriesOnce() {
    f.connect("user-1", "ana@contoso.com");
    f.service.meetings().create("user-1", request);
    f.graph.rejectedTokens.add(f.graph.tokensSeen.get(0));
    int callsBefore = f.graph.calls.get();

    f.service.meetings().create("user-1", request);

    assertThat(f.identity.refreshes).hasValue(1);
    assertThat(f.graph.calls.get() - callsBefore).isEqualTo(2);
  }

  @Test
  void a401TwiceIsAClearErrorAndNoLoop() {
    f.connect("user-1", "ana@contoso.com");
    f.graph.failures.add(FakeGraph.unauthorized());
    f.graph.failures.add(FakeGraph.unauthorized());
    f.graph.failures.add(FakeGraph.unauthorized());

    assertThatThrownBy(() -> f.service.meetings().create("user-1", request))
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TOKEN_REJECTED);
              assertThat(e.details().status()).isEqualTo(401);
              assertThat(e.details().requestId()).contains("req-401");
            });
    assertThat(f.graph.calls).hasValue(2);
    assertThat(f.identity.refreshes).hasValue(1);
    assertThat(f.store.rows).as("a 401 does not prove the grant dead").containsKey("user-1");
  }

  @Test
  void a403IsPermissionDeniedWithGraphsCode() {
    f.connect("user-1", "ana@contoso.com");
    f.graph.unlicensed.add("ana@contoso.com");

    assertThatThrownBy(() -> f.service.meetings().create("user-1", request))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> {
              assertThat(e.details().code()).contains("Forbidden");
              assertThat(e.details().requestId()).contains("req-403");
            });
    assertThat(f.identity.refreshes).hasValue(0);
  }

  @Test
  void aDeadRefreshTokenAsksForReauthorizationAndRemovesTheGrant() {
    f.connect("user-1", "ana@contoso.com");
    f.identity.revokeAll("ana@contoso.com");
    f.expireAccessTokens();

    assertThatThrownBy(() -> f.service.meetings().create("user-1", request))
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID_GRANT);
              assertThat(e.userId()).contains("user-1");
              assertThat(e.details().aadsts()).contains(70008L);
            });
    assertThat(f.store.rows).isEmpty();
    assertThat(f.service.status("user-1").isConnected()).isFalse();
  }

  @Test
  void interactionRequiredAsksForReauthorizationButKeepsTheGrant() {
    f.connect("user-1", "ana@contoso.com");
    f.identity.refreshFailures.add(
        ReauthorizationRequiredException.fromIdentityPlatform(
            Reason.INTERACTION_REQUIRED,
            ErrorDetails.builder()
                .status(400)
                .code("interaction_required")
                .errorCodes(List.of(50076L))
                .build()));
    f.expireAccessTokens();

    assertThatThrownBy(() -> f.service.meetings().create("user-1", request))
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INTERACTION_REQUIRED));
    assertThat(f.store.rows).containsKey("user-1");
  }

  @Test
  void aTransientRefreshFailureKeepsTheGrantIntactAndTheNextCallWorks() {
    f.connect("user-1", "ana@contoso.com");
    StoredGrant before = f.store.rows.get("user-1");
    for (int i = 0; i < RetryPolicy.defaults().maxAttempts(); i++) {
      f.identity.refreshFailures.add(
          TeamsServiceException.of(
              "token endpoint down", ErrorDetails.builder().status(503).build(), true, null));
    }
    f.expireAccessTokens();

    assertThatThrownBy(() -> f.service.meetings().create("user-1", request))
        .isInstanceOfSatisfying(
            TeamsServiceException.class, e -> assertThat(e.isRetryable()).isTrue());
    assertThat(f.store.rows.get("user-1")).isEqualTo(before);

    assertThat(f.service.meetings().create("user-1", request).joinUrl()).isNotNull();
  }

  @Test
  void whenTheStoreFailsToSaveARotatedTokenTheFailureIsReportedAndTheOldGrantStillWorks() {
    f.connect("user-1", "ana@contoso.com");
    StoredGrant before = f.store.rows.get("user-1");
    f.store.saveFailures.add(TokenStoreException.of("database unavailable", "08006", null));
    f.expireAccessTokens();

    assertThatThrownBy(() -> f.service.meetings().create("user-1", request))
        .isInstanceOfSatisfying(
            TokenStoreException.class, e -> assertThat(e.errorCode()).contains("08006"));
    assertThat(f.store.rows.get("user-1")).isEqualTo(before);
    int meetingsBefore = f.graph.meetings.size();

    // Microsoft does not revoke a refresh token when it rotates it, so the stored one still works.
    f.service.meetings().create("user-1", request);
    assertThat(f.graph.meetings).hasSize(meetingsBefore + 1);
    assertThat(f.store.rows.get("user-1").version()).isEqualTo(before.version() + 1);
  }

  @Test
  void aResponseWithoutARefreshTokenKeepsTheStoredOneAndReSealsIt() {
    f.connect("user-1", "ana@contoso.com");
    StoredGrant before = f.store.rows.get("user-1");
    f.identity.rotateRefreshTokens = false;
    f.expireAccessTokens();

    f.service.meetings().create("user-1", request);
    f.expireAccessTokens();
    f.service.meetings().create("user-1", request);

    assertThat(f.identity.refreshes).hasValue(2);
    assertThat(f.store.rows.get("user-1").version()).isEqualTo(before.version() + 2);
    assertThat(f.store.rows.get("user-1").ciphertext()).isNotEqualTo(before.ciphertext());
  }

  @Test
  void aTokenNearExpiryIsRefreshedAheadWhileTheCallerUsesTheCurrentOne() {
    f.connect("user-1", "ana@contoso.com");
    // Usable until expiry - 5 min; refreshed ahead from expiry - 10 min.
    f.clock.advance(Duration.ofMinutes(51));
    f.service.meetings().create("user-1", request);

    assertThat(f.identity.refreshes).hasValue(1);
    // The first call still used the original token; the next ones use the refreshed one.
    f.service.meetings().create("user-1", request);
    assertThat(f.graph.tokensSeen.get(0)).isNotEqualTo(f.graph.tokensSeen.get(1));
    f.service.meetings().create("user-1", request);
    assertThat(f.identity.refreshes).hasValue(1);
  }

  @Test
  void aTokenShorterThanTheSkewIsStillUsedForHalfItsLife() {
    f.identity.accessTokenLifetime = Duration.ofMinutes(4);
    f.connect("user-1", "ana@contoso.com");
    f.service.meetings().create("user-1", request);
    f.clock.advance(Duration.ofSeconds(30));
    f.service.meetings().create("user-1", request);

    assertThat(f.identity.refreshes).hasValue(0);
    f.clock.advance(Duration.ofMinutes(2));
    f.service.meetings().create("user-1", request);
    assertThat(f.identity.refreshes).hasValue(1);
  }
}
