package io.teamsmeet;

import io.teamsmeet.spi.Deadline;

/** The failures of a call whose deadline ({@code callTimeout}) passed. */
final class Timeouts {

  private Timeouts() {}

  /** The deadline passed before the request was sent: nothing reached Microsoft. */
  static TeamsServiceException beforeSending(String what, Deadline deadline) {
    return TeamsServiceException.notSent(
        what + " was not sent: the call's timeout of " + seconds(deadline) + " had passed",
        ErrorDetails.none(),
        null);
  }

  /** The deadline passed while waiting for another thread's token refresh. */
  static TeamsServiceException waitingForRefresh(Deadline deadline) {
    return TeamsServiceException.notSent(
        "the call's timeout of "
            + seconds(deadline)
            + " passed while it waited for the token refresh in progress",
        ErrorDetails.none(),
        null);
  }

  static String seconds(Deadline deadline) {
    long millis = deadline.timeout().toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
