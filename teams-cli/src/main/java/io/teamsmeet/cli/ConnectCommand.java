package io.teamsmeet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.ConnectOptions;
import io.teamsmeet.Connection;
import io.teamsmeet.SafeText;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsMeetings;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code teams connect}: signs the user in with Microsoft in a browser and stores the grant,
 * receiving the redirect on a loopback listener ({@code http://127.0.0.1:PORT/callback}).
 */
@Command(
    name = "connect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Connect your Microsoft work account (sign in once in a browser).",
      "Opens the sign-in page in your browser (or prints its URL), receives Microsoft's redirect on"
          + " http://127.0.0.1:PORT/callback and stores the grant encrypted in the config directory.",
    })
final class ConnectCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "0",
      converter = Port.class,
      description =
          "The loopback port to receive the redirect on, 1 to 65535 (default: 0, any free port).")
  int port;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      converter = Durations.class,
      description = "How long to wait for the sign-in (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--login-hint",
      paramLabel = "UPN",
      description = "Pre-fill the sign-in name, e.g. ana@contoso.com.")
  String loginHint;

  @Option(
      names = "--no-browser",
      description = "Only print the sign-in URL; do not open a browser.")
  boolean noBrowser;

  @Option(
      names = "--events",
      description =
          "Also ask for Calendars.ReadWrite, which teams event needs (the app registration must"
              + " list it). Connecting again with it keeps the meetings' permission.")
  boolean events;

  @Mixin CommonOptions common;

  ConnectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = context.settings(common);
    settings.requireClientId();
    // In --json mode stdout carries only the result; the instructions go to stderr.
    PrintStream info = common.json ? context.err() : context.out();
    try (LoopbackReceiver receiver = LoopbackReceiver.start(port);
        Workspace workspace = Workspace.open(settings, context.err());
        TeamsMeetings teams =
            workspace.teams(
                receiver.redirectUri(), events ? Workspace.WITH_EVENTS : Workspace.MEETINGS_ONLY)) {
      ConnectOptions options =
          loginHint == null
              ? ConnectOptions.none()
              : ConnectOptions.builder().loginHint(loginHint).build();
      URI url = teams.beginConnect(settings.user(), options);
      info.println("Sign in with your Microsoft work account at:");
      info.println();
      info.println("  " + url);
      info.println();
      boolean opened = !noBrowser && context.browser().open(url);
      info.println(
          (opened ? "Opened it in your browser. " : "Open it in a browser on this machine. ")
              + "Waiting up to "
              + Durations.format(timeout)
              + " for the redirect to "
              + receiver.redirectUri()
              + " ...");
      info.flush();

      LoopbackReceiver.Callback callback =
          receiver
              .await(timeout)
              .orElseThrow(
                  () ->
                      CliException.signIn(
                          "sign-in not completed: no redirect arrived within "
                              + Durations.format(timeout)
                              + "; run teams connect again"));
      Connection connection;
      try {
        connection = teams.completeConnect(settings.user(), callback.uri());
      } catch (TeamsException | CliException e) {
        callback.page().complete(Pages.failed(Failures.classify(e).headline()));
        throw e;
      }
      callback.page().complete(Pages.connected(connection.accountName().orElse("")));
      print(connection, workspace);
      return Exit.OK;
    }
  }

  /** {@code --port}: 0 to 65535, else a usage error (exit 2) saying so. */
  static final class Port implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int port;
      try {
        port = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 0 || port > 65535) {
        throw new TypeConversionException(
            "'" + value + "' is not a port: use 1 to 65535, or 0 for any free port");
      }
      return port;
    }
  }

  private void print(Connection connection, Workspace workspace) {
    PrintStream out = context.out();
    if (common.json) {
      ObjectNode node = Json.connection(connection);
      node.put("configDir", workspace.settings().configDir().toString());
      out.println(Json.write(node));
      return;
    }
    out.println(
        "Connected "
            + SafeText.of(connection.accountName().orElse("your account"))
            + " for app user '"
            + connection.userId()
            + "'.");
    Human.connection(out, "  ", connection);
    Human.line(
        out,
        "  ",
        "stored in",
        workspace.store().file()
            + " (encrypted; key: "
            + workspace.settings().configDir().resolve(Keys.FILE)
            + ")");
    out.println(
        "Next: teams meeting create --subject \"Design review\" --start now --duration 30m");
  }
}
