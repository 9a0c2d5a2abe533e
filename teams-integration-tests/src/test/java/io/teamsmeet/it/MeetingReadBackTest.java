package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.AllowedPresenters;
import io.teamsmeet.Attendee;
import io.teamsmeet.LobbyBypass;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.MeetingUpdate;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.feign.Transport;
import io.teamsmeet.testkit.RecordedRequest;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What is set on a meeting comes back on it, through the public entry point and the fake's real
 * HTTP, on either transport: lobby bypass, allowed presenters, attendees with their roles and the
 * passcode setting, at create, create-or-get and update. And a meeting made from a subject alone
 * sends no times and gets the fake's (Graph's documented createOrGet rule: now, one hour).
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"jdk", "okhttp"})
class MeetingReadBackTest {

  private static final String USER = "app-user-readback";
  private static final Instant START = Instant.parse("2031-04-04T09:00:00Z");
  private static final List<Attendee> ATTENDEES =
      List.of(
          new Attendee("bob@contoso.com", Attendee.Role.PRESENTER),
          new Attendee("guest@fabrikam.com", Attendee.Role.ATTENDEE),
          new Attendee("cy@contoso.com", Attendee.Role.COORGANIZER));

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
            .build();
    rig.connect(teams, USER, Rig.ANA);
  }

  @AfterEach
  void cleanUp() {
    teams.close();
    rig.reset();
  }

  private static MeetingRequest.Builder withSettings(String subject) {
    MeetingRequest.Builder request =
        MeetingRequest.builder()
            .subject(subject)
            .start(START)
            .duration(Duration.ofMinutes(45))
            // INVITED is one of the scopes Graph hides without Prefer: include-unknown-enum-members
            .lobbyBypass(new LobbyBypass(LobbyBypass.Scope.INVITED, true))
            .allowedPresenters(AllowedPresenters.ROLE_IS_PRESENTER);
    ATTENDEES.forEach(request::attendee);
    return request;
  }

  private Meeting theFakesOnlyMeeting() {
    return rig.fake.meetings(Rig.ANA.userPrincipalName()).get(0);
  }

  @Test
  void whatWasSetAtCreateIsReadBack() {
    Meeting created = teams.meetings().create(USER, withSettings("Read back").build());
    Meeting got = teams.meetings().get(USER, created.id());

    assertThat(got.lobbyBypass()).contains(new LobbyBypass(LobbyBypass.Scope.INVITED, true));
    assertThat(got.allowedPresenters()).contains(AllowedPresenters.ROLE_IS_PRESENTER);
    assertThat(got.attendees()).isEqualTo(ATTENDEES);
    assertThat(got.passcodeRequired()).contains(true);
    assertThat(got.passcode()).isPresent();
    assertThat(got.start()).contains(START);
    assertThat(got).isEqualTo(created);
    // the adapter's decoder and the testkit's snapshot read the same JSON alike
    assertThat(got).isEqualTo(theFakesOnlyMeeting());
  }

  @Test
  void aCreateOrGetGetsLobbyAndPresentersByTheFollowUpUpdateButNoPasscode() {
    Meeting created =
        teams.meetings().create(USER, withSettings("Idempotent").externalId("rb-1").build());
    Meeting got = teams.meetings().get(USER, created.id());

    assertThat(got.externalId()).contains("rb-1");
    assertThat(got.lobbyBypass()).contains(new LobbyBypass(LobbyBypass.Scope.INVITED, true));
    assertThat(got.allowedPresenters()).contains(AllowedPresenters.ROLE_IS_PRESENTER);
    assertThat(got.attendees()).isEqualTo(ATTENDEES);
    assertThat(got.passcodeRequired()).contains(false);
    assertThat(got.passcode()).isEmpty();
    assertThat(got).isEqualTo(created);
  }

  @Test
  void anUpdateIsReadBackAndUntouchedSettingsStay() {
    Meeting created =
        teams.meetings().create(USER, MeetingRequest.of("Plain", START, Duration.ofMinutes(30)));
    assertThat(created.lobbyBypass()).contains(LobbyBypass.of(LobbyBypass.Scope.ORGANIZATION));
    assertThat(created.allowedPresenters()).contains(AllowedPresenters.EVERYONE);
    assertThat(created.attendees()).isEmpty();

    teams
        .meetings()
        .update(
            USER,
            created.id(),
            MeetingUpdate.builder()
                .attendees(List.of(new Attendee("bob@contoso.com", Attendee.Role.PRESENTER)))
                .allowedPresenters(AllowedPresenters.ROLE_IS_PRESENTER)
                .build());
    Meeting got = teams.meetings().get(USER, created.id());

    assertThat(got.attendees())
        .containsExactly(new Attendee("bob@contoso.com", Attendee.Role.PRESENTER));
    assertThat(got.allowedPresenters()).contains(AllowedPresenters.ROLE_IS_PRESENTER);
    assertThat(got.lobbyBypass()).isEqualTo(created.lobbyBypass());
    assertThat(got.passcodeRequired()).isEqualTo(created.passcodeRequired());
    assertThat(got).isEqualTo(theFakesOnlyMeeting());
  }

  @Test
  void aSubjectAloneSendsNoTimesAndGetsNowForAnHour() {
    Instant now = rig.fake.clock().instant();

    Meeting created = teams.meetings().create(USER, MeetingRequest.of("Quick sync"));
    Meeting viaCreateOrGet =
        teams.meetings().create(USER, MeetingRequest.of("Quick sync").withExternalId("rb-2"));

    for (Meeting m : List.of(created, viaCreateOrGet)) {
      assertThat(m.subject()).contains("Quick sync");
      assertThat(m.start()).contains(now);
      assertThat(m.end()).contains(now.plus(Duration.ofHours(1)));
    }
    assertThat(created.passcodeRequired()).contains(true);
    List<RecordedRequest> posts = rig.fake.journal().graphCalls("POST");
    assertThat(posts).hasSize(2);
    assertThat(posts)
        .allSatisfy(
            p ->
                assertThat(p.body()).doesNotContain("startDateTime").doesNotContain("endDateTime"));
  }
}
