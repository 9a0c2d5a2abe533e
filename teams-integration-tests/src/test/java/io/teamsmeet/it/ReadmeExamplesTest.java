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
 * The README's examples that are whole classes (the quick start, the testing section's example) are
 * kept here, compiled (and the test run), in package {@code io.teamsmeet.it.example}: public API
 * only, as a consumer project sees it; this test keeps the README's copy identical to the compiled
 * one, package line aside.
 */
class ReadmeExamplesTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path EXAMPLES =
      Path.of("src", "test", "java", "io", "teamsmeet", "it", "example");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theTestingSectionsThrottlingExampleIsTheCompiledOne() throws IOException {
    assertThat(readmeBlockDeclaring("class ThrottlingTest"))
        .isEqualTo(withoutPackageLine(EXAMPLES.resolve("ThrottlingTest.java")));
  }

  @Test
  void theQuickStartWithItsImportsIsTheCompiledOne() throws IOException {
    assertThat(readmeBlockDeclaring("class TeamsConnector"))
        .isEqualTo(withoutPackageLine(EXAMPLES.resolve("TeamsConnector.java")));
  }

  private static String readmeBlockDeclaring(String declaration) throws IOException {
    Matcher block = JAVA_BLOCK.matcher(Files.readString(README));
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
