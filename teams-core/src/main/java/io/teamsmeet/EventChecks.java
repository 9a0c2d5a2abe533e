package io.teamsmeet;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/** The checks shared by {@link EventRequest} and {@link EventUpdate}. */
final class EventChecks {

  static final int MAX_INVITEES = 500;
  static final int MAX_SUBJECT = 255;

  private EventChecks() {}

  static String subject(String subject) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be null or blank");
    }
    if (subject.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException("subject must be at most " + MAX_SUBJECT + " characters");
    }
    return subject;
  }

  static void times(ZonedDateTime start, ZonedDateTime end) {
    if (!end.toInstant().isAfter(start.toInstant())) {
      throw new IllegalArgumentException("end must be after start");
    }
  }

  static String text(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }

  static void invitees(List<Invitee> invitees) {
    if (invitees.size() > MAX_INVITEES) {
      throw new IllegalArgumentException("invitees must be at most " + MAX_INVITEES);
    }
  }

  static Duration reminder(Duration value) {
    if (value == null || value.isNegative() || value.compareTo(Duration.ofDays(28)) > 0) {
      throw new IllegalArgumentException("reminder must be between 0 and 4 weeks");
    }
    if (value.toSecondsPart() != 0 || value.toNanosPart() != 0) {
      throw new IllegalArgumentException("reminder must be whole minutes");
    }
    return value;
  }

  static Recurrence recurrence(Recurrence value, ZonedDateTime start) {
    Checks.notNull(value, "recurrence");
    if (value.pattern() == Recurrence.Pattern.OTHER) {
      throw new IllegalArgumentException(
          "recurrence must be daily, weekly or monthly (Recurrence.daily/weekly/monthly)");
    }
    if (start != null
        && value.endDate().isPresent()
        && value.endDate().get().isBefore(start.toLocalDate())) {
      throw new IllegalArgumentException("recurrence end date must not be before the start date");
    }
    return value;
  }

  static String transactionId(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("transactionId must not be null or blank");
    }
    if (value.length() > EventRequest.MAX_TRANSACTION_ID) {
      throw new IllegalArgumentException(
          "transactionId must be at most " + EventRequest.MAX_TRANSACTION_ID + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException("transactionId must not contain control characters");
      }
    }
    return value;
  }
}
