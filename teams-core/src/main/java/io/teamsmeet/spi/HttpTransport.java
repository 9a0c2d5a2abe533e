package io.teamsmeet.spi;

/**
 * The HTTP client an adapter sends with, as the application chose it ({@code
 * TeamsMeetings.Builder.transport(...)}): a marker the core passes through to the {@link
 * MicrosoftAdapter} unchanged. Each adapter defines its own transports; {@code teams-feign-adapter}
 * offers {@code Transport.jdk()} and {@code Transport.okHttp()}. An adapter refuses a transport it
 * does not know with an {@link IllegalArgumentException}.
 *
 * <p>Implementations must be immutable and thread-safe: one transport value may be passed to
 * several builders, and the adapter reads it on whichever thread builds a {@code TeamsMeetings}.
 */
public interface HttpTransport {}
