package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.zaxxer.hikari.HikariDataSource;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances, each with its own connection pool, on one PostgreSQL database and one
 * fake Microsoft: a disconnect or a reconnect on instance A takes effect on instance B within the
 * grant check interval (30 s by default), measured on the builder's clock (the fake's).
 */
class RevocationAcrossInstancesTest {

  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  private static final MeetingRequest REQUEST =
      MeetingRequest.of("Standup", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(15));

  private static Rig rig;
  private static HikariDataSource poolA;
  private static HikariDataSource poolB;

  private TeamsMeetings a;
  private TeamsMeetings b;

  @BeforeAll
  static void start() {
    rig = Rig.start();
    poolA = Postgres.pool("revocation-a", 2);
    poolB = Postgres.pool("revocation-b", 2);
  }

  @AfterAll
  static void stop() {
    poolA.close();
    poolB.close();
    rig.close();
  }

  @BeforeEach
  void instances() {
    String table = "revocation_" + System.nanoTime();
    TokenStore storeA =
        JdbcTokenStore.builder(poolA).tableName(table).createTableIfMissing(true).build();
    TokenStore storeB = JdbcTokenStore.builder(poolB).tableName(table).build();
    KeysetHandle keys = Rig.newKeys();
    // the default grantCheckInterval: the bound SECURITY.md states
    a = rig.sdk(storeA, keys).build();
    b = rig.sdk(storeB, keys).build();
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
    rig.reset();
  }

  private static long creates() {
    return rig.fake.journal().graphCalls("POST").size();
  }

  @Test
  void aDisconnectOnOneInstanceStopsTheOtherWithinThirtySeconds() {
    rig.connect(a, "user-1", Rig.ANA);
    b.meetings().create("user-1", REQUEST); // b now holds a cached access token for Ana

    a.disconnect("user-1");
    rig.fake.advanceClock(DEFAULT_INTERVAL);
    long before = creates();

    assertThatThrownBy(() -> b.meetings().create("user-1", REQUEST))
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(ReauthorizationRequiredException.Reason.NOT_CONNECTED));
    assertThat(creates()).as("b did not use its cached token").isEqualTo(before);
    assertThat(rig.fake.meetings("ana@contoso.com")).hasSize(1);
  }

  @Test
  void aReconnectAsAnotherAccountOnOneInstanceMovesTheOtherWithinThirtySeconds() {
    rig.connect(a, "user-1", Rig.ANA);
    b.meetings().create("user-1", REQUEST);

    rig.connect(a, "user-1", Rig.BOB);
    rig.fake.advanceClock(DEFAULT_INTERVAL);
    Meeting meeting = b.meetings().create("user-1", REQUEST);

    assertThat(rig.fake.meetings("bob@contoso.com"))
        .extracting(Meeting::id)
        .containsExactly(meeting.id());
    assertThat(rig.fake.meetings("ana@contoso.com")).hasSize(1);
    assertThat(b.status("user-1").connection().orElseThrow().accountName())
        .contains("bob@contoso.com");
  }

  @Test
  void refreshesOnOneInstanceDoNotMakeTheOtherRefresh() {
    rig.connect(a, "user-1", Rig.ANA);
    b.meetings().create("user-1", REQUEST);
    int refreshes = rig.fake.refreshCount();

    for (int i = 0; i < 3; i++) {
      a.reseal("user-1"); // a new version of the same connection, as a refresh on A writes
      rig.fake.advanceClock(DEFAULT_INTERVAL);
      b.meetings().create("user-1", REQUEST);
    }

    assertThat(rig.fake.refreshCount()).isEqualTo(refreshes);
  }
}
