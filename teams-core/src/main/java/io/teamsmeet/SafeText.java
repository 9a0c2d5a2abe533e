package io.teamsmeet;

/**
 * Makes text that comes from outside the application (Microsoft's error codes and descriptions,
 * AADSTS messages, request ids, a callback's parameters, Graph's fields) safe to put into an
 * exception message, a log line or a terminal: every character that could forge a log line, move
 * the cursor, change colours or reorder what is displayed is replaced by a visible escape {@code
 * \}{@code uXXXX} (for example ESC becomes {@code \}{@code u001B}). Everything else is kept, so a
 * printable value stays exactly as it was.
 *
 * <p>Escaped: the C0 controls U+0000–U+001F (tab, CR and LF included), DEL U+007F, the C1 controls
 * U+0080–U+009F, the line and paragraph separators U+2028 and U+2029, the bidirectional controls
 * U+061C, U+200E, U+200F, U+202A–U+202E and U+2066–U+2069, and unpaired surrogates.
 *
 * <p>The SDK applies it to every text field of {@link ErrorDetails} and to every {@link
 * TeamsException} message; adapters, token stores and tools that write such text themselves (a log
 * line with a response header, a terminal line with a meeting's subject) apply it too. Thread-safe,
 * no state.
 */
public final class SafeText {

  private SafeText() {}

  /**
   * The text with every unsafe character escaped as {@code \}{@code uXXXX}.
   *
   * @param text any text, or null
   * @return the same instance when nothing needed escaping; null for null
   */
  public static String of(String text) {
    if (text == null) {
      return null;
    }
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsafe(text, i)) {
        out.append("\\u").append(String.format("%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether {@code text} holds a character that {@link #of(String)} escapes. */
  static boolean isClean(String text) {
    return firstUnsafe(text) < 0;
  }

  private static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isUnsafe(text, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isUnsafe(String text, int i) {
    char c = text.charAt(i);
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return true;
    }
    if (c < 0x061C) {
      return false;
    }
    if (c == 0x061C
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x2028 && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }
}
