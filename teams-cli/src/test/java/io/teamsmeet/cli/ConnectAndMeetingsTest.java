package io.teamsmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamsmeet.Meeting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConnectAndMeetingsTest extends AgainstFakeMicrosoft {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void connectReceivesTheRedirectOnTheLoopbackListenerAndStoresTheGrant() throws Exception {
    FollowingBrowser browser = new FollowingBrowser();

    Cli.Result result = cli.run(env(), browser, "connect");

    assertThat(result.exitCode()).as(result.all()).isZero();
    URI redirect = browser.redirect();
    assertThat(redirect.getScheme() + "://" + redirect.getHost()).isEqualTo("http://127.0.0.1");
    assertThat(redirect.getPort()).isPositive();
    assertThat(redirect.getPath()).isEqualTo("/callback");
    assertThat(browser.opened().getQuery())
        .contains("redirect_uri=http://127.0.0.1:" + redirect.getPort() + "/callback");
    HttpResponse<String> page = browser.page();
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.body()).contains("Connected").contains("ana@contoso.com");
    assertThat(result.out())
        .contains("Sign in with your Microsoft work account at:")
        .contains(browser.opened().toString())
        .contains("Opened it in your browser.")
        .contains("Connected ana@contoso.com for app user '" + USER + "'")
        .contains("tenant:          " + ANA.tenantId())
        .contains("OnlineMeetings.ReadWrite");
    assertThat(fake.journal().codeRedemptionCount()).isEqualTo(1);
  }

  @Test
  void theKeysetIsOwnerOnlyAndTheStoredRowIsCiphertext() throws Exception {
    connect();

    Path keyset = configDir.resolve("keyset.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset)))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(configDir.resolve("tokens.mv.db"))))
        .isEqualTo("rw-------");
    byte[] row;
    try (LocalStore store = LocalStore.open(configDir)) {
      row = store.readRow(USER).orElseThrow().ciphertext();
    }
    // The journal holds requests, not answers: the next command refreshes with the stored token.
    assertThat(cli.run(env(), "meeting", "create", "--subject", "x").exitCode()).isZero();
    String storedRefreshToken =
        fake.journal()
            .tokenRequests("refresh_token")
            .get(0)
            .formParam("refresh_token")
            .orElseThrow();
    assertThat(DemoCommand.absent(row, ANA.userPrincipalName())).isTrue();
    assertThat(DemoCommand.absent(row, storedRefreshToken)).isTrue();
  }

  @Test
  void aNewConfigDirectoryIsCreatedOwnerOnly() throws Exception {
    Path dir = configDir.resolve("nested").resolve("teams-meetings");
    Map<String, String> env = env();
    env.put("TEAMS_CONFIG_DIR", dir.toString());

    connect(env);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("keyset.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void connectWithoutABrowserPrintsTheUrlToOpen() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                TeamsCli.run(
                    new String[] {"connect", "--no-browser"},
                    env(),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    uri -> {
                      throw new AssertionError("--no-browser must not open a browser");
                    }));
    URI url = waitForUrl(out);

    new FollowingBrowser().follow(url); // the user opens the printed URL by hand

    assertThat(exit.get(60, TimeUnit.SECONDS)).as(out + "\n" + err).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Open it in a browser on this machine.")
        .contains("Connected ana@contoso.com");
  }

  private static URI waitForUrl(ByteArrayOutputStream out) throws InterruptedException {
    Pattern url = Pattern.compile("^  (http://\\S+/authorize\\?\\S+)$", Pattern.MULTILINE);
    for (int i = 0; i < 600; i++) {
      Matcher m = url.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return URI.create(m.group(1));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no URL printed: " + out);
  }

  @Test
  void connectWithJsonPrintsOneObjectAndTheInstructionsOnStderr() throws Exception {
    FollowingBrowser browser = new FollowingBrowser();

    Cli.Result result = cli.run(env(), browser, "connect", "--json");

    assertThat(result.exitCode()).as(result.all()).isZero();
    JsonNode json = JSON.readTree(result.out());
    assertThat(json.get("user").asText()).isEqualTo(USER);
    assertThat(json.get("account").asText()).isEqualTo("ana@contoso.com");
    assertThat(json.get("tenant").asText()).isEqualTo(ANA.tenantId());
    assertThat(json.get("scopes").toString()).contains("OnlineMeetings.ReadWrite");
    assertThat(json.get("connectedAt").asText()).isNotBlank();
    assertThat(result.err()).contains("Sign in with your Microsoft work account at:");
  }

  @Test
  void aConfidentialAppSendsItsSecretFromTheEnvironment() {
    Map<String, String> env = env();
    env.put("TEAMS_CLIENT_ID", CONFIDENTIAL_CLIENT_ID);
    env.put("TEAMS_CLIENT_SECRET", CLIENT_SECRET);

    connect(env);
    // --verbose logs every request: the secret scan after the test covers those lines too
    Cli.Result created =
        cli.run(env, "meeting", "create", "--subject", "Budget", "--no-retry", "--verbose");

    assertThat(created.exitCode()).as(created.all()).isZero();
    assertThat(created.err())
        .contains("POST /login.microsoftonline.com/organizations/oauth2/v2.0/token -> 200");
    assertThat(fake.journal().tokenRequests())
        .allSatisfy(r -> assertThat(r.formParam("client_secret")).contains(CLIENT_SECRET));
    // what the scan after each test looks for: secret, code, verifier, refresh token, access token
    assertThat(secretsSeenByTheFake()).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void aSecretOnTheCommandLineWorksWithAWarning() {
    Map<String, String> env = env();
    env.put("TEAMS_CLIENT_ID", CONFIDENTIAL_CLIENT_ID);
    FollowingBrowser browser = new FollowingBrowser();

    Cli.Result result = cli.run(env, browser, "connect", "--client-secret", CLIENT_SECRET);

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.err())
        .contains("warning: a client secret on the command line is visible to other processes");
  }

  @Test
  void statusShowsTheConnectionAsTextAndJson() throws Exception {
    Cli.Result before = cli.run(env(), "status");
    assertThat(before.exitCode()).isEqualTo(Exit.RECONNECT);
    assertThat(before.out()).contains("state:           not connected: run teams connect");
    assertThat(configDir.resolve("keyset.json")).doesNotExist();

    connect();
    Cli.Result human = cli.run(env(), "status");
    Cli.Result json = cli.run(env(), "status", "--json");

    assertThat(human.exitCode()).as(human.all()).isZero();
    assertThat(human.out())
        .contains("app user:        " + USER)
        .contains("state:           connected")
        .contains("account:         ana@contoso.com")
        .contains("Microsoft app:   " + CLIENT_ID + " (tenant organizations)");
    assertThat(json.exitCode()).isZero();
    JsonNode node = JSON.readTree(json.out());
    assertThat(node.get("state").asText()).isEqualTo("connected");
    assertThat(node.get("connected").asBoolean()).isTrue();
    assertThat(node.get("account").asText()).isEqualTo("ana@contoso.com");
    assertThat(node.get("clientId").asText()).isEqualTo(CLIENT_ID);
    assertThat(fake.journal().graphCallCount()).isZero();
  }

  @Test
  void meetingCreateGetAndDeleteAsText() {
    connect();

    Cli.Result created =
        cli.run(
            env(),
            "meeting",
            "create",
            "--subject",
            "Design review",
            "--start",
            "2030-01-15T10:00:00Z",
            "--duration",
            "1h30m");

    assertThat(created.exitCode()).as(created.all()).isZero();
    Meeting stored = fake.meetings(ANA.userPrincipalName()).get(0);
    assertThat(stored.subject()).contains("Design review");
    assertThat(stored.start()).contains(Instant.parse("2030-01-15T10:00:00Z"));
    assertThat(stored.end()).contains(Instant.parse("2030-01-15T11:30:00Z"));
    assertThat(created.out())
        .startsWith("Meeting created.")
        .contains("subject:         Design review")
        .contains("start:           2030-01-15T10:00:00Z")
        .contains("end:             2030-01-15T11:30:00Z")
        .contains("join URL:        " + stored.joinUrl())
        .contains("join meeting id: " + stored.joinMeetingId().orElseThrow())
        .contains("passcode:        " + stored.passcode().orElseThrow())
        .contains("dial-in:         ")
        .contains("lobby bypass:    organization; dial-in callers wait")
        .contains("presenters:      everyone")
        .doesNotContain("attendees:")
        .contains("Graph id:        " + stored.id())
        .endsWith(
            "Show it again with: teams meeting get "
                + stored.joinMeetingId().orElseThrow()
                + System.lineSeparator());

    Cli.Result got = cli.run(env(), "meeting", "get", stored.id());
    assertThat(got.exitCode()).as(got.all()).isZero();
    assertThat(got.out())
        .contains("subject:         Design review")
        .contains(stored.joinUrl().toString());

    Cli.Result deleted = cli.run(env(), "meeting", "delete", stored.id());
    assertThat(deleted.exitCode()).as(deleted.all()).isZero();
    assertThat(deleted.out()).isEqualTo("Meeting deleted: " + stored.id() + System.lineSeparator());
    assertThat(fake.meetings(ANA.userPrincipalName())).isEmpty();
  }

  @Test
  void meetingCreateGetAndDeleteAsJson() throws Exception {
    connect();

    Cli.Result created =
        cli.run(
            env(),
            "meeting",
            "create",
            "--json",
            "--subject",
            "Standup",
            "--start",
            "now",
            "--duration",
            "PT15M",
            "--external-id",
            "standup-2030-01-15");

    assertThat(created.exitCode()).as(created.all()).isZero();
    JsonNode meeting = JSON.readTree(created.out());
    assertThat(created.out().strip()).doesNotContain("\n");
    assertThat(meeting.fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "subject",
            "start",
            "end",
            "joinUrl",
            "joinMeetingId",
            "passcode",
            "externalId",
            "dialIn",
            "organizer",
            "passcodeRequired",
            "lobbyBypass",
            "allowedPresenters",
            "attendees");
    assertThat(meeting.get("subject").asText()).isEqualTo("Standup");
    assertThat(meeting.get("externalId").asText()).isEqualTo("standup-2030-01-15");
    assertThat(meeting.get("passcode").isNull()).isTrue(); // createOrGet gives none
    assertThat(meeting.get("passcodeRequired").asText()).isEqualTo("false");
    assertThat(meeting.at("/lobbyBypass/scope").asText()).isEqualTo("ORGANIZATION");
    assertThat(meeting.at("/lobbyBypass/dialInBypass").asBoolean()).isFalse();
    assertThat(meeting.get("allowedPresenters").asText()).isEqualTo("EVERYONE");
    assertThat(meeting.get("attendees").isArray()).isTrue();
    assertThat(meeting.get("attendees").size()).isZero();
    Instant start = Instant.parse(meeting.get("start").asText());
    assertThat(Duration.between(start, Instant.parse(meeting.get("end").asText())))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(Duration.between(start, Instant.now()).abs()).isLessThan(Duration.ofMinutes(10));
    String id = meeting.get("id").asText();

    Cli.Result again =
        cli.run(
            env(),
            "meeting",
            "create",
            "--json",
            "--subject",
            "Standup",
            "--external-id",
            "standup-2030-01-15");
    assertThat(JSON.readTree(again.out()).get("id").asText()).isEqualTo(id);
    assertThat(fake.meetings(ANA.userPrincipalName())).hasSize(1);

    JsonNode got = JSON.readTree(cli.run(env(), "meeting", "get", "--json", id).out());
    assertThat(got.get("id").asText()).isEqualTo(id);
    assertThat(got.get("joinUrl").asText()).startsWith("https://teams.microsoft.com/");
    assertThat(got.get("dialIn").get("tollNumbers").isArray()).isTrue();

    Cli.Result deleted = cli.run(env(), "meeting", "delete", "--json", id);
    assertThat(deleted.exitCode()).isZero();
    assertThat(JSON.readTree(deleted.out()).get("deleted").asBoolean()).isTrue();
  }

  @Test
  void getAndDeleteTakeTheJoinMeetingIdThatCreatePrintedAsWellAsTheGraphIdOrTheJoinUrl()
      throws Exception {
    connect();
    Cli.Result created = cli.run(env(), "meeting", "create", "--subject", "Find me");
    cli.run(env(), "meeting", "create", "--subject", "Another one");
    Matcher printed = Pattern.compile("join meeting id: (\\d+)").matcher(created.out());
    assertThat(printed.find()).as(created.out()).isTrue();
    String joinMeetingId = printed.group(1);
    Meeting stored = fake.meetings(ANA.userPrincipalName()).get(0);
    assertThat(joinMeetingId).isEqualTo(stored.joinMeetingId().orElseThrow());

    Cli.Result byJoinId = cli.run(env(), "meeting", "get", joinMeetingId);
    String grouped = joinMeetingId.replaceAll("(\\d{3})(?=\\d)", "$1 "); // as Teams shows it
    Cli.Result byGroupedId = cli.run(env(), "meeting", "get", grouped, "--json");
    Cli.Result byUrl = cli.run(env(), "meeting", "get", stored.joinUrl().toString(), "--json");
    Cli.Result byGraphId = cli.run(env(), "meeting", "get", stored.id(), "--json");

    assertThat(byJoinId.exitCode()).as(byJoinId.all()).isZero();
    assertThat(byJoinId.out())
        .startsWith("Meeting:")
        .contains("subject:         Find me")
        .contains("join meeting id: " + joinMeetingId)
        .contains("Graph id:        " + stored.id());
    for (Cli.Result json : List.of(byGroupedId, byUrl, byGraphId)) {
      assertThat(json.exitCode()).as(json.all()).isZero();
      assertThat(JSON.readTree(json.out()).get("id").asText()).isEqualTo(stored.id());
      assertThat(JSON.readTree(json.out()).get("joinMeetingId").asText()).isEqualTo(joinMeetingId);
    }
    assertThat(grouped).contains(" ");
    assertThat(fake.journal().graphCalls("GET"))
        .extracting(r -> r.path().endsWith("/onlineMeetings"))
        .containsExactly(true, true, true, false);

    Cli.Result deleted = cli.run(env(), "meeting", "delete", joinMeetingId);
    assertThat(deleted.exitCode()).as(deleted.all()).isZero();
    assertThat(deleted.out()).isEqualTo("Meeting deleted: " + stored.id() + System.lineSeparator());
    assertThat(fake.meetings(ANA.userPrincipalName()))
        .extracting(m -> m.subject().orElseThrow())
        .containsExactly("Another one");
  }

  @Test
  void aJoinMeetingIdOrJoinUrlOfNoMeetingExitsSix() throws Exception {
    connect();

    Cli.Result none = cli.run(env(), "meeting", "get", "999 999 999 999");
    Cli.Result noUrl =
        cli.run(env(), "meeting", "delete", "https://teams.microsoft.com/l/meetup-join/none");
    Cli.Result json = cli.run(env(), "meeting", "get", "123456", "--json");

    assertThat(none.exitCode()).isEqualTo(6);
    assertThat(none.out()).isEmpty();
    assertThat(none.err())
        .isEqualTo(
            "teams: meeting not found: your account organizes no meeting with join meeting id"
                + " 999999999999"
                + System.lineSeparator());
    assertThat(noUrl.exitCode()).isEqualTo(6);
    assertThat(noUrl.err()).contains("no meeting with this join URL");
    assertThat(json.exitCode()).isEqualTo(6);
    assertThat(JSON.readTree(json.err()).at("/error/kind").asText()).isEqualTo("not_found");

    Cli.Result spaced = cli.run(env(), "meeting", "get", "https://teams.microsoft.com/l/a b");
    Cli.Result tooLong = cli.run(env(), "meeting", "delete", "1".repeat(65));
    assertThat(spaced.exitCode()).isEqualTo(2);
    assertThat(spaced.err())
        .startsWith(
            "teams: Invalid value for positional parameter 'ID': joinWebUrl must not contain"
                + " whitespace")
        .contains("Try 'teams meeting get --help'");
    assertThat(tooLong.exitCode()).isEqualTo(2);
    assertThat(tooLong.err()).contains("joinMeetingId must be at most 64 digits");
  }

  @Test
  void aStartInThePastIsCreatedWithAWarningOnStderrThatLeavesJsonIntact() throws Exception {
    connect();

    Cli.Result text =
        cli.run(env(), "meeting", "create", "--subject", "Late", "--start", "2001-02-03T10:00Z");
    Cli.Result json =
        cli.run(
            env(),
            "meeting",
            "create",
            "--subject",
            "Late",
            "--json",
            "--start",
            Instant.now().minus(Duration.ofMinutes(10)).toString(),
            "--duration",
            "1h");
    Cli.Result now = cli.run(env(), "meeting", "create", "--subject", "Now", "--json");

    assertThat(text.exitCode()).as(text.all()).isZero();
    assertThat(text.err())
        .matches(
            "teams: warning: --start 2001-02-03T10:00:00Z is \\d+ days ago: the meeting has"
                + " already ended; creating it anyway \\(Graph accepts past times\\)\\R");
    assertThat(text.out()).startsWith("Meeting created.");
    assertThat(json.exitCode()).as(json.all()).isZero();
    assertThat(json.err())
        .startsWith("teams: warning: --start ")
        .contains(" is 10m ago: the meeting has already begun; creating it anyway");
    assertThat(JSON.readTree(json.out()).get("subject").asText()).isEqualTo("Late");
    assertThat(now.err()).isEmpty();
    assertThat(fake.meetings(ANA.userPrincipalName())).hasSize(3);
  }

  @Test
  void everyFileInTheConfigDirectoryIsOwnerOnlyAndH2WritesNoTraceFile() throws Exception {
    connect();
    Cli.Result created = cli.run(env(), "meeting", "create", "--subject", "x");
    // an SQL error: before TRACE_LEVEL_FILE=0, H2 wrote it to tokens.trace.db
    try (LocalStore store = LocalStore.open(configDir);
        java.sql.Connection c = store.dataSource().getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.execute("select * from no_such_table");
    } catch (java.sql.SQLException expected) {
      // the point
    }
    Cli.Result status = cli.run(env(), "status");

    assertThat(created.exitCode()).as(created.all()).isZero();
    assertThat(status.exitCode()).as(status.all()).isZero();
    assertThat(status.err()).isEmpty();
    assertThat(configDir.resolve("tokens.trace.db")).doesNotExist();
    try (java.util.stream.Stream<Path> files = Files.list(configDir)) {
      assertThat(files)
          .filteredOn(Files::isRegularFile)
          .isNotEmpty()
          .allSatisfy(
              f ->
                  assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                      .as(f.toString())
                      .isEqualTo("rw-------"));
    }
  }

  @Test
  void aWorldReadableTraceFileLeftByAnOlderVersionIsNarrowed() throws Exception {
    connect();
    Path oldTrace = configDir.resolve("tokens.trace.db");
    Files.writeString(oldTrace, "old trace");
    Files.setPosixFilePermissions(oldTrace, PosixFilePermissions.fromString("rw-r--r--"));

    Cli.Result status = cli.run(env(), "status");

    assertThat(status.exitCode()).as(status.all()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(oldTrace)))
        .isEqualTo("rw-------");
  }

  @Test
  void disconnectRemovesTheGrant() throws Exception {
    connect();

    Cli.Result result = cli.run(env(), "disconnect");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out())
        .contains("Disconnected app user '" + USER + "': the stored grant was removed.");
    assertThat(cli.run(env(), "status").exitCode()).isEqualTo(Exit.RECONNECT);
    Cli.Result again = cli.run(env(), "disconnect", "--json");
    assertThat(again.exitCode()).isZero();
    JsonNode json = JSON.readTree(again.out());
    assertThat(json.get("disconnected").asBoolean()).isTrue();
    assertThat(json.get("wasConnected").asBoolean()).isFalse();
  }

  @Test
  void theConfigFileConfiguresTheAppWhenNoFlagOrVariableDoes() throws Exception {
    Map<String, String> env = env();
    env.remove("TEAMS_CLIENT_ID");
    env.remove("TEAMS_IDENTITY_ENDPOINT");
    env.remove("TEAMS_GRAPH_ENDPOINT");
    Files.write(
        configDir.resolve("config.properties"),
        List.of(
            "client-id=" + CLIENT_ID,
            "identity-endpoint=" + fake.identityBaseUri(),
            "graph-endpoint=" + fake.graphBaseUri()));

    connect(env);
    Cli.Result created = cli.run(env, "meeting", "create", "--subject", "From the file");

    assertThat(created.exitCode()).as(created.all()).isZero();
  }

  @Test
  void eachAppUserHasItsOwnGrant() {
    connect();
    Map<String, String> other = env();
    other.put("TEAMS_USER", "someone-else");

    assertThat(cli.run(other, "status").exitCode()).isEqualTo(Exit.RECONNECT);
    fake.nextSignIn(BOB.userPrincipalName());
    connect(other);
    assertThat(cli.run(other, "status").out()).contains("bob@contoso.com");
    assertThat(cli.run(env(), "--user", "someone-else", "status").exitCode()).isEqualTo(Exit.USAGE);
    assertThat(cli.run(env(), "status", "--user", "someone-else").out())
        .contains("bob@contoso.com");
    assertThat(cli.run(env(), "status").out()).contains("ana@contoso.com");
  }
}
