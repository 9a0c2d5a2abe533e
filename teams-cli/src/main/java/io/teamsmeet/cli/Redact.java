package io.teamsmeet.cli;

import java.util.Locale;
import java.util.Set;

/**
 * Makes URLs of the OAuth flow safe to print: the authorization code and any token or secret become
 * {@code [redacted]}, and the sealed {@code state} shows only its first characters.
 */
final class Redact {

  static final String REDACTED = "[redacted]";
  private static final int STATE_SHOWN = 12;
  private static final Set<String> SECRET_PARAMETERS =
      Set.of(
          "code",
          "code_verifier",
          "client_secret",
          "client_assertion",
          "assertion",
          "access_token",
          "refresh_token",
          "id_token");

  private Redact() {}

  /** The URL with its secret query parameters redacted and its state shortened. */
  static String url(String url) {
    int hash = url.indexOf('#');
    // A fragment (response_mode=fragment) can carry the code: never show it.
    String suffix = hash < 0 ? "" : "#" + REDACTED;
    String rest = hash < 0 ? url : url.substring(0, hash);
    int q = rest.indexOf('?');
    if (q < 0) {
      return rest + suffix;
    }
    StringBuilder sb = new StringBuilder(rest.substring(0, q + 1));
    String[] pairs = rest.substring(q + 1).split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        sb.append('&');
      }
      String pair = pairs[i];
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (SECRET_PARAMETERS.contains(name)) {
        sb.append(pair, 0, eq < 0 ? pair.length() : eq).append('=').append(REDACTED);
      } else if (name.equals("state") && eq >= 0) {
        sb.append(pair, 0, eq).append('=').append(shorten(pair.substring(eq + 1)));
      } else {
        sb.append(pair);
      }
    }
    return sb.append(suffix).toString();
  }

  /** The first characters of a sealed value, then "...". */
  static String shorten(String value) {
    return value.length() <= STATE_SHOWN ? value : value.substring(0, STATE_SHOWN) + "...";
  }
}
