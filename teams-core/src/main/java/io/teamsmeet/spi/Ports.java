package io.teamsmeet.spi;

/**
 * The two ports an adapter built for one {@code TeamsMeetings}, and how to release what they hold
 * (an HTTP client's idle connections) when it closes.
 *
 * <p>Immutable and thread-safe: its components never change; the two ports must be thread-safe (see
 * {@link AuthPort} and {@link MeetingPort}), and {@code release} runs on the thread that calls
 * {@code TeamsMeetings.close()}.
 *
 * @param auth the identity platform
 * @param meetings Microsoft Graph
 * @param release run once by {@code TeamsMeetings.close()}; never closes a client the application
 *     passed in
 * @param description a one-line description for {@code toString()}, without any secret
 */
public record Ports(AuthPort auth, MeetingPort meetings, Runnable release, String description) {

  /** Refuses nulls. */
  public Ports {
    if (auth == null || meetings == null || release == null || description == null) {
      throw new IllegalArgumentException("auth, meetings, release and description are required");
    }
  }
}
