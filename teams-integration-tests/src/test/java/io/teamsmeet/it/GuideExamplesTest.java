package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guides in docs/ stay true to the code: every Java block that declares a class is a class of
 * {@code io.teamsmeet.it.example.guides}, compiled against the public API (the block equals the
 * source, package line aside, as ReadmeExamplesTest does for the README); logging.md's logback.xml
 * is the one {@link Slf4jRoutingTest} runs with; operations.md names every schema script the JDBC
 * store ships; and every relative link of the guides, and the README's links to them, resolve to a
 * file and heading that exist.
 */
class GuideExamplesTest {

  private static final Path ROOT = Path.of("..");
  private static final Path DOCS = ROOT.resolve("docs");
  private static final Path EXAMPLES =
      Path.of("src", "test", "java", "io", "teamsmeet", "it", "example", "guides");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("(?m)^public class (\\w+)");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void everyClassInTheGuidesIsACompiledExampleAndEveryExampleIsInAGuide() throws IOException {
    Map<String, String> blocks = new TreeMap<>();
    for (Path guide : guides()) {
      Matcher block = JAVA_BLOCK.matcher(Files.readString(guide));
      while (block.find()) {
        Matcher declared = CLASS.matcher(block.group(1));
        if (declared.find()) {
          assertThat(blocks.put(declared.group(1), block.group(1).strip()))
              .as(declared.group(1) + " is shown once")
              .isNull();
        }
      }
    }
    Map<String, String> examples = new TreeMap<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path f : files.sorted().toList()) {
        String text = Files.readString(f);
        assertThat(text).startsWith("package io.teamsmeet.it.example.guides;");
        examples.put(
            f.getFileName().toString().replace(".java", ""),
            text.substring(text.indexOf('\n') + 1).strip());
      }
    }

    assertThat(blocks).isEqualTo(examples);
  }

  @Test
  void loggingsLogbackConfigurationIsTheOneTheRoutingTestRuns() throws IOException {
    Matcher block = XML_BLOCK.matcher(Files.readString(DOCS.resolve("logging.md")));
    List<String> configurations = new ArrayList<>();
    while (block.find()) {
      if (block.group(1).startsWith("<configuration>")) {
        configurations.add(block.group(1).strip());
      }
    }

    assertThat(configurations)
        .containsExactly(
            Files.readString(Path.of("src", "test", "resources", "logback.xml")).strip());
  }

  @Test
  void operationsNamesEverySchemaScriptTheJdbcStoreShips() throws IOException {
    String operations = Files.readString(DOCS.resolve("operations.md"));

    for (JdbcTokenStore.Dialect dialect : JdbcTokenStore.Dialect.values()) {
      String resource = dialect.schemaResource();
      assertThat(getClass().getClassLoader().getResource(resource)).as(resource).isNotNull();
      assertThat(operations)
          .contains("`" + resource.substring(resource.lastIndexOf('/') + 1) + "`")
          .contains("`" + resource.substring(0, resource.lastIndexOf('/') + 1) + "`");
    }
  }

  @Test
  void relativeLinksOfTheGuidesAndTheReadmesLinksToThemResolve() throws IOException {
    List<Path> files = new ArrayList<>(guides());
    files.add(ROOT.resolve("README.md"));
    List<String> checked = new ArrayList<>();
    for (Path file : files) {
      Matcher link = LINK.matcher(Files.readString(file));
      while (link.find()) {
        String target = link.group(1);
        if (target.startsWith("http")
            || file.endsWith("README.md") && !target.startsWith("docs/")) {
          continue;
        }
        String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        assertThat(resolved).as(file.getFileName() + " links to " + target).isRegularFile();
        if (target.contains("#")) {
          assertThat(anchors(resolved))
              .as(file.getFileName() + " links to " + target)
              .contains(target.substring(target.indexOf('#') + 1));
        }
        checked.add(target);
      }
    }
    assertThat(checked).hasSizeGreaterThan(10);
  }

  private static List<Path> guides() throws IOException {
    try (Stream<Path> files = Files.list(DOCS)) {
      List<Path> guides = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
      assertThat(guides).hasSize(3);
      return guides;
    }
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
  private static List<String> anchors(Path markdown) throws IOException {
    List<String> anchors = new ArrayList<>();
    for (String line : Files.readAllLines(markdown)) {
      if (line.startsWith("#")) {
        String title = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
        anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }
}
