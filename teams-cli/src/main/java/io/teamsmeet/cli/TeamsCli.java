package io.teamsmeet.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code teams} program: connect a Microsoft work account and create Teams meetings from the
 * command line, or see the whole flow against an embedded fake Microsoft with {@code teams demo}.
 *
 * <pre>
 * java -jar teams-cli/target/teams-cli.jar demo
 * java -jar teams-cli/target/teams-cli.jar connect --client-id 00000000-0000-0000-0000-000000000000
 * java -jar teams-cli/target/teams-cli.jar meeting create --subject "Design review" --start now --duration 30m
 * </pre>
 *
 * <p>Every failure ends with a message on stderr and an exit code of its own (see {@code teams
 * --help}). Not thread-safe: one command per process, or one {@code run} at a time.
 */
@Command(
    name = "teams",
    mixinStandardHelpOptions = true,
    versionProvider = TeamsCli.Version.class,
    sortOptions = false,
    description = {
      "Connect a Microsoft work account and create Microsoft Teams meetings through Microsoft Graph.",
      "Without a command: runs the demo when no Microsoft app is configured, else shows this help.",
    },
    footerHeading = "%nConfiguration:%n",
    footer = {
      "  The Microsoft app registration (Entra ID) comes from the flags, else from TEAMS_CLIENT_ID,"
          + " TEAMS_TENANT and TEAMS_CLIENT_SECRET, else from client-id, tenant and client-secret"
          + " in config.properties in the config directory (a key it does not know is an error)."
          + " Register the redirect URI below for 'Mobile and desktop applications' (any port"
          + " matches):",
      "    http://127.0.0.1/callback",
      "  and the delegated Microsoft Graph permission OnlineMeetings.ReadWrite (and"
          + " Calendars.ReadWrite for teams event, asked for by teams connect --events).",
      "",
      "  The grant is stored encrypted (Tink AES-256-GCM) in an H2 database in the config"
          + " directory, its key in keyset.json there, readable by you only. A production backend"
          + " should keep its key in a KMS instead (pass a KMS-backed Aead to"
          + " TeamsMeetings.builder().tokenKeys).",
    })
public final class TeamsCli implements Callable<Integer> {

  private final CliContext context;
  private final DemoCommand demo;

  @Spec CommandSpec spec;

  private TeamsCli(CliContext context, DemoCommand demo) {
    this.context = context;
    this.demo = demo;
  }

  /**
   * Runs the program and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err, BrowserOpener.system()));
  }

  /**
   * Runs one command in this process and returns its exit code; the testable entry point.
   *
   * @param args the command line, without the program name
   * @param env the environment variables to read settings from
   * @param out where results go
   * @param err where messages and errors go
   * @param browser opens the sign-in page of {@code teams connect}
   * @return the exit code (see {@link Exit})
   */
  static int run(
      String[] args,
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      BrowserOpener browser) {
    return run(args, new CliContext(env, out, err, browser));
  }

  /** {@link #run(String[], Map, PrintStream, PrintStream, BrowserOpener)} in a given context. */
  static int run(String[] args, CliContext context) {
    PrintStream out = context.out();
    PrintStream err = context.err();
    Logging.configure(err);
    try {
      int code = commandLine(context).execute(args);
      out.flush();
      err.flush();
      return code;
    } catch (RuntimeException | Error e) {
      // Only if a handler itself failed; every command's failure is handled below.
      return Failures.print(Failures.classify(e), false, err);
    }
  }

  static CommandLine commandLine(CliContext context) {
    DemoCommand demo = new DemoCommand(context);
    CommandLine cli = new CommandLine(new TeamsCli(context, demo));
    cli.addSubcommand(demo);
    cli.addSubcommand(new ConnectCommand(context));
    cli.addSubcommand(new StatusCommand(context));
    CommandLine meeting = new CommandLine(new MeetingCommand());
    meeting.addSubcommand(new MeetingCommand.Create(context));
    meeting.addSubcommand(new MeetingCommand.Get(context));
    meeting.addSubcommand(new MeetingCommand.Delete(context));
    cli.addSubcommand(meeting);
    CommandLine event = new CommandLine(new EventCommand());
    event.addSubcommand(new EventCommand.Create(context));
    event.addSubcommand(new EventCommand.Get(context));
    event.addSubcommand(new EventCommand.Cancel(context));
    cli.addSubcommand(event);
    CommandLine appMeeting = new CommandLine(new AppMeetingCommand());
    appMeeting.addSubcommand(new AppMeetingCommand.Create(context));
    appMeeting.addSubcommand(new AppMeetingCommand.Check(context));
    appMeeting.addSubcommand(new AppMeetingCommand.Get(context));
    appMeeting.addSubcommand(new AppMeetingCommand.Delete(context));
    cli.addSubcommand(appMeeting);
    cli.addSubcommand(new DisconnectCommand(context));

    documentExitCodes(cli);
    HelpLayout.apply(cli, context.env());
    cli.setOut(new PrintWriter(context.out(), true));
    cli.setErr(new PrintWriter(context.err(), true));
    cli.setExitCodeExceptionMapper(e -> Failures.classify(e).exitCode());
    cli.setParameterExceptionHandler(usageFailure());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) ->
            Failures.print(Failures.classify(e), jsonRequested(parseResult), context.err()));
    return cli;
  }

  /** The exit-code table once, in {@code teams --help}; each command's help points there. */
  private static void documentExitCodes(CommandLine root) {
    root.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
    root.getCommandSpec().usageMessage().exitCodeList(Exit.descriptions());
    root.getSubcommands().values().forEach(TeamsCli::pointToExitCodes);
  }

  private static void pointToExitCodes(CommandLine command) {
    command
        .getCommandSpec()
        .usageMessage()
        .footerHeading("%n")
        .footer(
            "Exit codes: 0 when it worked, 2 for a bad command line; teams --help lists the"
                + " others (3 reconnect, 6 not found, 7 configuration, ...).");
    command.getSubcommands().values().forEach(TeamsCli::pointToExitCodes);
  }

  /** A bad command line: one line saying what is wrong, one saying where help is; exit 2. */
  private static IParameterExceptionHandler usageFailure() {
    return (ParameterException e, String[] args) -> {
      CommandLine command = e.getCommandLine();
      PrintWriter err = command.getErr();
      err.println("teams: " + e.getMessage());
      if (!UnmatchedArgumentException.printSuggestions(e, err)) {
        err.println(
            "Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
      }
      err.flush();
      return Exit.USAGE;
    };
  }

  private static boolean jsonRequested(ParseResult parseResult) {
    ParseResult last = parseResult;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    return last.hasMatchedOption("--json");
  }

  /** No command: the demo if no Microsoft app is configured, else the help. */
  @Override
  public Integer call() {
    if (!Settings.appConfigured(context.env())) {
      context
          .out()
          .println(
              "No Microsoft app configured (TEAMS_CLIENT_ID or "
                  + Settings.CONFIG_FILE
                  + "): running the demo. See teams --help for the real commands.");
      context.out().println();
      return demo.call();
    }
    spec.commandLine().usage(context.out());
    return Exit.OK;
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = TeamsCli.class.getPackage().getImplementationVersion();
      return new String[] {
        "teams (teams-meetings for Java) " + (version == null ? "development build" : version)
      };
    }
  }
}
