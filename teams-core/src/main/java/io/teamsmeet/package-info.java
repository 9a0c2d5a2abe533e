/**
 * What an application uses: the meetings API ({@link io.teamsmeet.MeetingService}), the values it
 * takes and returns ({@link io.teamsmeet.Meeting}, {@link io.teamsmeet.MeetingRequest}, {@link
 * io.teamsmeet.MeetingUpdate}, {@link io.teamsmeet.Connection}, ...), the settings ({@link
 * io.teamsmeet.RetryPolicy}, {@link io.teamsmeet.ConnectOptions}) and the exceptions.
 *
 * <p>Every exception is a {@link io.teamsmeet.TeamsException} and carries {@link
 * io.teamsmeet.ErrorDetails}; each subtype stands for one decision of the caller. The engine behind
 * the API (token cache and refresh, sealing, the connect flow, retries) is package-private here.
 *
 * <p>The two other packages of this module are for implementers: {@link io.teamsmeet.store} for a
 * {@code TokenStore} of your own, {@link io.teamsmeet.spi} for an adapter to Microsoft's APIs. This
 * module depends on the JDK, Tink and Caffeine only.
 */
package io.teamsmeet;
