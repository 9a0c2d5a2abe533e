package io.teamsmeet.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command may touch of the outside world, injected so that tests run every command in
 * process: the environment, the two output streams, the browser, and the shutdown hooks (Ctrl-C).
 *
 * @param env the environment variables
 * @param out where results go
 * @param err where messages, warnings and errors go
 * @param browser opens the sign-in page
 * @param shutdownHooks runs clean-up work when the program is interrupted
 */
record CliContext(
    Map<String, String> env,
    PrintStream out,
    PrintStream err,
    BrowserOpener browser,
    ShutdownHooks shutdownHooks) {

  CliContext {
    env = Map.copyOf(env);
  }

  CliContext(Map<String, String> env, PrintStream out, PrintStream err, BrowserOpener browser) {
    this(env, out, err, browser, ShutdownHooks.runtime());
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
