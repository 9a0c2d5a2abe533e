package io.teamsmeet.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command may touch of the outside world, injected so that tests run every command in
 * process: the environment, the two output streams, and the browser.
 *
 * @param env the environment variables
 * @param out where results go
 * @param err where messages, warnings and errors go
 * @param browser opens the sign-in page
 */
record CliContext(
    Map<String, String> env, PrintStream out, PrintStream err, BrowserOpener browser) {

  CliContext {
    env = Map.copyOf(env);
  }

  /**
   * Resolves a command's settings, prints their warnings, and turns on verbose logging if asked.
   */
  Settings settings(CommonOptions options) {
    if (options.verbose) {
      Logging.verbose();
    }
    Settings settings = Settings.resolve(options, env);
    settings.warnings().forEach(w -> err.println("teams: warning: " + w));
    return settings;
  }

  /** Never prints the environment: it may hold TEAMS_CLIENT_SECRET. */
  @Override
  public String toString() {
    return "CliContext[" + env.size() + " environment variables]";
  }
}
