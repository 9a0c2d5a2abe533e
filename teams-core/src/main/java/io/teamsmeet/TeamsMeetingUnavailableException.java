package io.teamsmeet;

import java.util.List;
import java.util.Optional;

/**
 * The user's calendar does not give events a Teams meeting: its {@code
 * allowedOnlineMeetingProviders} lack {@code teamsForBusiness} (Skype for Business only, or
 * nothing), or Graph created the event with no Teams meeting, or with provider {@code unknown}, and
 * no error. Graph does this silently; the SDK checks the calendar before creating (cached briefly
 * per user) and the event it gets back, and never returns an event without a join URL.
 *
 * <p><b>What an administrator must change:</b> allow Teams meetings in Outlook for the user: the
 * Teams meeting policy must allow the Outlook add-in / scheduling private meetings ({@code
 * Set-CsTeamsMeetingPolicy -AllowOutlookAddIn $true -AllowPrivateMeetingScheduling $true}), the
 * user needs a Teams licence and an Exchange Online mailbox, and Teams must be the mailbox's online
 * meeting provider ({@code Set-OrganizationConfig -OnlineMeetingsByDefaultEnabled}, or the calendar
 * settings in Outlook). Until then, standalone meetings ({@code teams.meetings()}) may still work.
 *
 * <p>When Graph created the event anyway, {@link #eventId()} names it: it is in the organizer's
 * calendar and its invitees got an invitation without a Teams link. The SDK does not delete it
 * (deleting sends cancellations); cancel it with {@code teams.events().cancel(userId, id, "...")},
 * or keep it and add a link yourself.
 *
 * <pre>{@code
 * try {
 *   event = teams.events().create(userId, request);
 * } catch (TeamsMeetingUnavailableException e) {
 *   e.eventId().ifPresent(id -> teams.events().cancel(userId, id, "Sent by mistake, sorry"));
 *   tellAdmin(e.getMessage());
 * }
 * }</pre>
 *
 * <p>Never retryable. Immutable and thread-safe.
 */
public final class TeamsMeetingUnavailableException extends TeamsServiceException {

  private static final long serialVersionUID = 1L;

  private final String eventId;
  private final String provider;
  private final List<String> allowedProviders;

  private TeamsMeetingUnavailableException(
      String eventId, String provider, List<String> allowedProviders, ErrorDetails details) {
    super(message(eventId, provider, allowedProviders), details, false, eventId != null, null);
    this.eventId = eventId;
    this.provider = provider;
    this.allowedProviders = allowedProviders == null ? List.of() : List.copyOf(allowedProviders);
  }

  private static String message(String eventId, String provider, List<String> allowed) {
    String what =
        eventId == null
            ? "the user's calendar does not allow Teams meetings (allowedOnlineMeetingProviders: "
                + (allowed == null ? "[]" : allowed)
                + "); no event was created"
            : "Microsoft Graph created the event without a Teams meeting (onlineMeetingProvider: "
                + (provider == null ? "none" : provider)
                + "); the event exists and was not deleted: cancel it with its id";
    return what
        + ". An administrator must allow Teams meetings in Outlook for this user (Teams meeting"
        + " policy: Outlook add-in and private meeting scheduling; a Teams licence and an Exchange"
        + " Online mailbox)";
  }

  /**
   * For adapters: the check of a created or read event found no Teams meeting.
   *
   * @param eventId the event Graph created or returned
   * @param provider Graph's {@code onlineMeetingProvider}, or null
   * @param details the response's ids
   */
  static TeamsMeetingUnavailableException forEvent(
      String eventId, String provider, ErrorDetails details) {
    if (eventId == null || eventId.isBlank()) {
      throw new IllegalArgumentException("eventId must not be null or blank");
    }
    return new TeamsMeetingUnavailableException(eventId, provider, List.of(), details);
  }

  static TeamsMeetingUnavailableException forCalendar(List<String> allowedProviders) {
    return new TeamsMeetingUnavailableException(null, null, allowedProviders, ErrorDetails.none());
  }

  /** The event Graph created (or read) without a Teams meeting; empty when none was created. */
  public Optional<String> eventId() {
    return Optional.ofNullable(eventId);
  }

  /**
   * Graph's {@code onlineMeetingProvider} of that event ({@code unknown}, {@code
   * skypeForBusiness}).
   */
  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  /**
   * The calendar's {@code allowedOnlineMeetingProviders}, when the check before creating failed.
   */
  public List<String> allowedProviders() {
    return allowedProviders;
  }
}
