package io.teamsmeet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.CalendarEvent;
import io.teamsmeet.DialIn;
import io.teamsmeet.ErrorDetails;
import io.teamsmeet.EventRequest;
import io.teamsmeet.Invitee;
import io.teamsmeet.MeetingNotFoundException;
import io.teamsmeet.TeamsMeetings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code teams event create|get|cancel}: Teams meetings in the connected user's Outlook calendar,
 * with invitations. Needs the delegated permission {@code Calendars.ReadWrite}, which {@code teams
 * connect --events} asks for; a connection made without it exits 3 with that hint.
 */
@Command(
    name = "event",
    mixinStandardHelpOptions = true,
    description = {
      "Create, show or cancel Teams meetings in your Outlook calendar; Outlook sends the invitations.",
      "Needs the Calendars.ReadWrite permission: connect with teams connect --events.",
    })
final class EventCommand {

  /** Runs {@code body} with the SDK for the configured app; closes everything after. */
  private static <T> T withTeams(
      CliContext context, Settings settings, Function<TeamsMeetings, T> body) {
    settings.requireClientId();
    try (Workspace workspace = Workspace.open(settings, context.err());
        TeamsMeetings teams = workspace.teams(Workspace.NO_REDIRECT)) {
      return body.apply(teams);
    } catch (MeetingNotFoundException e) {
      throw CliException.notFound(
          "event not found: your calendar has no such event (cancelled or deleted?)"
              + requestId(e.details()));
    }
  }

  private static String requestId(ErrorDetails d) {
    return d.requestId().map(id -> " (request-id " + id + ")").orElse("");
  }

