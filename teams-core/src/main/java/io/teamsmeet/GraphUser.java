package io.teamsmeet;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A user of a tenant as Microsoft Graph names it in {@code /users/{id}}: by object id (a GUID, the
 * Entra "Object ID" of the user) or by user principal name ({@code ana@contoso.com}). Used by
 * {@link TenantMeetings}, where no user is signed in and every call names the organizer.
 *
 * <pre>{@code
 * GraphUser ana = GraphUser.upn("ana@contoso.com");
 * GraphUser bob = GraphUser.id("5d0a1c2e-7b3f-4e9a-8c1d-2f6e4a9b0c3d");
 * }</pre>
 *
 * <p>Immutable and thread-safe; equal when the kind and the value (case-insensitively) are equal.
 */
public final class GraphUser {

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Far above Entra's limit for a user principal name (113 characters before the domain). */
  static final int MAX_UPN = 320;

  private final String value;
  private final boolean objectId;

  private GraphUser(String value, boolean objectId) {
    this.value = value;
    this.objectId = objectId;
  }

  /**
   * A user by object id.
   *
   * @param objectId the user's Entra object id, a GUID
   * @return the user
   * @throws IllegalArgumentException if it is not a GUID
   */
  public static GraphUser id(String objectId) {
    if (objectId == null || !GUID.matcher(objectId).matches()) {
      throw new IllegalArgumentException(
          "objectId must be the user's Entra object id, a GUID like"
              + " 5d0a1c2e-7b3f-4e9a-8c1d-2f6e4a9b0c3d");
    }
    return new GraphUser(objectId.toLowerCase(Locale.ROOT), true);
  }

  /**
   * A user by user principal name.
   *
   * @param userPrincipalName the user's sign-in name, {@code name@domain}
   * @return the user
   * @throws IllegalArgumentException if it is not {@code name@domain}, is longer than 320
   *     characters or holds whitespace, a control character, {@code /}, {@code ?} or {@code #}
   */
  public static GraphUser upn(String userPrincipalName) {
    if (userPrincipalName == null
        || userPrincipalName.length() > MAX_UPN
        || userPrincipalName.indexOf('@') <= 0
        || userPrincipalName.indexOf('@') == userPrincipalName.length() - 1) {
      throw new IllegalArgumentException(
          "userPrincipalName must be name@domain, at most " + MAX_UPN + " characters");
    }
    for (int i = 0; i < userPrincipalName.length(); i++) {
      char c = userPrincipalName.charAt(i);
      if (c <= 0x20
          || Character.isWhitespace(c)
          || Character.isISOControl(c)
          || "/?#\\%".indexOf(c) >= 0) {
        throw new IllegalArgumentException(
            "userPrincipalName must not contain whitespace, control characters, /, ?, #, \\ or %"
                + " (character "
                + (i + 1)
                + ")");
      }
    }
    if (!SafeText.isClean(userPrincipalName)) {
      throw new IllegalArgumentException(
          "userPrincipalName must not contain bidirectional controls or unpaired surrogates");
    }
    return new GraphUser(userPrincipalName, false);
  }

  /** The object id or user principal name, as it goes into {@code /users/{value}}. */
  public String value() {
    return value;
  }

  /** Whether this user is named by object id (else by user principal name). */
  public boolean isObjectId() {
    return objectId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GraphUser other
        && objectId == other.objectId
        && value.equalsIgnoreCase(other.value);
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(objectId) * 31 + value.toLowerCase(Locale.ROOT).hashCode();
  }

  /** {@code GraphUser[id=...]} or {@code GraphUser[upn=...]}. */
  @Override
  public String toString() {
    return "GraphUser[" + (objectId ? "id=" : "upn=") + value + "]";
  }
}
