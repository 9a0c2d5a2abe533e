package io.teamsmeet;

import java.util.Optional;

/**
 * The meeting's organizer as Graph reports it. Immutable and thread-safe.
 *
 * @param id the organizer's Entra object id
 * @param upn the organizer's user principal name
 * @param displayName the organizer's display name
 */
public record Organizer(Optional<String> id, Optional<String> upn, Optional<String> displayName) {

  /** Replaces null components with empty optionals. */
  public Organizer {
    id = id == null ? Optional.empty() : id;
    upn = upn == null ? Optional.empty() : upn;
    displayName = displayName == null ? Optional.empty() : displayName;
  }
}
