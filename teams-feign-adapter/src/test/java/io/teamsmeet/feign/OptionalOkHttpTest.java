package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OkHttp is an optional dependency: in fresh JVMs ({@link TransportProbe}), the default transport
 * works on a classpath without OkHttp, loads no OkHttp class even when OkHttp is there, and the
 * OkHttp transport loads no {@code java.net.http} client. Neither ever touches {@code
 * HttpURLConnection} (Feign's {@code Client.Default}). The class-load log is the evidence.
 */
class OptionalOkHttpTest {

  private static final Pattern LOADED = Pattern.compile("\\]\\s(\\S+) source:");
  private static final Pattern OKHTTP_JARS =
      Pattern.compile(".*([/\\\\]com[/\\\\]squareup[/\\\\]|[/\\\\]org[/\\\\]jetbrains[/\\\\]).*");

  /** The class behind Feign's {@code Client.Default}; loaded only if it ever sent a request. */
  private static final String HTTP_URL_CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

  private static final String JDK_CLIENT = "jdk.internal.net.http.HttpClientImpl";

  @TempDir static Path dir;

  private static Probe withoutOkHttp;
  private static Probe jdkWithOkHttpPresent;
  private static Probe okHttp;

  /** One probe JVM per case, started together to keep the suite fast. */
  @BeforeAll
  static void runProbes() throws Exception {
    List<String> full = classpath();
    List<String> stripped = full.stream().filter(e -> !OKHTTP_JARS.matcher(e).matches()).toList();
    assertThat(full).anyMatch(e -> e.contains("okhttp-4"));
    // by file name: the build's own directories may have "okhttp" in their path
    assertThat(stripped.stream().map(e -> Path.of(e).getFileName().toString()))
        .noneMatch(e -> e.contains("okhttp"))
        .noneMatch(e -> e.contains("okio"))
        .noneMatch(e -> e.contains("kotlin"))
        .noneMatch(e -> e.contains("feign-java11"));

    Running a = Probe.start("without-okhttp", stripped, "jdk", "try-okhttp");
    Running b = Probe.start("jdk-with-okhttp", full, "jdk");
    Running c = Probe.start("okhttp", full, "okhttp");
    withoutOkHttp = a.finish();
    jdkWithOkHttpPresent = b.finish();
    okHttp = c.finish();
  }

  @Test
  void withoutOkHttpOnTheClasspathTheDefaultTransportCreatesAMeeting() {
    assertThat(withoutOkHttp.output()).contains("meeting=m1");
    assertThat(withoutOkHttp.loaded())
        .contains(JDK_CLIENT, "io.teamsmeet.feign.JdkClient")
        .doesNotContain(
            HTTP_URL_CONNECTION,
            "io.teamsmeet.feign.OkHttpTransport",
            "io.teamsmeet.feign.OkHttpFeignClient");
  }

  @Test
  void withoutOkHttpChoosingItNamesTheDependencyToAdd() {
    assertThat(withoutOkHttp.output())
        .contains(
            "okhttp=Transport.okHttp() needs OkHttp: add the dependency"
                + " com.squareup.okhttp3:okhttp");
  }

  @Test
  void withOkHttpPresentTheDefaultTransportLoadsNoneOfIt() {
    assertThat(jdkWithOkHttpPresent.output()).contains("meeting=m1");
    assertThat(jdkWithOkHttpPresent.loaded())
        .contains(JDK_CLIENT)
        .doesNotContain(HTTP_URL_CONNECTION, "io.teamsmeet.feign.OkHttpTransport")
        .noneMatch(
            c -> c.startsWith("okhttp3.") || c.startsWith("okio.") || c.startsWith("kotlin."))
        .doesNotContain("io.teamsmeet.feign.OkHttpFeignClient");
  }

  @Test
  void theOkHttpTransportSendsWithOkHttpOnly() {
    assertThat(okHttp.output()).contains("meeting=m1");
    assertThat(okHttp.loaded())
        .contains(
            "okhttp3.OkHttpClient",
            "okhttp3.internal.connection.RealCall",
            "io.teamsmeet.feign.OkHttpFeignClient",
            "io.teamsmeet.feign.OkHttpTransport")
        .doesNotContain(HTTP_URL_CONNECTION, JDK_CLIENT, "io.teamsmeet.feign.JdkClient");
  }

  @Test
  void bothTransportsSendTheSameUserAgent() {
    String expected = "user-agent=" + StandardHeaders.USER_AGENT;
    assertThat(withoutOkHttp.output()).contains(expected);
    assertThat(okHttp.output()).contains(expected);
  }

  /** The test classpath: surefire puts it in java.class.path of the forked JVM. */
  private static List<String> classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    return Arrays.stream(cp.split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
  }

  private record Probe(String output, Set<String> loaded) {

    static Running start(String name, List<String> classpath, String... args) throws IOException {
      Path log = dir.resolve(name + "-classes.log");
      Path out = dir.resolve(name + "-out.txt");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xlog:class+load=info:file=" + log);
      command.add("-cp");
      command.add(String.join(File.pathSeparator, classpath));
      command.add(TransportProbe.class.getName());
      command.addAll(List.of(args));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      return new Running(name, process, out, log);
    }
  }

  private record Running(String name, Process process, Path out, Path log) {

    Probe finish() throws Exception {
      boolean done = process.waitFor(60, TimeUnit.SECONDS);
      if (!done) {
        process.destroyForcibly();
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(done).as("%s finished; output:%n%s", name, output).isTrue();
      assertThat(process.exitValue()).as("%s exit; output:%n%s", name, output).isZero();
      Set<String> loaded;
      try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
        loaded =
            lines
                .map(LOADED::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .collect(Collectors.toSet());
      }
      assertThat(loaded).as("%s class-load log", name).contains("java.lang.Object");
      return new Probe(output, loaded);
    }
  }
}
