package io.teamsmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

class ParsingTest {

  @TempDir Path dir;

  @Test
  void durationsAsPeopleTypeThem() {
    assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("1H30M")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("PT30M")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("pt1h")).isEqualTo(Duration.ofHours(1));
    for (String bad : new String[] {"", "30", "m", "30x", "1m1h", "-5m", "PT", "P1Y", "1.5h"}) {
      assertThatThrownBy(() -> Durations.parse(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class)
          .hasMessageContaining("use 30m, 1h, 90s, 1h30m or ISO-8601 like PT30M");
    }
    assertThatThrownBy(() -> Durations.parse("0m")).hasMessageContaining("not a positive duration");
    assertThatThrownBy(() -> Durations.parse("PT-5M"))
        .hasMessageContaining("not a positive duration");
  }

  @Test
  void durationsPrintShort() {
    assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofSeconds(12))).isEqualTo("12s");
    assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
  }

  @Test
  void startTimes() {
    Clock clock = Clock.fixed(Instant.parse("2030-01-15T10:00:00.123Z"), ZoneOffset.UTC);
    assertThat(StartTime.parse("now").resolve(clock))
        .isEqualTo(Instant.parse("2030-01-15T10:00:00Z"));
    assertThat(StartTime.parse("NOW").resolve(clock))
        .isEqualTo(Instant.parse("2030-01-15T10:00:00Z"));
    assertThat(StartTime.parse("2030-02-01T09:30:00Z").resolve(clock))
        .isEqualTo(Instant.parse("2030-02-01T09:30:00Z"));
    assertThat(StartTime.parse("2030-02-01T09:30+01:00").resolve(clock))
        .isEqualTo(Instant.parse("2030-02-01T08:30:00Z"));
    assertThatThrownBy(() -> StartTime.parse("2030-02-01T09:30"))
        .hasMessageContaining("has no UTC offset");
    assertThatThrownBy(() -> StartTime.parse("2030-02-01"))
        .hasMessageContaining("is not a start time");
    assertThatThrownBy(() -> StartTime.parse("tomorrow"))
        .hasMessageContaining("is not a start time");
  }

  @Test
  void urlsLoseTheirCodeAndMostOfTheirState() {
    String callback =
        "http://127.0.0.1:5555/callback?code=0.AAAA-secret-code&state=AbCdEfGhIjKlMnOpQrStUvWxYz&session_state=abc";
    assertThat(Redact.url(callback))
        .isEqualTo(
            "http://127.0.0.1:5555/callback?code=[redacted]&state=AbCdEfGhIjKl...&session_state=abc");
    assertThat(
            Redact.url(
                "https://x/token?refresh_token=r&client_secret=s&CODE=c&code_challenge=keep"))
        .isEqualTo(
            "https://x/token?refresh_token=[redacted]&client_secret=[redacted]&CODE=[redacted]&code_challenge=keep");
    assertThat(Redact.url("https://x/cb#code=c&state=s")).isEqualTo("https://x/cb#[redacted]");
    assertThat(Redact.url("https://x/cb?a=1#code=c")).isEqualTo("https://x/cb?a=1#[redacted]");
  }

  @Test
  void settingsComeFromFlagsThenEnvironmentThenTheConfigFile() throws Exception {
    Files.write(
        dir.resolve("config.properties"),
        List.of(
            "client-id=aaaaaaaa-0000-0000-0000-00000000f11e",
            "tenant=file.example",
            "client-secret=file-secret",
            "user=file-user",
            "graph-endpoint=http://127.0.0.1:9/graph"));
    Files.setPosixFilePermissions(
        dir.resolve("config.properties"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Map<String, String> env =
        Map.of(
            "TEAMS_CONFIG_DIR",
            dir.toString(),
            "TEAMS_CLIENT_ID",
            "bbbbbbbb-0000-0000-0000-000000000e4f",
            "TEAMS_TENANT",
            "env.example");
    CommonOptions flags = new CommonOptions();
    flags.tenant = "flag.example";

    Settings settings = Settings.resolve(flags, env);

    assertThat(settings.configDir()).isEqualTo(dir.toAbsolutePath());
    assertThat(settings.clientId()).contains("bbbbbbbb-0000-0000-0000-000000000e4f");
    assertThat(settings.tenant()).isEqualTo("flag.example");
    assertThat(settings.clientSecret()).contains("file-secret");
    assertThat(settings.user()).isEqualTo("file-user");
    assertThat(settings.graphEndpoint()).contains(URI.create("http://127.0.0.1:9/graph"));
    assertThat(settings.warnings()).isEmpty();
    assertThat(settings.toString()).doesNotContain("file-secret");
  }

  @Test
  void theDefaultConfigDirectoryFollowsXdg() {
    assertThat(Settings.defaultConfigDir(Map.of("XDG_CONFIG_HOME", "/x/config", "HOME", "/home/a")))
        .isEqualTo(Path.of("/x/config/teams-meetings"));
    assertThat(Settings.defaultConfigDir(Map.of("HOME", "/home/a")))
        .isEqualTo(Path.of("/home/a/.config/teams-meetings"));
    assertThat(Settings.defaultConfigDir(Map.of("TEAMS_CONFIG_DIR", "/t", "XDG_CONFIG_HOME", "/x")))
        .isEqualTo(Path.of("/t"));
  }

  @Test
  void aConfigFileWithASecretReadableByOthersIsWarnedAbout() throws Exception {
    Path file = dir.resolve("config.properties");
    Files.write(file, List.of("client-secret=s"));
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

    Settings settings =
        Settings.resolve(new CommonOptions(), Map.of("TEAMS_CONFIG_DIR", dir.toString()));

    assertThat(settings.warnings()).singleElement().asString().contains("chmod 600");
  }
}
