package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.ReauthorizationRequiredException.Reason;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Single flight, isolation between users, and refreshes racing disconnect and reconnect. */
class ConcurrencyTest {

  private final Fixture f = new Fixture();
  private final ExecutorService pool = Executors.newFixedThreadPool(70);
  private final MeetingRequest request =
      MeetingRequest.of("Sync", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(30));

  @AfterEach
  void close() {
    pool.shutdownNow();
    f.close();
  }

  @RepeatedTest(5)
  void sixtyFourCallersOfOneUserShareOneRefreshWhileAnotherUserIsNotBlocked() throws Exception {
    f.connect("user-1", "ana@contoso.com");
    f.connect("user-2", "bo@contoso.com");
    f.expireAccessTokens();
    f.identity.gatedAccount = "ana@contoso.com";
    f.identity.refreshEntered = new CountDownLatch(1);
    f.identity.refreshGate = new CountDownLatch(1);

    CountDownLatch go = new CountDownLatch(1);
    List<Future<Meeting>> calls = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      calls.add(
          pool.submit(
              () -> {
                go.await();
                return f.service.meetings().create("user-1", request);
              }));
    }
    go.countDown();
    assertThat(f.identity.refreshEntered.await(10, TimeUnit.SECONDS)).isTrue();

    // While user-1's refresh hangs at the token endpoint, user-2 refreshes and creates a meeting.
    Meeting other =
        CompletableFuture.supplyAsync(() -> f.service.meetings().create("user-2", request), pool)
            .get(20, TimeUnit.SECONDS);
    assertThat(f.graph.owners.get(other.id())).isEqualTo("bo@contoso.com");

    f.identity.refreshGate.countDown();
    Set<String> tokensOfUser1 = ConcurrentHashMap.newKeySet();
    for (Future<Meeting> call : calls) {
      Meeting meeting = call.get(20, TimeUnit.SECONDS);
      assertThat(f.graph.owners.get(meeting.id())).isEqualTo("ana@contoso.com");
    }
    f.graph.tokensSeen.stream()
        .filter(t -> "ana@contoso.com".equals(f.identity.accessTokens.get(t)))
        .forEach(tokensOfUser1::add);

