package io.teamsmeet.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code config.properties}, read line by line so that every problem names the file and the line: a
 * key this program does not know (with the valid keys and the closest one), a key set twice, a
 * malformed {@code \}{@code uXXXX} escape, bytes that are not UTF-8. Each entry is parsed with
 * {@link Properties#load} itself, so values mean exactly what they mean in any properties file
 * (escapes, {@code key: value}, continuation lines ending in a backslash).
 */
final class ConfigFile {

  /** The keys {@code teams --help} documents. */
  static final List<String> DOCUMENTED_KEYS =
      List.of("client-id", "tenant", "client-secret", "user");

  /** Also accepted: the endpoints of a fake Microsoft, for tests. */
  private static final List<String> TEST_KEYS = List.of("identity-endpoint", "graph-endpoint");

  /** One value, and where it was written. */
  record Entry(String key, String value, Path file, int line) {

    /** {@code /home/a/.config/teams-meetings/config.properties line 3 (client-id)}. */
    String origin() {
      return file + " line " + line + " (" + key + ")";
    }

    @Override
    public String toString() {
      return "Entry[" + origin() + "]"; // never the value: it may be the client secret
    }
  }

  private final Map<String, Entry> entries;

  private ConfigFile(Map<String, Entry> entries) {
    this.entries = entries;
  }

  static ConfigFile empty() {
    return new ConfigFile(Map.of());
  }

  Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /**
   * Reads {@code file}; a missing file is an empty one.
   *
   * @throws CliException (configuration) naming the file, the line and the problem
   */
  static ConfigFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      return empty();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw CliException.configuration("cannot read " + file + ": " + e.getClass().getSimpleName());
    }
    List<String> lines = lines(file, bytes);
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int first = i + 1;
      String line = lines.get(i);
      String trimmed = line.stripLeading();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
        continue;
      }
      StringBuilder logical = new StringBuilder(line);
      while (endsInEscape(line) && i + 1 < lines.size()) {
        line = lines.get(++i);
        logical.append('\n').append(line);
      }
      Properties one = new Properties();
      try {
        one.load(new StringReader(logical.toString()));
      } catch (IOException | IllegalArgumentException e) {
        throw problem(file, first, "malformed \\uXXXX escape (write \\\\u for a backslash and u)");
      }
      for (String key : one.stringPropertyNames()) {
        if (!DOCUMENTED_KEYS.contains(key) && !TEST_KEYS.contains(key)) {
          throw problem(file, first, unknownKey(key));
        }
        Entry earlier = entries.get(key);
        if (earlier != null) {
          throw problem(
              file, first, key + " is set again (first on line " + earlier.line() + "); keep one");
        }
        entries.put(key, new Entry(key, one.getProperty(key), file, first));
      }
    }
    return new ConfigFile(entries);
  }

  /** The file's lines, each decoded as strict UTF-8 so that a bad byte is named by its line. */
  private static List<String> lines(Path file, byte[] bytes) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        try {
          lines.add(
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT)
                  .decode(ByteBuffer.wrap(bytes, start, end - start))
                  .toString());
        } catch (CharacterCodingException e) {
          throw problem(file, lines.size() + 1, "not UTF-8 text");
        }
        start = i + 1;
      }
    }
    if (!lines.isEmpty() && !lines.get(0).isEmpty() && lines.get(0).charAt(0) == '\uFEFF') {
      lines.set(0, lines.get(0).substring(1)); // a byte order mark
    }
    return lines;
  }

  /** An odd number of backslashes at the end: the entry goes on on the next line. */
  private static boolean endsInEscape(String line) {
    int n = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  private static String unknownKey(String key) {
    String closest = null;
    int best = Integer.MAX_VALUE;
    List<String> all = new ArrayList<>(DOCUMENTED_KEYS);
    all.addAll(TEST_KEYS);
    for (String valid : all) {
      int d = distance(normalized(key), normalized(valid));
      if (d < best) {
        best = d;
        closest = valid;
      }
    }
    String hint = best <= Math.max(2, key.length() / 3) ? " (did you mean " + closest + "?)" : "";
    return "unknown key '"
        + key
        + "'"
        + hint
        + "; the keys are "
        + String.join(", ", DOCUMENTED_KEYS);
  }

  /** {@code clientId}, {@code client_id} and {@code CLIENT-ID} all look like {@code client-id}. */
  private static String normalized(String key) {
    return key.toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace(".", "-");
  }

  /** Levenshtein distance, with an insertion of '-' free (clientid is client-id). */
  private static int distance(String a, String b) {
    String x = a.replace("-", "");
    String y = b.replace("-", "");
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int substitute = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }

  private static CliException problem(Path file, int line, String what) {
    return CliException.configuration(file + " line " + line + ": " + what);
  }
}
