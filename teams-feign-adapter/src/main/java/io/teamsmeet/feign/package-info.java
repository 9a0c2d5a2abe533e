/**
 * The Microsoft identity platform v2.0 and Microsoft Graph v1.0 adapters of teams-meetings, and the
 * SDK's entry point {@link io.teamsmeet.feign.TeamsMeetings}.
 *
 * <pre>{@code
 * TeamsMeetings teams = TeamsMeetings.builder()
 *     .clientId(clientId).clientSecret(secret)
 *     .redirectUri(URI.create("https://app.example/ms/callback"))
 *     .tokenStore(store).tokenKeys(keysetHandle)
 *     .build();
 * }</pre>
 *
 * <p>Public: {@link io.teamsmeet.feign.TeamsMeetings} and its builder, and {@link
 * io.teamsmeet.feign.MicrosoftCloud}. Everything else (the {@code AuthPort} and {@code MeetingPort}
 * implementations, the Feign interfaces, request records, decoders) is package-private. HTTP goes
 * through Feign on the JDK's {@code java.net.http} client; JSON through Jackson. Neither library's
 * exceptions ever leave this package: every failure is one of the core's exceptions.
 */
package io.teamsmeet.feign;
