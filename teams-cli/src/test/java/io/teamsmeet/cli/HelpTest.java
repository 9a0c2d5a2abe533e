package io.teamsmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HelpTest {

  final Cli cli = new Cli();

  @Test
  void helpListsTheCommandsAndEveryExitCode() {
    Cli.Result result = cli.run(Map.of(), "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("demo", "connect", "status", "meeting", "disconnect")
        .contains("Exit codes:")
        .contains(" 3   reconnect: run teams connect")
        .contains(" 4   your account has no Teams licence or lacks permission")
        .contains(" 5   throttled or unavailable")
        .contains("10   local storage failure")
        .contains("11   network: Microsoft cannot be reached from here")
        .contains("KMS-backed");
  }

  @Test
  void everyCommandDocumentsTheExitCodesAndHidesTheTestOptions() {
    for (String[] command :
        new String[][] {
          {"connect"},
          {"status"},
          {"disconnect"},
          {"meeting", "create"},
          {"meeting", "get"},
          {"meeting", "delete"},
          {"demo"}
        }) {
      String[] args = new String[command.length + 1];
      System.arraycopy(command, 0, args, 0, command.length);
      args[command.length] = "--help";

      Cli.Result result = cli.run(Map.of(), args);

      assertThat(result.exitCode()).as(String.join(" ", command)).isZero();
      assertThat(result.out()).contains("Exit codes:").contains(" 7   configuration");
      assertThat(result.out()).doesNotContain("--identity-endpoint").doesNotContain("--no-retry");
    }
    assertThat(cli.run(Map.of(), "meeting", "create", "--help").out())
        .contains(
            "--subject=TEXT", "--start=TIME", "--duration=DURATION", "--external-id=ID", "--json");
  }

  @Test
  void versionPrints() {
    Cli.Result result = cli.run(Map.of(), "--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("teams (teams-meetings for Java) ");
  }
}
