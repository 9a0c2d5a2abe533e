package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamsmeet.CalendarEvent;
import io.teamsmeet.ConfigurationException;
import io.teamsmeet.EventRequest;
import io.teamsmeet.EventUpdate;
import io.teamsmeet.Invitee;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingNotFoundException;
import io.teamsmeet.OutcomeUnknownException;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.Recurrence;
import io.teamsmeet.TeamsMeetingUnavailableException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.testkit.Invitation;
import io.teamsmeet.testkit.RecordedRequest;
import io.teamsmeet.testkit.RetryAfter;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calendar events with a Teams meeting, end to end: the SDK and its adapter against the fake. */
class CalendarEventsTest {

  static final String USER = "app-user-ana";
  static final String ANA = Rig.ANA.userPrincipalName();
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final List<String> SCOPES = List.of("OnlineMeetings.ReadWrite", "Calendars.ReadWrite");
  static final ObjectMapper JSON = new ObjectMapper();

  static Rig rig;
  static FakeMicrosoft fake;
  InMemoryTokenStore store;
  TeamsMeetings teams;

  @BeforeAll
  static void startFake() {
    rig = Rig.start();
    fake = rig.fake;
  }

  @AfterAll
  static void stopFake() {
    rig.close();
  }

  @BeforeEach
  void connect() {
    store = new InMemoryTokenStore();
    teams = rig.sdk(store, Rig.newKeys()).scopes(SCOPES).build();
    rig.connect(teams, USER, Rig.ANA);
  }

  @AfterEach
  void reset() {
    teams.close();
    rig.reset();
  }

  /** Monday 23 March 2026, 10:00 in Berlin (CET, UTC+1); Berlin moves to CEST on 29 March. */
  static ZonedDateTime beforeDst() {
    return ZonedDateTime.of(2026, 3, 23, 10, 0, 0, 0, BERLIN);
  }

  static JsonNode body(RecordedRequest r) throws Exception {
    return JSON.readTree(r.body());
  }

  static List<RecordedRequest> creates() {
    return fake.journal().graphCalls("POST").stream()
        .filter(r -> r.path().endsWith("/me/events"))
        .toList();
  }

  @Test
  void anEventWithInviteesIsCreatedReadUpdatedAndCancelled() throws Exception {
    CalendarEvent e =
        teams
            .events()
            .create(
                USER,
                EventRequest.builder("Design review", beforeDst(), Duration.ofMinutes(30))
                    .bodyHtml("<p>Agenda</p>")
                    .location("Room 4")
                    .invite(
                        Invitee.required("bob@contoso.com").named("Bob"),
                        Invitee.optional("carol@fabrikam.com"),
                        Invitee.resource("room-4@contoso.com"))
                    .reminder(Duration.ofMinutes(10))
                    .allowNewTimeProposals(false)
                    .build());

    assertThat(e.joinUrl().toString()).startsWith("https://teams.microsoft.com/l/meetup-join/");
    assertThat(e.start()).contains(Instant.parse("2026-03-23T09:00:00Z"));
    assertThat(e.zone()).isEqualTo(BERLIN);
    assertThat(e.zonedStart()).contains(beforeDst());
    assertThat(e.iCalUId()).isPresent();
    assertThat(e.webLink()).isPresent();
    assertThat(e.conferenceId()).isPresent();
    assertThat(e.dialIn().orElseThrow().tollFreeNumbers()).isNotEmpty();
    assertThat(e.invitees())
        .extracting(Invitee::address, Invitee::type)
        .containsExactly(
            tuple("bob@contoso.com", Invitee.Type.REQUIRED),
            tuple("carol@fabrikam.com", Invitee.Type.OPTIONAL),
            tuple("room-4@contoso.com", Invitee.Type.RESOURCE));

    RecordedRequest post = creates().get(0);
    JsonNode sent = body(post);
    assertThat(post.header("Prefer"))
        .hasValueSatisfying(v -> assertThat(v).contains("outlook.timezone=\"UTC\""));
    assertThat(sent.path("isOnlineMeeting").asBoolean()).isTrue();
    assertThat(sent.path("onlineMeetingProvider").asText()).isEqualTo("teamsForBusiness");
    assertThat(sent.path("start").path("dateTime").asText()).isEqualTo("2026-03-23T10:00:00");
    assertThat(sent.path("start").path("timeZone").asText()).isEqualTo("W. Europe Standard Time");
    assertThat(sent.path("transactionId").asText()).isNotBlank();
    assertThat(fake.invitations())
        .extracting(Invitation::attendee, Invitation::kind)
        .containsExactly(
            tuple("bob@contoso.com", Invitation.Kind.INVITATION),
            tuple("carol@fabrikam.com", Invitation.Kind.INVITATION),
            tuple("room-4@contoso.com", Invitation.Kind.INVITATION));

    assertThat(teams.events().get(USER, e.id()).joinUrl()).isEqualTo(e.joinUrl());

    CalendarEvent moved =
        teams
            .events()
            .update(
                USER,
                e.id(),
                EventUpdate.builder()
                    .times(beforeDst().plusDays(7), beforeDst().plusDays(7).plusMinutes(45))
                    .build());
    // a week later Berlin is on summer time: 10:00 local is 08:00 UTC
    assertThat(moved.start()).contains(Instant.parse("2026-03-30T08:00:00Z"));
    assertThat(moved.zonedStart().orElseThrow().getHour()).isEqualTo(10);

    teams.events().cancel(USER, e.id(), "Moved to next quarter");
    assertThat(fake.invitations())
        .filteredOn(i -> i.kind() == Invitation.Kind.CANCELLATION)
        .extracting(Invitation::attendee, Invitation::comment)
        .contains(tuple("bob@contoso.com", "Moved to next quarter"));
    assertThat(fake.eventCount(ANA)).isZero();
    assertThatThrownBy(() -> teams.events().get(USER, e.id()))
        .isInstanceOf(MeetingNotFoundException.class);
  }

