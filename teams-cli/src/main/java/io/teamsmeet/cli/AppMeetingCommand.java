package io.teamsmeet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.GraphUser;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.TenantMeetings;
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

/**
 * {@code teams app-meeting}: application mode, meetings of a tenant's users made with the app's own
 * credential (client secret or certificate) and no sign-in. Not thread-safe: one command per
 * process.
 */
@Command(
    name = "app-meeting",
    mixinStandardHelpOptions = true,
    description = {
      "Application mode: create, show and delete meetings of a tenant's users with the app's own"
          + " credential (client secret), no sign-in.",
      "The tenant's administrator must have granted admin consent for the application permission"
          + " OnlineMeetings.ReadWrite.All, and a Teams administrator an application access policy"
          + " (check it with: teams app-meeting check).",
    })
final class AppMeetingCommand {

  /**
   * The organizer, required by every subcommand; the tenant is the common {@code --tenant} (or
   * TEAMS_TENANT, or the config file's), which must be a tenant id or domain here.
   */
  static final class Target {
    @Option(
        names = "--organizer",
        required = true,
        paramLabel = "USER",
        description =
            "The organizer, a user of the tenant given with --tenant (a tenant id or domain):"
                + " a user principal name (ana@contoso.com) or an object id.")
    String user;

    GraphUser graphUser(CommandSpec spec) {
      try {
        return user.contains("@") ? GraphUser.upn(user) : GraphUser.id(user);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), "Invalid value for option '--organizer': " + e.getMessage());
      }
    }
  }

  private static <T> T withTenant(
      CliContext context,
      CommonOptions common,
      CommandSpec spec,
      Target target,
      Function<TenantMeetings, T> body) {
    Settings settings = context.settings(common);
    settings.requireClientId();
    try (Workspace workspace = Workspace.open(settings, context.err());
        TeamsMeetings teams = workspace.teams(Workspace.NO_REDIRECT)) {
      TenantMeetings tenant;
      try {
        tenant = teams.forTenant(settings.tenant());
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), "Invalid value for option '--tenant': " + e.getMessage());
      }
      return body.apply(tenant);
    }
  }

  private static void print(CliContext context, boolean json, String heading, Meeting meeting) {
    if (json) {
      context.out().println(Json.write(Json.meeting(meeting)));
    } else {
      context.out().println(heading);
      Human.meeting(context.out(), "  ", meeting);
    }
  }

  /** {@code teams app-meeting create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = "Create a Teams meeting organized by a user of the tenant.")
  static final class Create implements Callable<Integer> {
    private final CliContext context;

    @Spec CommandSpec spec;

    @Mixin Target target = new Target();

    @Option(names = "--subject", required = true, paramLabel = "TEXT", description = "The subject.")
    String subject;

    @Option(
        names = "--start",
        paramLabel = "TIME",
        defaultValue = "now",
        converter = StartTime.Converter.class,
        description = "now (default), or an ISO-8601 date-time with an offset.")
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
        description = "Your own key: creating again with it returns the same meeting.")
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
      GraphUser user = target.graphUser(spec);
      Instant at = start.resolve(Clock.systemUTC());
      MeetingRequest.Builder request =
          MeetingRequest.builder().subject(subject).start(at).duration(duration);
      if (externalId != null && !externalId.isBlank()) {
        request.externalId(externalId);
      }
      Meeting meeting =
          withTenant(context, common, spec, target, t -> t.create(user, request.build()));
      print(context, common.json, "Meeting created.", meeting);
      return Exit.OK;
    }
  }

  /** {@code teams app-meeting check}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Check that the app may create meetings for the user: admin consent and the Teams"
              + " application access policy. Creates nothing.")
  static final class Check implements Callable<Integer> {
    private final CliContext context;

    @Spec CommandSpec spec;

    @Mixin Target target = new Target();

    @Mixin CommonOptions common;

    Check(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      GraphUser user = target.graphUser(spec);
      withTenant(
          context,
          common,
          spec,
          target,
          t -> {
            t.checkAccess(user);
            return null;
          });
      if (common.json) {
        ObjectNode node = Json.object();
        node.put("tenant", context.settings(common).tenant());
        node.put("user", user.value());
        node.put("access", true);
        context.out().println(Json.write(node));
      } else {
        context
            .out()
            .println(
                "The app may create meetings for "
                    + user.value()
                    + " in "
                    + context.settings(common).tenant()
                    + ".");
      }
      return Exit.OK;
    }
  }

  /** {@code teams app-meeting get ID}. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = "Show one of the user's meetings by its Graph id.")
  static final class Get implements Callable<Integer> {
    private final CliContext context;

    @Spec CommandSpec spec;

    @Mixin Target target = new Target();

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "ID", description = "The meeting's Graph id.")
    String id;

    Get(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      GraphUser user = target.graphUser(spec);
      Meeting meeting = withTenant(context, common, spec, target, t -> t.get(user, id));
      print(context, common.json, "Meeting:", meeting);
      return Exit.OK;
    }
  }

  /** {@code teams app-meeting delete ID}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = "Delete one of the user's meetings by its Graph id.")
  static final class Delete implements Callable<Integer> {
    private final CliContext context;

    @Spec CommandSpec spec;

    @Mixin Target target = new Target();

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "ID", description = "The meeting's Graph id.")
    String id;

    Delete(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      GraphUser user = target.graphUser(spec);
      withTenant(
          context,
          common,
          spec,
          target,
          t -> {
            t.delete(user, id);
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
