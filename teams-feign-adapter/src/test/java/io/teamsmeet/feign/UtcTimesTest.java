package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written reader and writer of Graph's UTC timestamps (issue 19) agree with {@code
 * java.time}'s formatters: the reader with {@link OffsetDateTime#parse} on what it accepts (and it
 * leaves everything else to it: {@link MeetingTimesTest} reads those), the writer with {@link
 * DateTimeFormatter#ISO_INSTANT} everywhere.
 */
class UtcTimesTest {

  @Test
  void theReaderAgreesWithOffsetDateTimeOnRandomTimestampsWithZeroToNineFractionDigits() {
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
        "2026-12-01T09:00:60Z",
        "2026-12-01T09:00:00.Z", // a dot without digits
        "2026-12-01T09:00:00.1234567890Z", // ten digits
        "2026-12-01T09:00:00+01:00", // an offset: the slow path reads it
        "2026-12-01T09:00:00", // no zone: the slow path reads it as UTC
        "2026-12-01 09:00:00Z",
        "2026-12-0xT09:00:00Z",
        "2026-12-01T09:00:00z",
        "+2026-12-01T09:00:00Z",
        "2026-12-01T09:00:00,5Z",
        "",
        "Z"
      })
  void theReaderLeavesEverythingElseToTheSlowPath(String text) {
    assertThat(MeetingDecoder.utcFastPath(text)).isNull();
  }

  @Test
  void theBoundsAreTheInstantsTheyName() {
    assertThat(MeetingDecoder.YEAR_2).isEqualTo(Instant.parse("0002-01-01T00:00:00Z"));
    assertThat(GraphBodies.YEAR_0)
        .isEqualTo(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond());
    assertThat(GraphBodies.YEAR_9999_END)
        .isEqualTo(Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
  }

  @Test
  void theWriterAgreesWithIsoInstantOnRandomInstantsAndAtTheEdges() {
    SplittableRandom random = new SplittableRandom(19);
    long min = Instant.parse("-2000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      int nanos =
          switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000; // whole milliseconds
            case 2 -> random.nextInt(1_000_000); // under a millisecond: truncated to .000
            default -> random.nextInt(1_000_000_000);
          };
      assertWritten(Instant.ofEpochSecond(random.nextLong(min, max), nanos));
    }
    for (String edge :
        new String[] {
          "0000-01-01T00:00:00Z",
          "-0001-12-31T23:59:59.999Z",
          "9999-12-31T23:59:59.999999999Z",
          "+10000-01-01T00:00:00Z",
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59.999Z",
          "2026-12-01T09:00:00.001Z",
          "2026-12-01T09:00:00.100Z",
          "2024-02-29T23:59:59.5Z"
        }) {
      assertWritten(Instant.parse(edge));
    }
    assertThat(GraphBodies.time(Instant.parse("2026-12-01T09:00:00.100Z")))
        .isEqualTo("2026-12-01T09:00:00.100Z");
    assertThat(GraphBodies.time(Instant.parse("2026-12-01T09:00:00.000999Z")))
        .isEqualTo("2026-12-01T09:00:00Z");
  }

  private static void assertWritten(Instant instant) {
    assertThat(GraphBodies.time(instant))
        .as("%s", instant)
        .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS)));
  }
}
