package io.teamsmeet.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people type them: {@code 30m}, {@code 1h}, {@code 90s}, {@code 1h30m}, or
 * ISO-8601 ({@code PT30M}). Used for {@code --duration} and {@code --timeout}.
 */
final class Durations implements ITypeConverter<Duration> {

  private static final Pattern SHORT =
      Pattern.compile("(?:(\\d{1,5})h)?(?:(\\d{1,6})m)?(?:(\\d{1,8})s)?");
  static final String FORMS = "use 30m, 1h, 90s, 1h30m or ISO-8601 like PT30M";

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /**
   * Parses a positive duration.
   *
   * @throws TypeConversionException with a message that says which forms are accepted
   */
  static Duration parse(String value) {
    String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    Duration duration;
    if (text.startsWith("p")) {
      try {
        duration = Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a duration: " + FORMS);
      }
    } else {
      Matcher m = SHORT.matcher(text);
      if (text.isEmpty() || !m.matches()) {
        throw new TypeConversionException("'" + value + "' is not a duration: " + FORMS);
      }
      duration =
          Duration.ofHours(number(m.group(1)))
              .plusMinutes(number(m.group(2)))
              .plusSeconds(number(m.group(3)));
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new TypeConversionException("'" + value + "' is not a positive duration: " + FORMS);
    }
    return duration;
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }

  /** {@code 1h30m}, {@code 5m}, {@code 12s}: the short form back. */
  static String format(Duration duration) {
    long seconds = duration.toSeconds();
    StringBuilder sb = new StringBuilder();
    if (seconds >= 3600) {
      sb.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      sb.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 != 0 || sb.length() == 0) {
      sb.append(seconds % 60).append('s');
    }
    return sb.toString();
  }
}
