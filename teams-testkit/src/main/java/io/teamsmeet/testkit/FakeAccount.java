package io.teamsmeet.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * A work account known to {@link FakeMicrosoft}: who signs in, whose meetings Graph holds.
 *
 * <pre>{@code
 * FakeAccount ana = FakeAccount.of("ana@contoso.com", "Ana Souza");   // licensed, ids derived
 * FakeAccount bob = FakeAccount.of("bob@fabrikam.com", "Bob Kelly")
 *     .withTeamsLicensed(false)                                        // Graph answers 403
 *     .withAudioConferencing(false);                                   // meetings without dial-in
 * FakeMicrosoft fake = FakeMicrosoft.builder().account(ana).account(bob).start();
 * }</pre>
 *
 * <p>Immutable and thread-safe; it holds no secret, so its {@code toString()} shows everything.
 *
 * @param userPrincipalName the UPN, as in {@code preferred_username} and Graph's {@code upn}
 * @param displayName the display name ({@code name} claim, organizer {@code displayName})
 * @param tenantId the home tenant id ({@code tid})
 * @param objectId the user's object id in that tenant ({@code oid})
 * @param teamsLicensed whether Graph lets the account use onlineMeetings; without a licence every
 *     onlineMeetings call answers 403
 * @param audioConferencing whether the account's meetings get dial-in numbers ({@code
 *     audioConferencing}); without, Graph returns {@code "audioConferencing": null}
 */
public record FakeAccount(
    String userPrincipalName,
    String displayName,
    String tenantId,
    String objectId,
    boolean teamsLicensed,
    boolean audioConferencing) {

  /** Rejects null or blank values and a UPN without a domain. */
  public FakeAccount {
    requireText(userPrincipalName, "userPrincipalName");
    requireText(displayName, "displayName");
    requireText(tenantId, "tenantId");
    requireText(objectId, "objectId");
    int at = userPrincipalName.indexOf('@');
    if (at <= 0 || at == userPrincipalName.length() - 1) {
      throw new IllegalArgumentException(
          "userPrincipalName must look like user@domain, was " + userPrincipalName);
    }
  }

  /**
   * A licensed account with audio conferencing whose tenant id is derived from the UPN's domain and
   * whose object id is derived from the UPN, so the same UPN always gets the same ids.
   *
   * @param userPrincipalName for example {@code ana@contoso.com}
   * @param displayName for example {@code Ana Souza}
   * @return the account
   */
  public static FakeAccount of(String userPrincipalName, String displayName) {
    requireText(userPrincipalName, "userPrincipalName");
    String upn = userPrincipalName.toLowerCase(Locale.ROOT);
    String domain = upn.substring(upn.indexOf('@') + 1);
    return new FakeAccount(
        userPrincipalName,
        displayName,
        derivedId("tenant:" + domain),
        derivedId("user:" + upn),
        true,
        true);
  }

  /** Returns a copy with {@code tenantId} replaced. */
  public FakeAccount withTenantId(String value) {
    return new FakeAccount(
        userPrincipalName, displayName, value, objectId, teamsLicensed, audioConferencing);
  }

  /** Returns a copy with {@code objectId} replaced. */
  public FakeAccount withObjectId(String value) {
    return new FakeAccount(
        userPrincipalName, displayName, tenantId, value, teamsLicensed, audioConferencing);
  }

  /** Returns a copy with {@code teamsLicensed} replaced. */
  public FakeAccount withTeamsLicensed(boolean value) {
    return new FakeAccount(
        userPrincipalName, displayName, tenantId, objectId, value, audioConferencing);
  }

  /** Returns a copy with {@code audioConferencing} replaced. */
  public FakeAccount withAudioConferencing(boolean value) {
    return new FakeAccount(
        userPrincipalName, displayName, tenantId, objectId, teamsLicensed, value);
  }

  static String derivedId(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
  }
}