    assertThat(f.identity.refreshesByAccount.get("ana@contoso.com")).hasValue(1);
    assertThat(f.identity.refreshesByAccount.get("bo@contoso.com")).hasValue(1);
    assertThat(tokensOfUser1).as("all 64 calls used the one refreshed token").hasSize(1);
  }

  @RepeatedTest(3)
  void aRefreshRacingADisconnectDoesNotResurrectTheGrant() throws Exception {
    f.connect("user-1", "ana@contoso.com");
    f.expireAccessTokens();
    f.identity.refreshEntered = new CountDownLatch(1);
    f.identity.refreshGate = new CountDownLatch(1);

    Future<Meeting> racing = pool.submit(() -> f.service.meetings().create("user-1", request));
    assertThat(f.identity.refreshEntered.await(10, TimeUnit.SECONDS)).isTrue();
    f.service.disconnect("user-1");
    f.identity.refreshGate.countDown();

    assertThatThrownBy(() -> racing.get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CONNECTED));
    assertThat(f.store.rows).isEmpty();
    assertThatThrownBy(() -> f.service.meetings().create("user-1", request))
        .isInstanceOf(ReauthorizationRequiredException.class);
  }

  @RepeatedTest(3)
  void aDisconnectBetweenTheRefreshSaveAndItsUseLeavesNoUsableToken() throws Exception {
    f.connect("user-1", "ana@contoso.com");
    f.expireAccessTokens();
    CountDownLatch saved = new CountDownLatch(1);
    CountDownLatch disconnected = new CountDownLatch(1);
    f.store.afterSave =
        () -> {
          f.store.afterSave = () -> {};
          saved.countDown();
          try {
            disconnected.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };

    Future<Meeting> racing = pool.submit(() -> f.service.meetings().create("user-1", request));
    assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
    f.service.disconnect("user-1");
    disconnected.countDown();

    assertThatThrownBy(() -> racing.get(20, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ReauthorizationRequiredException.class);
    assertThat(f.store.rows).isEmpty();
    assertThatThrownBy(() -> f.service.meetings().create("user-1", request))
        .isInstanceOf(ReauthorizationRequiredException.class);
  }

  @RepeatedTest(3)
  void aRefreshRacingAReconnectDoesNotOverwriteTheNewGrant() throws Exception {
    f.connect("user-1", "ana@contoso.com");
    f.expireAccessTokens();
    f.identity.gatedAccount = "ana@contoso.com";
    f.identity.refreshEntered = new CountDownLatch(1);
    f.identity.refreshGate = new CountDownLatch(1);

    Future<Meeting> racing = pool.submit(() -> f.service.meetings().create("user-1", request));
    assertThat(f.identity.refreshEntered.await(10, TimeUnit.SECONDS)).isTrue();
    f.connect("user-1", "bo@contoso.com");
    f.identity.refreshGate.countDown();

    Meeting meeting = racing.get(20, TimeUnit.SECONDS);
    assertThat(f.graph.owners.get(meeting.id()))
        .as("the racing call acts for the account connected now")
        .isEqualTo("bo@contoso.com");
    assertThat(f.service.status("user-1").connection().orElseThrow().accountName())
        .contains("bo@contoso.com");
    Meeting next = f.service.meetings().create("user-1", request);
    assertThat(f.graph.owners.get(next.id())).isEqualTo("bo@contoso.com");
  }

  @RepeatedTest(3)
  void twoInstancesSharingAStoreLoseNoUpdateWhenTheyRefreshAtOnce() throws Exception {
    try (TeamsMeetings second = f.builder(f.store, f.keys).build()) {
      f.connect("user-1", "ana@contoso.com");
      long versionBefore = f.store.rows.get("user-1").version();
      f.expireAccessTokens();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Meeting>> calls = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        TeamsMeetings on = i % 2 == 0 ? f.service : second;
        calls.add(
            pool.submit(
                () -> {
                  go.await();
                  return on.meetings().create("user-1", request);
                }));
      }
      go.countDown();
      for (Future<Meeting> call : calls) {
        assertThat(call.get(20, TimeUnit.SECONDS).joinUrl()).isNotNull();
      }
      int refreshes = f.identity.refreshes.get();
      assertThat(refreshes).isBetween(2, 2 + 3); // one per instance, plus a re-read on a lost race
      // Every successful refresh was stored exactly once: the version counts them.
      assertThat(f.store.rows.get("user-1").version() - versionBefore)
          .isEqualTo(f.store.successfulSaves.get() - 1);
      assertThat(f.service.status("user-1").isConnected()).isTrue();
    }
  }

  // The fences that order refreshes after connects and disconnects, and the used states, are
  // created at an instance's first connect or disconnect (first callback): the races below happen
  // on an instance that has had neither yet, as after a cold start.

  @RepeatedTest(3)
  void onAFreshInstanceADisconnectBetweenARefreshSaveAndItsUseLeavesNoUsableToken()
      throws Exception {
    try (TeamsMeetings fresh = f.builder(f.store, f.keys).build()) {
      f.connect("user-1", "ana@contoso.com"); // on the other instance
      f.expireAccessTokens();
      CountDownLatch saved = new CountDownLatch(1);
      CountDownLatch disconnected = new CountDownLatch(1);
      f.store.afterSave = pauseOnce(saved, disconnected);

      Future<Meeting> racing = pool.submit(() -> fresh.meetings().create("user-1", request));
      assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
      fresh.disconnect("user-1"); // the first change this instance sees
      disconnected.countDown();

      assertThatThrownBy(() -> racing.get(20, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(
              ReauthorizationRequiredException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CONNECTED));
      assertThat(f.store.rows).isEmpty();
      assertThatThrownBy(() -> fresh.meetings().create("user-1", request))
          .isInstanceOf(ReauthorizationRequiredException.class);
    }
  }

  @RepeatedTest(3)
  void onAFreshInstanceAConnectBetweenARefreshSaveAndItsUseWins() throws Exception {
    try (TeamsMeetings fresh = f.builder(f.store, f.keys).build()) {
      f.connect("user-1", "ana@contoso.com"); // on the other instance
      f.expireAccessTokens();
      CountDownLatch saved = new CountDownLatch(1);
      CountDownLatch reconnected = new CountDownLatch(1);
      f.store.afterSave = pauseOnce(saved, reconnected);

      Future<Meeting> racing = pool.submit(() -> fresh.meetings().create("user-1", request));
      assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
      f.connect(fresh, "user-1", "bo@contoso.com"); // the first change this instance sees
      reconnected.countDown();

      Meeting meeting = racing.get(20, TimeUnit.SECONDS);
      assertThat(f.graph.owners.get(meeting.id()))
          .as("the refresh that began before the connect did not install its token after it")
          .isEqualTo("bo@contoso.com");
      assertThat(f.graph.owners.get(fresh.meetings().create("user-1", request).id()))
          .isEqualTo("bo@contoso.com");
    }
  }

  @RepeatedTest(5)
  void onAFreshInstanceOneCallbackCompletedTwiceAtOnceConnectsOnce() throws Exception {
    try (Fixture first = new Fixture()) {
      URI callback =
          first.identity.consent(first.service.beginConnect("user-1"), "ana@contoso.com");
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Connection>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(
            pool.submit(
                () -> {
                  go.await();
                  return first.service.completeConnect("user-1", callback);
                }));
      }
      go.countDown();
      int connected = 0;
      int replayed = 0;
      for (Future<Connection> call : calls) {
        try {
          call.get(20, TimeUnit.SECONDS);
          connected++;
        } catch (ExecutionException e) {
          assertThat(e.getCause())
              .isInstanceOfSatisfying(
                  InvalidAuthorizationResponseException.class,
                  r ->
                      assertThat(r.reason())
                          .isEqualTo(InvalidAuthorizationResponseException.Reason.STATE_REPLAYED));
          replayed++;
        }
      }
      assertThat(connected).isEqualTo(1);
      assertThat(replayed).isEqualTo(7);
      assertThat(first.identity.exchanges).hasValue(1);
    }
  }

  /** A hook that, the first time it runs, signals {@code reached} and waits for {@code go}. */
  private Runnable pauseOnce(CountDownLatch reached, CountDownLatch go) {
    return () -> {
      f.store.afterSave = () -> {};
      reached.countDown();
      try {
        go.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  @Test
  void manyUsersInParallelEachGetTheirOwnMeetings() throws Exception {
    for (int u = 0; u < 20; u++) {
      f.connect("user-" + u, "person" + u + "@contoso.com");
    }
    f.expireAccessTokens();
    List<Future<Meeting>> calls = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int u = i % 20;
      calls.add(pool.submit(() -> f.service.meetings().create("user-" + u, request)));
    }
    for (int i = 0; i < calls.size(); i++) {
      Meeting meeting = calls.get(i).get(20, TimeUnit.SECONDS);
      assertThat(f.graph.owners.get(meeting.id())).isEqualTo("person" + (i % 20) + "@contoso.com");
    }
    assertThat(f.identity.refreshes).hasValue(20);
  }
}
