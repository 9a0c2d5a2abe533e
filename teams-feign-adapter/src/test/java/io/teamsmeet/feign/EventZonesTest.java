package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Windows zone names both ways, and event times read in whatever zone Graph names. */
class EventZonesTest {

  @Test
  void windowsNamesMapToTheirGoldenIanaZones() throws Exception {
    assertThat(WindowsZones.size()).isGreaterThan(130);
    assertThat(WindowsZones.toZone("Pacific Standard Time"))
        .contains(ZoneId.of("America/Los_Angeles"));
    assertThat(WindowsZones.toZone("w. europe standard time")).contains(ZoneId.of("Europe/Berlin"));
    assertThat(WindowsZones.toZone("UTC")).contains(ZoneOffset.UTC);
    assertThat(WindowsZones.toZone("Europe/Madrid")).contains(ZoneId.of("Europe/Madrid"));
    assertThat(WindowsZones.toZone("tzone://Microsoft/Custom")).isEmpty();
  }

  @Test
  void zonesAreSentAsWindowsNamesWhenKnownElseIanaElseUtc() {
    assertThat(WindowsZones.toGraph(ZoneId.of("Europe/Berlin")))
        .contains("W. Europe Standard Time");
    assertThat(WindowsZones.toGraph(ZoneId.of("Europe/Madrid"))).contains("Europe/Madrid");
    assertThat(WindowsZones.toGraph(ZoneOffset.UTC)).contains("UTC");
    assertThat(WindowsZones.toGraph(ZoneOffset.ofHours(2))).isEmpty();
    EventBodies.Zoned fixed = EventBodies.zoned(ZonedDateTime.parse("2026-03-23T10:00:00+02:00"));
    assertThat(fixed.zone()).isEqualTo("UTC");
    assertThat(fixed.local().toString()).isEqualTo("2026-03-23T08:00");
  }

  @Test
  void timesInAWindowsZoneAcrossTheDstChangeAreExactInstants() throws Exception {
    JsonNode before =
        Json.parse(
            "{\"dateTime\":\"2026-03-27T10:00:00.0000000\",\"timeZone\":\"W. Europe Standard Time\"}"
                .getBytes());
    JsonNode after =
        Json.parse(
            "{\"dateTime\":\"2026-03-30T10:00:00.0000000\",\"timeZone\":\"W. Europe Standard Time\"}"
                .getBytes());
    JsonNode utc =
        Json.parse(
            "{\"dateTime\":\"2026-03-30T08:00:00.1234567\",\"timeZone\":\"UTC\"}".getBytes());
    assertThat(EventDecoder.time(before)).isEqualTo(Instant.parse("2026-03-27T09:00:00Z"));
    assertThat(EventDecoder.time(after)).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    assertThat(EventDecoder.time(utc)).isEqualTo(Instant.parse("2026-03-30T08:00:00.1234567Z"));
    JsonNode unknown =
        Json.parse("{\"dateTime\":\"2026-03-30T08:00:00\",\"timeZone\":\"Mars Time\"}".getBytes());
    assertThat(EventDecoder.time(unknown)).isNull();
  }
}
