package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.feign.Transport;
import io.teamsmeet.testkit.RecordedRequest;
import io.teamsmeet.testkit.RetryAfter;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A meeting is found again by the join meeting id people type into Teams and by its join URL,
 * through the public entry point and the fake's real HTTP, on either transport: the fake reads the
 * {@code $filter} as Graph does (the query decoded once, the join URL compared as text), so an
 * encoding mistake of the adapter finds nothing here.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"jdk", "okhttp"})
class FindMeetingTest {

  private static final String USER = "app-user-find";
  private static final MeetingRequest REQUEST =
      MeetingRequest.of("Find me", Instant.parse("2031-05-05T09:00:00Z"), Duration.ofMinutes(30));

  private static Rig rig;

  @Parameter String transport;

  private TeamsMeetings teams;

  @BeforeAll
  static void startFake() {
    rig = Rig.start();
  }

  @AfterAll
  static void stopFake() {
    rig.close();
  }

  @BeforeEach
  void connectAna() {
    teams =
        rig.sdk(new InMemoryTokenStore(), Rig.newKeys())
            .transport(transport.equals("okhttp") ? Transport.okHttp() : Transport.jdk())
            .retryPolicy(Rig.fastRetries())
            .build();
    rig.connect(teams, USER, Rig.ANA);
  }

  @AfterEach
  void cleanUp() {
    teams.close();
    rig.reset();
  }

  @Test
  void theJoinMeetingIdAndTheJoinUrlFindTheMeetingCreated() {
    Meeting created = teams.meetings().create(USER, REQUEST);
    teams.meetings().create(USER, MeetingRequest.of("Another one"));

    assertThat(teams.meetings().findByJoinMeetingId(USER, created.joinMeetingId().orElseThrow()))
        .contains(created);
    assertThat(teams.meetings().findByJoinWebUrl(USER, created.joinUrl().toString()))
        .contains(created);
    assertThat(rig.fake.journal().graphCalls("GET"))
        .extracting(RecordedRequest::status)
        .containsExactly(200, 200);
  }

  @Test
  void nothingFoundIsEmptyAndAnotherUsersMeetingIsNotFound() {
    Meeting anas = teams.meetings().create(USER, REQUEST);
    try (TeamsMeetings other = rig.sdk(new InMemoryTokenStore(), Rig.newKeys()).build()) {
      rig.connect(other, "app-user-bob", Rig.BOB);

      assertThat(
              other
                  .meetings()
                  .findByJoinMeetingId("app-user-bob", anas.joinMeetingId().orElseThrow()))
          .isEmpty();
      assertThat(other.meetings().findByJoinWebUrl("app-user-bob", anas.joinUrl().toString()))
          .isEmpty();
    }
    assertThat(teams.meetings().findByJoinMeetingId(USER, "999999999999999")).isEmpty();
  }

  @Test
  void anExpiredTokenIsRefreshedAndAThrottledLookupRetried() {
    Meeting created = teams.meetings().create(USER, REQUEST);
    rig.fake.expireAccessTokens(Rig.ANA.userPrincipalName());
    rig.fake.graph().throttleNext(1, RetryAfter.seconds(1));

    assertThat(teams.meetings().findByJoinMeetingId(USER, created.joinMeetingId().orElseThrow()))
        .contains(created);
    assertThat(rig.fake.refreshCount()).isEqualTo(1);
  }
}
