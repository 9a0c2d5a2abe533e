package io.teamsmeet.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamsmeet.AllowedPresenters;
import io.teamsmeet.Attendee;
import io.teamsmeet.LobbyBypass;
import io.teamsmeet.Meeting;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Graph's onlineMeetings: bodies, createOrGet, get/patch/delete, ids, auth and licence errors. */
class GraphTest {

  @RegisterExtension
  static final FakeMicrosoftExtension microsoft =
      new FakeMicrosoftExtension(
          FakeMicrosoft.builder()
              .account(FakeAccount.of("ana@contoso.com", "Ana Souza"))
              .account(FakeAccount.of("bob@contoso.com", "Bob Kelly").withAudioConferencing(false))
              .account(
                  FakeAccount.of("carl@contoso.com", "Carl Unlicensed").withTeamsLicensed(false)));

  static final String ISO_UTC_7 = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,7})?Z";

  /** Asserts Graph's error shape and returns the error object. */
  static JsonNode graphError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = Client.json(response).get("error");
    assertThat(FlowTest.fieldNames(error)).containsExactly("code", "message", "innerError");
    assertThat(error.get("code").asText()).isEqualTo(code);
    JsonNode inner = error.get("innerError");
    assertThat(inner.get("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    assertThat(inner.get("request-id").asText())
        .isEqualTo(response.headers().firstValue("request-id").orElseThrow());
    assertThat(inner.get("client-request-id").asText())
        .isEqualTo(response.headers().firstValue("client-request-id").orElseThrow());
    return error;
  }

  String token(FakeMicrosoft fake, String upn) {
    return fake.issueAccessToken(upn);
  }

  @Test
  void createReturns201WithTheFullOnlineMeeting(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String body =
        "{\"subject\":\"Design review\",\"startDateTime\":\"2030-01-15T10:00:00.1234567+01:00\","
            + "\"endDateTime\":\"2030-01-15T09:30:00Z\","
            + "\"joinMeetingIdSettings\":{\"isPasscodeRequired\":true},"
            + "\"lobbyBypassSettings\":{\"scope\":\"everyone\",\"isDialInBypassEnabled\":true},"
            + "\"allowedPresenters\":\"roleIsPresenter\",\"isEntryExitAnnounced\":false,"
            + "\"participants\":{\"attendees\":[{\"upn\":\"bob@contoso.com\",\"role\":\"presenter\"},"
            + "{\"upn\":\"guest@fabrikam.com\"}]}}";
    HttpResponse<String> response = client.create(token(fake, "ana@contoso.com"), body);
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json;odata.metadata=minimal");
    assertThat(response.headers().firstValue("request-id")).isPresent();
    assertThat(response.headers().firstValue("Date")).isPresent();
    JsonNode m = Client.json(response);
    FakeAccount ana = fake.account("ana@contoso.com");

    assertThat(m.get("@odata.context").asText())
        .isEqualTo(
            fake.graphBaseUri()
                + "/v1.0/$metadata#users('"
                + ana.objectId()
                + "')/onlineMeetings/$entity");
    assertThat(m.get("id").asText())
        .contains("_")
        .contains(":")
        .contains("@")
        .endsWith("@thread.v2");
    assertThat(m.get("subject").asText()).isEqualTo("Design review");
    assertThat(m.get("startDateTime").asText()).isEqualTo("2030-01-15T09:00:00.1234567Z");
    assertThat(m.get("endDateTime").asText()).isEqualTo("2030-01-15T09:30:00Z");
    assertThat(m.get("creationDateTime").asText()).matches(ISO_UTC_7);
    assertThat(m.get("joinWebUrl").asText())
        .startsWith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_");
    assertThat(m.has("joinUrl")).as("v1.0 has no joinUrl").isFalse();
    assertThat(m.at("/joinMeetingIdSettings/isPasscodeRequired").asBoolean()).isTrue();
    assertThat(m.at("/joinMeetingIdSettings/joinMeetingId").asText()).matches("\\d{12}");
    assertThat(m.at("/joinMeetingIdSettings/passcode").asText()).matches("[A-Za-z0-9]{6}");
    assertThat(m.at("/audioConferencing/conferenceId").asText()).matches("\\d+");
    assertThat(m.at("/audioConferencing/dialinUrl").asText())
        .startsWith("https://dialin.teams.microsoft.com/");
    assertThat(m.at("/audioConferencing/tollNumber").asText()).startsWith("+");
    assertThat(m.at("/audioConferencing/tollNumbers").size()).isPositive();
    assertThat(m.at("/audioConferencing/tollFreeNumbers").size()).isPositive();
    assertThat(m.at("/chatInfo/threadId").asText())
        .startsWith("19:meeting_")
        .endsWith("@thread.v2");
    assertThat(m.at("/chatInfo/messageId").asText()).isEqualTo("0");
    assertThat(m.at("/chatInfo").has("replyChainMessageId")).isTrue();
    assertThat(m.at("/participants/organizer/upn").asText()).isEqualTo("ana@contoso.com");
    assertThat(m.at("/participants/organizer/role").asText()).isEqualTo("presenter");
    assertThat(m.at("/participants/organizer/identity/user/id").asText()).isEqualTo(ana.objectId());
    assertThat(m.at("/participants/organizer/identity/user/tenantId").asText())
        .isEqualTo(ana.tenantId());
    assertThat(m.at("/participants/organizer/identity/user/displayName").asText())
        .isEqualTo("Ana Souza");
    assertThat(m.at("/participants/attendees/0/upn").asText()).isEqualTo("bob@contoso.com");
    assertThat(m.at("/participants/attendees/0/role").asText()).isEqualTo("presenter");
    assertThat(m.at("/participants/attendees/0/identity/user/id").asText())
        .isEqualTo(fake.account("bob@contoso.com").objectId());
    assertThat(m.at("/participants/attendees/1/role").asText()).isEqualTo("attendee");
    assertThat(m.at("/lobbyBypassSettings/scope").asText()).isEqualTo("everyone");
    assertThat(m.at("/lobbyBypassSettings/isDialInBypassEnabled").asBoolean()).isTrue();
    assertThat(m.get("allowedPresenters").asText()).isEqualTo("roleIsPresenter");
    assertThat(m.get("isEntryExitAnnounced").asBoolean()).isFalse();
    assertThat(m.get("externalId").isNull()).isTrue();
    assertThat(m.get("videoTeleconferenceId").asText()).isNotBlank();
    assertThat(m.has("meetingType")).isTrue();

    Meeting snapshot = fake.meetings("ana@contoso.com").get(0);
    assertThat(snapshot.id()).isEqualTo(m.get("id").asText());
    assertThat(snapshot.passcode()).contains(m.at("/joinMeetingIdSettings/passcode").asText());
    assertThat(snapshot.start()).contains(Instant.parse("2030-01-15T09:00:00.1234567Z"));
    assertThat(snapshot.dialIn()).isPresent();
    assertThat(snapshot.organizer().flatMap(o -> o.upn())).contains("ana@contoso.com");
    assertThat(snapshot.passcodeRequired()).contains(true);
    assertThat(snapshot.lobbyBypass()).contains(new LobbyBypass(LobbyBypass.Scope.EVERYONE, true));
    assertThat(snapshot.allowedPresenters()).contains(AllowedPresenters.ROLE_IS_PRESENTER);
    assertThat(snapshot.attendees())
        .containsExactly(
            new Attendee("bob@contoso.com", Attendee.Role.PRESENTER),
            new Attendee("guest@fabrikam.com", Attendee.Role.ATTENDEE));
  }

  @Test
  void aCreateWithoutSettingsHasGraphsDefaults(FakeMicrosoft fake) {
    Client client = new Client(fake);
    JsonNode m =
        Client.json(client.create(token(fake, "ana@contoso.com"), Client.meetingBody("Plain")));

    assertThat(m.at("/lobbyBypassSettings/scope").asText()).isEqualTo("organization");
    assertThat(m.get("allowedPresenters").asText()).isEqualTo("everyone");
    assertThat(m.at("/participants/attendees").isArray()).isTrue();
    assertThat(m.at("/participants/attendees").size()).isZero();
    Meeting snapshot = fake.meetings("ana@contoso.com").get(0);
    assertThat(snapshot.lobbyBypass()).contains(LobbyBypass.of(LobbyBypass.Scope.ORGANIZATION));
    assertThat(snapshot.allowedPresenters()).contains(AllowedPresenters.EVERYONE);
    assertThat(snapshot.attendees()).isEmpty();
    assertThat(snapshot.passcodeRequired()).contains(false);
  }

  @Test
  void aPlainCreateWithoutTimesStartsNowAndLastsAnHour(FakeMicrosoft fake) {
    Client client = new Client(fake);
    HttpResponse<String> response =
        client.create(token(fake, "ana@contoso.com"), "{\"subject\":\"Quick sync\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode m = Client.json(response);
    Instant start = Instant.parse(m.get("startDateTime").asText());
    assertThat(start).isEqualTo(fake.clock().instant());
    assertThat(Instant.parse(m.get("endDateTime").asText()))
        .isEqualTo(start.plus(Duration.ofHours(1)));
    assertThat(fake.meetings("ana@contoso.com").get(0).end())
        .contains(start.plus(Duration.ofHours(1)));
  }

  @Test
  void withoutIsPasscodeRequiredThePasscodeIsNullAndWithoutAudioConferencingNoDialIn(
      FakeMicrosoft fake) {
    Client client = new Client(fake);
    JsonNode m =
        Client.json(
            client.create(token(fake, "bob@contoso.com"), Client.meetingBody("No passcode")));
    assertThat(m.at("/joinMeetingIdSettings/isPasscodeRequired").asBoolean()).isFalse();
    assertThat(m.at("/joinMeetingIdSettings/passcode").isNull()).isTrue();
    assertThat(m.get("audioConferencing").isNull()).isTrue();
    assertThat(fake.meetings("bob@contoso.com").get(0).dialIn()).isEmpty();
  }

  @Test
  void createOrGetIsIdempotentPerOrganizerAndIgnoresThePasscode(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String ana = token(fake, "ana@contoso.com");
    String body =
        "{\"externalId\":\"interview-8841\",\"subject\":\"Interview\","
            + "\"startDateTime\":\"2030-02-01T08:00:00Z\",\"endDateTime\":\"2030-02-01T09:00:00Z\","
            + "\"joinMeetingIdSettings\":{\"isPasscodeRequired\":true},"
            + "\"lobbyBypassSettings\":{\"scope\":\"everyone\"}}";
    HttpResponse<String> created =
        client.graph("POST", "/me/onlineMeetings/createOrGet", ana, body);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode first = Client.json(created);
    assertThat(first.get("externalId").asText()).isEqualTo("interview-8841");
    assertThat(first.at("/joinMeetingIdSettings/isPasscodeRequired").asBoolean()).isFalse();
    assertThat(first.at("/joinMeetingIdSettings/passcode").isNull()).isTrue();
    assertThat(first.at("/lobbyBypassSettings/scope").asText()).isEqualTo("organization");

    String changed = body.replace("Interview", "Another subject");
    HttpResponse<String> again =
        client.graph("POST", "/me/onlineMeetings/createOrGet", ana, changed);
    assertThat(again.statusCode()).isEqualTo(200);
    JsonNode second = Client.json(again);
    assertThat(second.get("id").asText()).isEqualTo(first.get("id").asText());
    assertThat(second.get("subject").asText()).isEqualTo("Interview");

    HttpResponse<String> bobs =
        client.graph(
            "POST", "/me/onlineMeetings/createOrGet", token(fake, "bob@contoso.com"), body);
    assertThat(bobs.statusCode()).isEqualTo(201);
    assertThat(Client.json(bobs).get("id").asText()).isNotEqualTo(first.get("id").asText());
    assertThat(fake.meetings()).containsOnlyKeys("ana@contoso.com", "bob@contoso.com");
    assertThat(fake.meetings("ana@contoso.com")).hasSize(1);
  }

  @Test
  void createOrGetDates(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String ana = token(fake, "ana@contoso.com");
    JsonNode noTimes =
        Client.json(
            client.graph("POST", "/me/onlineMeetings/createOrGet", ana, "{\"externalId\":\"a\"}"));
    Instant start = Instant.parse(noTimes.get("startDateTime").asText());
    assertThat(start).isEqualTo(fake.clock().instant());
    assertThat(Instant.parse(noTimes.get("endDateTime").asText()))
        .isEqualTo(start.plus(Duration.ofHours(1)));

    JsonNode startOnly =
        Client.json(
            client.graph(
                "POST",
                "/me/onlineMeetings/createOrGet",
                ana,
                "{\"externalId\":\"b\",\"startDateTime\":\"2030-01-01T10:00:00Z\"}"));
    assertThat(startOnly.get("endDateTime").asText()).isEqualTo("2030-01-01T11:00:00Z");

    graphError(
        client.graph(
            "POST",
            "/me/onlineMeetings/createOrGet",
            ana,
            "{\"externalId\":\"c\",\"endDateTime\":\"2030-01-01T10:00:00Z\"}"),
        400,
        "BadRequest");
    graphError(
        client.graph(
            "POST",
            "/me/onlineMeetings/createOrGet",
            ana,
            "{\"externalId\":\"d\",\"startDateTime\":\"2030-01-01T10:00:00Z\",\"endDateTime\":\"2030-01-01T09:00:00Z\"}"),
        400,
        "BadRequest");
    graphError(
        client.graph("POST", "/me/onlineMeetings/createOrGet", ana, "{\"subject\":\"no id\"}"),
        400,
        "BadRequest");
  }

  @Test
  void getPatchAndDeleteWithAUrlEncodedId(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String ana = token(fake, "ana@contoso.com");
    JsonNode created = Client.json(client.create(ana, Client.meetingBody("Before")));
    String id = created.get("id").asText();
    String path = Client.meetingPath(id);
    assertThat(path).contains("%3A").contains("%40");

    HttpResponse<String> got = client.graph("GET", path, ana, null);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(Client.json(got).get("id").asText()).isEqualTo(id);
    // ':' and '@' are legal in a path segment, so the raw form reaches the same meeting
    assertThat(client.graph("GET", "/me/onlineMeetings/" + id, ana, null).statusCode())
        .isEqualTo(200);

    HttpResponse<String> patched =
        client.graph(
            "PATCH",
            path,
            ana,
            "{\"subject\":\"After\",\"lobbyBypassSettings\":{\"scope\":\"organizer\"},"
                + "\"startDateTime\":\"2030-03-01T10:00:00Z\",\"endDateTime\":\"2030-03-01T11:00:00Z\","
                + "\"joinMeetingIdSettings\":{\"isPasscodeRequired\":true},"
                + "\"participants\":{\"attendees\":[{\"upn\":\"bob@contoso.com\"}]}}");
    assertThat(patched.statusCode()).isEqualTo(200);
    JsonNode after = Client.json(patched);
    assertThat(after.get("subject").asText()).isEqualTo("After");
    assertThat(after.at("/lobbyBypassSettings/scope").asText()).isEqualTo("organizer");
    assertThat(after.get("startDateTime").asText()).isEqualTo("2030-03-01T10:00:00Z");
    assertThat(after.at("/joinMeetingIdSettings/passcode").isNull())
        .as("cannot be changed")
        .isTrue();
    assertThat(after.at("/participants/attendees").size()).isEqualTo(1);
    assertThat(after.get("joinWebUrl").asText()).isEqualTo(created.get("joinWebUrl").asText());
    assertThat(after.get("creationDateTime").asText())
        .isEqualTo(created.get("creationDateTime").asText());
    assertThat(fake.meetings("ana@contoso.com").get(0).subject()).contains("After");

    graphError(
        client.graph("PATCH", path, ana, "{\"startDateTime\":\"2030-03-01T10:00:00Z\"}"),
        400,
        "BadRequest");
    graphError(
        client.graph(
            "PATCH", path, ana, "{\"participants\":{\"organizer\":{\"upn\":\"bob@contoso.com\"}}}"),
        400,
        "BadRequest");

    HttpResponse<String> deleted = client.graph("DELETE", path, ana, null);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(deleted.headers().firstValue("request-id")).isPresent();
    graphError(client.graph("GET", path, ana, null), 404, "itemNotFound");
    graphError(client.graph("DELETE", path, ana, null), 404, "itemNotFound");
    assertThat(fake.meetings()).isEmpty();
  }

  @Test
  void anotherOrganizersMeetingIsNotFound(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String id =
        Client.json(client.create(token(fake, "ana@contoso.com"), Client.meetingBody("Ana's")))
            .get("id")
            .asText();
    String bob = token(fake, "bob@contoso.com");
    graphError(client.graph("GET", Client.meetingPath(id), bob, null), 404, "itemNotFound");
    graphError(
        client.graph("PATCH", Client.meetingPath(id), bob, "{\"subject\":\"x\"}"),
        404,
        "itemNotFound");
    graphError(client.graph("DELETE", Client.meetingPath(id), bob, null), 404, "itemNotFound");
    assertThat(fake.meetings("ana@contoso.com")).hasSize(1);
  }

  @Test
  void theUsersPathWorksForTheSignedInUserOnly(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String ana = token(fake, "ana@contoso.com");
    assertThat(
            client
                .graph(
                    "POST", "/users/ana@contoso.com/onlineMeetings", ana, Client.meetingBody("x"))
                .statusCode())
        .isEqualTo(201);
    assertThat(
            client
                .graph(
                    "POST",
                    "/users/" + fake.account("ana@contoso.com").objectId() + "/onlineMeetings",
                    ana,
                    Client.meetingBody("y"))
                .statusCode())
        .isEqualTo(201);
    graphError(
        client.graph("POST", "/users/bob@contoso.com/onlineMeetings", ana, Client.meetingBody("z")),
        403,
        "Forbidden");
  }

  @Test
  void badRequestsGet400(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String ana = token(fake, "ana@contoso.com");
    assertThat(
            graphError(client.create(ana, "{\"subjekt\":\"typo\"}"), 400, "BadRequest")
                .get("message")
                .asText())
        .contains("'subjekt' does not exist on type 'microsoft.graph.onlineMeeting'");
    graphError(client.create(ana, "{\"externalId\":\"x\",\"subject\":\"s\"}"), 400, "BadRequest");
    graphError(client.create(ana, "{not json"), 400, "BadRequest");
    graphError(client.create(ana, "{\"startDateTime\":\"yesterday\"}"), 400, "BadRequest");
    graphError(client.create(ana, "{\"allowedPresenters\":\"nobody\"}"), 400, "BadRequest");
    graphError(
        client.graph("POST", "/me/onlineMeetings", ana, null, Map.of("Content-Type", "text/plain")),
        400,
        "BadRequest");
    graphError(client.graph("GET", "/me/contacts", ana, null), 400, "BadRequest");
    // the calendar API is served, but this token has no Calendars scope
    graphError(client.graph("GET", "/me/calendar", ana, null), 403, "ErrorAccessDenied");
    graphError(client.graph("PUT", "/me/onlineMeetings/x", ana, "{}"), 405, "Request_BadRequest");
    assertThat(fake.meetings()).isEmpty();
  }

  @Test
  void missingUnknownAndExpiredTokensGet401WithAChallenge(FakeMicrosoft fake) {
    Client client = new Client(fake);
    HttpResponse<String> none = client.create(null, Client.meetingBody("x"));
    assertThat(graphError(none, 401, "InvalidAuthenticationToken").get("message").asText())
        .isEqualTo("Access token is empty.");
    assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer realm=\"\"");
    graphError(
        client.create("not-a-token", Client.meetingBody("x")), 401, "InvalidAuthenticationToken");

    String ana = token(fake, "ana@contoso.com");
    fake.expireAccessTokens("ana@contoso.com");
    graphError(client.create(ana, Client.meetingBody("x")), 401, "InvalidAuthenticationToken");
    assertThat(client.create(token(fake, "ana@contoso.com"), Client.meetingBody("x")).statusCode())
        .isEqualTo(201);
  }

  @Test
  void anAccountWithoutATeamsLicenceGets403(FakeMicrosoft fake) {
    Client client = new Client(fake);
    JsonNode error =
        graphError(
            client.create(token(fake, "carl@contoso.com"), Client.meetingBody("x")),
            403,
            "Forbidden");
    assertThat(error.get("message").asText()).contains("license");

    String ana = token(fake, "ana@contoso.com");
    fake.teamsLicensed("ana@contoso.com", false);
    graphError(client.create(ana, Client.meetingBody("x")), 403, "Forbidden");
    fake.teamsLicensed("ana@contoso.com", true);
    assertThat(client.create(ana, Client.meetingBody("x")).statusCode()).isEqualTo(201);
  }

  @Test
  void aTokenWithoutTheOnlineMeetingsScopeGets403(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String verifier = Client.newVerifier();
    Map<String, String> params = client.authorizeParams(verifier, "s");
    params.put("scope", "User.Read offline_access");
    String code = client.authorize(params).get("code");
    Map<String, String> form = client.codeForm(code, verifier);
    form.remove("scope");
    String token = Client.json(client.token(form)).get("access_token").asText();
    graphError(client.create(token, Client.meetingBody("x")), 403, "Forbidden");
  }

  @Test
  void theClientRequestIdIsEchoedElseItIsTheRequestId(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String ana = token(fake, "ana@contoso.com");
    HttpResponse<String> echoed =
        client.graph(
            "POST",
            "/me/onlineMeetings",
            ana,
            Client.meetingBody("x"),
            Map.of("client-request-id", "my-id-1"));
    assertThat(echoed.headers().firstValue("client-request-id")).contains("my-id-1");
    HttpResponse<String> failed =
        client.graph(
            "GET", "/me/onlineMeetings/nope", ana, null, Map.of("client-request-id", "my-id-2"));
    assertThat(graphError(failed, 404, "itemNotFound").at("/innerError/client-request-id").asText())
        .isEqualTo("my-id-2");
    HttpResponse<String> plain = client.create(ana, Client.meetingBody("y"));
    assertThat(plain.headers().firstValue("client-request-id"))
        .isEqualTo(plain.headers().firstValue("request-id"));
  }

  @Test
  void evolvableLobbyScopesNeedThePreferHeader(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String ana = token(fake, "ana@contoso.com");
    String id =
        Client.json(
                client.create(
                    ana, "{\"subject\":\"x\",\"lobbyBypassSettings\":{\"scope\":\"invited\"}}"))
            .get("id")
            .asText();
    assertThat(
            Client.json(client.graph("GET", Client.meetingPath(id), ana, null))
                .at("/lobbyBypassSettings/scope")
                .asText())
        .isEqualTo("unknownFutureValue");
    HttpResponse<String> preferred =
        client.graph(
            "GET",
            Client.meetingPath(id),
            ana,
            null,
            Map.of("Prefer", "include-unknown-enum-members"));
    assertThat(Client.json(preferred).at("/lobbyBypassSettings/scope").asText())
        .isEqualTo("invited");
  }

  @Test
  void filterByJoinWebUrlOrJoinMeetingId(FakeMicrosoft fake) {
    Client client = new Client(fake);
    String ana = token(fake, "ana@contoso.com");
    JsonNode m = Client.json(client.create(ana, Client.meetingBody("findable")));
    client.create(ana, Client.meetingBody("other"));
    String byUrl =
        "/me/onlineMeetings?$filter="
            + URLEncoder.encode("JoinWebUrl eq '" + m.get("joinWebUrl").asText() + "'", UTF_8)
                .replace("+", "%20");
    JsonNode found = Client.json(client.graph("GET", byUrl, ana, null));
    assertThat(found.get("value").size()).isEqualTo(1);
    assertThat(found.at("/value/0/id").asText()).isEqualTo(m.get("id").asText());
    String byId =
        "/me/onlineMeetings?$filter="
            + URLEncoder.encode(
                    "joinMeetingIdSettings/joinMeetingId eq '"
                        + m.at("/joinMeetingIdSettings/joinMeetingId").asText()
                        + "'",
                    UTF_8)
                .replace("+", "%20");
    assertThat(Client.json(client.graph("GET", byId, ana, null)).get("value").size()).isEqualTo(1);
    graphError(client.graph("GET", "/me/onlineMeetings", ana, null), 400, "BadRequest");
  }

  /** A $filter value as a query value, percent-encoded once (a space as %20). */
  private static String filter(String property, String value) {
    return "/me/onlineMeetings?%24filter="
        + URLEncoder.encode(property + " eq '" + value + "'", UTF_8).replace("+", "%20");
  }

  @Test
  void aFilterFindsOnlyTheUsersOwnMeetingsComparedExactlyAndNoneIsAnEmptyCollection(
      FakeMicrosoft fake) {
    Client client = new Client(fake);
    String ana = token(fake, "ana@contoso.com");
    String bob = token(fake, "bob@contoso.com");
    JsonNode anas = Client.json(client.create(ana, Client.meetingBody("ana's")));
    String url = anas.get("joinWebUrl").asText();
    String joinMeetingId = anas.at("/joinMeetingIdSettings/joinMeetingId").asText();

    HttpResponse<String> none =
        client.graph("GET", filter("joinMeetingIdSettings/joinMeetingId", "1"), ana, null);
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(Client.json(none).get("value").isArray()).isTrue();
    assertThat(Client.json(none).get("value").size()).isZero();
    assertThat(Client.json(none).get("@odata.context").asText()).endsWith("/onlineMeetings");
    // Bob asks for Ana's meeting: Graph answers for the token's user only
    for (String byBob :
        new String[] {
          filter("JoinWebUrl", url), filter("joinMeetingIdSettings/joinMeetingId", joinMeetingId)
        }) {
      assertThat(Client.json(client.graph("GET", byBob, bob, null)).get("value").size()).isZero();
    }
    // the join URL is compared as given: its escapes decoded, or encoded twice, find nothing
    String decoded = URLDecoder.decode(url, UTF_8);
    String twice = URLEncoder.encode(url, UTF_8);
    for (String wrong : new String[] {decoded, twice}) {
      assertThat(wrong).isNotEqualTo(url);
      JsonNode nothing = Client.json(client.graph("GET", filter("JoinWebUrl", wrong), ana, null));
      assertThat(nothing.get("value").size()).as(wrong).isZero();
    }
    JsonNode found = Client.json(client.graph("GET", filter("joinWebUrl", url), ana, null));
    assertThat(found.get("value").size()).isEqualTo(1);
    assertThat(found.at("/value/0/@odata.context").isMissingNode()).isTrue();
    assertThat(found.at("/value/0/joinMeetingIdSettings/joinMeetingId").asText())
        .isEqualTo(joinMeetingId);
  }

  @Test
  void theOldestMeetingsAreForgottenBeyondTheLimit() {
    try (FakeMicrosoft small = FakeMicrosoft.builder().maxMeetingsPerOrganizer(2).start()) {
      Client client = new Client(small);
      String ana = small.issueAccessToken("ana@contoso.com");
      client.graph("POST", "/me/onlineMeetings/createOrGet", ana, "{\"externalId\":\"one\"}");
      client.create(ana, Client.meetingBody("two"));
      client.create(ana, Client.meetingBody("three"));
      assertThat(small.meetings("ana@contoso.com"))
          .extracting(m -> m.subject().orElse("-"))
          .containsExactly("two", "three");
      assertThat(
              client
                  .graph("POST", "/me/onlineMeetings/createOrGet", ana, "{\"externalId\":\"one\"}")
                  .statusCode())
          .isEqualTo(201);
    }
  }
}
