/**
 * The three ports of the SDK and the records they exchange.
 *
 * <p>{@link io.teamsmeet.core.port.AuthPort} and {@link io.teamsmeet.core.port.MeetingPort} are
 * implemented by an adapter (for example {@code teams-feign-adapter}); {@link
 * io.teamsmeet.core.port.TokenStore} is implemented by a store module or by the application itself.
 * This package holds only interfaces, records, the enums those records use and the final value
 * class {@link io.teamsmeet.core.port.Deadline}, and depends on nothing but the JDK, so an implementation never needs more than this package.
 *
 * <p>Secret values ({@link io.teamsmeet.core.port.AccessToken}, {@link
 * io.teamsmeet.core.port.RefreshToken}, {@link io.teamsmeet.core.port.AuthorizationCode}, {@link
 * io.teamsmeet.core.port.CodeVerifier}, the ciphertext in {@link
 * io.teamsmeet.core.port.StoredGrant}) print as {@code [redacted]}.
 */
package io.teamsmeet.core.port;
