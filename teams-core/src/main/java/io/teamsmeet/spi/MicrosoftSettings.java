package io.teamsmeet.spi;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * What an adapter needs to talk to Microsoft for one {@code TeamsMeetings}: the app registration,
 * the endpoints (already resolved from the cloud or the overrides, without a trailing slash), the
 * HTTP settings and the clock. Built and checked by {@code TeamsMeetings.Builder}.
 *
 * <p>Immutable and thread-safe: its components never change, and every one is an immutable value
 * except the clock, which the application shares and which must be thread-safe, as {@link Clock}
 * requires.
 *
 * @param clientId the app registration's application (client) id
 * @param redirectUri the redirect URI registered for the app
 * @param tenant the tenant of the authority ({@code organizations}, an id or a domain)
 * @param identityEndpoint the identity platform's root, e.g. {@code
 *     https://login.microsoftonline.com}
 * @param graphEndpoint Graph's service root without version, e.g. {@code
 *     https://graph.microsoft.com}
 * @param credential how the app authenticates at the token endpoint
 * @param transport the application's choice of HTTP client, or null for the adapter's default
 * @param connectTimeout the longest wait for a connection to open
 * @param requestTimeout the longest one exchange may take, to the last byte of the body
 * @param clock the clock for client assertions and {@code Retry-After} dates
 */
public record MicrosoftSettings(
    String clientId,
    URI redirectUri,
    String tenant,
    URI identityEndpoint,
    URI graphEndpoint,
    AppCredential credential,
    HttpTransport transport,
    Duration connectTimeout,
    Duration requestTimeout,
    Clock clock) {}
