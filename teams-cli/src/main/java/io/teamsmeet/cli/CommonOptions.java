package io.teamsmeet.cli;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command that uses the local grant store shares: where it is, which app user,
 * which Microsoft app, and the output format. Resolved against the environment and the config file
 * by {@link Settings#resolve}.
 */
final class CommonOptions {

  @Option(
      names = "--config-dir",
      paramLabel = "DIR",
      description =
          "Where config.properties, the keyset and the grant database live (default:"
              + " $TEAMS_CONFIG_DIR, else $XDG_CONFIG_HOME/teams-meetings, else"
              + " ~/.config/teams-meetings).")
  Path configDir;

  @Option(
      names = "--user",
      paramLabel = "ID",
      description =
          "The application user id the grant is stored under (default: $TEAMS_USER, else the OS user name).")
  String user;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      converter = ClientIds.class,
      description =
          "The app registration's Application (client) id (or $TEAMS_CLIENT_ID, or client-id in config.properties).")
  String clientId;

  @Option(
      names = "--tenant",
      paramLabel = "TENANT",
      description =
          "organizations (default), a tenant id or a verified domain (or $TEAMS_TENANT, or tenant in config.properties).")
  String tenant;

  @Option(
      names = "--client-secret",
      paramLabel = "SECRET",
      description =
          "For a confidential (web) app registration only. Prefer $TEAMS_CLIENT_SECRET or client-secret"
              + " in config.properties: a secret on the command line is visible to other processes.")
  String clientSecret;

  @Option(
      names = "--json",
      description = "Print one JSON object (errors too, on stderr) for scripts.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Log each HTTP request to stderr (method, path, status, request ids; never a token).")
  boolean verbose;

  @Option(names = "--identity-endpoint", hidden = true, paramLabel = "URI")
  URI identityEndpoint;

  @Option(names = "--graph-endpoint", hidden = true, paramLabel = "URI")
  URI graphEndpoint;

  @Option(
      names = "--no-retry",
      hidden = true,
      description = "Fail at once instead of retrying throttled or failed calls.")
  boolean noRetry;
}
