package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MeetingService#findByJoinMeetingId} and {@link MeetingService#findByJoinWebUrl}: the
 * user's own meetings only, empty when there is none, tokens refreshed and calls retried like
 * {@code get}, bad input refused before anything is sent.
 */
class MeetingLookupTest {

  private final Fixture f = new Fixture();
  private final MeetingRequest request =
      MeetingRequest.of(
          "Design review", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(30));
  private Meeting anas;

  @BeforeEach
  void connectAnaWithOneMeeting() {
    f.connect("user-1", "ana@contoso.com");
    anas = f.service.meetings().create("user-1", request);
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void theJoinMeetingIdAndTheJoinUrlFindTheUsersMeeting() {
    String joinMeetingId = anas.joinMeetingId().orElseThrow();

    assertThat(f.service.meetings().findByJoinMeetingId("user-1", joinMeetingId)).contains(anas);
    assertThat(f.service.meetings().findByJoinWebUrl("user-1", anas.joinUrl().toString()))
        .contains(anas);
    assertThat(f.graph.lookups).containsExactly(joinMeetingId, anas.joinUrl().toString());
  }

  @Test
  void noSuchMeetingIsEmptyNotAnError() {
    assertThat(f.service.meetings().findByJoinMeetingId("user-1", "999999999999")).isEmpty();
    assertThat(
            f.service
                .meetings()
                .findByJoinWebUrl("user-1", "https://teams.microsoft.com/l/meetup-join/none"))
        .isEmpty();
  }

  @Test
  void anotherUsersMeetingIsNotFound() {
    f.connect("user-2", "bob@contoso.com");
    Meeting bobs = f.service.meetings().create("user-2", request);

    assertThat(
            f.service.meetings().findByJoinMeetingId("user-1", bobs.joinMeetingId().orElseThrow()))
        .isEmpty();
    assertThat(f.service.meetings().findByJoinWebUrl("user-1", bobs.joinUrl().toString()))
        .isEmpty();
    assertThat(
            f.service.meetings().findByJoinMeetingId("user-2", bobs.joinMeetingId().orElseThrow()))
        .contains(bobs);
  }

  @Test
  void aRejectedTokenIsRefreshedOnceAndTheLookupRetried() {
    f.graph.rejectedTokens.add(f.graph.tokensSeen.get(0));

    Optional<Meeting> found =
        f.service.meetings().findByJoinMeetingId("user-1", anas.joinMeetingId().orElseThrow());

    assertThat(found).contains(anas);
    assertThat(f.identity.refreshes).hasValue(1);
    assertThat(f.graph.lookups).hasSize(2);
  }

  @Test
  void aThrottledLookupIsRetriedAfterTheRetryAfter() {
    f.graph.failures.add(
        ThrottledException.of(
            Duration.ofSeconds(3), ErrorDetails.builder().status(429).requestId("r-429").build()));

    Optional<Meeting> found =
        f.service.meetings().findByJoinWebUrl("user-1", anas.joinUrl().toString());

    assertThat(found).contains(anas);
    assertThat(f.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void aUserWhoIsNotConnectedMustReconnect() {
    assertThatThrownBy(() -> f.service.meetings().findByJoinMeetingId("nobody", "123456789012"))
        .isInstanceOf(ReauthorizationRequiredException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "123 456 789 012",
        " 123456789012",
        "12345678901a",
        "+123456789012",
        "-1",
        "١٢٣٤٥٦", // Arabic-Indic digits: Character.isDigit, but not what Graph issues
        "１２３", // fullwidth digits
      })
  void aJoinMeetingIdOfAnythingButAsciiDigitsIsRefusedNamingIt(String bad) {
    int calls = f.graph.calls.get();

    assertThatThrownBy(() -> f.service.meetings().findByJoinMeetingId("user-1", bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("joinMeetingId must");
    assertThat(f.graph.calls.get()).isEqualTo(calls);
  }

  @Test
  void aJoinMeetingIdIsNotNullAndNotAbsurdlyLong() {
    assertThatThrownBy(() -> f.service.meetings().findByJoinMeetingId("user-1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("joinMeetingId must not be null or empty");
    assertThatThrownBy(() -> f.service.meetings().findByJoinMeetingId("user-1", "1".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("joinMeetingId must be at most 64 digits, was 65 characters");
    assertThat(f.service.meetings().findByJoinMeetingId("user-1", "1".repeat(64))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "teams.microsoft.com/l/meetup-join/x",
        "http://teams.microsoft.com/l/meetup-join/x",
        "ftp://teams.microsoft.com/x",
        "https://teams.microsoft.com/l/meetup join/x",
        "https://teams.microsoft.com/l/meetup-join/x\n",
        "https://teams.microsoft.com/l/meetup-join/x\u0085",
        "https://teams.microsoft.com/l/meetup-join/\u202Ex",
      })
  void aJoinWebUrlThatIsNotAnHttpsUrlWithoutWhitespaceIsRefusedNamingIt(String bad) {
    int calls = f.graph.calls.get();

    assertThatThrownBy(() -> f.service.meetings().findByJoinWebUrl("user-1", bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("joinWebUrl must");
    assertThat(f.graph.calls.get()).isEqualTo(calls);
  }

  @Test
  void theUserIdIsCheckedFirst() {
    assertThatThrownBy(() -> f.service.meetings().findByJoinMeetingId(" ", "123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("userId");
    assertThatThrownBy(() -> f.service.meetings().findByJoinWebUrl(null, "https://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("userId");
  }
}
