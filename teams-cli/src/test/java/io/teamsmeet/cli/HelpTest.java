package io.teamsmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelpTest {

  final Cli cli = new Cli();

  static final List<List<String>> COMMANDS =
      List.of(
          List.of(),
          List.of("demo"),
          List.of("connect"),
          List.of("status"),
          List.of("meeting"),
          List.of("meeting", "create"),
          List.of("meeting", "get"),
          List.of("meeting", "delete"),
          List.of("disconnect"));

  /** Text in the help that must never be split across lines: people copy it. */
  static final List<String> UNBREAKABLE =
      List.of(
          "~/.config/teams-meetings",
          "$XDG_CONFIG_HOME/teams-meetings",
          "2026-11-26T10:00+01:00",
          "2026-11-26T10:00:00Z",
          "config.properties",
          "http://127.0.0.1/callback",
          "http://127.0.0.1:PORT/callback",
          "OnlineMeetings.ReadWrite",
          "TeamsMeetings.builder().tokenKeys",
          "https://myapps.microsoft.com",
          "ana@contoso.com");

  private Cli.Result help(int width, List<String> command) {
    String[] args = new String[command.size() + 1];
    for (int i = 0; i < command.size(); i++) {
      args[i] = command.get(i);
    }
    args[command.size()] = "--help";
    return cli.run(Map.of("COLUMNS", Integer.toString(width)), args);
  }

  @Test
  void helpListsTheCommandsAndEveryExitCode() {
    Cli.Result result = cli.run(Map.of(), "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("demo", "connect", "status", "meeting", "disconnect")
        .contains("Exit codes:")
        .contains("  3   reconnect: run teams connect")
        .contains("  4   your account has no Teams licence or lacks permission")
        .contains("  5   throttled or unavailable")
        .contains("  6   not found")
        .contains(" 10   local storage failure")
        .contains(" 11   network: Microsoft cannot be reached from here")
        .contains("130   interrupted (Ctrl-C)")
        .contains("KMS-backed");
  }

  @Test
  void theExitCodeTableIsShownOnceAndEachCommandPointsToIt() {
    for (List<String> command : COMMANDS.subList(1, COMMANDS.size())) {
      Cli.Result result = help(80, command);

      assertThat(result.exitCode()).as(command.toString()).isZero();
      assertThat(result.out())
          .as(command.toString())
          .doesNotContain("Exit codes:\n")
          .doesNotContain("  7   configuration")
          .contains("Exit codes: 0 when it worked, 2 for a bad command line; teams --help lists")
          .doesNotContain("--identity-endpoint")
          .doesNotContain("--no-retry");
    }
    assertThat(help(80, List.of()).out()).containsOnlyOnce("Exit codes:");
    assertThat(cli.run(Map.of(), "meeting", "create", "--help").out())
        .contains(
            "--subject=TEXT", "--start=TIME", "--duration=DURATION", "--external-id=ID", "--json");
  }

  @Test
  void everyCommandThatPrintsResultsTakesJson() {
    for (List<String> command : COMMANDS) {
      if (command.isEmpty() || command.equals(List.of("meeting"))) {
        continue; // the program's help, and a group of commands: they print no results
      }
      assertThat(help(80, command).out()).as(command.toString()).contains("--json");
    }
  }

  @Test
  void helpWrapsAtSpacesOnlyAtAnyWidth() {
    for (int width = 55; width <= 140; width += 3) {
      for (List<String> command : COMMANDS) {
        Cli.Result result = help(width, command);
        String where = "width " + width + ", " + command;

        assertThat(result.exitCode()).as(where).isZero();
        String out = result.out();
        for (String token : UNBREAKABLE) {
          // every token of the help text that holds it is on one line, not cut at a / . : or +
          if (out.replaceAll("\\s+", "").contains(token)) {
            assertThat(out).as(where + ": " + token).contains(token);
          }
        }
        for (String line : out.split("\\R")) {
          if (line.length() > width) {
            // only a single word longer than the room left for it may stick out (after the
            // names of an option, whose description cannot start on another column)
            assertThat(line.strip().replaceFirst("^-.*?\\s{2,}", "")).as(where).doesNotContain(" ");
          }
        }
      }
    }
  }

  @Test
  void continuationLinesKeepPicocliIndents() {
    String out = help(60, List.of("meeting", "create")).out();

    assertThat(out)
        .contains("Usage: teams meeting create [-hvV] [--json]")
        .containsPattern("\n {28}\\[--")
        .contains("      --start=TIME          now (default), or an ISO-8601")
        .containsPattern("\n {30}2026-11-26T10:00\\+01:00");
  }

  @Test
  void versionPrints() {
    Cli.Result result = cli.run(Map.of(), "--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("teams (teams-meetings for Java) ");
  }
}
