package io.teamsmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

  final Cli cli = new Cli();

  @TempDir Path home;

  Map<String, String> unconfigured() {
    return Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("xdg").toString());
  }

  @Test
  void demoShowsTheThreeStepsAndTheRefreshAndExitsZero() {
    Cli.Result result = cli.run(unconfigured(), "demo");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.err()).isEmpty();
    String out = result.out();
    assertThat(out)
        .contains("1. Connect")
        .contains("/oauth2/v2.0/authorize?client_id=")
        .contains("code_challenge_method=S256")
        .contains("2. Complete")
        .contains("connected:       ana@contoso.com")
        .contains("OnlineMeetings.ReadWrite")
        .contains("bytes of Tink AES-256-GCM ciphertext")
        .contains("\"ana@contoso.com\" appears in the bytes: no")
        .contains("3. Create a meeting")
        .contains("join URL:        https://teams.microsoft.com/l/meetup-join/")
        .contains("meeting id:")
        .contains("passcode:")
        .contains("dial-in:")
        .contains("4. Create a calendar event")
        .contains("invitees:        bob@contoso.com (required)")
        .contains("invitation sent: bob@contoso.com")
        .contains("5. 61 minutes later")
        .contains("token refreshes: 1 ")
        .contains("the refresh token appears in the stored bytes: no")
        .contains("Done.");
  }

  @Test
  void demoPrintsNoCodeAndOnlyTheStartOfTheSealedState() {
    String out = cli.run(unconfigured(), "demo").out();

    assertThat(out).contains("?code=[redacted]&");
    assertThat(Pattern.compile("[?&]code=(?!\\[redacted\\])").matcher(out).find()).isFalse();
    Matcher states = Pattern.compile("[?&]state=([^&\\s]*)").matcher(out);
    int count = 0;
    while (states.find()) {
      count++;
      assertThat(states.group(1)).matches("[A-Za-z0-9_-]{12}\\.\\.\\.");
    }
    assertThat(count).isEqualTo(2);
  }

  @Test
  void demoRemovesItsTemporaryDatabaseButKeepsADataDirectory() throws Exception {
    Path dataDir = home.resolve("demo-data");

    Cli.Result result = cli.run(unconfigured(), "demo", "--data-dir", dataDir.toString());

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(dataDir.resolve("tokens.mv.db")).exists();
    Matcher temp =
        Pattern.compile("H2 database (\\S+)").matcher(cli.run(unconfigured(), "demo").out());
    assertThat(temp.find()).isTrue();
    assertThat(Files.exists(Path.of(temp.group(1)))).isFalse();
  }

  @Test
  void demoWithJsonPrintsOneObjectWithWhatEachStepProduced() throws Exception {
    Cli.Result result = cli.run(unconfigured(), "demo", "--json");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out().strip()).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.get("ok").asBoolean()).isTrue();
    assertThat(json.get("account").asText()).isEqualTo("ana@contoso.com");
    assertThat(json.at("/event/joinUrl").asText()).startsWith("https://teams.microsoft.com/");
    assertThat(json.at("/event/zone").asText()).isEqualTo("Europe/Berlin");
    assertThat(json.at("/event/invitees/0/address").asText()).isEqualTo("bob@contoso.com");
    assertThat(json.at("/event/invitees/0/type").asText()).isEqualTo("required");
    assertThat(json.at("/event/invitees")).hasSize(1);
    assertThat(json.at("/event/invitationsSent/0").asText()).isEqualTo("bob@contoso.com");
    assertThat(json.at("/connect/authorizeUrl").asText()).contains("code_challenge_method=S256");
    assertThat(json.at("/connect/callbackUrl").asText()).contains("?code=[redacted]&");
    assertThat(json.at("/connection/account").asText()).isEqualTo("ana@contoso.com");
    assertThat(json.at("/storedRow/accountInBytes").asBoolean()).isFalse();
    assertThat(json.at("/meeting/joinUrl").asText())
        .startsWith("https://teams.microsoft.com/l/meetup-join/");
    assertThat(json.at("/meeting/joinMeetingId").asText()).matches("\\d+");
    assertThat(json.at("/afterTokenExpiry/tokenRefreshes").asInt()).isEqualTo(1);
    assertThat(json.at("/afterTokenExpiry/storedRow/refreshTokenInBytes").asBoolean()).isFalse();
    assertThat(json.get("tokenStoreRemoved").asBoolean()).isTrue();
    assertThat(Path.of(json.get("tokenStore").asText())).doesNotExist();
  }

  @Test
  void aDemoInterruptedMidwayRemovesItsDatabaseAndPrintsNoStoreError() throws Exception {
    // Ctrl-C as the demo starts step 1: the shutdown hook runs while the steps still go on
    Runnable[] hook = new Runnable[1];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    OutputStream interruptingOut =
        new OutputStream() {
          @Override
          public void write(int b) {
            out.write(b);
            if (hook[0] != null && out.toString(StandardCharsets.UTF_8).contains("1. Connect")) {
              Runnable run = hook[0];
              hook[0] = null;
              run.run();
            }
          }
        };
    CliContext context =
        new CliContext(
            unconfigured(),
            new PrintStream(interruptingOut, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            BrowserOpener.none(),
            h -> {
              hook[0] = h;
              return () -> hook[0] = null;
            });

    int exit = TeamsCli.run(new String[] {"demo"}, context);

    String printed = out.toString(StandardCharsets.UTF_8);
    Matcher database = Pattern.compile("H2 database (\\S+)").matcher(printed);
    assertThat(database.find()).as(printed).isTrue();
    assertThat(exit).isEqualTo(Exit.INTERRUPTED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "teams: demo interrupted; its temporary database was removed" + System.lineSeparator());
    assertThat(printed).contains("1. Connect").doesNotContain("2. Complete");
    assertThat(Path.of(database.group(1)).getParent()).doesNotExist();
  }

  @Test
  void ctrlCOnARealDemoProcessRemovesItsDatabase() throws Exception {
    assumeTrue(
        !System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows"),
        "sends SIGINT with kill");
    Process demo =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TeamsCli.class.getName(),
                "demo")
            .redirectErrorStream(false)
            .start();
    demo.getOutputStream().close();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
    Path database = null;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      Matcher m = Pattern.compile("H2 database (\\S+)").matcher(line);
      if (m.find()) {
        database = Path.of(m.group(1));
        break;
      }
    }
    assertThat(database).as("the demo printed where its database is").isNotNull();
    new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
    lines.transferTo(Writer.nullWriter());
    assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(demo.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(database.getParent()).doesNotExist();
    assumeTrue(demo.exitValue() != 0, "the demo finished before Ctrl-C arrived");
    assertThat(demo.exitValue()).isEqualTo(130);
    assertThat(err)
        .isEqualTo(
            "teams: demo interrupted; its temporary database was removed" + System.lineSeparator());
  }

  @Test
  void noCommandRunsTheDemoWhenNoMicrosoftAppIsConfigured() {
    Cli.Result result = cli.run(unconfigured());

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out())
        .startsWith("No Microsoft app configured")
        .contains("token refreshes: 1 ")
        .contains("Done.");
  }

  @Test
  void noCommandShowsTheHelpWhenAnAppIsConfigured() {
    Cli.Result result =
        cli.run(
            Map.of(
                "HOME",
                home.toString(),
                "TEAMS_CLIENT_ID",
                "11111111-2222-3333-4444-555555555555"));

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: teams").doesNotContain("1. Connect");
  }
}
