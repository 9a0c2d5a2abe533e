package io.teamsmeet.cli;

import io.teamsmeet.Attendee;
import io.teamsmeet.Connection;
import io.teamsmeet.DialIn;
import io.teamsmeet.LobbyBypass;
import io.teamsmeet.Meeting;
import io.teamsmeet.SafeText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The human-readable output: aligned "label: value" lines. Values come from Microsoft (subject,
 * account name, dial-in numbers...), so each is escaped ({@link SafeText}): no value can move the
 * cursor, change colours, reorder the line or start another one.
 */
final class Human {

  private Human() {}

  static void line(PrintStream out, String indent, String label, String value) {
    out.println(indent + String.format("%-16s %s", label + ":", SafeText.of(value)));
  }

  static void meeting(PrintStream out, String indent, Meeting m) {
    line(out, indent, "subject", m.subject().orElse("-"));
    line(out, indent, "start", m.start().map(Object::toString).orElse("-"));
    line(out, indent, "end", m.end().map(Object::toString).orElse("-"));
    line(out, indent, "join URL", m.joinUrl().toString());
    line(out, indent, "join meeting id", m.joinMeetingId().orElse("-"));
    line(out, indent, "passcode", m.passcode().orElse("- (none)"));
    line(out, indent, "dial-in", m.dialIn().map(Human::dialIn).orElse("- (no audio conferencing)"));
    m.lobbyBypass().ifPresent(l -> line(out, indent, "lobby bypass", lobbyBypass(l)));
    m.allowedPresenters().ifPresent(p -> line(out, indent, "presenters", words(p)));
    if (!m.attendees().isEmpty()) {
      line(out, indent, "attendees", attendees(m.attendees()));
    }
    m.externalId().ifPresent(x -> line(out, indent, "external id", x));
    m.organizer()
        .flatMap(o -> o.upn().or(o::displayName))
        .ifPresent(o -> line(out, indent, "organizer", o));
    line(out, indent, "Graph id", m.id());
  }

  static String lobbyBypass(LobbyBypass l) {
    return words(l.scope())
        + (l.dialInBypass() ? "; dial-in callers too" : "; dial-in callers wait");
  }

  static String attendees(List<Attendee> attendees) {
    List<String> parts = new ArrayList<>();
    for (Attendee a : attendees) {
      parts.add(a.upn() + " (" + words(a.role()) + ")");
    }
    return String.join(", ", parts);
  }

  /** {@code ROLE_IS_PRESENTER} as {@code role is presenter}. */
  private static String words(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static String dialIn(DialIn d) {
    List<String> parts = new ArrayList<>();
    if (!d.tollNumbers().isEmpty()) {
      parts.add(String.join(", ", d.tollNumbers()));
    }
    if (!d.tollFreeNumbers().isEmpty()) {
      parts.add("toll-free " + String.join(", ", d.tollFreeNumbers()));
    }
    d.conferenceId().ifPresent(id -> parts.add("conference id " + id));
    if (parts.isEmpty()) {
      return d.dialInUrl().orElse("-");
    }
    return String.join("; ", parts);
  }

  static void connection(PrintStream out, String indent, Connection c) {
    line(out, indent, "account", c.accountName().orElse("-"));
    line(out, indent, "tenant", c.tenantId().orElse("-"));
    line(out, indent, "scopes", String.join(" ", new TreeSet<>(c.scopes())));
    line(out, indent, "connected at", c.connectedAt().toString());
  }
}
