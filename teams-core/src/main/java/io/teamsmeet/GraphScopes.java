package io.teamsmeet;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares Graph scopes as Microsoft writes them: case-insensitively, short ({@code
 * Calendars.ReadWrite}) or resource-qualified ({@code https://graph.microsoft.com/...}).
 */
final class GraphScopes {

  static final String CALENDARS_READ_WRITE = "Calendars.ReadWrite";

  private static final Set<String> OIDC = Set.of("openid", "profile", "email", "offline_access");

  private GraphScopes() {}

  /** {@code https://graph.microsoft.com/Calendars.ReadWrite} → {@code calendars.readwrite}. */
  static String normalize(String scope) {
    String s = scope.strip();
    int slash = s.lastIndexOf('/');
    if (slash >= 0 && s.contains("://")) {
      s = s.substring(slash + 1);
    }
    return s.toLowerCase(Locale.ROOT);
  }

  private static boolean isDefault(String scope) {
    return normalize(scope).equals(".default");
  }

  /** Whether the configured scopes ask for {@code scope} (or {@code .default}, which may). */
  static boolean configured(Collection<String> configured, String scope) {
    String wanted = normalize(scope);
    return configured.stream().anyMatch(s -> isDefault(s) || normalize(s).equals(wanted));
  }

  /**
   * The required scopes that {@code granted} lacks; empty when {@code granted} is empty (unknown)
   * or holds {@code .default}. {@code X.ReadWrite.All} covers {@code X.ReadWrite}.
   */
  static Set<String> missing(Collection<String> required, Collection<String> granted) {
    Set<String> missing = new LinkedHashSet<>();
    if (granted.isEmpty() || granted.stream().anyMatch(GraphScopes::isDefault)) {
      return missing;
    }
    Set<String> have = new LinkedHashSet<>();
    granted.forEach(s -> have.add(normalize(s)));
    for (String r : required) {
      String n = normalize(r);
      if (!have.contains(n) && !have.contains(n + ".all")) {
        missing.add(r);
      }
    }
    return missing;
  }

  /**
   * The scopes to ask for in a refresh: the configured ones the grant holds (a refresh that asks
   * for a scope never consented fails with AADSTS65001 and would cost the user the grant), plus
   * every OpenID Connect scope; all configured ones when the grant's scopes are unknown or none of
   * them matches.
   */
  static List<String> forRefresh(List<String> configured, Set<String> granted) {
    if (granted.isEmpty() || granted.stream().anyMatch(GraphScopes::isDefault)) {
      return configured;
    }
    Set<String> have = new LinkedHashSet<>();
    granted.forEach(s -> have.add(normalize(s)));
    List<String> kept =
        configured.stream()
            .filter(
                s ->
                    OIDC.contains(normalize(s))
                        || isDefault(s)
                        || have.contains(normalize(s))
                        || have.contains(normalize(s) + ".all"))
            .toList();
    boolean anyGraph = kept.stream().anyMatch(s -> !OIDC.contains(normalize(s)));
    return anyGraph ? kept : configured;
  }
}
