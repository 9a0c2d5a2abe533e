package io.teamsmeet.cli;

/** The small HTML pages the loopback listener answers the browser with. */
final class Pages {

  private Pages() {}

  static String connected(String account) {
    return page(
        "Connected",
        "Your Microsoft account "
            + escape(account)
            + " is connected. You can close this tab and"
            + " return to the terminal.");
  }

  static String failed(String headline) {
    return page("Not connected", escape(headline) + ". Return to the terminal for details.");
  }

  static String alreadyHandled() {
    return page("Already handled", "This sign-in was already handled. Return to the terminal.");
  }

  static String returnToTerminal() {
    return page("teams", "Return to the terminal.");
  }

  static String notFound() {
    return page("Not found", "Nothing here.");
  }

  private static String page(String title, String text) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>teams: "
        + escape(title)
        + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>"
        + escape(title)
        + "</h1><p>"
        + text
        + "</p></body></html>\n";
  }

  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
