package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.ReauthorizationRequiredException.Reason;
import io.teamsmeet.store.TokenStoreException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A disconnect or a reconnect on one instance takes effect on another within {@code
 * grantCheckInterval}, measured on the builder's clock: two services share one store, keys,
 * identity platform and Graph, as two application instances share a database.
 */
class GrantCheckTest {

  private static final MeetingRequest REQUEST =
      MeetingRequest.of("Sync", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(30));
  private static final Duration INTERVAL = Duration.ofSeconds(30);

  private final Fixture f = new Fixture();
  private final TeamsMeetings a = f.service;
  private final TeamsMeetings b = f.builder(f.store, f.keys).build();

  @AfterEach
  void close() {
    b.close();
    f.close();
  }

  private String ownerOf(Meeting meeting) {
    return f.graph.owners.get(meeting.id());
  }

  @Test
  void aDisconnectOnOneInstanceStopsTheOtherWithinTheInterval() {
    f.connect(a, "user-1", "ana@contoso.com");
    assertThat(ownerOf(b.meetings().create("user-1", REQUEST)))
        .isEqualTo("ana@contoso.com"); // b caches

    a.disconnect("user-1");
    f.clock.advance(INTERVAL);
    int graphCalls = f.graph.calls.get();

    assertThatThrownBy(() -> b.meetings().create("user-1", REQUEST))
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CONNECTED));
    assertThat(f.graph.calls).as("the cached token was not used").hasValue(graphCalls);
    assertThatThrownBy(() -> b.meetings().create("user-1", REQUEST))
        .isInstanceOf(ReauthorizationRequiredException.class);
  }

  @Test
  void withinTheIntervalTheCachedTokenIsStillUsedAsDocumented() {
    f.connect(a, "user-1", "ana@contoso.com");
    b.meetings().create("user-1", REQUEST);
    int loads = f.store.loads.get();

    a.disconnect("user-1");
    f.clock.advance(INTERVAL.minusSeconds(1));

    assertThat(ownerOf(b.meetings().create("user-1", REQUEST))).isEqualTo("ana@contoso.com");
    // a's disconnect read the store once; b read nothing
    assertThat(f.store.loads.get() - loads).isEqualTo(1);
  }

  @Test
  void aReconnectAsAnotherAccountMovesTheOtherInstanceToTheNewAccount() {
    f.connect(a, "user-1", "ana@contoso.com");
    assertThat(ownerOf(b.meetings().create("user-1", REQUEST))).isEqualTo("ana@contoso.com");

    f.connect(a, "user-1", "bo@contoso.com");
    f.clock.advance(INTERVAL);

    assertThat(ownerOf(b.meetings().create("user-1", REQUEST))).isEqualTo("bo@contoso.com");
    assertThat(ownerOf(b.meetings().create("user-1", REQUEST))).isEqualTo("bo@contoso.com");
    assertThat(f.identity.refreshesByAccount.get("bo@contoso.com"))
        .as("b refreshed once from the new grant")
        .hasValue(1);
  }

  @Test
  void aRefreshOrResealElsewhereKeepsTheSameConnectionAndCostsNoRefresh() {
    f.connect(a, "user-1", "ana@contoso.com");
    b.meetings().create("user-1", REQUEST);
    int refreshes = f.identity.refreshes.get();

    assertThat(a.reseal("user-1")).isTrue(); // a new version, the same connection
    f.clock.advance(INTERVAL);
    b.meetings().create("user-1", REQUEST);
    f.clock.advance(INTERVAL);
    b.meetings().create("user-1", REQUEST);

    assertThat(f.identity.refreshes).hasValue(refreshes);
  }

  @Test
  void theCheckCostsOneStoreReadPerUserAndInterval() {
    f.connect(a, "user-1", "ana@contoso.com");
    b.meetings().create("user-1", REQUEST);
    int loads = f.store.loads.get();

    for (int i = 0; i < 50; i++) {
      b.meetings().create("user-1", REQUEST);
    }
    assertThat(f.store.loads.get() - loads).isZero();
    f.clock.advance(INTERVAL);
    for (int i = 0; i < 50; i++) {
      b.meetings().create("user-1", REQUEST);
    }
    assertThat(f.store.loads.get() - loads).isEqualTo(1);
  }

  @Test
  void whenTheStoreCannotBeReadTheTokenIsNotUsedUnconfirmedAndNothingIsLost() {
    f.connect(a, "user-1", "ana@contoso.com");
    b.meetings().create("user-1", REQUEST);
    f.clock.advance(INTERVAL);
    f.store.loadFailures.add(TokenStoreException.of("database unavailable", "08006", null));
    int graphCalls = f.graph.calls.get();

    assertThatThrownBy(() -> b.meetings().create("user-1", REQUEST))
        .isInstanceOf(TokenStoreException.class);
    assertThat(f.graph.calls).hasValue(graphCalls);
    assertThat(f.store.rows).containsKey("user-1");

    assertThat(ownerOf(b.meetings().create("user-1", REQUEST))).isEqualTo("ana@contoso.com");
  }

  @Test
  void aZeroIntervalChecksEveryCall() {
    TeamsMeetings strict = f.builder(f.store, f.keys).grantCheckInterval(Duration.ZERO).build();
    try {
      f.connect(a, "user-1", "ana@contoso.com");
      strict.meetings().create("user-1", REQUEST);
      a.disconnect("user-1");

      assertThatThrownBy(() -> strict.meetings().create("user-1", REQUEST))
          .isInstanceOf(ReauthorizationRequiredException.class);
    } finally {
      strict.close();
    }
  }
}
