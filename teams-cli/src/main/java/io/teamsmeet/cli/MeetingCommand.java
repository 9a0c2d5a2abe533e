package io.teamsmeet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code teams meeting create|get|delete}: the connected user's Teams meetings. */
@Command(
    name = "meeting",
    mixinStandardHelpOptions = true,
    description = "Create, show or delete Teams meetings organized by your connected account.")
final class MeetingCommand {

  /** Runs {@code body} with the SDK for the configured app; closes everything after. */
  private static <T> T withTeams(
      CliContext context, Settings settings, Function<TeamsMeetings, T> body) {
    settings.requireClientId();
    try (Workspace workspace = Workspace.open(settings, context.err());
        TeamsMeetings teams = workspace.teams(Workspace.NO_REDIRECT)) {
      return body.apply(teams);
    }
  }

  private static void print(CliContext context, boolean json, String heading, Meeting meeting) {
    PrintStream out = context.out();
    if (json) {
      out.println(Json.write(Json.meeting(meeting)));
    } else {
      out.println(heading);
      Human.meeting(out, "  ", meeting);
    }
  }

  /** {@code teams meeting create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Create a Teams meeting organized by your connected account and print how to join it.")
  static final class Create implements Callable<Integer> {
    private final CliContext context;

    @Spec CommandSpec spec;

    @Option(
        names = "--subject",
        required = true,
        paramLabel = "TEXT",
        description = "The meeting's subject.")
    String subject;

    @Option(
        names = "--start",
        paramLabel = "TIME",
        defaultValue = "now",
        converter = StartTime.Converter.class,
        description =
            "now (default), or an ISO-8601 date-time with an offset: 2026-11-26T10:00:00Z, 2026-11-26T10:00+01:00.")
    StartTime start;

    @Option(
        names = "--duration",
        paramLabel = "DURATION",
        defaultValue = "30m",
        converter = Durations.class,
        description = "How long: 30m (default), 1h, 90s, 1h30m or ISO-8601 like PT30M.")
    Duration duration;

    @Option(
        names = "--external-id",
        paramLabel = "ID",
        description =
            "Your own key for the meeting: creating again with the same key returns the same"
                + " meeting (Graph's createOrGet). Such meetings have no passcode.")
    String externalId;

    @Mixin CommonOptions common;

    Create(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (subject.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--subject must not be blank");
      }
      if (externalId != null && externalId.isBlank()) {
        throw new ParameterException(
            spec.commandLine(), "--external-id must not be blank when given");
      }
      Settings settings = context.settings(common);
      Instant at = start.resolve(Clock.systemUTC());
      MeetingRequest.Builder request =
          MeetingRequest.builder().subject(subject).start(at).duration(duration);
      if (externalId != null) {
        request.externalId(externalId);
      }
      Meeting meeting =
          withTeams(
              context,
              settings,
              teams -> teams.meetings().create(settings.user(), request.build()));
      print(context, common.json, "Meeting created.", meeting);
      return Exit.OK;
    }
  }

  /** {@code teams meeting get ID}. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = "Show one of your meetings.")
  static final class Get implements Callable<Integer> {
    private final CliContext context;

    @Mixin CommonOptions common;

    @Parameters(
        paramLabel = "ID",
        description = "The meeting's id, as teams meeting create printed it.")
    String id;

    Get(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Settings settings = context.settings(common);
      Meeting meeting =
          withTeams(context, settings, teams -> teams.meetings().get(settings.user(), id));
      print(context, common.json, "Meeting:", meeting);
      return Exit.OK;
    }
  }

  /** {@code teams meeting delete ID}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = "Delete one of your meetings.")
  static final class Delete implements Callable<Integer> {
    private final CliContext context;

    @Mixin CommonOptions common;

    @Parameters(
        paramLabel = "ID",
        description = "The meeting's id, as teams meeting create printed it.")
    String id;

    Delete(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Settings settings = context.settings(common);
      withTeams(
          context,
          settings,
          teams -> {
            teams.meetings().delete(settings.user(), id);
            return null;
          });
      if (common.json) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("deleted", true);
        context.out().println(Json.write(node));
      } else {
        context.out().println("Meeting deleted: " + id);
      }
      return Exit.OK;
    }
  }
}
