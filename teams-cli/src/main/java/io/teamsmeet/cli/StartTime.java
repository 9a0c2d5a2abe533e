package io.teamsmeet.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A meeting's {@code --start}: {@code now}, or an ISO-8601 instant or date-time with an offset
 * ({@code 2026-11-26T10:00:00Z}, {@code 2026-11-26T10:00+01:00}). A date-time without an offset is
 * refused: which zone it meant is a guess.
 */
final class StartTime {

  static final String FORMS =
      "use now, or an ISO-8601 date-time with an offset like 2026-11-26T10:00:00Z or 2026-11-26T10:00+01:00";

  private final Instant at; // null: now

  private StartTime(Instant at) {
    this.at = at;
  }

  /** The instant, reading "now" from {@code clock} (to the second). */
  Instant resolve(Clock clock) {
    return at != null ? at : clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public String toString() {
    return at == null ? "now" : at.toString();
  }

  /** Parses a start time; throws with a message naming the accepted forms. */
  static StartTime parse(String value) {
    String text = value == null ? "" : value.strip();
    if (text.toLowerCase(Locale.ROOT).equals("now")) {
      return new StartTime(null);
    }
    try {
      return new StartTime(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return new StartTime(Instant.parse(text));
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      LocalDateTime.parse(text);
      throw new TypeConversionException(
          "'"
              + value
              + "' has no UTC offset: add Z (UTC) or an offset like +01:00, e.g. "
              + text
              + "Z");
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a start time: " + FORMS);
    }
  }

  /** The picocli converter. */
  static final class Converter implements ITypeConverter<StartTime> {
    @Override
    public StartTime convert(String value) {
      return parse(value);
    }
  }
}
