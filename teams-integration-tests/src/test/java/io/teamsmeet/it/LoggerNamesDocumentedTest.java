package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/logging.md's table of loggers is the code's: every {@code System.getLogger} of the main code
 * of the published modules is read from source, its name resolved through the module's {@code
 * Loggers} constants, and every level it logs at collected; the table must list exactly these
 * (logger, level) pairs, and the README must name every logger. So a logger added, renamed or given
 * a new level without the guide fails here. teams-benchmarks is not published and not read.
 */
class LoggerNamesDocumentedTest {

  private static final Path ROOT = Path.of("..");
  private static final Path GUIDE = ROOT.resolve("docs").resolve("logging.md");

  private static final Pattern GET_LOGGER = Pattern.compile("System\\.getLogger\\(([^)]*)\\)");
  private static final Pattern LOGGER_FIELD =
      Pattern.compile("System\\.Logger\\s+(\\w+)\\s*=\\s*System\\.getLogger");
  private static final Pattern CONSTANT =
      Pattern.compile("static final String (\\w+)\\s*=\\s*\"([^\"]+)\";");
  private static final Pattern TABLE_ROW =
      Pattern.compile("^\\| `(io\\.teamsmeet[\\w.]*)` \\| (\\w+) \\|", Pattern.MULTILINE);

  @Test
  void everyLoggerOfTheMainCodeAndEachOfItsLevelsIsInTheGuidesTable() throws IOException {
    Set<String> inCode = loggersAndLevelsOfTheMainCode();
    Set<String> inGuide = new TreeSet<>();
    Matcher row = TABLE_ROW.matcher(Files.readString(GUIDE));
    while (row.find()) {
      inGuide.add(row.group(1) + " " + row.group(2));
    }

    assertThat(inCode).as("(logger, level) pairs of the main code").hasSizeGreaterThan(5);
    assertThat(inGuide).as("docs/logging.md, section Loggers").isEqualTo(inCode);
  }

  @Test
  void theReadmeNamesEveryLogger() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Set<String> names =
        loggersAndLevelsOfTheMainCode().stream()
            .map(pair -> pair.substring(0, pair.indexOf(' ')))
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(names).allSatisfy(name -> assertThat(readme).contains("`" + name + "`"));
  }

  @Test
  void noPublishedModuleLogsThroughAnotherApi() {
    List<String> others = new ArrayList<>();
    for (Path source : mainSources()) {
      String text = read(source);
      if (text.contains("import java.util.logging")
          || text.contains("import org.slf4j")
          || text.contains("import org.apache.logging")) {
        others.add(ROOT.relativize(source).toString().replace('\\', '/'));
      }
    }
    // the teams command configures java.util.logging (where System.Logger goes): it logs nothing
    assertThat(others).containsExactly("teams-cli/src/main/java/io/teamsmeet/cli/Logging.java");
  }

  /** "logger LEVEL" for every level each logger of the main code logs at. */
  private static Set<String> loggersAndLevelsOfTheMainCode() {
    Set<String> pairs = new TreeSet<>();
    Map<Path, Map<String, String>> constants = new TreeMap<>();
    for (Path source : mainSources()) {
      String text = read(source);
      Matcher call = GET_LOGGER.matcher(text);
      if (!call.find()) {
        continue;
      }
      String where = ROOT.relativize(source).toString();
      String name = resolve(call.group(1).strip(), source, constants, where);
      assertThat(call.find()).as(where + ": one logger per class").isFalse();
      Matcher field = LOGGER_FIELD.matcher(text);
      assertThat(field.find()).as(where + ": a System.Logger field").isTrue();
      Matcher level =
          Pattern.compile(
                  "\\b"
                      + Pattern.quote(field.group(1))
                      + "\\.log\\(\\s*(?:System\\.Logger\\.|java\\.lang\\.System\\.Logger\\.)?Level\\.(\\w+)")
              .matcher(text);
      boolean logs = false;
      while (level.find()) {
        pairs.add(name + " " + level.group(1));
        logs = true;
      }
      assertThat(logs).as(where + ": logs through " + name).isTrue();
    }
    return pairs;
  }

  /** The logger name a {@code System.getLogger} argument stands for: a Loggers constant. */
  private static String resolve(
      String argument, Path source, Map<Path, Map<String, String>> constants, String where) {
    Matcher constant = Pattern.compile("Loggers\\.(\\w+)").matcher(argument);
    assertThat(constant.matches())
        .as(where + ": System.getLogger(" + argument + ") must name a Loggers constant")
        .isTrue();
    Map<String, String> names =
        constants.computeIfAbsent(
            source.getParent(),
            dir -> {
              Map<String, String> found = new TreeMap<>();
              Path loggers = dir.resolve("Loggers.java");
              if (Files.exists(loggers)) {
                Matcher m = CONSTANT.matcher(read(loggers));
                while (m.find()) {
                  found.put(m.group(1), m.group(2));
                }
              }
              return found;
            });
    assertThat(names)
        .as(where + ": Loggers constants of its package")
        .containsKey(constant.group(1));
    return names.get(constant.group(1));
  }

  /** The main Java sources of every published module (teams-benchmarks is not published). */
  private static List<Path> mainSources() {
    try (Stream<Path> modules = Files.list(ROOT)) {
      List<Path> sources = new ArrayList<>();
      for (Path module :
          modules
              .filter(m -> m.getFileName().toString().startsWith("teams-"))
              .filter(m -> !m.getFileName().toString().equals("teams-benchmarks"))
              .sorted()
              .toList()) {
        Path main = module.resolve("src").resolve("main").resolve("java");
        if (Files.isDirectory(main)) {
          try (Stream<Path> files = Files.walk(main)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
          }
        }
      }
      assertThat(sources).hasSizeGreaterThan(100);
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
