package io.teamsmeet;

import java.util.Optional;

/**
 * Someone invited to a calendar event: Outlook sends them the invitation, its updates and its
 * cancellation. Immutable and thread-safe.
 *
 * <pre>{@code
 * List<Invitee> who = List.of(
 *     Invitee.required("bob@contoso.com"),
 *     Invitee.optional("carol@fabrikam.com").named("Carol"),
 *     Invitee.resource("room-4@contoso.com"));
 * }</pre>
 *
 * @param address the e-mail address; not blank, no whitespace or control characters
 * @param name the display name shown in the invitation, if any
 * @param type required, optional, or a resource (a room or equipment)
 */
public record Invitee(String address, Optional<String> name, Type type) {

  /** Graph's {@code attendee.type}. Immutable and thread-safe. */
  public enum Type {
    /** Must attend. */
    REQUIRED,
    /** May attend. */
    OPTIONAL,
    /** A room or equipment mailbox. */
    RESOURCE
  }

  /** Checks the address and replaces a null name with empty. */
  public Invitee {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("invitee address must not be null or blank");
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "invitee address must not contain whitespace or control characters");
      }
    }
    if (address.length() > 320) {
      throw new IllegalArgumentException("invitee address must be at most 320 characters");
    }
    name = name == null ? Optional.empty() : name.filter(n -> !n.isBlank());
    if (type == null) {
      throw new IllegalArgumentException("invitee type must not be null");
    }
  }

  /** A required attendee. */
  public static Invitee required(String address) {
    return new Invitee(address, Optional.empty(), Type.REQUIRED);
  }

  /** An optional attendee. */
  public static Invitee optional(String address) {
    return new Invitee(address, Optional.empty(), Type.OPTIONAL);
  }

  /** A room or equipment mailbox. */
  public static Invitee resource(String address) {
    return new Invitee(address, Optional.empty(), Type.RESOURCE);
  }

  /** The same invitee with a display name. */
  public Invitee named(String displayName) {
    return new Invitee(address, Optional.ofNullable(displayName), type);
  }
}
