package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.teamsmeet.AccessToken;
import io.teamsmeet.AllowedPresenters;
import io.teamsmeet.Attendee;
import io.teamsmeet.LobbyBypass;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.MeetingUpdate;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.testkit.FakeClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@OnEachTransport
class GraphRequestTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private static final AccessToken TOKEN = new AccessToken(Fixture.ACCESS_TOKEN);
  private static final Instant START = Instant.parse("2026-04-01T14:30:00Z");
  private static final String BASE = "/graph/v1.0/me/onlineMeetings";

  private GraphMeetingPort graph;

  @BeforeEach
  void setUp() {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(200, Fixture.CREATED_MEETING)));
    graph =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, FakeClock.startingAt(Fixture.NOW), transport)
                    .microsoftSettings())
            .meetings();
  }

  @ParameterizedTest
  @CsvSource({
    "MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZiMi04ZjZhNDQyNzJiOWJfX3RocmVhZC52MjpmMDUxMDA1@thread.v2,"
        + " MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZiMi04ZjZhNDQyNzJiOWJfX3RocmVhZC52MjpmMDUxMDA1%40thread.v2",
    "112f7296-5fa4-42ca-bae8-6a692b15d4b8_19:cbee7c1c860e465f8258e3cebf7bee0d@thread.skype,"
        + " 112f7296-5fa4-42ca-bae8-6a692b15d4b8_19%3Acbee7c1c860e465f8258e3cebf7bee0d%40thread.skype",
    "a/b+c=d%20e f?g#h, a%2Fb%2Bc%3Dd%2520e%20f%3Fg%23h",
  })
  void meetingIdsArePercentEncodedExactlyOnce(String id, String encoded) {
    graph.get(TOKEN, id, Fixture.deadline());
    graph.update(TOKEN, id, MeetingUpdate.builder().subject("Moved").build(), Fixture.deadline());
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    graph.delete(TOKEN, id, Fixture.deadline());

    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests)
        .extracting(LoggedRequest::getMethod)
        .extracting(Object::toString)
        .containsExactly("GET", "PATCH", "DELETE");
    assertThat(requests).extracting(LoggedRequest::getUrl).containsOnly(BASE + "/" + encoded);
  }

  /** Ids built to break out of their segment: dots, slashes, escapes, queries, fragments. */
  static List<String> hostileIds() {
    List<String> ids =
        new ArrayList<>(
            List.of(
                "...",
                ".a",
                "a.",
                "..a",
                " .",
                ". ",
                ". .",
                "/",
                "a/b",
                "../x",
                "./x",
                "x/..",
                "\\",
                "..\\..",
                "%2e",
                "%2e%2e",
                ".%2e",
                "%2E%2E",
                "%2f",
                "%252e",
                "%",
                "%%",
                "%zz",
                "?",
                "?x=1",
                "#",
                "#top",
                "a b",
                " a",
                "a\tb",
                "ü",
                "会議",
                "é.é",
                "a\u2028b",
                ";",
                "a;b=c",
                "a+b=c",
                "19:meeting_x@thread.v2",
                "~",
                "-_.~",
                "\u0001x"));
    // seeded, so a failure names an id that reproduces
    Random random = new Random(13);
    String alphabet = "./\\%2eE?#; a+:@ü~";
    while (ids.size() < 300) {
      StringBuilder id = new StringBuilder();
      for (int n = 1 + random.nextInt(6); n > 0; n--) {
        id.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String candidate = id.toString();
      if (!candidate.isBlank() && !candidate.equals(".") && !candidate.equals("..")) {
        ids.add(candidate);
      }
    }
    return ids;
  }

  @Test
  void everyMeetingIdIsSentAsExactlyOnePathSegmentUnderOnlineMeetings() {
    for (String id : hostileIds()) {
      wm.resetRequests();

      graph.get(TOKEN, id, Fixture.deadline());

      List<LoggedRequest> sent = wm.findAll(anyRequestedFor(anyUrl()));
      assertThat(sent).as("id %s", id).hasSize(1);
      String url = sent.get(0).getUrl();
      assertThat(url).as("id %s", id).startsWith(BASE + "/");
      String segment = url.substring(BASE.length() + 1);
      assertThat(segment).as("id %s", id).doesNotContain("/", "?", "#").isNotIn(".", "..");
      assertThat(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
          .as("id %s", id)
          .isEqualTo(id);
    }
  }

  @Test
  void dotAndDotDotAreRefusedBeforeAnyRequestByThePortAndByTheService() {
    try (TeamsMeetings teams =
        Fixture.builder(wm, FakeClock.startingAt(Fixture.NOW), transport).build()) {
      for (String id : List.of(".", "..")) {
        List<ThrowingCallable> calls =
            List.of(
                () -> graph.get(TOKEN, id, Fixture.deadline()),
                () ->
                    graph.update(
                        TOKEN,
                        id,
                        MeetingUpdate.builder().subject("x").build(),
                        Fixture.deadline()),
                () -> graph.delete(TOKEN, id, Fixture.deadline()),
                () -> teams.meetings().get("app-user", id),
                () ->
                    teams
                        .meetings()
                        .update("app-user", id, MeetingUpdate.builder().subject("x").build()),
                () -> teams.meetings().delete("app-user", id));
        for (ThrowingCallable call : calls) {
          assertThatIllegalArgumentException().isThrownBy(call).withMessageContaining("meetingId");
        }
      }
    }
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("nothing reached the wire").isEmpty();
  }

  @Test
  void everyRequestCarriesTheTokenAFreshClientRequestIdAndTheUserAgent() {
    graph.get(TOKEN, "id-1", Fixture.deadline());
    graph.get(TOKEN, "id-1", Fixture.deadline());

    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(2);
    for (LoggedRequest r : requests) {
      assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + Fixture.ACCESS_TOKEN);
      assertThat(r.getHeader("client-request-id")).matches("[0-9a-f-]{36}");
      assertThat(r.getHeader("return-client-request-id")).isEqualTo("true");
      assertThat(r.getHeader("User-Agent"))
          .isEqualTo(StandardHeaders.USER_AGENT)
          .startsWith("teams-meetings-java/0.1.0");
      assertThat(r.getHeader("User-Agent")).endsWith("(+java/" + Runtime.version().feature() + ")");
      assertThat(r.getHeader("Accept")).isEqualTo("application/json");
      assertThat(r.getHeader("Prefer")).isEqualTo("include-unknown-enum-members");
    }
    assertThat(requests.get(0).getHeader("client-request-id"))
        .isNotEqualTo(requests.get(1).getHeader("client-request-id"));
  }

  @Test
  void createSendsTheMeetingWithAPasscodeRequestByDefault() {
    graph.create(
        TOKEN,
        MeetingRequest.of("Design review", START, Duration.ofMinutes(30)),
        Fixture.deadline());

    wm.verify(
        postRequestedFor(urlEqualTo(BASE))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"subject":"Design review",
                     "startDateTime":"2026-04-01T14:30:00Z","endDateTime":"2026-04-01T15:00:00Z",
                     "joinMeetingIdSettings":{"isPasscodeRequired":true}}
                    """)));
  }

  @Test
  void aSubjectAloneIsSentWithoutTimesToBothCreateAndCreateOrGet() {
    graph.create(TOKEN, MeetingRequest.of("Quick sync"), Fixture.deadline());
    graph.createOrGet(
        TOKEN, MeetingRequest.of("Quick sync").withExternalId("k-1"), Fixture.deadline());

    wm.verify(
        postRequestedFor(urlEqualTo(BASE))
            .withRequestBody(
                equalToJson(
                    "{\"subject\":\"Quick sync\","
                        + "\"joinMeetingIdSettings\":{\"isPasscodeRequired\":true}}")));
    wm.verify(
        postRequestedFor(urlEqualTo(BASE + "/createOrGet"))
            .withRequestBody(equalToJson("{\"externalId\":\"k-1\",\"subject\":\"Quick sync\"}")));
  }

  @Test
  void createSendsEveryOptionWithGraphsWireValues() {
    MeetingRequest request =
        MeetingRequest.builder()
            .subject("Interview: backend engineer")
            .start(Instant.parse("2026-04-01T14:30:00.123456789Z"))
            .duration(Duration.ofMinutes(45))
            .attendee(Attendee.of("ana@contoso.com"))
            .attendee(new Attendee("bo@contoso.com", Attendee.Role.PRESENTER))
            .attendee(new Attendee("cy@contoso.com", Attendee.Role.COORGANIZER))
            .lobbyBypass(new LobbyBypass(LobbyBypass.Scope.ORGANIZATION_EXCLUDING_GUESTS, true))
            .allowedPresenters(AllowedPresenters.ROLE_IS_PRESENTER)
            .passcodeRequired(false)
            .build();

    graph.create(TOKEN, request, Fixture.deadline());

    wm.verify(
        postRequestedFor(urlEqualTo(BASE))
            .withRequestBody(
                equalToJson(
                    """
                    {"subject":"Interview: backend engineer",
                     "startDateTime":"2026-04-01T14:30:00.123Z","endDateTime":"2026-04-01T15:15:00.123Z",
                     "participants":{"attendees":[
                        {"upn":"ana@contoso.com","role":"attendee"},
                        {"upn":"bo@contoso.com","role":"presenter"},
                        {"upn":"cy@contoso.com","role":"coorganizer"}]},
                     "lobbyBypassSettings":{"scope":"organizationExcludingGuests","isDialInBypassEnabled":true},
                     "allowedPresenters":"roleIsPresenter",
                     "joinMeetingIdSettings":{"isPasscodeRequired":false}}
                    """)));
  }

  @ParameterizedTest
  @CsvSource({
    "ORGANIZER, organizer", "ORGANIZATION, organization",
        "ORGANIZATION_AND_FEDERATED, organizationAndFederated",
    "EVERYONE, everyone", "INVITED, invited",
        "ORGANIZATION_EXCLUDING_GUESTS, organizationExcludingGuests"
  })
  void lobbyScopesUseCamelCaseWireValues(LobbyBypass.Scope scope, String wire) {
    graph.update(
        TOKEN,
        "m1",
        MeetingUpdate.builder().lobbyBypass(LobbyBypass.of(scope)).build(),
        Fixture.deadline());

    wm.verify(
        patchRequestedFor(urlEqualTo(BASE + "/m1"))
            .withRequestBody(
                equalToJson(
                    "{\"lobbyBypassSettings\":{\"scope\":\""
                        + wire
                        + "\",\"isDialInBypassEnabled\":false}}")));
  }

  @ParameterizedTest
  @CsvSource({
    "EVERYONE, everyone",
    "ORGANIZATION, organization",
    "ROLE_IS_PRESENTER, roleIsPresenter",
    "ORGANIZER, organizer"
  })
  void allowedPresentersUseGraphsWireValues(AllowedPresenters presenters, String wire) {
    graph.update(
        TOKEN,
        "m1",
        MeetingUpdate.builder().allowedPresenters(presenters).build(),
        Fixture.deadline());

    wm.verify(
        patchRequestedFor(urlEqualTo(BASE + "/m1"))
            .withRequestBody(equalToJson("{\"allowedPresenters\":\"" + wire + "\"}")));
  }

  @Test
  void createOrGetSendsOnlyTheFieldsGraphAcceptsThere() {
    MeetingRequest request =
        MeetingRequest.builder()
            .subject("Interview 8841")
            .start(START)
            .duration(Duration.ofMinutes(30))
            .externalId("interview-8841")
            .attendee(Attendee.of("ana@contoso.com"))
            .lobbyBypass(LobbyBypass.of(LobbyBypass.Scope.EVERYONE))
            .allowedPresenters(AllowedPresenters.ORGANIZER)
            .build();

    graph.createOrGet(TOKEN, request, Fixture.deadline());

    wm.verify(
        postRequestedFor(urlEqualTo(BASE + "/createOrGet"))
            .withRequestBody(
                equalToJson(
                    """
                    {"externalId":"interview-8841","subject":"Interview 8841",
                     "startDateTime":"2026-04-01T14:30:00Z","endDateTime":"2026-04-01T15:00:00Z",
                     "participants":{"attendees":[{"upn":"ana@contoso.com","role":"attendee"}]}}
                    """)));
  }

  @Test
  void updateSendsOnlyWhatChangesAndTheWholeAttendeeList() {
    graph.update(
        TOKEN,
        "m1",
        MeetingUpdate.builder()
            .times(START, START.plus(Duration.ofHours(1)))
            .attendees(List.of())
            .build(),
        Fixture.deadline());

    wm.verify(
        patchRequestedFor(urlEqualTo(BASE + "/m1"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"startDateTime":"2026-04-01T14:30:00Z","endDateTime":"2026-04-01T15:30:00Z",
                     "participants":{"attendees":[]}}
                    """)));
  }

  @Test
  void deleteAcceptsNoContent() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));

    graph.delete(TOKEN, "m1", Fixture.deadline());

    wm.verify(
        anyRequestedFor(urlEqualTo(BASE + "/m1"))
            .withHeader("Authorization", equalTo("Bearer " + Fixture.ACCESS_TOKEN)));
  }
}
