/**
 * The core of teams-meetings: {@link io.teamsmeet.core.MeetingService} (connect flow, token
 * refresh, meetings), the values it returns and the exceptions it throws.
 *
 * <p>Every exception is a {@link io.teamsmeet.core.TeamsException}; each final subtype stands for
 * one decision of the caller. This package depends on the JDK, Tink and Caffeine only; adapters for
 * Microsoft's HTTP APIs and token stores live in their own modules.
 */
package io.teamsmeet.core;
