/**
 * The Microsoft identity platform v2.0 and Microsoft Graph v1.0 adapters of teams-meetings, and the
 * SDK's entry point {@link io.teamsmeet.TeamsMeetings}.
 *
 * <pre>{@code
 * TeamsMeetings teams = TeamsMeetings.builder()
 *     .clientId(clientId).clientSecret(secret)
 *     .redirectUri(URI.create("https://app.example/ms/callback"))
 *     .tokenStore(store).tokenKeys(keysetHandle)
 *     .build();
 * }</pre>
 *
 * <p>Public: {@link io.teamsmeet.TeamsMeetings} and its builder, {@link
 * io.teamsmeet.MicrosoftCloud}, and the HTTP transports {@link io.teamsmeet.feign.Transport}
 * and {@link io.teamsmeet.feign.OkHttpTransport}. Everything else (the {@code AuthPort} and {@code
 * MeetingPort} implementations, the Feign interfaces, request records, decoders) is
 * package-private. HTTP goes through Feign on the JDK's {@code java.net.http} client by default, or
 * on OkHttp when {@code io.github.openfeign:feign-okhttp} (an optional dependency) is added and
 * chosen; only {@code OkHttpTransport} refers to OkHttp's types, and it is loaded only then. JSON
 * goes through Jackson. No library's exceptions ever leave this package: every failure is one of
 * the core's exceptions.
 */
package io.teamsmeet.feign;

import io.teamsmeet.MicrosoftCloud;
import io.teamsmeet.TeamsMeetings;