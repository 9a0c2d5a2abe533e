package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's examples that are whole classes (the quick start, the testing section's example) and
 * the quick start's Maven snippet live in {@code consumer/}, a user's project outside the reactor
 * that CI builds against the deployed artifacts only (.ci/run): there they are compiled and run.
 * This test keeps the README's copies identical to them, package line aside, and the snippet's
 * dependencies the consumer's, version aside (the README shows the release, the consumer takes the
 * version under test).
 */
class ReadmeExamplesTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path CONSUMER = Path.of("..", "consumer");
  private static final Path EXAMPLES = Path.of("java", "com", "example", "teams");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern BOM_VERSION = Pattern.compile("<version>[^<]*</version><type>pom");

  @Test
  void theTestingSectionsThrottlingExampleIsTheConsumers() throws IOException {
    assertThat(readmeBlockDeclaring(JAVA_BLOCK, "class ThrottlingTest"))
        .isEqualTo(
            withoutPackageLine(
                CONSUMER.resolve("src/test").resolve(EXAMPLES).resolve("ThrottlingTest.java")));
  }

  @Test
  void theQuickStartWithItsImportsIsTheConsumers() throws IOException {
    assertThat(readmeBlockDeclaring(JAVA_BLOCK, "class TeamsConnector"))
        .isEqualTo(
            withoutPackageLine(
                CONSUMER.resolve("src/main").resolve(EXAMPLES).resolve("TeamsConnector.java")));
  }

  @Test
  void theQuickStartsMavenSnippetIsWhatTheConsumerDeclares() throws IOException {
    List<String> snippet = lines(readmeBlockDeclaring(XML_BLOCK, "<artifactId>teams-bom"));
    List<String> consumer = lines(Files.readString(CONSUMER.resolve("pom.xml")));
    int next = 0;
    for (String line : snippet) {
      int at = consumer.subList(next, consumer.size()).indexOf(line);
      assertThat(at).as("README's line, in order, in consumer/pom.xml: %s", line).isNotNegative();
      next += at + 1;
    }
  }

  private static List<String> lines(String xml) {
    return xml.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .map(l -> BOM_VERSION.matcher(l).replaceAll("<version>VERSION</version><type>pom"))
        .toList();
  }

  private static String readmeBlockDeclaring(Pattern blocks, String declaration)
      throws IOException {
    Matcher block = blocks.matcher(Files.readString(README));
    List<String> found =
        block.results().map(m -> m.group(1)).filter(b -> b.contains(declaration)).toList();
    assertThat(found).as("README blocks declaring " + declaration).hasSize(1);
    return found.get(0).strip();
  }

  private static String withoutPackageLine(Path source) throws IOException {
    String text = Files.readString(source);
    assertThat(text).startsWith("package ");
    return text.substring(text.indexOf('\n') + 1).strip();
  }
}
