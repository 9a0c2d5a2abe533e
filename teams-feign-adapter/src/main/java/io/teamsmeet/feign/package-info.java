/**
 * The SDK's adapter to the Microsoft identity platform v2.0 and Microsoft Graph v1.0, over Feign
 * and Jackson. {@code TeamsMeetings.builder()} (in the core) finds it on the classpath ({@link
 * io.teamsmeet.feign.FeignMicrosoftAdapter}, registered for {@link java.util.ServiceLoader}); an
 * application names this package only to choose an HTTP transport:
 *
 * <pre>{@code
 * TeamsMeetings teams = TeamsMeetings.builder()
 *     ...
 *     .transport(Transport.okHttp())        // default Transport.jdk(): java.net.http
 *     .build();
 * }</pre>
 *
 * <p>Public: the transports {@link io.teamsmeet.feign.Transport} and {@link
 * io.teamsmeet.feign.OkHttpTransport}, and the adapter class the {@code ServiceLoader} needs.
 * Everything else (the port implementations, request bodies, decoders) is package-private. Only
 * {@code OkHttpTransport} and its Feign client refer to OkHttp's types, and they are loaded only
 * when chosen ({@code com.squareup.okhttp3:okhttp} is an optional dependency). No library's
 * exception ever leaves this package: every failure is one of the core's exceptions.
 */
package io.teamsmeet.feign;