  /** The SDK checks an id before sending it ({@code ..}): a bad command line, exit 2. */
  private static <T> T refusedIdIsUsage(CommandSpec spec, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for positional parameter 'ID': " + e.getMessage());
    }
  }

  static void print(CliContext context, boolean json, String heading, CalendarEvent event) {
    PrintStream out = context.out();
    if (json) {
      out.println(Json.write(json(event)));
    } else {
      out.println(heading);
      human(out, "  ", event);
    }
  }

  static ObjectNode json(CalendarEvent e) {
    ObjectNode node = Json.object();
    node.put("id", e.id());
    Json.put(node, "subject", e.subject());
    Json.put(node, "start", e.start());
    Json.put(node, "end", e.end());
    node.put("zone", e.zone().getId());
    Json.put(node, "zonedStart", e.zonedStart().map(ZonedDateTime::toString));
    node.put("joinUrl", e.joinUrl().toString());
    Json.put(node, "webLink", e.webLink().map(Object::toString));
    Json.put(node, "iCalUId", e.iCalUId());
    Json.put(node, "transactionId", e.transactionId());
    if (e.dialIn().isPresent()) {
      DialIn d = e.dialIn().get();
      ObjectNode dial = node.putObject("dialIn");
      Json.put(dial, "conferenceId", d.conferenceId());
      dial.set("tollNumbers", Json.strings(d.tollNumbers()));
      dial.set("tollFreeNumbers", Json.strings(d.tollFreeNumbers()));
    } else {
      node.putNull("dialIn");
    }
    ArrayNode invitees = node.putArray("invitees");
    for (Invitee i : e.invitees()) {
      ObjectNode o = invitees.addObject().put("address", i.address());
      Json.put(o, "name", i.name());
      o.put("type", i.type().name().toLowerCase(Locale.ROOT));
    }
    Json.put(node, "recurrence", e.recurrence().map(Object::toString));
    return node;
  }

  static void human(PrintStream out, String indent, CalendarEvent e) {
    Human.line(out, indent, "subject", e.subject().orElse("-"));
    Human.line(out, indent, "start", e.zonedStart().map(ZonedDateTime::toString).orElse("-"));
    Human.line(out, indent, "end", e.zonedEnd().map(ZonedDateTime::toString).orElse("-"));
    Human.line(out, indent, "join URL", e.joinUrl().toString());
    Human.line(out, indent, "invitees", invitees(e.invitees()));
    Human.line(
        out, indent, "dial-in", e.dialIn().map(Human::dialIn).orElse("- (no audio conferencing)"));
    e.recurrence().ifPresent(r -> Human.line(out, indent, "recurrence", r.toString()));
    e.webLink().ifPresent(w -> Human.line(out, indent, "Outlook", w.toString()));
    Human.line(out, indent, "Graph id", e.id());
  }

  static String invitees(List<Invitee> invitees) {
    if (invitees.isEmpty()) {
      return "- (none)";
    }
    List<String> parts = new ArrayList<>();
    for (Invitee i : invitees) {
      parts.add(i.address() + " (" + i.type().name().toLowerCase(Locale.ROOT) + ")");
    }
    return String.join(", ", parts);
  }

  /** {@code --invite [required:|optional:|resource:]ADDRESS}. */
  static Invitee invitee(String value) {
    String text = value.strip();
    int colon = text.indexOf(':');
    Invitee.Type type = Invitee.Type.REQUIRED;
    if (colon > 0) {
      String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
      switch (prefix) {
        case "required" -> type = Invitee.Type.REQUIRED;
        case "optional" -> type = Invitee.Type.OPTIONAL;
        case "resource" -> type = Invitee.Type.RESOURCE;
        default -> prefix = null;
      }
      if (prefix != null) {
        text = text.substring(colon + 1);
      }
    }
    if (text.indexOf('@') <= 0) {
      throw new IllegalArgumentException(
          "'"
              + value
              + "' is not an address: use bob@contoso.com, optional:bob@contoso.com or"
              + " resource:room@contoso.com");
    }
    return new Invitee(text, java.util.Optional.empty(), type);
  }

  /** {@code teams event create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Create a Teams meeting in your Outlook calendar and invite people to it.",
        "Outlook sends each invitee an invitation with the join link.",
      })
  static final class Create implements Callable<Integer> {
    private final CliContext context;

    @Spec CommandSpec spec;

    @Option(
        names = "--subject",
        required = true,
        paramLabel = "TEXT",
        description = "The event's subject.")
    String subject;

    @Option(
        names = "--start",
        paramLabel = "TIME",
        defaultValue = "now",
        converter = EventTime.Converter.class,
        description =
            "now (default), a local date-time read in --zone (2026-11-26T10:00), or one with an"
                + " offset (2026-11-26T10:00+01:00).")
    EventTime start;

    /** Either --end or --duration. */
    static final class Length {
      @Option(
          names = "--end",
          paramLabel = "TIME",
          converter = EventTime.Converter.class,
          description = "When it ends, in the forms of --start.")
      EventTime end;

      @Option(
          names = "--duration",
          paramLabel = "DURATION",
          converter = Durations.class,
          description = "How long, instead of --end: 30m (default), 1h, 1h30m or PT30M.")
      Duration duration;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Length length;

    @Option(
        names = "--zone",
        paramLabel = "ZONE",
        converter = EventTime.Zone.class,
        description =
            "The event's time zone, as Outlook shows it: an IANA zone like Europe/Berlin (default:"
                + " the offset of --start, or UTC).")
    ZoneId zone;

    @Option(
        names = "--invite",
        paramLabel = "ADDRESS",
        description =
            "Invite someone (repeat for more): bob@contoso.com (required attendee),"
                + " optional:carol@fabrikam.com, resource:room-4@contoso.com.")
    List<String> invites = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT", description = "The invitation's text.")
    String body;

    @Option(names = "--location", paramLabel = "TEXT", description = "Where, e.g. a room.")
    String location;

    @Option(
        names = "--transaction-id",
        paramLabel = "ID",
        description =
            "Graph's transactionId: creating again with the same id returns the event created"
                + " before (after an unknown outcome, exit 9 prints the id to reuse).")
    String transactionId;

    @Mixin CommonOptions common;

    Create(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      EventRequest request = request(Clock.systemUTC());
      Settings settings = context.settings(common);
      CalendarEvent event =
          withTeams(context, settings, teams -> teams.events().create(settings.user(), request));
      print(context, common.json, "Event created.", event);
      if (!common.json) {
        context.out().println("Show it again with: teams event get " + event.id());
      }
      return Exit.OK;
    }

    EventRequest request(Clock clock) {
      if (subject.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--subject must not be blank");
      }
      try {
        ZonedDateTime from = start.resolve(zone, clock, "--start");
        ZonedDateTime to;
        if (length != null && length.end != null) {
          to = length.end.resolve(zone == null ? from.getZone() : zone, clock, "--end");
        } else {
          Duration d = length == null || length.duration == null ? null : length.duration;
          to = from.plus(d == null ? Duration.ofMinutes(30) : d);
        }
        EventRequest.Builder b = EventRequest.builder(subject, from, to);
        for (String invite : invites) {
          b.invite(invitee(invite));
        }
        if (body != null) {
          b.bodyText(body);
        }
        if (location != null) {
          b.location(location);
        }
        if (transactionId != null) {
          b.transactionId(transactionId);
        }
        return b.build();
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }

  /** {@code teams event get ID}. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = "Show one of your calendar events with its Teams meeting.")
  static final class Get implements Callable<Integer> {
    private final CliContext context;

    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(
        paramLabel = "ID",
        description = "The event's Graph id, as event create printed it.")
    String id;

    Get(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Settings settings = context.settings(common);
      CalendarEvent event =
          refusedIdIsUsage(
              spec, () -> withTeams(context, settings, t -> t.events().get(settings.user(), id)));
      print(context, common.json, "Event:", event);
      return Exit.OK;
    }
  }

  /** {@code teams event cancel ID --comment TEXT}. */
  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Cancel one of your events: every invitee gets a cancellation (with --comment), and it"
              + " leaves the calendars.")
  static final class Cancel implements Callable<Integer> {
    private final CliContext context;

    @Spec CommandSpec spec;

    @Option(
        names = "--comment",
        paramLabel = "TEXT",
        description = "The message to the invitees, e.g. \"Moved to next week\".")
    String comment;

    @Mixin CommonOptions common;

    @Parameters(
        paramLabel = "ID",
        description = "The event's Graph id, as event create printed it.")
    String id;

    Cancel(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Settings settings = context.settings(common);
      refusedIdIsUsage(
          spec,
          () ->
              withTeams(
                  context,
                  settings,
                  t -> {
                    t.events().cancel(settings.user(), id, comment);
                    return id;
                  }));
      if (common.json) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("cancelled", true);
        context.out().println(Json.write(node));
      } else {
        context.out().println("Event cancelled: " + id + " (the invitees were told)");
      }
      return Exit.OK;
    }
  }
}
