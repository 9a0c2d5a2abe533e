package io.teamsmeet.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the program in process, through its entry point, with captured output. */
final class Cli {

  /** What one run printed and returned. */
  record Result(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  /** Every output of the runs made through this fixture, for the secret scan. */
  private final List<String> outputs = new ArrayList<>();

  Result run(Map<String, String> env, BrowserOpener browser, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = TeamsCli.run(args, env, o, e, browser);
    }
    Result result =
        new Result(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    synchronized (outputs) {
      outputs.add(result.all());
    }
    return result;
  }

  Result run(Map<String, String> env, String... args) {
    return run(env, BrowserOpener.none(), args);
  }

  List<String> outputs() {
    synchronized (outputs) {
      return List.copyOf(outputs);
    }
  }
}
