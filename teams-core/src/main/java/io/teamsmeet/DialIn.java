package io.teamsmeet;

import java.util.List;
import java.util.Optional;

/**
 * How to join a meeting by phone (Graph's {@code audioConferencing}); present only when the
 * organizer has an audio conferencing licence. Immutable and thread-safe.
 *
 * @param conferenceId the conference id to enter after dialling
 * @param dialInUrl the page listing all dial-in numbers
 * @param tollNumbers toll numbers (the array form, plus the deprecated single value if only it
 *     came)
 * @param tollFreeNumbers toll-free numbers, likewise
 */
public record DialIn(
    Optional<String> conferenceId,
    Optional<String> dialInUrl,
    List<String> tollNumbers,
    List<String> tollFreeNumbers) {

  /** Replaces nulls and copies the lists. */
  public DialIn {
    conferenceId = conferenceId == null ? Optional.empty() : conferenceId;
    dialInUrl = dialInUrl == null ? Optional.empty() : dialInUrl;
    tollNumbers = tollNumbers == null ? List.of() : List.copyOf(tollNumbers);
    tollFreeNumbers = tollFreeNumbers == null ? List.of() : List.copyOf(tollFreeNumbers);
  }
}
