package io.teamsmeet.spi;

/**
 * An adapter to Microsoft's identity platform and Graph, found by {@code TeamsMeetings.builder()}
 * through {@link java.util.ServiceLoader} when the application does not pass ports of its own.
 * {@code teams-feign-adapter} registers one in {@code
 * META-INF/services/io.teamsmeet.spi.MicrosoftAdapter}; exactly one may be on the classpath.
 *
 * <p>Implementations must be thread-safe: {@link #connect} may be called from any thread, by
 * several builders at once, and the {@link Ports} it returns are shared by every thread that uses
 * that {@code TeamsMeetings} (see {@link AuthPort} and {@link MeetingPort}).
 */
public interface MicrosoftAdapter {

  /**
   * Builds the ports for one {@code TeamsMeetings}.
   *
   * @param settings the app registration, endpoints, HTTP settings and clock
   * @return the ports and what releases them
   * @throws IllegalArgumentException if a setting (a transport of another adapter, say) cannot be
   *     used by this adapter, naming it
   */
  Ports connect(MicrosoftSettings settings);
}
