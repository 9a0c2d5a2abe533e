package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.teamsmeet.AccessToken;
import io.teamsmeet.AllowedPresenters;
import io.teamsmeet.Attendee;
import io.teamsmeet.DialIn;
import io.teamsmeet.LobbyBypass;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.Organizer;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.testkit.FakeClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@OnEachTransport
class GraphMappingTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private static final AccessToken TOKEN = new AccessToken(Fixture.ACCESS_TOKEN);

  private Meeting answer(int status, String body) {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(status, body)));
    return FeignMicrosoftAdapter.wire(
            Fixture.builder(wm, FakeClock.startingAt(Fixture.NOW), transport).microsoftSettings())
        .meetings()
        .get(TOKEN, "m1", Fixture.deadline());
  }

  private TeamsServiceException failure(int status, String body) {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(status, body)));
    GraphMeetingPort graph =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, FakeClock.startingAt(Fixture.NOW), transport)
                    .microsoftSettings())
            .meetings();
    return catchThrowableOfType(
        TeamsServiceException.class,
        () ->
            graph.create(
                TOKEN,
                MeetingRequest.of("s", Fixture.NOW, Duration.ofMinutes(5)),
                Fixture.deadline()));
  }

  @Test
  void theCreateExampleWithPasscodeMapsEveryField() {
    Meeting m = answer(201, Fixture.CREATED_MEETING);

    assertThat(m.id())
        .isEqualTo(
            "MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZiMi04ZjZhNDQyNzJiOWJfX3RocmVhZC52MjpmMDUxMDA1@thread.v2");
    assertThat(m.joinUrl())
        .isEqualTo(
            URI.create(
                "https://teams.microsoft.com/l/meetup-join/19%3ameeting_M2IzYzczNTItYmY3OC00MDlmLWJjMzUtYmFiMjNlOTY4MGEz%40thread.skype/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22550fae72-d251-43ec-868c-373732c2704f%22%7d"));
    assertThat(m.subject()).contains("User meeting");
    assertThat(m.start()).contains(Instant.parse("2019-07-11T02:17:17.6491364Z"));
    assertThat(m.end()).contains(Instant.parse("2019-07-11T02:47:17.651138Z"));
    assertThat(m.createdAt()).contains(Instant.parse("2019-07-11T02:17:17.6491364Z"));
    assertThat(m.joinMeetingId()).contains("1234567890");
    assertThat(m.passcode()).contains("123abc");
    assertThat(m.dialIn())
        .contains(
            new DialIn(
                Optional.of("24229990"),
                Optional.of(
                    "https://dialin.teams.microsoft.com/22f12fa0-499f-435b-bc69-b8de580ba330?id=24229990"),
                List.of("+12525634478"),
                List.of("+18666390588")));
    assertThat(m.organizer())
        .contains(
            new Organizer(
                Optional.of("550fae72-d251-43ec-868c-373732c2704f"),
                Optional.of("heidi@contoso.com"),
                Optional.of("Heidi Steen")));
    assertThat(m.chatThreadId())
        .contains("19:meeting_M2IzYzczNTItYmY3OC00MDlmLWJjMzUtYmFiMjNlOTY4MGEz@thread.skype");
    assertThat(m.externalId()).isEmpty();
    assertThat(m.passcodeRequired()).contains(true);
    assertThat(m.attendees()).isEmpty();
    assertThat(m.lobbyBypass()).isEmpty();
    assertThat(m.allowedPresenters()).isEmpty();
  }

  @Test
  void theGetExampleWithoutPasscodeAndWithOddJoinUrlMaps() {
    // Shape of the "Get onlineMeeting" example: @odata types, ConferenceId, no passcode, attendees.
    Meeting m =
        answer(
            200,
            """
            {
              "@odata.type": "#microsoft.graph.onlineMeeting",
              "autoAdmittedUsers": "everyone",
              "audioConferencing": {
                "tollNumber": "5552478",
                "tollFreeNumber": "5550588",
                "ConferenceId": "9999999",
                "dialinUrl": "https://dialin.teams.microsoft.com/6787A136-B9B8-4D39-846C-C0F1FF937F10?id=xxxxxxx"
              },
              "chatInfo": {"@odata.type": "#microsoft.graph.chatInfo", "threadId": "19:cbee7c1c860e465cebf7bee0d@thread.skype", "messageId": "153367081"},
              "creationDateTime": "2018-05-30T00:12:19.0726086Z",
              "endDateTime": "2018-05-30T01:00:00Z",
              "id": "112f7296-5fa4-42ca-bae8-6a692b15d4b8_19:cbee7c1c860e465f8258e3cebf7bee0d@thread.skype",
              "joinWebUrl": "https://teams.microsoft.com/l/meetup-join/19%3a:meeting_NTg0NmQ3NTctZDVkZC00YzRhLThmNmEtOGQDdmZDZk@thread.v2/0?context=%7b%22Tid%22%3a%aa67bd4c-8475-432d-bd41-39f255720e0a%22%2c%22Oid%22%3a%22112f7296-5fa4-42ca-bb15d4b8%22%7d",
              "participants": {
                "@odata.type": "#microsoft.graph.meetingParticipants",
                "attendees": [{"@odata.type": "#microsoft.graph.identitySet", "identity": {"user": {"id": "112f7296-5ca-bae8-6a692b15d4b8", "displayName": "Tyler Stein"}}, "upn": "upn-value"}],
                "organizer": {"@odata.type": "#microsoft.graph.identitySet", "identity": {"user": {"id": "5810cedeb-b2c1-e9bd5d53ec96", "displayName": "Jasmine Miller"}}, "upn": "upn-value"}
              },
              "startDateTime": "2018-05-30T00:30:00Z",
              "subject": "Test Meeting.",
              "joinMeetingIdSettings": {"isPasscodeRequired": false, "joinMeetingId": "1234567890", "passcode": null}
            }
            """);

    assertThat(m.id())
        .isEqualTo(
            "112f7296-5fa4-42ca-bae8-6a692b15d4b8_19:cbee7c1c860e465f8258e3cebf7bee0d@thread.skype");
    assertThat(m.joinUrl().toString())
        .startsWith("https://teams.microsoft.com/l/meetup-join/19%3a:meeting_");
    assertThat(m.passcode()).isEmpty();
    assertThat(m.joinMeetingId()).contains("1234567890");
    assertThat(m.dialIn())
        .hasValueSatisfying(
            d -> {
              assertThat(d.conferenceId()).contains("9999999");
              assertThat(d.tollNumbers()).containsExactly("5552478");
            });
    assertThat(m.organizer()).flatMap(Organizer::displayName).contains("Jasmine Miller");
    assertThat(m.passcodeRequired()).contains(false);
    // Microsoft's example lists the attendee without a role: read as UNKNOWN, not guessed.
    assertThat(m.attendees()).containsExactly(new Attendee("upn-value", Attendee.Role.UNKNOWN));
    assertThat(m.start()).contains(Instant.parse("2018-05-30T00:30:00Z"));
  }

  @Test
  void theSettingsThatCanBeSetAreReadBack() {
    // The shape of a Graph answer to a create with lobby, presenters, attendees and a passcode
    // (onlineMeeting resource, lobbyBypassSettings, meetingParticipantInfo, joinMeetingIdSettings).
    Meeting m =
        answer(
            200,
            """
            {"id":"m1","joinWebUrl":"https://teams.microsoft.com/l/meetup-join/x",
             "allowedPresenters":"roleIsPresenter",
             "lobbyBypassSettings":{"scope":"organizationAndFederated","isDialInBypassEnabled":true},
             "joinMeetingIdSettings":{"isPasscodeRequired":true,"joinMeetingId":"1234567890","passcode":"123abc"},
             "participants":{
               "organizer":{"upn":"heidi@contoso.com","role":"presenter",
                 "identity":{"application":null,"device":null,
                   "user":{"id":"550fae72-d251-43ec-868c-373732c2704f","displayName":"Heidi Steen",
                     "tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","identityProvider":"AAD"}}},
               "attendees":[
                 {"upn":"ana@contoso.com","role":"attendee",
                  "identity":{"user":{"id":"112f7296-5fa4-42ca-bae8-6a692b15d4b8","displayName":null}}},
                 {"upn":"bo@contoso.com","role":"presenter","identity":{"user":{"id":"b0"}}},
                 {"upn":"cy@contoso.com","role":"coorganizer","identity":{"user":{"id":"c7"}}}]}}
            """);

    assertThat(m.allowedPresenters()).contains(AllowedPresenters.ROLE_IS_PRESENTER);
    assertThat(m.lobbyBypass())
        .contains(new LobbyBypass(LobbyBypass.Scope.ORGANIZATION_AND_FEDERATED, true));
    assertThat(m.passcodeRequired()).contains(true);
    assertThat(m.passcode()).contains("123abc");
    assertThat(m.attendees())
        .containsExactly(
            new Attendee("ana@contoso.com", Attendee.Role.ATTENDEE),
            new Attendee("bo@contoso.com", Attendee.Role.PRESENTER),
            new Attendee("cy@contoso.com", Attendee.Role.COORGANIZER));
    assertThat(m.organizer()).flatMap(Organizer::upn).contains("heidi@contoso.com");
  }

  /** A minimal meeting with {@code fields} (JSON members) added. */
  private Meeting answerWith(String fields) {
    return answer(
        200,
        "{\"id\":\"m1\",\"joinWebUrl\":\"https://teams.microsoft.com/l/meetup-join/x\","
            + fields
            + "}");
  }

  @ParameterizedTest
  @CsvSource({
    "organizer, ORGANIZER", "organization, ORGANIZATION",
    "organizationAndFederated, ORGANIZATION_AND_FEDERATED", "everyone, EVERYONE",
    "invited, INVITED", "organizationExcludingGuests, ORGANIZATION_EXCLUDING_GUESTS"
  })
  void everyLobbyScopeGraphNamesIsRead(String wire, LobbyBypass.Scope scope) {
    Meeting m = answerWith("\"lobbyBypassSettings\":{\"scope\":\"" + wire + "\"}");

    assertThat(m.lobbyBypass()).contains(new LobbyBypass(scope, false));
  }

  @ParameterizedTest
  @CsvSource({
    "everyone, EVERYONE",
    "organization, ORGANIZATION",
    "roleIsPresenter, ROLE_IS_PRESENTER",
    "organizer, ORGANIZER"
  })
  void everyPresenterSettingGraphNamesIsRead(String wire, AllowedPresenters presenters) {
    Meeting m = answerWith("\"allowedPresenters\":\"" + wire + "\"");

    assertThat(m.allowedPresenters()).contains(presenters);
  }

  @Test
  void valuesThisSdkDoesNotKnowAreUnknownNotErrors() {
    Meeting m =
        answer(
            200,
            """
            {"id":"m1","joinWebUrl":"https://teams.microsoft.com/l/meetup-join/x",
             "allowedPresenters":"unknownFutureValue",
             "lobbyBypassSettings":{"scope":"someScopeAddedIn2030","isDialInBypassEnabled":false},
             "participants":{"attendees":[
               {"upn":"p@contoso.com","role":"producer"},
               {"upn":"f@contoso.com","role":"unknownFutureValue"},
               {"upn":"n@contoso.com"},
               {"upn":"o@contoso.com","role":{"odd":true}},
               {"upn":"a@contoso.com","role":"ATTENDEE"}]}}
            """);

    assertThat(m.allowedPresenters()).contains(AllowedPresenters.UNKNOWN);
    assertThat(m.lobbyBypass()).contains(new LobbyBypass(LobbyBypass.Scope.UNKNOWN, false));
    assertThat(m.attendees())
        .extracting(Attendee::role)
        .containsExactly(
            Attendee.Role.UNKNOWN,
            Attendee.Role.UNKNOWN,
            Attendee.Role.UNKNOWN,
            Attendee.Role.UNKNOWN,
            Attendee.Role.ATTENDEE);
  }

  @Test
  void malformedSettingsAreAbsentNotErrors() {
    Meeting m =
        answer(
            200,
            """
            {"id":"m1","joinWebUrl":"https://teams.microsoft.com/l/meetup-join/x",
             "allowedPresenters":["everyone"],
             "lobbyBypassSettings":{"somethingElse":1},
             "joinMeetingIdSettings":{"isPasscodeRequired":"maybe"},
             "participants":{"attendees":[null,"ana@contoso.com",{"role":"attendee"},
               {"upn":"  ","role":"attendee"},{"identity":{"user":{"id":"x"}}},
               {"upn":"ok@contoso.com","role":"presenter"}]}}
            """);

    assertThat(m.allowedPresenters()).isEmpty();
    assertThat(m.lobbyBypass()).isEmpty();
    assertThat(m.passcodeRequired()).isEmpty();
    assertThat(m.attendees())
        .containsExactly(new Attendee("ok@contoso.com", Attendee.Role.PRESENTER));

    Meeting textual =
        answer(
            200,
            """
            {"id":"m1","joinWebUrl":"https://teams.microsoft.com/l/meetup-join/x",
             "lobbyBypassSettings":{"isDialInBypassEnabled":"TRUE"},
             "joinMeetingIdSettings":{"isPasscodeRequired":"false"},
             "participants":{"attendees":{"upn":"not-an-array@contoso.com"}}}
            """);
    assertThat(textual.lobbyBypass()).contains(new LobbyBypass(LobbyBypass.Scope.UNKNOWN, true));
    assertThat(textual.passcodeRequired()).contains(false);
    assertThat(textual.attendees()).isEmpty();
  }

  @Test
  void tollNumberArraysAndTheDeprecatedSingleValuesAreMerged() {
    Meeting m =
        answer(
            200,
            """
            {"id":"m1","joinWebUrl":"https://teams.microsoft.com/l/meetup-join/x",
             "audioConferencing":{"conferenceId":"55","dialinUrl":"https://dialin.example/55",
               "tollNumbers":["+1 555 0100","+44 20 7946 0000"],"tollNumber":"+1 555 0100",
               "tollFreeNumbers":["+1 800 555 0199"],"tollFreeNumber":"+1 888 555 0111"}}
            """);

    assertThat(m.dialIn())
        .contains(
            new DialIn(
                Optional.of("55"), Optional.of("https://dialin.example/55"),
                List.of("+1 555 0100", "+44 20 7946 0000"),
                    List.of("+1 800 555 0199", "+1 888 555 0111")));
  }

  @Test
  void missingOptionalFieldsAreAbsentAndUnknownOnesIgnored() {
    Meeting m =
        answer(
            200,
            """
            {"id":"m1","joinWebUrl":"https://teams.microsoft.com/l/meetup-join/x",
             "somethingNew":{"nested":[1,2,3]},"isEntryExitAnnounced":true,
             "audioConferencing":null,"joinMeetingIdSettings":null,"participants":{},"chatInfo":{}}
            """);

    assertThat(m)
        .isEqualTo(
            Meeting.builder("m1", URI.create("https://teams.microsoft.com/l/meetup-join/x"))
                .build());
    assertThat(m.attendees()).isEmpty();
    assertThat(m.lobbyBypass()).isEmpty();
    assertThat(m.allowedPresenters()).isEmpty();
    assertThat(m.passcodeRequired()).isEmpty();
  }

  @Test
  void fieldsOfUnexpectedTypesAreAbsentNotErrors() {
    Meeting m =
        answer(
            200,
            """
            {"id":"m1","joinWebUrl":"https://teams.microsoft.com/l/meetup-join/x",
             "subject":{"text":"odd"},"startDateTime":12,"participants":[],
             "audioConferencing":{"tollNumbers":"+1 555 0100","conferenceId":["x"]},
             "joinMeetingIdSettings":{"joinMeetingId":1234567890}}
            """);

    assertThat(m.subject()).isEmpty();
    assertThat(m.start()).isEmpty();
    assertThat(m.organizer()).isEmpty();
    assertThat(m.dialIn()).flatMap(DialIn::conferenceId).isEmpty();
    assertThat(m.dialIn()).map(DialIn::tollNumbers).contains(List.of("+1 555 0100"));
    assertThat(m.joinMeetingId()).contains("1234567890");
  }

  @Test
  void placeholderAndOffsetlessTimesAreHandled() {
    Meeting m =
        answer(
            200,
            """
            {"id":"m1","joinWebUrl":"https://teams.microsoft.com/l/meetup-join/x",
             "startDateTime":"0001-01-01T00:00:00Z","endDateTime":"0001-01-01T00:00:00Z",
             "creationDateTime":"2024-02-20T23:12:03.1234567"}
            """);

    assertThat(m.start()).isEmpty();
    assertThat(m.end()).isEmpty();
    assertThat(m.createdAt()).contains(Instant.parse("2024-02-20T23:12:03.1234567Z"));
  }

  @Test
  void timesWithOffsetsAreConvertedToInstants() {
    Meeting m =
        answer(
            200,
            """
            {"id":"m1","joinWebUrl":"https://teams.microsoft.com/l/meetup-join/x",
             "startDateTime":"2019-07-12T14:30:34.2444915-07:00","endDateTime":"garbage"}
            """);

    assertThat(m.start()).contains(Instant.parse("2019-07-12T21:30:34.2444915Z"));
    assertThat(m.end()).isEmpty();
  }

  @Test
  void createOrGetAnswersCarryTheExternalId() {
    Meeting m =
        answer(
            200,
            """
            {"id":"m1","externalId":"interview-8841","joinWebUrl":"https://teams.microsoft.com/l/meetup-join/x",
             "joinMeetingIdSettings":{"isPasscodeRequired":false,"joinMeetingId":"9876543210"}}
            """);

    assertThat(m.externalId()).contains("interview-8841");
    assertThat(m.passcode()).isEmpty();
  }

  @Test
  void aJoinUrlThatIsNotAValidUriIsRepaired() {
    Meeting m =
        answer(
            200,
            """
            {"id":"m1","joinWebUrl":"https://teams.microsoft.com/l/meetup-join/19:x@thread.v2/0?context={\\"Tid\\":\\"t\\"}&p=100%"}
            """);

    assertThat(m.joinUrl().toString())
        .isEqualTo(
            "https://teams.microsoft.com/l/meetup-join/19:x@thread.v2/0?context=%7B%22Tid%22:%22t%22%7D&p=100%25");
  }

  @Test
  void onlyJoinUrlWithoutJoinWebUrlIsATypedError() {
    TeamsServiceException e =
        failure(
            201,
            """
            {"id":"m1","joinUrl":"https://teams.microsoft.com/l/meetup-join/x"}
            """);

    assertThat(e.status()).isEqualTo(201);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("has no joinWebUrl");
  }

  @Test
  void aMeetingWithoutIdIsATypedError() {
    TeamsServiceException e =
        failure(201, "{\"joinWebUrl\":\"https://teams.microsoft.com/l/meetup-join/x\"}");

    assertThat(e.getMessage()).contains("has no id");
  }

  @Test
  void aTruncatedSuccessBodyIsATypedErrorWithItsStatus() {
    TeamsServiceException e = failure(201, Fixture.CREATED_MEETING.substring(0, 300));

    assertThat(e.status()).isEqualTo(201);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("not valid JSON").doesNotContain("audioConferencing");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void aNonObjectSuccessBodyIsATypedError() {
    assertThat(failure(200, "[]").getMessage()).contains("not a JSON object");
    assertThat(failure(200, "").getMessage()).contains("not a JSON object");
  }
}
