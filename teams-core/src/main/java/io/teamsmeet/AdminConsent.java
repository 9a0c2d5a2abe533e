package io.teamsmeet;

import java.time.Instant;

/**
 * A completed admin consent: an administrator of {@link #tenantId()} granted the app's application
 * permissions. Keep the tenant id with the customer it belongs to and pass it to {@link
 * TeamsMeetings#forTenant(String)}; remember that a Teams administrator must still grant the
 * application access policy before meetings can be created (see {@link TenantMeetings}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param reference the application's own reference given to {@code beginAdminConsent} (its id for
 *     the customer organization)
 * @param tenantId the tenant that consented, as Microsoft reported it ({@code tenant})
 * @param completedAt when the callback was completed, on the builder's clock
 */
public record AdminConsent(String reference, String tenantId, Instant completedAt) {}
