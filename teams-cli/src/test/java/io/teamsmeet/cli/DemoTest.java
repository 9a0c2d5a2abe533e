package io.teamsmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        .contains("4. 61 minutes later")
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
