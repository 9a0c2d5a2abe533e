package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the published modules says in its Javadoc whether it is thread-safe (issue
 * 14, "Done means"). The main sources are read as text; the public types are the public top-level
 * types and the nested types a user can reach: declared {@code public}, or members of an interface
 * (implicitly public), inside a public type. {@code package-info.java} files declare no type and
 * are skipped; teams-cli is a program, not a library, and is not read.
 *
 * <p>The vocabulary. The Javadoc must contain a sentence that begins with one of these phrases (at
 * the start of the comment, after a sentence's end, or after {@code <p>}), followed by what makes
 * it true:
 *
 * <ul>
 *   <li>{@code Immutable} - no state changes after construction; so thread-safe (values, records,
 *       enums, exceptions, settings);
 *   <li>{@code Thread-safe} - one instance may be shared by and used from several threads at once
 *       (services, stores, fakes);
 *   <li>{@code Not thread-safe} - confine an instance to one thread, or guard it (builders, test
 *       fixtures);
 *   <li>{@code Stateless} - no instances or no state at all (static helpers); so thread-safe;
 *   <li>{@code Implementations must be} - for interfaces and classes meant to be extended: what
 *       every implementation guarantees, e.g. "Implementations must be thread-safe".
 * </ul>
 */
class ThreadSafetyDocumentedTest {

  /** The published modules; teams-cli (a program), the tests and the benchmarks are not. */
  private static final List<String> PUBLISHED =
      List.of(
          "teams-core",
          "teams-feign-adapter",
          "teams-tokenstore-jdbc",
          "teams-tokenstore-memory",
          "teams-testkit",
          "teams-spring-boot-starter",
          "teams-graph-sdk");

  static final Pattern VOCABULARY =
      Pattern.compile(
          "(?:^|[.!?:;]\\s+|<p>\\s*)"
              + "(?:Immutable|Thread-safe|Not thread-safe|Stateless|Implementations must be)\\b");

  /**
   * A type declaration at the start of a line (comments and literals already blanked): annotations,
   * modifiers, the kind and the name.
   */
  private static final Pattern DECLARATION =
      Pattern.compile(
          "^[ \\t]*((?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*)"
              + "((?:(?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)"
              + "\\s+)*)(class|interface|@interface|enum|record)\\s+(\\w+)",
          Pattern.MULTILINE);

  /** What may stand between a Javadoc comment and its declaration: blanks and annotations. */
  private static final Pattern ANNOTATIONS_ONLY =
      Pattern.compile("\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*");

  @Test
  void everyPublicTypeSaysWhetherItIsThreadSafe() throws IOException {
    List<PublicType> types = new ArrayList<>();
    for (String module : PUBLISHED) {
      Path sources = Path.of("..", module, "src", "main", "java");
      assertThat(sources).as("main sources of " + module).isDirectory();
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path file :
            files
                .filter(p -> p.toString().endsWith(".java"))
                .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                .sorted()
                .toList()) {
          types.addAll(publicTypes(file));
        }
      }
    }

    assertThat(types)
        .as("the parser finds the public types (a sample)")
        .extracting(PublicType::name)
        .contains(
            "TeamsMeetings",
            "TeamsMeetings.Builder",
            "TokenStore",
            "AppCredential.Secret",
            "JdbcTokenStore.Dialect",
            "FakeMicrosoft.Builder")
        .doesNotContain("Retrier", "ClientCredential.Certificate")
        .hasSizeGreaterThan(60);

    List<String> offenders =
        types.stream()
            .filter(t -> t.problem() != null)
            .map(t -> t.where() + ": " + t.kind() + " " + t.name() + ": " + t.problem())
            .toList();
    assertThat(offenders)
        .as(
            "public types whose Javadoc does not say whether they are thread-safe (begin a"
                + " sentence with Immutable, Thread-safe, Not thread-safe, Stateless or"
                + " Implementations must be; see this test's Javadoc)")
        .isEmpty();
  }

  /** A public type: where it is declared, and what is wrong with its Javadoc (null if nothing). */
  record PublicType(String where, String kind, String name, String problem) {}

  /** An open type body: its name, kind, whether it is reachable, and the brace depth inside it. */
  private record Enclosing(String name, String kind, boolean exposed, int depth) {}

  static List<PublicType> publicTypes(Path file) throws IOException {
    String source = Files.readString(file);
    List<int[]> javadocs = new ArrayList<>();
    String code = blankCommentsAndLiterals(source, javadocs);
    int[] depthAt = braceDepths(code);

    List<PublicType> found = new ArrayList<>();
    Deque<Enclosing> enclosing = new ArrayDeque<>();
    Matcher m = DECLARATION.matcher(code);
    while (m.find()) {
      int start = m.start(1) + leadingBlanks(code, m.start(1));
      int depth = depthAt[m.start(3)];
      while (!enclosing.isEmpty() && enclosing.peek().depth() > depth) {
        enclosing.pop();
      }
      Enclosing outer = enclosing.peek();
      if (depth > 0 && (outer == null || outer.depth() != depth)) {
        continue; // a local type inside a method, or an anonymous class's member: not public API
      }
      String modifiers = m.group(2);
      String kind = m.group(3);
      boolean exposed =
          outer == null
              ? modifiers.contains("public")
              : outer.exposed()
                  && (modifiers.contains("public")
                      || outer.kind().equals("interface")
                      || outer.kind().equals("@interface"));
      String name = outer == null ? m.group(4) : outer.name() + "." + m.group(4);
      int body = code.indexOf('{', m.end());
      if (body >= 0) {
        enclosing.push(new Enclosing(name, kind, exposed, depthAt[body] + 1));
      }
      if (exposed) {
        String where = file.normalize() + ":" + lineOf(source, m.start(3));
        found.add(new PublicType(where, kind, name, problem(source, code, javadocs, start)));
      }
    }
    return found;
  }

  private static String problem(String source, String code, List<int[]> javadocs, int start) {
    int[] doc = null;
    for (int[] candidate : javadocs) {
      if (candidate[1] <= start) {
        doc = candidate;
      }
    }
    if (doc == null || !ANNOTATIONS_ONLY.matcher(code.substring(doc[1], start)).matches()) {
      return "no Javadoc comment";
    }
    String text =
        source
            .substring(doc[0] + 3, doc[1] - 2)
            .lines()
            .map(l -> l.strip().replaceFirst("^\\*\\s?", ""))
            .collect(Collectors.joining(" "))
            .replaceAll("\\s+", " ")
            .strip();
    return VOCABULARY.matcher(text).find()
        ? null
        : "its Javadoc does not say whether it is thread-safe";
  }

  /**
   * The source with comments, string, text-block and character literals replaced by blanks (line
   * breaks kept, so offsets and line numbers stay); the spans of Javadoc comments are collected.
   */
  static String blankCommentsAndLiterals(String source, List<int[]> javadocs) {
    StringBuilder out = new StringBuilder(source);
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      int end;
      if (source.startsWith("/*", i)) {
        int close = source.indexOf("*/", i + 2);
        end = close < 0 ? n : close + 2;
        if (source.startsWith("/**", i) && !source.startsWith("/**/", i)) {
          javadocs.add(new int[] {i, end});
        }
      } else if (source.startsWith("//", i)) {
        int eol = source.indexOf('\n', i);
        end = eol < 0 ? n : eol;
      } else if (source.startsWith("\"\"\"", i)) {
        int close = source.indexOf("\"\"\"", i + 3);
        while (close > 0 && source.charAt(close - 1) == '\\') {
          close = source.indexOf("\"\"\"", close + 1);
        }
        end = close < 0 ? n : close + 3;
      } else if (c == '"' || c == '\'') {
        end = i + 1;
        while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end + 1, n);
      } else {
        i++;
        continue;
      }
      for (int k = i; k < end; k++) {
        if (out.charAt(k) != '\n') {
          out.setCharAt(k, ' ');
        }
      }
      i = end;
    }
    return out.toString();
  }

  /** For each offset, the number of braces open before it. */
  private static int[] braceDepths(String code) {
    int[] depths = new int[code.length() + 1];
    int depth = 0;
    for (int i = 0; i < code.length(); i++) {
      depths[i] = depth;
      char c = code.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
    }
    depths[code.length()] = depth;
    return depths;
  }

  private static int leadingBlanks(String code, int from) {
    int i = from;
    while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
      i++;
    }
    return i - from;
  }

  private static int lineOf(String source, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
