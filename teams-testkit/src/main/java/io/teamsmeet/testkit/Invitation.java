package io.teamsmeet.testkit;

/**
 * A message Outlook would have sent to an invitee of a calendar event, recorded by {@link
 * FakeMicrosoft} so that a test can assert who was invited, updated or told of a cancellation.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * assertThat(fake.invitations()).extracting(Invitation::attendee, Invitation::kind)
 *     .containsExactly(tuple("bob@contoso.com", Invitation.Kind.INVITATION));
 * }</pre>
 *
 * @param organizer the organizer's user principal name
 * @param eventId the event's id
 * @param subject the event's subject when the message was sent
 * @param attendee the invitee's address
 * @param type {@code required}, {@code optional} or {@code resource}
 * @param kind invitation, update or cancellation
 * @param comment the organizer's cancellation message, or null
 */
public record Invitation(
    String organizer,
    String eventId,
    String subject,
    String attendee,
    String type,
    Kind kind,
    String comment) {

  /** What was sent. Immutable and thread-safe. */
  public enum Kind {
    /** A new event, or an invitee added to one. */
    INVITATION,
    /** The event's times, subject or body changed. */
    UPDATE,
    /** The organizer cancelled (or deleted) the event. */
    CANCELLATION
  }
}
