package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.store.StoredGrant;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreeStepFlowTest {

  private final Fixture f = new Fixture();
  private final Instant start = Instant.parse("2026-12-01T10:00:00Z");

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void beginConnectPutsASealedStateAndAnS256ChallengeIntoTheUrl() {
    URI url = f.service.beginConnect("user-1");

    Map<String, String> q = FakeIdentity.query(url);
    assertThat(q.get("code_challenge_method")).isEqualTo("S256");
    assertThat(q.get("code_challenge")).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(q.get("state")).doesNotContain("user-1").hasSizeGreaterThan(100);
    assertThat(q.get("scope")).contains("OnlineMeetings.ReadWrite");
    // Two calls never share a state or challenge.
    assertThat(FakeIdentity.query(f.service.beginConnect("user-1")).get("code_challenge"))
        .isNotEqualTo(q.get("code_challenge"));
  }

  @Test
  void theThreeStepsConnectAndCreateAMeetingWithOneRoundTripEach() {
    Connection connection = f.connect("user-1", "ana@contoso.com");

    assertThat(connection.userId()).isEqualTo("user-1");
    assertThat(connection.tenantId()).contains("tenant-1");
    assertThat(connection.accountName()).contains("ana@contoso.com");
    assertThat(connection.scopes()).contains("OnlineMeetings.ReadWrite");
    assertThat(f.identity.exchanges).hasValue(1);

    Meeting meeting =
        f.service
            .meetings()
            .create("user-1", MeetingRequest.of("Design review", start, Duration.ofMinutes(30)));

    assertThat(meeting.joinUrl().toString())
        .startsWith("https://teams.microsoft.com/l/meetup-join/");
    assertThat(meeting.subject()).contains("Design review");
    assertThat(meeting.start()).contains(start);
    assertThat(meeting.end()).contains(start.plus(Duration.ofMinutes(30)));
    assertThat(meeting.passcode()).isPresent();
    assertThat(meeting.joinMeetingId()).isPresent();
    assertThat(meeting.dialIn()).isPresent();
    assertThat(f.graph.owners.get(meeting.id())).isEqualTo("ana@contoso.com");
    // The token from the code exchange served the meeting: no refresh round trip.
    assertThat(f.identity.refreshes).hasValue(0);
  }

  @Test
  void theStoreReceivesOnlyCiphertextNeverTheRefreshToken() {
    f.connect("user-1", "ana@contoso.com");
    f.expireAccessTokens();
    f.service
        .meetings()
        .create("user-1", MeetingRequest.of("After refresh", start, Duration.ofMinutes(30)));

    assertThat(f.store.received).hasSize(2);
    for (String refreshToken : f.identity.refreshTokens.keySet()) {
      for (byte[] ciphertext : f.store.received) {
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1))
            .doesNotContain(refreshToken)
            .doesNotContain("ana@contoso.com");
      }
    }
  }

  @Test
  void anExpiredAccessTokenIsRefreshedOnceAndTheRotatedRefreshTokenStoredFirst() {
    f.connect("user-1", "ana@contoso.com");
    long versionBefore = f.store.rows.get("user-1").version();
    f.expireAccessTokens();

    f.service.meetings().create("user-1", MeetingRequest.of("One", start, Duration.ofMinutes(30)));
    f.service.meetings().create("user-1", MeetingRequest.of("Two", start, Duration.ofMinutes(30)));

    assertThat(f.identity.refreshes).hasValue(1);
    StoredGrant after = f.store.rows.get("user-1");
    assertThat(after.version()).isEqualTo(versionBefore + 1);
    assertThat(f.graph.tokensSeen).hasSize(2);
    assertThat(Set.copyOf(f.graph.tokensSeen))
        .as("both meetings used the one refreshed token")
        .hasSize(1);
  }

  @Test
  void getUpdateAndDeleteActOnTheUsersMeeting() {
    f.connect("user-1", "ana@contoso.com");
    Meeting created =
        f.service
            .meetings()
            .create("user-1", MeetingRequest.of("Planning", start, Duration.ofMinutes(30)));

    assertThat(f.service.meetings().get("user-1", created.id())).isEqualTo(created);
    Meeting updated =
        f.service
            .meetings()
            .update(
                "user-1",
                created.id(),
                MeetingUpdate.builder().subject("Planning (moved)").build());
    assertThat(updated.subject()).contains("Planning (moved)");
    f.service.meetings().delete("user-1", created.id());
    assertThatThrownBy(() -> f.service.meetings().get("user-1", created.id()))
        .isInstanceOf(MeetingNotFoundException.class);
  }

  @Test
  void anExternalIdMakesCreationIdempotentAndAppliesIgnoredSettingsByUpdate() {
    f.connect("user-1", "ana@contoso.com");
    MeetingRequest request =
        MeetingRequest.builder()
            .subject("Interview")
            .start(start)
            .duration(Duration.ofMinutes(45))
            .externalId("interview-8841")
            .lobbyBypass(io.teamsmeet.LobbyBypass.of(io.teamsmeet.LobbyBypass.Scope.ORGANIZATION))
            .build();

    Meeting first = f.service.meetings().create("user-1", request);
    Meeting second = f.service.meetings().create("user-1", request);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(f.graph.meetings).hasSize(1);
    assertThat(first.passcode()).as("create-or-get cannot return a passcode").isEmpty();
  }

  @Test
  void statusAndDisconnectReflectTheStoredGrant() {
    assertThat(f.service.status("user-1").state()).isEqualTo(ConnectionStatus.State.NOT_CONNECTED);
    f.connect("user-1", "ana@contoso.com");
    ConnectionStatus status = f.service.status("user-1");
    assertThat(status.isConnected()).isTrue();
    assertThat(status.connection().orElseThrow().accountName()).contains("ana@contoso.com");

    f.service.disconnect("user-1");
    f.service.disconnect("user-1"); // idempotent

    assertThat(f.service.status("user-1").state()).isEqualTo(ConnectionStatus.State.NOT_CONNECTED);
    assertThat(f.store.rows).isEmpty();
    assertThatThrownBy(
            () ->
                f.service
                    .meetings()
                    .create("user-1", MeetingRequest.of("x", start, Duration.ofMinutes(5))))
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> {
              assertThat(e.reason())
                  .isEqualTo(ReauthorizationRequiredException.Reason.NOT_CONNECTED);
              assertThat(e.userId()).contains("user-1");
            });
  }

  @Test
  void reconnectingReplacesTheGrantAndItsCachedToken() {
    f.connect("user-1", "ana@contoso.com");
    f.connect("user-1", "bo@contoso.com");

    Meeting meeting =
        f.service.meetings().create("user-1", MeetingRequest.of("x", start, Duration.ofMinutes(5)));

    assertThat(f.graph.owners.get(meeting.id())).isEqualTo("bo@contoso.com");
    assertThat(f.service.status("user-1").connection().orElseThrow().accountName())
        .contains("bo@contoso.com");
  }

  @Test
  void usersAreIsolated() {
    f.connect("user-1", "ana@contoso.com");
    f.connect("user-2", "bo@contoso.com");

    Meeting a =
        f.service.meetings().create("user-1", MeetingRequest.of("a", start, Duration.ofMinutes(5)));
    Meeting b =
        f.service.meetings().create("user-2", MeetingRequest.of("b", start, Duration.ofMinutes(5)));

    assertThat(f.graph.owners.get(a.id())).isEqualTo("ana@contoso.com");
    assertThat(f.graph.owners.get(b.id())).isEqualTo("bo@contoso.com");
    assertThatThrownBy(() -> f.service.meetings().get("user-2", a.id()))
        .isInstanceOf(MeetingNotFoundException.class);
  }

  @Test
  void badInputFailsFastNamingTheField() {
    assertThatThrownBy(() -> f.service.beginConnect(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
    assertThatThrownBy(() -> f.service.meetings().create("user-1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request");
    assertThatThrownBy(() -> f.service.meetings().get("user-1", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meetingId");
    assertThatThrownBy(
            () -> f.service.meetings().update("user-1", "m", MeetingUpdate.builder().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("update");
  }
}
