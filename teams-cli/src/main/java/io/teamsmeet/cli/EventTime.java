package io.teamsmeet.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An event's {@code --start} or {@code --end}: {@code now}, a local date-time read in {@code
 * --zone} ({@code 2026-11-26T10:00}), or a date-time with an offset ({@code
 * 2026-11-26T10:00+01:00}, {@code ...Z}). The event keeps {@code --zone} for display in Outlook; a
 * time with an offset and no {@code --zone} keeps that offset (sent to Graph as UTC).
 */
final class EventTime {

  static final String FORMS =
      "use now, a local date-time with --zone like 2026-11-26T10:00, or one with an offset like"
          + " 2026-11-26T10:00+01:00";

  private final LocalDateTime local; // null: an instant, or now
  private final OffsetDateTime offset; // null: local, or now

  private EventTime(LocalDateTime local, OffsetDateTime offset) {
    this.local = local;
    this.offset = offset;
  }

  /**
   * The time in {@code zone} (or, for a time with an offset and no zone, at that offset).
   *
   * @throws IllegalArgumentException if a local time has no zone to be read in
   */
  ZonedDateTime resolve(ZoneId zone, Clock clock, String option) {
    if (local != null) {
      if (zone == null) {
        throw new IllegalArgumentException(
            option
                + " "
                + local
                + " has no offset: add --zone (an IANA zone like Europe/Berlin) or an offset like"
                + " +01:00");
      }
      return ZonedDateTime.of(local, zone);
    }
    if (offset != null) {
      return zone == null ? offset.toZonedDateTime() : offset.atZoneSameInstant(zone);
    }
    ZonedDateTime now = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    return now.withZoneSameInstant(zone == null ? ZoneOffset.UTC : zone);
  }

  @Override
  public String toString() {
    return local != null ? local.toString() : offset != null ? offset.toString() : "now";
  }

  static EventTime parse(String value) {
    String text = value == null ? "" : value.strip();
    if (text.toLowerCase(Locale.ROOT).equals("now")) {
      return new EventTime(null, null);
    }
    try {
      return new EventTime(null, OffsetDateTime.parse(text));
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return new EventTime(LocalDateTime.parse(text), null);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a time: " + FORMS);
    }
  }

  /** The picocli converter. */
  static final class Converter implements ITypeConverter<EventTime> {
    @Override
    public EventTime convert(String value) {
      return parse(value);
    }
  }

  /** {@code --zone}: an IANA zone id (Europe/Berlin) or UTC. */
  static final class Zone implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value.strip());
      } catch (DateTimeException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a time zone: use an IANA zone like Europe/Berlin, or UTC");
      }
    }
  }
}
