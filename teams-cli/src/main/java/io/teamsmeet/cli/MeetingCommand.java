package io.teamsmeet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.MeetingService;
import io.teamsmeet.TeamsMeetings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
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

  /** The description of the ID parameter of get and delete. */
  static final String ID_FORMS =
      "The meeting, as teams meeting create printed it: its join meeting id (the digits people"
          + " type into Teams; spaces between groups are fine), its Graph id, or its join URL.";

  /**
   * The SDK checks an id before sending it (a join URL with a space, a join meeting id of 100
   * digits, {@code ..}): that is a bad command line (exit 2), not an internal error.
   */
  private static <T> T refusedIdIsUsage(CommandSpec spec, Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for positional parameter 'ID': " + e.getMessage());
    }
  }

  /** Whether {@link #resolve} needs a lookup to find Graph's id. */
  static boolean looksUp(String ref) {
    String text = ref.strip();
    return isJoinMeetingId(text) || isJoinUrl(text);
  }

  private static boolean isJoinMeetingId(String text) {
    return JOIN_MEETING_ID.matcher(text).matches();
  }

  private static boolean isJoinUrl(String text) {
    return text.regionMatches(true, 0, "https://", 0, 8);
  }

  /** Digits, possibly grouped with spaces as Teams shows them: 123 456 789 012. */
  private static final Pattern JOIN_MEETING_ID = Pattern.compile("[0-9]+(?: [0-9]+)*");

  /**
   * The meeting that {@code ref} names: a join meeting id (digits) or a join URL ({@code https://})
   * is looked up with Graph's filter; anything else is Graph's own id.
   *
   * @throws CliException (not found) if a lookup finds no meeting of this organizer
   */
  static Meeting resolve(MeetingService meetings, String user, String ref) {
    String text = ref.strip();
    if (isJoinMeetingId(text)) {
      String digits = text.replace(" ", "");
      return meetings
          .findByJoinMeetingId(user, digits)
          .orElseThrow(
              () ->
                  CliException.notFound(
                      "meeting not found: your account organizes no meeting with join meeting id "
                          + digits));
    }
    if (isJoinUrl(text)) {
      return meetings
          .findByJoinWebUrl(user, text)
          .orElseThrow(
              () ->
                  CliException.notFound(
                      "meeting not found: your account organizes no meeting with this join URL"));
    }
    return meetings.get(user, ref);
  }

  /**
   * A start in the past is allowed (Graph accepts it, and a meeting that has begun can still be
   * joined), but rarely meant: say so on stderr, which keeps {@code --json} output on stdout
   * intact.
   */
  static Optional<String> pastStartWarning(Instant start, Duration duration, Instant now) {
    if (!start.isBefore(now.minus(PAST_TOLERANCE))) {
      return Optional.empty();
    }
    boolean ended = !start.plus(duration).isAfter(now);
    return Optional.of(
        "--start "
            + start
            + " is "
            + ago(Duration.between(start, now))
            + " ago: the meeting "
            + (ended ? "has already ended" : "has already begun")
            + "; creating it anyway (Graph accepts past times)");
  }

  /** Clocks differ a little: a start a few seconds ago is "now". */
  private static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

  private static String ago(Duration d) {
    long days = d.toDays();
    if (days >= 2) {
      return days + " days";
    }
    return Durations.format(Duration.ofMinutes(Math.max(1, d.toMinutes())));
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
      Instant now = Clock.systemUTC().instant();
      Instant at = start.resolve(Clock.systemUTC());
      pastStartWarning(at, duration, now)
          .ifPresent(warning -> context.err().println("teams: warning: " + warning));
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
      if (!common.json) {
        context
            .out()
            .println(
                "Show it again with: teams meeting get "
                    + meeting.joinMeetingId().map(id -> id.replace(" ", "")).orElse(meeting.id()));
      }
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

    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "ID", description = ID_FORMS)
    String id;

    Get(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Settings settings = context.settings(common);
      Meeting meeting =
          refusedIdIsUsage(
              spec,
              () ->
                  withTeams(
                      context, settings, teams -> resolve(teams.meetings(), settings.user(), id)));
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

    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "ID", description = ID_FORMS)
    String id;

    Delete(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Settings settings = context.settings(common);
      String deleted =
          refusedIdIsUsage(
              spec,
              () ->
                  withTeams(
                      context,
                      settings,
                      teams -> {
                        // a join meeting id or join URL is looked up first; Graph deletes by id
                        String graphId =
                            looksUp(id) ? resolve(teams.meetings(), settings.user(), id).id() : id;
                        teams.meetings().delete(settings.user(), graphId);
                        return graphId;
                      }));
      if (common.json) {
        ObjectNode node = Json.object();
        node.put("id", deleted);
        node.put("deleted", true);
        context.out().println(Json.write(node));
      } else {
        context.out().println("Meeting deleted: " + deleted);
      }
      return Exit.OK;
    }
  }
}
