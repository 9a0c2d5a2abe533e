package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.teamsmeet.AccessToken;
import io.teamsmeet.CalendarEvent;
import io.teamsmeet.EventRequest;
import io.teamsmeet.EventUpdate;
import io.teamsmeet.Invitee;
import io.teamsmeet.MeetingNotFoundException;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.Recurrence;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsMeetingUnavailableException;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.testkit.FakeClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The calendar API on the wire, on each transport: the exact bodies of create, update and cancel,
 * the {@code Prefer: outlook.timezone="UTC"} header, Graph's answers read back (UTC, a Windows
 * zone, no Teams meeting) and Graph's failures mapped onto the core's typed errors.
 */
@OnEachTransport
class EventWireTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private static final AccessToken TOKEN = new AccessToken(Fixture.ACCESS_TOKEN);
  private static final String EVENTS = "/graph/v1.0/me/events";
  private static final String EVENT_ID = "AAMkAGI2TG93AAA=/id+with/slash";
  private static final String EVENT_ID_ENCODED = "AAMkAGI2TG93AAA%3D%2Fid%2Bwith%2Fslash";
  private static final String JOIN_URL =
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NTg0NmQ3NTctZDVkZC00YzRhLThmNmEtOGQ3NmM2NzIyYzY2%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22550fae72-d251-43ec-868c-373732c2704f%22%7d";

  /** Shaped like Graph's "Create and enable an event as an online meeting" answer, in UTC. */
  static final String EVENT_UTC =
      """
      {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('heidi%40contoso.com')/events/$entity",
        "@odata.etag": "W/\\"ZlnW4RIAV06KYYwlrfNZvQAALfZeRQ==\\"",
        "id": "AAMkAGI2TG93AAA=",
        "createdDateTime": "2026-03-02T09:00:01.1234567Z",
        "transactionId": "7E163156-7762-4BEB-A1C6-729EA81755A7",
        "iCalUId": "040000008200E00074C5B7101A82E00800000000DA2B357D94B7D201000000000000000010000000F02A93AE8D1B2A4F8A7D8F3D1A1B2C3D",
        "subject": "Design review",
        "isCancelled": false,
        "isOnlineMeeting": true,
        "onlineMeetingProvider": "teamsForBusiness",
        "onlineMeetingUrl": null,
        "webLink": "https://outlook.office365.com/owa/?itemid=AAMkAGI2TG93AAA%3D&exvsurl=1&path=/calendar/item",
        "originalStartTimeZone": "W. Europe Standard Time",
        "originalEndTimeZone": "W. Europe Standard Time",
        "start": {"dateTime": "2026-03-23T09:00:00.0000000", "timeZone": "UTC"},
        "end": {"dateTime": "2026-03-23T09:30:00.0000000", "timeZone": "UTC"},
        "attendees": [
          {"type": "required", "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
           "emailAddress": {"name": "Bob Kelly", "address": "bob@contoso.com"}},
          {"type": "optional", "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
           "emailAddress": {"address": "carol@contoso.com"}},
          {"type": "resource", "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
           "emailAddress": {"name": "Room 1", "address": "room1@contoso.com"}}
        ],
        "recurrence": null,
        "onlineMeeting": {
          "joinUrl": "JOIN_URL",
          "conferenceId": "177513992",
          "tollNumber": "+1 425-555-0100",
          "tollFreeNumbers": ["+1 800-555-0100"]
        }
      }
      """
          .replace("JOIN_URL", JOIN_URL);

  private GraphEventPort graph;

  @BeforeEach
  void setUp() {
    graph =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, FakeClock.startingAt(Fixture.NOW), transport)
                    .microsoftSettings())
            .events();
  }

  private static void answer(ResponseDefinitionBuilder response) {
    wm.stubFor(any(anyUrl()).willReturn(response));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @Test
  void createSendsATeamsEventWithZonedTimesAttendeesRecurrenceAndTheTransactionId() {
    answer(Fixture.json(201, EVENT_UTC));
    ZonedDateTime start = ZonedDateTime.of(2026, 3, 23, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));
    EventRequest request =
        EventRequest.builder("Design review", start, Duration.ofMinutes(30))
            .bodyHtml("<p>Agenda</p>")
            .location("Room 1")
            .invite(
                Invitee.required("bob@contoso.com").named("Bob Kelly"),
                Invitee.optional("carol@contoso.com"),
                Invitee.resource("room1@contoso.com"))
            .reminder(Duration.ofMinutes(10))
            .allowNewTimeProposals(false)
            .recurrence(
                Recurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)
                    .until(LocalDate.of(2026, 6, 30)))
            .build();

    CalendarEvent event =
        graph.create(TOKEN, request, "7E163156-7762-4BEB-A1C6-729EA81755A7", Fixture.deadline());

    wm.verify(
        postRequestedFor(urlEqualTo(EVENTS))
            .withHeader("Authorization", equalTo("Bearer " + Fixture.ACCESS_TOKEN))
            .withHeader("Content-Type", containing("application/json"))
            .withHeader("Prefer", containing("outlook.timezone=\"UTC\""))
            .withRequestBody(
                equalToJson(
                    """
                    {
                      "subject": "Design review",
                      "body": {"contentType": "html", "content": "<p>Agenda</p>"},
                      "start": {"dateTime": "2026-03-23T10:00:00", "timeZone": "W. Europe Standard Time"},
                      "end": {"dateTime": "2026-03-23T10:30:00", "timeZone": "W. Europe Standard Time"},
                      "location": {"displayName": "Room 1"},
                      "attendees": [
                        {"emailAddress": {"address": "bob@contoso.com", "name": "Bob Kelly"}, "type": "required"},
                        {"emailAddress": {"address": "carol@contoso.com"}, "type": "optional"},
                        {"emailAddress": {"address": "room1@contoso.com"}, "type": "resource"}
                      ],
                      "isReminderOn": true,
                      "reminderMinutesBeforeStart": 10,
                      "allowNewTimeProposals": false,
                      "recurrence": {
                        "pattern": {"type": "weekly", "interval": 1,
                                    "daysOfWeek": ["monday", "wednesday"], "firstDayOfWeek": "monday"},
                        "range": {"type": "endDate", "startDate": "2026-03-23", "endDate": "2026-06-30",
                                  "recurrenceTimeZone": "W. Europe Standard Time"}
                      },
                      "isOnlineMeeting": true,
                      "onlineMeetingProvider": "teamsForBusiness",
                      "transactionId": "7E163156-7762-4BEB-A1C6-729EA81755A7"
                    }
                    """)));
    assertThat(onlyRequest().getHeader("Prefer"))
        .isEqualTo("include-unknown-enum-members, outlook.timezone=\"UTC\"");
    assertThat(event.id()).isEqualTo("AAMkAGI2TG93AAA=");
    assertThat(event.joinUrl().toString()).isEqualTo(JOIN_URL);
    assertThat(event.iCalUId()).hasValueSatisfying(v -> assertThat(v).startsWith("0400000082"));
    assertThat(event.webLink()).isPresent();
    assertThat(event.start()).contains(Instant.parse("2026-03-23T09:00:00Z"));
    assertThat(event.end()).contains(Instant.parse("2026-03-23T09:30:00Z"));
    assertThat(event.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(event.zonedStart())
        .contains(ZonedDateTime.of(2026, 3, 23, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")));
    assertThat(event.conferenceId()).contains("177513992");
    assertThat(event.dialIn().orElseThrow().tollNumbers()).containsExactly("+1 425-555-0100");
    assertThat(event.dialIn().orElseThrow().tollFreeNumbers()).containsExactly("+1 800-555-0100");
    assertThat(event.invitees())
        .containsExactly(
            Invitee.required("bob@contoso.com").named("Bob Kelly"),
            Invitee.optional("carol@contoso.com"),
            Invitee.resource("room1@contoso.com").named("Room 1"));
    assertThat(event.transactionId()).contains("7E163156-7762-4BEB-A1C6-729EA81755A7");
    assertThat(event.recurrence()).isEmpty();
    assertThat(event.isCancelled()).isFalse();
  }

  @Test
  void aPlainCreateSendsTextBodiesOnlyWhenGivenAndUtcForAFixedOffset() {
    answer(Fixture.json(201, EVENT_UTC));
    EventRequest request =
        EventRequest.builder(
                "Standup",
                ZonedDateTime.parse("2026-03-23T10:00:00+02:00"),
                ZonedDateTime.parse("2026-03-23T10:15:00+02:00"))
            .bodyText("Daily")
            .noReminder()
            .recurrence(Recurrence.daily(1).times(10))
            .build();

    graph.create(TOKEN, request, "tx-1", Fixture.deadline());

    wm.verify(
        postRequestedFor(urlEqualTo(EVENTS))
            .withRequestBody(
                equalToJson(
                    """
                    {
                      "subject": "Standup",
                      "body": {"contentType": "text", "content": "Daily"},
                      "start": {"dateTime": "2026-03-23T08:00:00", "timeZone": "UTC"},
                      "end": {"dateTime": "2026-03-23T08:15:00", "timeZone": "UTC"},
                      "attendees": [],
                      "isReminderOn": false,
                      "recurrence": {
                        "pattern": {"type": "daily", "interval": 1},
                        "range": {"type": "numbered", "startDate": "2026-03-23",
                                  "numberOfOccurrences": 10, "recurrenceTimeZone": "UTC"}
                      },
                      "isOnlineMeeting": true,
                      "onlineMeetingProvider": "teamsForBusiness",
                      "transactionId": "tx-1"
                    }
                    """)));
  }

  @Test
  void getAsksForUtcAndEncodesTheIdAsOnePathSegment() {
    answer(Fixture.json(200, EVENT_UTC));

    CalendarEvent event = graph.get(TOKEN, EVENT_ID, Fixture.deadline());

    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().getName()).isEqualTo("GET");
    assertThat(request.getUrl()).isEqualTo(EVENTS + "/" + EVENT_ID_ENCODED);
    assertThat(request.getHeader("Prefer")).contains("outlook.timezone=\"UTC\"");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + Fixture.ACCESS_TOKEN);
    assertThat(event.joinUrl().toString()).isEqualTo(JOIN_URL);
  }

  @Test
  void updateSendsOnlyWhatChangesAsAPatch() {
    answer(Fixture.json(200, EVENT_UTC));
    ZonedDateTime start =
        ZonedDateTime.of(2026, 3, 24, 9, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
    EventUpdate update =
        EventUpdate.builder()
            .subject("Design review (moved)")
            .times(start, start.plusHours(1))
            .invitees(List.of(Invitee.required("dave@contoso.com")))
            .build();

    graph.update(TOKEN, EVENT_ID, update, Fixture.deadline());

    wm.verify(
        patchRequestedFor(urlEqualTo(EVENTS + "/" + EVENT_ID_ENCODED))
            .withHeader("Prefer", containing("outlook.timezone=\"UTC\""))
            .withHeader("Content-Type", containing("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {
                      "subject": "Design review (moved)",
                      "start": {"dateTime": "2026-03-24T09:00:00", "timeZone": "Pacific Standard Time"},
                      "end": {"dateTime": "2026-03-24T10:00:00", "timeZone": "Pacific Standard Time"},
                      "attendees": [{"emailAddress": {"address": "dave@contoso.com"}, "type": "required"}]
                    }
                    """)));
    assertThat(onlyRequest().getBodyAsString())
        .doesNotContain("transactionId", "isOnlineMeeting", "body", "location");
  }

  @Test
  void cancelPostsTheCommentAndAcceptsGraphs202() {
    answer(Fixture.json(202, "").withBody(""));

    graph.cancel(TOKEN, EVENT_ID, "Moved to next week", Fixture.deadline());

    wm.verify(
        postRequestedFor(urlEqualTo(EVENTS + "/" + EVENT_ID_ENCODED + "/cancel"))
            .withHeader("Content-Type", containing("application/json"))
            .withRequestBody(equalToJson("{\"comment\": \"Moved to next week\"}")));
  }

  @Test
  void cancelWithoutACommentSendsAnEmptyObject() {
    answer(Fixture.json(202, "").withBody(""));

    graph.cancel(TOKEN, EVENT_ID, null, Fixture.deadline());

    assertThat(onlyRequest().getBodyAsString()).isEqualTo("{}");
  }

  @Test
  void deleteIsADeleteOfTheEvent() {
    answer(Fixture.json(204, "").withBody(""));

    graph.delete(TOKEN, EVENT_ID, Fixture.deadline());

    wm.verify(deleteRequestedFor(urlEqualTo(EVENTS + "/" + EVENT_ID_ENCODED)));
  }

  @Test
  void theCalendarsAllowedProvidersAreRead() {
    answer(
        Fixture.json(
            200,
            """
            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('x')/calendar/$entity",
             "id": "AAMkAGI2TGuLAAA=", "name": "Calendar",
             "allowedOnlineMeetingProviders": ["skypeForBusiness", "teamsForBusiness"],
             "defaultOnlineMeetingProvider": "skypeForBusiness"}
            """));

    List<String> allowed = graph.allowedOnlineMeetingProviders(TOKEN, Fixture.deadline());

    wm.verify(
        getRequestedFor(
                urlEqualTo("/graph/v1.0/me/calendar?%24select=allowedOnlineMeetingProviders"))
            .withHeader("Authorization", equalTo("Bearer " + Fixture.ACCESS_TOKEN)));
    assertThat(allowed).containsExactly("skypeForBusiness", "teamsForBusiness");
  }

  @Test
  void anAnswerInAWindowsZoneIsReadAsExactInstantsAcrossTheDstChange() {
    String berlin =
        EVENT_UTC
            .replace(
                "\"start\": {\"dateTime\": \"2026-03-23T09:00:00.0000000\", \"timeZone\": \"UTC\"}",
                "\"start\": {\"dateTime\": \"2026-03-28T10:00:00.0000000\","
                    + " \"timeZone\": \"W. Europe Standard Time\"}")
            .replace(
                "\"end\": {\"dateTime\": \"2026-03-23T09:30:00.0000000\", \"timeZone\": \"UTC\"}",
                "\"end\": {\"dateTime\": \"2026-03-30T10:00:00.0000000\","
                    + " \"timeZone\": \"W. Europe Standard Time\"}")
            .replace(
                "\"originalStartTimeZone\": \"W. Europe Standard Time\"",
                "\"originalStartTimeZone\": \"Pacific Standard Time\"");
    assertThat(berlin).contains("2026-03-28T10", "2026-03-30T10", "\"Pacific Standard Time\"");
    answer(Fixture.json(200, berlin));

    CalendarEvent event = graph.get(TOKEN, "AAMkAGI2TG93AAA=", Fixture.deadline());

    // CET (+1) before 29 March, CEST (+2) after
    assertThat(event.start()).contains(Instant.parse("2026-03-28T09:00:00Z"));
    assertThat(event.end()).contains(Instant.parse("2026-03-30T08:00:00Z"));
    assertThat(event.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
  }

  @Test
  void anAnswerWithoutAnOnlineMeetingIsTeamsMeetingUnavailableNamingTheEvent() {
    answer(
        Fixture.json(
            201,
            EVENT_UTC
                .replace(
                    "\"onlineMeetingProvider\": \"teamsForBusiness\"",
                    "\"onlineMeetingProvider\": \"unknown\"")
                .replaceAll("(?s)\"onlineMeeting\": \\{.*?\\}", "\"onlineMeeting\": null")));

    TeamsMeetingUnavailableException e =
        catchThrowableOfType(
            TeamsMeetingUnavailableException.class,
            () ->
                graph.create(
                    TOKEN,
                    EventRequest.of(
                        "x", ZonedDateTime.parse("2026-03-23T10:00:00Z"), Duration.ofMinutes(5)),
                    "tx-2",
                    Fixture.deadline()));

    assertThat(e).isNotNull();
    assertThat(e.eventId()).contains("AAMkAGI2TG93AAA=");
    assertThat(e.provider()).contains("unknown");
  }

  @Test
  void aJoinUrlUnderASkypeProviderIsNotATeamsMeeting() {
    answer(
        Fixture.json(
            200,
            EVENT_UTC.replace(
                "\"onlineMeetingProvider\": \"teamsForBusiness\"",
                "\"onlineMeetingProvider\": \"skypeForBusiness\"")));

    TeamsMeetingUnavailableException e =
        catchThrowableOfType(
            TeamsMeetingUnavailableException.class,
            () -> graph.get(TOKEN, "AAMkAGI2TG93AAA=", Fixture.deadline()));

    assertThat(e).isNotNull();
    assertThat(e.provider()).contains("skypeForBusiness");
  }

  @Test
  void notFoundIsMeetingNotFound() {
    answer(
        Fixture.json(
            404,
            GraphErrorTest.graphError(
                "ErrorItemNotFound", "The specified object was not found in the store.")));

    MeetingNotFoundException e =
        catchThrowableOfType(
            MeetingNotFoundException.class,
            () -> graph.get(TOKEN, "AAMkAGI2TG93AAA=", Fixture.deadline()));

    assertThat(e).isNotNull();
    assertThat(e.details().status()).isEqualTo(404);
    assertThat(e.details().code()).contains("ErrorItemNotFound");
  }

  @Test
  void forbiddenIsPermissionDenied() {
    answer(Fixture.json(403, GraphErrorTest.graphError("ErrorAccessDenied", "Access is denied.")));

    PermissionDeniedException e =
        catchThrowableOfType(
            PermissionDeniedException.class,
            () -> graph.cancel(TOKEN, "AAMkAGI2TG93AAA=", "x", Fixture.deadline()));

    assertThat(e).isNotNull();
    assertThat(e.details().code()).contains("ErrorAccessDenied");
  }

  @Test
  void throttlingCarriesRetryAfter() {
    answer(
        Fixture.json(
                429,
                GraphErrorTest.graphError(
                    "ApplicationThrottled", "Application is over its MailboxConcurrency limit."))
            .withHeader("Retry-After", "7"));

    ThrottledException e =
        catchThrowableOfType(
            ThrottledException.class,
            () -> graph.allowedOnlineMeetingProviders(TOKEN, Fixture.deadline()));

    assertThat(e).isNotNull();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.details().status()).isEqualTo(429);
  }

  @Test
  void unauthorizedIsA401ForTheCoreToRefreshOn() {
    answer(
        Fixture.json(
            401, GraphErrorTest.graphError("InvalidAuthenticationToken", "Token expired.")));

    TeamsServiceException e =
        catchThrowableOfType(
            TeamsServiceException.class,
            () -> graph.get(TOKEN, "AAMkAGI2TG93AAA=", Fixture.deadline()));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.isRetryable()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void serverFaultsAreRetryable(int status) {
    answer(Fixture.json(status, GraphErrorTest.graphError("generalException", "General")));

    TeamsException e =
        catchThrowableOfType(
            TeamsException.class,
            () ->
                graph.create(
                    TOKEN,
                    EventRequest.of(
                        "x", ZonedDateTime.parse("2026-03-23T10:00:00Z"), Duration.ofMinutes(5)),
                    "tx-3",
                    Fixture.deadline()));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.status()).isEqualTo(status);
              assertThat(t.isRetryable()).isTrue();
              assertThat(t.requestMayHaveBeenSent()).isTrue();
            });
    if (status >= 503) {
      assertThat(e).isInstanceOf(ThrottledException.class);
    }
    IdentityErrorTest.assertNoSecret(e);
  }
}
