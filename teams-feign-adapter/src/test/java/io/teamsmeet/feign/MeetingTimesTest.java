package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the decoder reads Graph's timestamps: UTC with up to nine fraction digits, an offset, a local
 * time as UTC; anything else, and Graph's year-1 placeholder, as no value.
 */
class MeetingTimesTest {

  @Test
  void readsUtcTimestampsWithZeroToNineFractionDigitsAsOffsetDateTimeDoes() {
    SplittableRandom random = new SplittableRandom(20261125);
    for (int i = 0; i < 10_000; i++) {
      long second =
          random.nextLong(
              Instant.parse("0002-01-01T00:00:00Z").getEpochSecond(),
              Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
      Instant instant = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
      String base = instant.toString().substring(0, 19);
      int digits = random.nextInt(10);
      String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
      String text = base + (digits == 0 ? "" : "." + fraction) + "Z";
      assertThat(instant(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T09:00:00Z", // no such day
        "2026-13-01T09:00:00Z",
        "2026-12-01T24:00:00Z",
        "2026-12-01T09:60:00Z",
        "2026-12-01T09:00:00.1234567890Z", // ten digits
        "2026-12-01 09:00:00Z",
        "2026-12-0xT09:00:00Z",
        "",
        "Z"
      })
  void readsAnythingElseAsNoValue(String text) {
    assertThat(instant(text)).as(text).isNull();
  }

  @Test
  void readsOffsetsAndLocalTimesAndTheYearOnePlaceholder() {
    assertThat(instant("2026-12-01T09:00:00+01:00")).isEqualTo("2026-12-01T08:00:00Z");
    assertThat(instant("2026-12-01T09:00:00")).isEqualTo("2026-12-01T09:00:00Z");
    assertThat(instant("2026-12-01T09:00:00.1234567Z")).isEqualTo("2026-12-01T09:00:00.123456700Z");
    assertThat(instant("0001-01-01T00:00:00Z")).as("Graph's placeholder for no value").isNull();
    assertThat(instant("0001-12-31T23:59:59.9999999Z")).isNull();
    assertThat(instant("0002-01-01T00:00:00Z")).isEqualTo("0002-01-01T00:00:00Z");
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
