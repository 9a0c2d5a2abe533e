package io.teamsmeet.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds any of a large set of secrets inside a large text in one pass: every secret is indexed by
 * its first {@link Secrets#MIN_LENGTH} characters, every window of that length in the text is
 * looked up, and a hit is confirmed by comparing the whole secret. Token-shaped strings ({@link
 * Secrets#TOKEN_SHAPES}) count as leaks whether or not they were harvested.
 */
final class LeakScanner {

  private final Map<String, List<String>> byPrefix = new HashMap<>();
  private final int size;

  LeakScanner(Set<String> secrets) {
    for (String s : secrets) {
      byPrefix.computeIfAbsent(s.substring(0, Secrets.MIN_LENGTH), k -> new ArrayList<>()).add(s);
    }
    this.size = secrets.size();
  }

  int size() {
    return size;
  }

  /**
   * The leaks in {@code text}, each described without the secret itself (only its length and
   * position).
   */
  List<String> leaks(String text, String where) {
    List<String> found = new ArrayList<>();
    int n = Secrets.MIN_LENGTH;
    for (int i = 0; i + n <= text.length(); i++) {
      List<String> candidates = byPrefix.get(text.substring(i, i + n));
      if (candidates != null) {
        for (String secret : candidates) {
          if (text.startsWith(secret, i)) {
            found.add(
                where
                    + ": a known secret ("
                    + secret.length()
                    + " chars) at offset "
                    + i
                    + " in: "
                    + context(text, i, secret.length()));
          }
        }
      }
    }
    Matcher shape = Secrets.TOKEN_SHAPES.matcher(text);
    while (shape.find()) {
      found.add(
          where
              + ": a token-shaped string at offset "
              + shape.start()
              + " in: "
              + context(text, shape.start(), shape.end() - shape.start()));
    }
    return found;
  }

  /** The line around a hit, with the secret itself masked. */
  private static String context(String text, int at, int length) {
    int start = Math.max(text.lastIndexOf('\n', at) + 1, at - 120);
    int end = text.indexOf('\n', at + length);
    end = Math.min(end < 0 ? text.length() : end, at + length + 120);
    return text.substring(start, at) + "<SECRET>" + text.substring(at + length, end);
  }
}
