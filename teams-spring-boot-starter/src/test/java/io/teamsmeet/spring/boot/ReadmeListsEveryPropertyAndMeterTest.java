package io.teamsmeet.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Spring Boot" section lists every property of the generated configuration metadata
 * and every meter the Micrometer bridge registers, and nothing else.
 */
class ReadmeListsEveryPropertyAndMeterTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path BRIDGE =
      Path.of(
          "..",
          "teams-spring-boot-starter",
          "src",
          "main",
          "java",
          "io",
          "teamsmeet",
          "spring",
          "boot",
          "MicrometerTeamsListener.java");

  @Test
  void everyPropertyOfTheMetadataIsInTheTable() throws IOException {
    String metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("configuration metadata generated at build").isNotNull();
      metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> generated = all(metadata, "\"name\": ?\"(teams\\.[a-z0-9.-]+)\"");
    Set<String> documented =
        all(
            springBootSection(),
            "\\| `(teams\\.[a-z0-9.-]+)`(?:, `teams\\.[a-z-]+`)? \\| (?!counter|timer)");
    // one table row names two endpoint properties
    documented.addAll(
        all(springBootSection(), "\\| `teams\\.identity-endpoint`, `(teams\\.[a-z-]+)`"));
    generated.removeIf(name -> isGroup(name, Set.copyOf(generated))); // teams.keys, teams.web, …
    assertThat(documented).containsExactlyInAnyOrderElementsOf(generated);
  }

  @Test
  void everyMeterOfTheBridgeIsInTheTable() throws IOException {
    Set<String> registered = all(Files.readString(BRIDGE), "\"(teams\\.[a-z.]+)\"");
    Set<String> documented =
        all(springBootSection(), "\\| `(teams\\.[a-z.]+)` \\| (?:counter|timer)");
    assertThat(documented).isEqualTo(registered);
  }

  private static boolean isGroup(String name, Set<String> all) {
    return all.stream().anyMatch(other -> other.startsWith(name + "."));
  }

  private static String springBootSection() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("\n## Spring Boot\n");
    int end = readme.indexOf("\n## ", start + 5);
    assertThat(start).isPositive();
    return readme.substring(start, end);
  }

  private static Set<String> all(String text, String regex) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
