package io.teamsmeet.spi;

/**
 * The ports an adapter built for one {@code TeamsMeetings}, and how to release what they hold (an
 * HTTP client's idle connections) when it closes.
 *
 * <p>Immutable and thread-safe: its components never change; the ports must be thread-safe (see
 * {@link AuthPort}, {@link MeetingPort} and {@link EventPort}), and {@code release} runs on the
 * thread that calls {@code TeamsMeetings.close()}.
 *
 * @param auth the identity platform
 * @param meetings Microsoft Graph's online meetings
 * @param events Microsoft Graph's calendar events ({@link EventPort#unsupported()} when the adapter
 *     serves none)
 * @param release run once by {@code TeamsMeetings.close()}; never closes a client the application
 *     passed in
 * @param description a one-line description for {@code toString()}, without any secret
 */
public record Ports(
    AuthPort auth, MeetingPort meetings, EventPort events, Runnable release, String description) {

  /** Refuses nulls. */
  public Ports {
    if (auth == null
        || meetings == null
        || events == null
        || release == null
        || description == null) {
      throw new IllegalArgumentException(
          "auth, meetings, events, release and description are required");
    }
  }

  /**
   * Ports without calendar events (the shape before events existed): {@code events} is {@link
   * EventPort#unsupported()}.
   */
  public Ports(AuthPort auth, MeetingPort meetings, Runnable release, String description) {
    this(auth, meetings, EventPort.unsupported(), release, description);
  }
}
