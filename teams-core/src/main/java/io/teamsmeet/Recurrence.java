package io.teamsmeet;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How a calendar event repeats: daily, weekly on some days, or monthly on a day of the month, every
 * {@code interval} days, weeks or months, with no end, until a date, or for a number of
 * occurrences. The series starts on the event's start date in the event's zone, and repeats in that
 * zone (Outlook's {@code recurrenceTimeZone}), so a 10:00 meeting in {@code Europe/Berlin} stays at
 * 10:00 Berlin time across a daylight saving change. Immutable and thread-safe.
 *
 * <pre>{@code
 * Recurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.THURSDAY).until(LocalDate.of(2027, 6, 30));
 * Recurrence.daily(1).times(10);
 * Recurrence.monthly(1, 15);                  // no end
 * }</pre>
 *
 * <p>Read back from Graph, a pattern this class does not model (relative monthly, yearly) is {@link
 * Pattern#OTHER} with Graph's name in {@link #graphPattern()}.
 */
public final class Recurrence {

  /** The repetition pattern. Immutable and thread-safe. */
  public enum Pattern {
    /** Every {@code interval} days. */
    DAILY,
    /** Every {@code interval} weeks, on {@link #daysOfWeek()}. */
    WEEKLY,
    /** Every {@code interval} months, on {@link #dayOfMonth()}. */
    MONTHLY,
    /** Read from Graph: a pattern this SDK does not model; see {@link #graphPattern()}. */
    OTHER
  }

  private final Pattern pattern;
  private final String graphPattern;
  private final int interval;
  private final Set<DayOfWeek> daysOfWeek;
  private final int dayOfMonth;
  private final LocalDate endDate;
  private final int occurrences;

  private Recurrence(
      Pattern pattern,
      String graphPattern,
      int interval,
      Set<DayOfWeek> daysOfWeek,
      int dayOfMonth,
      LocalDate endDate,
      int occurrences) {
    this.pattern = pattern;
    this.graphPattern = graphPattern;
    this.interval = interval;
    this.daysOfWeek = daysOfWeek;
    this.dayOfMonth = dayOfMonth;
    this.endDate = endDate;
    this.occurrences = occurrences;
  }

  /** Every {@code interval} days (1 to 999), no end. */
  public static Recurrence daily(int interval) {
    return new Recurrence(Pattern.DAILY, "daily", interval(interval), Set.of(), 0, null, 0);
  }

  /** Every {@code interval} weeks (1 to 99) on the given days, no end. */
  public static Recurrence weekly(int interval, DayOfWeek... days) {
    if (days == null || days.length == 0 || Objects.requireNonNull(days)[0] == null) {
      throw new IllegalArgumentException("weekly recurrence needs at least one day of the week");
    }
    EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : days) {
      if (d == null) {
        throw new IllegalArgumentException("days must not contain null");
      }
      set.add(d);
    }
    return new Recurrence(
        Pattern.WEEKLY, "weekly", interval(interval), Collections.unmodifiableSet(set), 0, null, 0);
  }

  /** Every {@code interval} months (1 to 99) on day {@code dayOfMonth} (1 to 31), no end. */
  public static Recurrence monthly(int interval, int dayOfMonth) {
    if (dayOfMonth < 1 || dayOfMonth > 31) {
      throw new IllegalArgumentException("dayOfMonth must be 1 to 31, was " + dayOfMonth);
    }
    return new Recurrence(
        Pattern.MONTHLY, "absoluteMonthly", interval(interval), Set.of(), dayOfMonth, null, 0);
  }

  /**
   * For adapters: a pattern read from Graph that this class does not model ({@code
   * relativeMonthly}, {@code absoluteYearly}, ...), as {@link Pattern#OTHER}.
   */
  public static Recurrence other(String graphPattern, int interval) {
    return new Recurrence(Pattern.OTHER, graphPattern, Math.max(1, interval), Set.of(), 0, null, 0);
  }

  private static int interval(int interval) {
    if (interval < 1 || interval > 999) {
      throw new IllegalArgumentException("interval must be 1 to 999, was " + interval);
    }
    return interval;
  }

  /** The same pattern, ending on {@code lastDate} (inclusive, in the event's zone). */
  public Recurrence until(LocalDate lastDate) {
    if (lastDate == null) {
      throw new IllegalArgumentException("lastDate must not be null");
    }
    return new Recurrence(pattern, graphPattern, interval, daysOfWeek, dayOfMonth, lastDate, 0);
  }

  /** The same pattern, ending after {@code count} occurrences (1 to 999). */
  public Recurrence times(int count) {
    if (count < 1 || count > 999) {
      throw new IllegalArgumentException("occurrences must be 1 to 999, was " + count);
    }
    return new Recurrence(pattern, graphPattern, interval, daysOfWeek, dayOfMonth, null, count);
  }

  /** The same pattern, never ending. */
  public Recurrence noEnd() {
    return new Recurrence(pattern, graphPattern, interval, daysOfWeek, dayOfMonth, null, 0);
  }

  public Pattern pattern() {
    return pattern;
  }

  /** Graph's pattern type: {@code daily}, {@code weekly}, {@code absoluteMonthly}, or another. */
  public String graphPattern() {
    return graphPattern;
  }

  public int interval() {
    return interval;
  }

  /** The days of a weekly pattern; empty otherwise. */
  public Set<DayOfWeek> daysOfWeek() {
    return daysOfWeek;
  }

  /** The day of a monthly pattern; empty otherwise. */
  public OptionalInt dayOfMonth() {
    return dayOfMonth == 0 ? OptionalInt.empty() : OptionalInt.of(dayOfMonth);
  }

  /** The last date, when the series ends on a date. */
  public Optional<LocalDate> endDate() {
    return Optional.ofNullable(endDate);
  }

  /** The number of occurrences, when the series ends after a count. */
  public OptionalInt occurrences() {
    return occurrences == 0 ? OptionalInt.empty() : OptionalInt.of(occurrences);
  }

  /** Whether the series never ends. */
  public boolean hasNoEnd() {
    return endDate == null && occurrences == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Recurrence r
        && pattern == r.pattern
        && graphPattern.equals(r.graphPattern)
        && interval == r.interval
        && daysOfWeek.equals(r.daysOfWeek)
        && dayOfMonth == r.dayOfMonth
        && Objects.equals(endDate, r.endDate)
        && occurrences == r.occurrences;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        pattern, graphPattern, interval, daysOfWeek, dayOfMonth, endDate, occurrences);
  }

  @Override
  public String toString() {
    String end =
        endDate != null ? " until " + endDate : occurrences > 0 ? " " + occurrences + " times" : "";
    String on =
        pattern == Pattern.WEEKLY
            ? " on " + daysOfWeek
            : pattern == Pattern.MONTHLY ? " on day " + dayOfMonth : "";
    return "Recurrence[" + graphPattern + " every " + interval + on + end + "]";
  }
}
