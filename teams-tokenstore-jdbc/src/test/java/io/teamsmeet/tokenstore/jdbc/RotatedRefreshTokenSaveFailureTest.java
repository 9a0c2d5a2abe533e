package io.teamsmeet.tokenstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStoreException;
import io.teamsmeet.testkit.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end with the core: the database fails exactly when the core saves the refresh token that
 * Microsoft has just rotated. The call reports the failure, the stored grant stays valid, nothing
 * is cached, and the next call refreshes again with the stored token and succeeds.
 */
class RotatedRefreshTokenSaveFailureTest {

  private static final String USER = "user-42";
  private static final MeetingRequest REQUEST =
      MeetingRequest.of(
          "Design review", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(30));

  private final FakeClock clock = FakeClock.startingAt(Instant.parse("2026-11-25T09:00:00Z"));
  private final FakeIdentityPlatform identity = new FakeIdentityPlatform(clock);
  private final FakeGraph graph = new FakeGraph(identity);
  private JdbcConnectionPool pool;
  private InstrumentedDataSource database;
  private JdbcTokenStore store;
  private TeamsMeetings service;

  @BeforeEach
  void connectAUser() throws Exception {
    AeadConfig.register();
    pool = H2Databases.pool(H2Databases.newUrl());
    database = new InstrumentedDataSource(pool);
    store = JdbcTokenStore.builder(database).createTableIfMissing(true).build();
    service =
        TeamsMeetings.builder()
            .ports(identity, graph)
            .tokenStore(store)
            .tokenKeys(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM))
            .clock(clock)
            .refreshAhead(Duration.ZERO)
            .build();
    service.beginConnect(USER);
    service.completeConnect(USER, identity.consentCallback());
    service
        .meetings()
        .create(USER, REQUEST); // with the access token from the connect: no refresh yet
  }

  @AfterEach
  void close() {
    service.close();
    pool.dispose();
  }

  @Test
  void aFailedSaveOfTheRotatedTokenIsReportedAndTheNextCallRecovers() {
    StoredGrant before = store.load(USER).orElseThrow();
    clock.advance(
        Duration.ofHours(2)); // the cached access token has expired: the next call refreshes

    database.failUpdates = true;
    TokenStoreException failure =
        catchThrowableOfType(
            TokenStoreException.class, () -> service.meetings().create(USER, REQUEST));

    assertThat(failure.errorCode()).contains(InstrumentedDataSource.FAILURE_STATE);
    assertThat(failure).hasMessageContaining("save").hasMessageContaining("teams_tokens");
    assertThat(database.failedUpdates).hasValue(1);
    assertThat(identity.presentedRefreshTokens)
        .as("Microsoft rotated the refresh token once")
        .containsExactly("rt-1");
    assertThat(graph.tokensUsed)
        .as("the access token of the unsaved refresh was not used")
        .containsExactly("at-1");
    assertThat(store.load(USER)).as("the stored grant is as it was").contains(before);

    database.failUpdates = false;
    Meeting meeting = service.meetings().create(USER, REQUEST);

    assertThat(meeting.id()).isEqualTo("meeting-2");
    assertThat(identity.presentedRefreshTokens)
        .as("nothing was cached: the next call refreshed again with the stored, still valid token")
        .containsExactly("rt-1", "rt-1");
    assertThat(graph.tokensUsed).isEqualTo(List.of("at-1", "at-3"));
    StoredGrant after = store.load(USER).orElseThrow();
    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(after.ciphertext()).isNotEqualTo(before.ciphertext());

    // And the newly stored refresh token (rt-3) is the one the next refresh presents.
    clock.advance(Duration.ofHours(2));
    service.meetings().create(USER, REQUEST);
    assertThat(identity.presentedRefreshTokens).containsExactly("rt-1", "rt-1", "rt-3");
    assertThat(database.openConnections).hasValue(0);
    assertThat(database.openStatements).hasValue(0);
  }
}
