package io.teamsmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamsmeet.testkit.Invitation;
import io.teamsmeet.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code teams event create|get|cancel}, run in process against the fake. */
class EventCommandTest extends AgainstFakeMicrosoft {

  static final ObjectMapper JSON = new ObjectMapper();

  private void connectWithEvents() {
    Cli.Result result = cli.run(env(), new FollowingBrowser(), "connect", "--events");
    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("Calendars.ReadWrite");
  }

  private static String idIn(String out) {
    Matcher m = Pattern.compile("teams event get (\\S+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  private static JsonNode lastEventCreate() throws Exception {
    List<RecordedRequest> creates =
        fake.journal().graphCalls("POST").stream()
            .filter(r -> r.path().endsWith("/me/events"))
            .toList();
    assertThat(creates).isNotEmpty();
    return JSON.readTree(creates.get(creates.size() - 1).body());
  }

  @Test
  void createInvitesPeopleInTheGivenZoneAndPrintsTheEvent() throws Exception {
    connectWithEvents();

    Cli.Result result =
        cli.run(
            env(),
            "event",
            "create",
            "--subject",
            "Design review",
            "--start",
            "2027-03-22T10:00",
            "--zone",
            "Europe/Berlin",
            "--duration",
            "45m",
            "--invite",
            "bob@contoso.com",
            "--invite",
            "optional:carol@fabrikam.com",
            "--body",
            "Agenda: the API",
            "--location",
            "Room 4");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .startsWith("Event created.")
        .contains("subject:         Design review")
        .contains("start:           2027-03-22T10:00+01:00[Europe/Berlin]")
        .contains("end:             2027-03-22T10:45+01:00[Europe/Berlin]")
        .contains("join URL:        https://teams.microsoft.com/l/meetup-join/")
        .contains("invitees:        bob@contoso.com (required), carol@fabrikam.com (optional)")
        .contains("Outlook:         https://outlook.office365.com/owa/");
    String id = idIn(result.out());
    assertThat(fake.invitations())
        .extracting(Invitation::eventId, Invitation::attendee, Invitation::type, Invitation::kind)
        .containsExactly(
            tuple(id, "bob@contoso.com", "required", Invitation.Kind.INVITATION),
            tuple(id, "carol@fabrikam.com", "optional", Invitation.Kind.INVITATION));
    JsonNode sent = lastEventCreate();
    assertThat(sent.at("/start/dateTime").asText()).isEqualTo("2027-03-22T10:00:00");
    assertThat(sent.at("/start/timeZone").asText()).isEqualTo("W. Europe Standard Time");
    assertThat(sent.at("/body/contentType").asText()).isEqualTo("text");
    assertThat(sent.at("/body/content").asText()).isEqualTo("Agenda: the API");
    assertThat(sent.at("/location/displayName").asText()).isEqualTo("Room 4");
    assertThat(sent.get("isOnlineMeeting").asBoolean()).isTrue();
    assertThat(sent.get("transactionId").asText()).isNotBlank();
  }

  @Test
  void createWithJsonAndAnEndPrintsOneObject() throws Exception {
    connectWithEvents();

    Cli.Result result =
        cli.run(
            env(),
            "event",
            "create",
            "--subject",
            "Sync",
            "--start",
            "2027-03-22T10:00+01:00",
            "--end",
            "2027-03-22T10:30+01:00",
            "--zone",
            "America/New_York",
            "--invite",
            "resource:room-4@contoso.com",
            "--json");

    assertThat(result.exitCode()).as(result.all()).isZero();
    JsonNode json = JSON.readTree(result.out());
    assertThat(json.get("id").asText()).isNotBlank();
    assertThat(json.get("subject").asText()).isEqualTo("Sync");
    assertThat(json.get("start").asText()).isEqualTo("2027-03-22T09:00:00Z");
    assertThat(json.get("end").asText()).isEqualTo("2027-03-22T09:30:00Z");
    assertThat(json.get("zone").asText()).isEqualTo("America/New_York");
    assertThat(json.get("joinUrl").asText()).startsWith("https://teams.microsoft.com/");
    assertThat(json.at("/invitees/0/address").asText()).isEqualTo("room-4@contoso.com");
    assertThat(json.at("/invitees/0/type").asText()).isEqualTo("resource");
    assertThat(json.get("transactionId").asText()).isNotBlank();
    assertThat(lastEventCreate().at("/start/timeZone").asText()).isEqualTo("Eastern Standard Time");
  }

  @Test
  void getShowsTheEventAndCancelTellsTheInviteesThenItIsGone() throws Exception {
    connectWithEvents();
    String id =
        idIn(
            cli.run(
                    env(),
                    "event",
                    "create",
                    "--subject",
                    "Retro",
                    "--start",
                    "2027-03-22T10:00Z",
                    "--invite",
                    "bob@contoso.com")
                .out());

    Cli.Result got = cli.run(env(), "event", "get", id);
    assertThat(got.exitCode()).as(got.all()).isZero();
    assertThat(got.out())
        .startsWith("Event:")
        .contains("subject:         Retro")
        .contains("Graph id:        " + id);
    JsonNode json = JSON.readTree(cli.run(env(), "event", "get", id, "--json").out());
    assertThat(json.get("id").asText()).isEqualTo(id);

    Cli.Result cancelled = cli.run(env(), "event", "cancel", id, "--comment", "Moved to next week");
    assertThat(cancelled.exitCode()).as(cancelled.all()).isZero();
    assertThat(cancelled.out()).contains("Event cancelled: " + id);
    assertThat(fake.invitations())
        .extracting(Invitation::attendee, Invitation::kind, Invitation::comment)
        .contains(tuple("bob@contoso.com", Invitation.Kind.CANCELLATION, "Moved to next week"));

    Cli.Result gone = cli.run(env(), "event", "get", id);
    assertThat(gone.exitCode()).isEqualTo(Exit.NOT_FOUND);
    assertThat(gone.err()).startsWith("teams: event not found");
    Cli.Result goneJson = cli.run(env(), "event", "cancel", id, "--json");
    assertThat(goneJson.exitCode()).isEqualTo(Exit.NOT_FOUND);
    assertThat(JSON.readTree(goneJson.err()).at("/error/kind").asText()).isEqualTo("not_found");
  }

  @Test
  void aConnectionWithoutTheCalendarPermissionExitsThreeWithTheHint() {
    connect(); // meetings only
    Cli.Result result =
        cli.run(env(), "event", "create", "--subject", "x", "--invite", "bob@contoso.com");

    assertThat(result.exitCode()).isEqualTo(Exit.RECONNECT);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("teams: consent needed for Calendars.ReadWrite: run teams connect --events");
    assertThat(fake.journal().graphCalls("POST")).isEmpty();
    // meetings keep working with that connection
    assertThat(cli.run(env(), "meeting", "create", "--subject", "still fine").exitCode()).isZero();

    Cli.Result json = cli.run(env(), "event", "get", "AAMkAGI2TG93AAA=", "--json");
    assertThat(json.exitCode()).isEqualTo(Exit.RECONNECT);
    assertThat(json.err()).contains("\"kind\":\"scopes_required\"");

    connectWithEvents(); // incremental consent
    assertThat(
            cli.run(env(), "event", "create", "--subject", "x", "--invite", "bob@contoso.com")
                .exitCode())
        .isZero();
  }

  @Test
  void aCalendarThatDoesNotAllowTeamsExitsFour() {
    connectWithEvents();
    fake.allowedOnlineMeetingProviders(ANA.userPrincipalName(), "skypeForBusiness");

    Cli.Result result = cli.run(env(), "event", "create", "--subject", "x");

    assertThat(result.exitCode()).isEqualTo(Exit.PERMISSION);
    assertThat(result.err())
        .startsWith("teams: your calendar does not allow Teams meetings: an administrator")
        .contains("teamsForBusiness");
    assertThat(fake.eventCount(ANA.userPrincipalName())).isZero();
  }

  @Test
  void aLostAnswerPrintsTheTransactionIdThatCreatesTheEventOnce() {
    connectWithEvents();
    fake.graph().slowNext(1, Duration.ofMillis(1)); // the calendar check passes
    fake.graph().truncateNext(1); // Graph creates the event, its answer is cut off

    Cli.Result lost = cli.run(env(), "event", "create", "--subject", "Lost answer");

    assertThat(lost.exitCode()).as(lost.all()).isEqualTo(Exit.SERVICE);
    Matcher m = Pattern.compile("--transaction-id (\\S+)").matcher(lost.err());
    assertThat(m.find()).as(lost.err()).isTrue();
    assertThat(lost.err()).startsWith("teams: the event may have been created");
    assertThat(fake.eventCount(ANA.userPrincipalName())).isEqualTo(1);

    Cli.Result again =
        cli.run(
            env(), "event", "create", "--subject", "Lost answer", "--transaction-id", m.group(1));

    assertThat(again.exitCode()).as(again.all()).isZero();
    assertThat(fake.eventCount(ANA.userPrincipalName())).as("one event, not two").isEqualTo(1);
  }

  @Test
  void badCommandLinesExitTwoBeforeAnyCall() {
    connectWithEvents();
    String[][] lines = {
      {"event", "create", "--subject", "x", "--start", "2027-03-22T10:00"},
      {"event", "create", "--subject", "x", "--start", "tomorrow"},
      {"event", "create", "--subject", "x", "--zone", "Mars/Base"},
      {"event", "create", "--subject", "x", "--end", "2027-03-22T10:00Z", "--duration", "1h"},
      {"event", "create", "--subject", "x", "--invite", "bob"},
      {"event", "create", "--subject", " "},
      {"event", "create", "--invite", "bob@contoso.com"},
      {
        "event",
        "create",
        "--subject",
        "x",
        "--start",
        "2027-03-22T10:00Z",
        "--end",
        "2027-03-22T09:00Z"
      },
      {"event", "get", ".."},
      {"event", "cancel"},
    };
    for (String[] line : lines) {
      Cli.Result result = cli.run(env(), line);
      assertThat(result.exitCode()).as(String.join(" ", line) + "\n" + result.all()).isEqualTo(2);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).startsWith("teams: ");
    }
    assertThat(cli.run(env(), line("--start", "2027-03-22T10:00")).err())
        .contains("has no offset: add --zone");
    assertThat(fake.journal().graphCalls()).isEmpty();
  }

  private static String[] line(String... extra) {
    String[] base = {"event", "create", "--subject", "x"};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void notConnectedExitsThree() {
    Cli.Result result = cli.run(env(), "event", "create", "--subject", "x");

    assertThat(result.exitCode()).isEqualTo(Exit.RECONNECT);
    assertThat(result.err()).startsWith("teams: reconnect: run teams connect");
  }
}