  @Test
  void aWeeklySeriesAcrossTheDstChangeKeepsItsLocalTimeAndZone() throws Exception {
    CalendarEvent e =
        teams
            .events()
            .create(
                USER,
                EventRequest.builder("Standup", beforeDst(), Duration.ofMinutes(15))
                    .recurrence(
                        Recurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.THURSDAY)
                            .until(LocalDate.of(2026, 4, 30)))
                    .build());

    JsonNode recurrence = body(creates().get(0)).path("recurrence");
    assertThat(recurrence.path("pattern").path("type").asText()).isEqualTo("weekly");
    assertThat(recurrence.path("pattern").path("daysOfWeek").toString())
        .isEqualTo("[\"monday\",\"thursday\"]");
    assertThat(recurrence.path("range").path("type").asText()).isEqualTo("endDate");
    assertThat(recurrence.path("range").path("startDate").asText()).isEqualTo("2026-03-23");
    assertThat(recurrence.path("range").path("recurrenceTimeZone").asText())
        .isEqualTo("W. Europe Standard Time");
    assertThat(e.recurrence())
        .contains(
            Recurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.THURSDAY)
                .until(LocalDate.of(2026, 4, 30)));

    CalendarEvent daily =
        teams
            .events()
            .create(
                USER,
                EventRequest.builder("Daily", beforeDst(), Duration.ofMinutes(15))
                    .recurrence(Recurrence.daily(2).times(10))
                    .build());
    assertThat(daily.recurrence().orElseThrow().occurrences()).hasValue(10);
    CalendarEvent monthly =
        teams
            .events()
            .create(
                USER,
                EventRequest.builder("Monthly", beforeDst(), Duration.ofMinutes(15))
                    .recurrence(Recurrence.monthly(1, 23))
                    .build());
    assertThat(monthly.recurrence().orElseThrow().hasNoEnd()).isTrue();
    assertThat(monthly.recurrence().orElseThrow().dayOfMonth()).hasValue(23);
  }

  @Test
  void windowsZoneNamesInResponsesAreMapped() {
    fake.ignorePreferTimeZone(true);
    ZonedDateTime la = ZonedDateTime.of(2026, 11, 2, 9, 30, 0, 0, ZoneId.of("America/Los_Angeles"));
    CalendarEvent e =
        teams.events().create(USER, EventRequest.of("West coast", la, Duration.ofHours(1)));

    assertThat(e.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(e.start()).contains(la.toInstant());
    assertThat(fake.journal().graphCalls("POST").get(0).path()).endsWith("/me/events");
  }

  @Test
  void aCalendarThatDoesNotAllowTeamsFailsBeforeCreating() {
    fake.allowedOnlineMeetingProviders(ANA, "skypeForBusiness");

    assertThatThrownBy(
            () ->
                teams
                    .events()
                    .create(USER, EventRequest.of("x", beforeDst(), Duration.ofMinutes(30))))
        .isInstanceOfSatisfying(
            TeamsMeetingUnavailableException.class,
            e -> {
              assertThat(e.eventId()).isEmpty();
              assertThat(e.allowedProviders()).containsExactly("skypeForBusiness");
              assertThat(e.getMessage()).contains("administrator");
              assertThat(e.isRetryable()).isFalse();
            });
    assertThat(fake.eventCount(ANA)).isZero();
    assertThat(creates()).isEmpty();
  }

  @Test
  void anEventCreatedWithoutTeamsIsReportedWithItsIdAndNotDeleted() {
    fake.eventsWithoutTeams(ANA, true);

    assertThatThrownBy(
            () ->
                teams
                    .events()
                    .create(
                        USER,
                        EventRequest.builder("x", beforeDst(), Duration.ofMinutes(30))
                            .invite(Invitee.required("bob@contoso.com"))
                            .build()))
        .isInstanceOfSatisfying(
            TeamsMeetingUnavailableException.class,
            e -> {
              assertThat(e.eventId()).isPresent();
              assertThat(e.provider()).contains("unknown");
              assertThat(fake.eventCount(ANA)).isEqualTo(1);
              teams.events().cancel(USER, e.eventId().get(), "Sent without a Teams link, sorry");
            });
    assertThat(fake.eventCount(ANA)).isZero();
  }

  @Test
  void theSdksRetriesSendTheSameTransactionIdAndCreateOneEvent() throws Exception {
    teams.events().create(USER, EventRequest.of("warm-up", beforeDst(), Duration.ofMinutes(30)));
    int before = creates().size();
    fake.graph().resetNext(1);

    teams.events().create(USER, EventRequest.of("retried", beforeDst(), Duration.ofMinutes(30)));

    List<RecordedRequest> posts = creates().subList(before, creates().size());
    assertThat(posts).hasSize(2);
    assertThat(body(posts.get(0)).path("transactionId").asText())
        .isEqualTo(body(posts.get(1)).path("transactionId").asText());
    assertThat(fake.eventCount(ANA)).isEqualTo(2);
  }

  @Test
  void afterAnUnknownOutcomeTheSameTransactionIdReturnsTheEventCreatedBefore() {
    teams.events().create(USER, EventRequest.of("warm-up", beforeDst(), Duration.ofMinutes(30)));
    fake.graph().truncateNext(1);
    EventRequest request = EventRequest.of("Lost answer", beforeDst(), Duration.ofMinutes(30));

    OutcomeUnknownException lost =
        (OutcomeUnknownException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> teams.events().create(USER, request));
    assertThat(lost).isNotNull();
    assertThat(lost.transactionId()).isPresent();
    assertThat(fake.eventCount(ANA)).isEqualTo(2);

    CalendarEvent again =
        teams
            .events()
            .create(
                USER,
                EventRequest.builder("Lost answer", beforeDst(), Duration.ofMinutes(30))
                    .transactionId(lost.transactionId().get())
                    .build());
    assertThat(again.transactionId()).isEqualTo(lost.transactionId());
    assertThat(fake.eventCount(ANA)).as("one event, not two").isEqualTo(2);
  }

  @Test
  void aUserConnectedBeforeTheCalendarScopeIsAskedForIncrementalConsent() {
    InMemoryTokenStore oldStore = new InMemoryTokenStore();
    com.google.crypto.tink.KeysetHandle keys = Rig.newKeys();
    try (TeamsMeetings before = rig.sdk(oldStore, keys).build()) {
      rig.connect(before, "old-user", Rig.ANA);
    }
    try (TeamsMeetings after = rig.sdk(oldStore, keys).scopes(SCOPES).build()) {
      int calls = fake.journal().graphCalls("POST").size();
      assertThatThrownBy(
              () ->
                  after
                      .events()
                      .create(
                          "old-user", EventRequest.of("x", beforeDst(), Duration.ofMinutes(30))))
          .isInstanceOfSatisfying(
              ReauthorizationRequiredException.class,
              e -> {
                assertThat(e.reason())
                    .isEqualTo(ReauthorizationRequiredException.Reason.SCOPES_REQUIRED);
                assertThat(e.missingScopes()).containsExactly("Calendars.ReadWrite");
              });
      assertThat(fake.journal().graphCalls("POST")).hasSize(calls);
      // the grant is kept and still serves the meetings it was consented for
      after.meetings().create("old-user", OneConnectedUser.REQUEST);
      // beginConnect asks for every configured scope; the new grant serves events
      assertThat(after.beginConnect("old-user").getQuery()).contains("Calendars.ReadWrite");
      rig.connect(after, "old-user", Rig.ANA);
      assertThat(
              after
                  .events()
                  .create("old-user", EventRequest.of("x", beforeDst(), Duration.ofMinutes(30)))
                  .joinUrl())
          .isNotNull();
    }
  }

  @Test
  void withoutTheCalendarScopeConfiguredEventsAreAConfigurationError() {
    try (TeamsMeetings noScope = rig.sdk(store, Rig.newKeys()).build()) {
      assertThatThrownBy(() -> noScope.events().get(USER, "x"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("Calendars.ReadWrite");
    }
  }

  @Test
  void throttlingAndNotFoundMapOntoTheMeetingFamilies() {
    assertThatThrownBy(() -> teams.events().get(USER, "no-such-event"))
        .isInstanceOf(MeetingNotFoundException.class);
    fake.graph().throttleNext(10, RetryAfter.seconds(1));
    assertThatThrownBy(() -> teams.events().get(USER, "no-such-event"))
        .isInstanceOf(ThrottledException.class);
  }

  @Test
  void anEventLeadsToItsOnlineMeetingByJoinUrl() {
    CalendarEvent e =
        teams.events().create(USER, EventRequest.of("Linked", beforeDst(), Duration.ofMinutes(30)));

    Meeting meeting = teams.events().onlineMeeting(USER, e).orElseThrow();

    assertThat(meeting.joinUrl()).isEqualTo(e.joinUrl());
    assertThat(meeting.subject()).contains("Linked");
    assertThat(meeting.start()).isEqualTo(e.start());
    assertThat(meeting.end()).isEqualTo(e.end());
    assertThat(teams.meetings().findByJoinWebUrl(USER, e.joinUrl().toString()))
        .map(Meeting::id)
        .contains(meeting.id());
    assertThat(teams.meetings().get(USER, meeting.id()).joinUrl()).isEqualTo(e.joinUrl());
    assertThat(fake.journal().graphCalls("GET").stream().map(RecordedRequest::path))
        .anyMatch(p -> p.endsWith("/me/onlineMeetings"));
  }

  @Test
  void theLinkedMeetingFollowsTheEventsTimesAndGoesWithTheEvent() {
    CalendarEvent e =
        teams.events().create(USER, EventRequest.of("Linked", beforeDst(), Duration.ofMinutes(30)));
    ZonedDateTime later = beforeDst().plusDays(7); // after the DST change
    teams
        .events()
        .update(
            USER,
            e.id(),
            EventUpdate.builder().subject("Moved").times(later, later.plusHours(1)).build());

    Meeting moved = teams.events().onlineMeeting(USER, e).orElseThrow();
    assertThat(moved.subject()).contains("Moved");
    assertThat(moved.start()).contains(later.toInstant());
    assertThat(moved.end()).contains(later.plusHours(1).toInstant());

    teams.events().cancel(USER, e.id(), "Not needed");
    assertThat(teams.events().onlineMeeting(USER, e)).isEmpty();
  }

  @Test
  void anEventWithoutTeamsHasNoOnlineMeeting() {
    fake.eventsWithoutTeams(ANA, true);
    assertThatThrownBy(
            () ->
                teams
                    .events()
                    .create(USER, EventRequest.of("No Teams", beforeDst(), Duration.ofMinutes(30))))
        .isInstanceOf(TeamsMeetingUnavailableException.class);
    assertThat(fake.journal().graphCalls("POST").stream().map(RecordedRequest::path))
        .noneMatch(p -> p.endsWith("/me/onlineMeetings"));
  }
}
