package io.teamsmeet.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The program's exit codes: one per decision a script makes. Listed once, in {@code teams --help};
 * each command's help points there.
 */
final class Exit {

  static final int OK = 0;
  static final int INTERNAL = 1;
  static final int USAGE = 2;
  static final int RECONNECT = 3;
  static final int PERMISSION = 4;
  static final int THROTTLED = 5;
  static final int NOT_FOUND = 6;
  static final int CONFIGURATION = 7;
  static final int SIGN_IN = 8;
  static final int SERVICE = 9;
  static final int STORAGE = 10;
  static final int NETWORK = 11;

  /** 128 + SIGINT, what shells report for a program stopped by Ctrl-C. */
  static final int INTERRUPTED = 130;

  private Exit() {}

  /** The list shown under "Exit codes:" in the help. */
  static Map<String, String> descriptions() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("  0", "ok");
    codes.put("  1", "unexpected internal error");
    codes.put(
        "  2",
        "usage: unknown command or option, or a bad value (--start, --port, --client-id...)");
    codes.put(
        "  3",
        "reconnect: run teams connect (not connected, or Microsoft wants a new sign-in; teams event"
            + " without calendar consent: teams connect --events)");
    codes.put(
        "  4",
        "your account has no Teams licence or lacks permission, or its calendar does not allow"
            + " Teams meetings");
    codes.put("  5", "throttled or unavailable: retry after the time shown");
    codes.put("  6", "not found (no such meeting or event organized by your account)");
    codes.put("  7", "configuration: no Microsoft app configured, or its settings are wrong");
    codes.put("  8", "sign-in declined, invalid callback, or not completed in time");
    codes.put("  9", "Microsoft service failure");
    codes.put(" 10", "local storage failure (token database or keyset file)");
    codes.put(
        " 11", "network: Microsoft cannot be reached from here (DNS, refused, connect timeout)");
    codes.put("130", "interrupted (Ctrl-C)");
    return codes;
  }
}
