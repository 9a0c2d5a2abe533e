/**
 * For adapter authors: the two ports an adapter to Microsoft's APIs implements, {@link
 * io.teamsmeet.spi.AuthPort} (the identity platform) and {@link io.teamsmeet.spi.MeetingPort}
 * (Graph), the values they exchange, and the {@link io.teamsmeet.spi.Deadline} every call of a port
 * must keep. {@code teams-feign-adapter} is the SDK's own implementation.
 *
 * <p>This package holds interfaces, records, enums and final value classes, and depends only on the
 * JDK and the public types of {@link io.teamsmeet} (the values and exceptions a port returns or
 * throws). Secret values ({@link io.teamsmeet.spi.RefreshToken}, {@link
 * io.teamsmeet.spi.AuthorizationCode}, {@link io.teamsmeet.spi.CodeVerifier}, and {@link
 * io.teamsmeet.AccessToken}) print as {@code [redacted]}.
 */
package io.teamsmeet.spi;
