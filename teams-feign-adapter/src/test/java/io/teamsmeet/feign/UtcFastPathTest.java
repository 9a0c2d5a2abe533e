package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written reader of Graph's UTC timestamps agrees with {@link OffsetDateTime#parse}. */
class UtcFastPathTest {

  @Test
  void agreesWithOffsetDateTimeOnRandomTimestampsWithZeroToNineFractionDigits() {
    SplittableRandom random = new SplittableRandom(20261125);
    for (int i = 0; i < 100_000; i++) {
      long second =
          random.nextLong(
              Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
              Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
      Instant instant = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
      String base = instant.toString().substring(0, 19);
      int digits = random.nextInt(10);
      String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
      String text = base + (digits == 0 ? "" : "." + fraction) + "Z";
      assertThat(MeetingDecoder.utcFastPath(text))
          .as(text)
          .isEqualTo(OffsetDateTime.parse(text).toInstant());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T09:00:00Z", // no such day
        "2026-13-01T09:00:00Z",
        "2026-12-01T24:00:00Z",
        "2026-12-01T09:60:00Z",
        "2026-12-01T09:00:00.Z", // a dot without digits
        "2026-12-01T09:00:00.1234567890Z", // ten digits
        "2026-12-01T09:00:00+01:00", // an offset: the slow path reads it
        "2026-12-01T09:00:00", // no zone: the slow path reads it as UTC
        "2026-12-01 09:00:00Z",
        "2026-12-0xT09:00:00Z",
        "+2026-12-01T09:00:00Z",
        "",
        "Z"
      })
  void leavesEverythingElseToTheSlowPath(String text) {
    assertThat(MeetingDecoder.utcFastPath(text)).isNull();
  }

  @Test
  void theSlowPathStillReadsOffsetsAndLocalTimes() {
    assertThat(instant("2026-12-01T09:00:00+01:00")).isEqualTo("2026-12-01T08:00:00Z");
    assertThat(instant("2026-12-01T09:00:00")).isEqualTo("2026-12-01T09:00:00Z");
    assertThat(instant("2026-12-01T09:00:00.1234567Z")).isEqualTo("2026-12-01T09:00:00.123456700Z");
    assertThat(instant("0001-01-01T00:00:00Z")).as("Graph's placeholder for no value").isNull();
    assertThat(instant("2026-02-30T09:00:00Z")).isNull();
  }

  private static Instant instant(String text) {
    com.fasterxml.jackson.databind.node.ObjectNode json =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    json.put("t", text);
    try {
      return MeetingDecoder.instant(json, "t");
    } catch (DateTimeParseException e) {
      throw new AssertionError(e);
    }
  }
}
