package io.teamsmeet;

/**
 * Application mode: Microsoft issues no application token for this tenant because the app is not
 * consented there. An administrator of the tenant has not consented yet, removed the app
 * (Enterprise applications), or revoked its consent; Microsoft answers {@code unauthorized_client}
 * (AADSTS700016, the app is "not found in the directory"), or {@code invalid_client} / {@code
 * invalid_grant} with AADSTS7000229, 65001 or 90094. Send an administrator of {@link #tenant()} to
 * {@code TeamsMeetings.beginAdminConsent}; retrying without that does not help. Other tenants are
 * not affected.
 *
 * <p>Immutable and thread-safe.
 */
public final class AdminConsentRequiredException extends TeamsException {

  private static final long serialVersionUID = 1L;

  private final String tenant;

  private AdminConsentRequiredException(String tenant, ErrorDetails details, Throwable cause) {
    super(
        "the app is not consented in tenant "
            + tenant
            + " (never consented, removed or revoked): an administrator of that tenant must grant"
            + " admin consent (TeamsMeetings.beginAdminConsent)",
        details,
        cause);
    this.tenant = tenant;
  }

  static AdminConsentRequiredException of(String tenant, TeamsException cause) {
    return new AdminConsentRequiredException(tenant, cause.details(), cause);
  }

  /** The tenant (id or domain, as given to {@code forTenant}) that has no consent. */
  public String tenant() {
    return tenant;
  }
}
