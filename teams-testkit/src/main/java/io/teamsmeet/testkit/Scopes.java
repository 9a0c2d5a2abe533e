package io.teamsmeet.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Scope strings: OpenID Connect scopes, and Graph scopes in short or resource-qualified form. */
final class Scopes {

  static final String GRAPH_RESOURCE = "https://graph.microsoft.com/";
  private static final Set<String> OIDC = Set.of("openid", "profile", "email", "offline_access");

  private Scopes() {}

  static List<String> split(String value) {
    List<String> scopes = new ArrayList<>();
    if (value != null) {
      for (String scope : value.trim().split("\\s+")) {
        if (!scope.isEmpty()) {
          scopes.add(scope);
        }
      }
    }
    return scopes;
  }

  static boolean isOidc(String scope) {
    return OIDC.contains(scope.toLowerCase(Locale.ROOT));
  }

  static boolean has(List<String> scopes, String wanted) {
    for (String scope : scopes) {
      if (scope.equalsIgnoreCase(wanted)) {
        return true;
      }
    }
    return false;
  }

  /** {@code OnlineMeetings.ReadWrite} for either form; {@code .default} stays {@code .default}. */
  static String shortName(String scope) {
    if (scope.regionMatches(true, 0, GRAPH_RESOURCE, 0, GRAPH_RESOURCE.length())) {
      return scope.substring(GRAPH_RESOURCE.length());
    }
    return scope;
  }

  /**
   * The Graph scopes among {@code scopes}, short form, original case, {@code .default} expanded.
   */
  static Set<String> graph(List<String> scopes) {
    Set<String> graph = new LinkedHashSet<>();
    for (String scope : scopes) {
      if (isOidc(scope)) {
        continue;
      }
      String name = shortName(scope);
      if (name.equalsIgnoreCase(".default")) {
        graph.add("OnlineMeetings.ReadWrite");
        graph.add("User.Read");
      } else {
        graph.add(name);
      }
    }
    return graph;
  }

  static Set<String> lower(Set<String> scopes) {
    Set<String> lower = new LinkedHashSet<>();
    scopes.forEach(s -> lower.add(s.toLowerCase(Locale.ROOT)));
    return lower;
  }

  /**
   * The {@code scope} value of a token response: the Graph scopes resource-qualified, then the
   * OpenID Connect scopes asked for ({@code offline_access} is never listed), space-separated.
   */
  static String granted(List<String> requested) {
    List<String> parts = new ArrayList<>();
    Set<String> graph = graph(requested);
    if (graph.isEmpty()) {
      graph = Set.of("User.Read");
    }
    graph.forEach(s -> parts.add(GRAPH_RESOURCE + s));
    for (String oidc : List.of("openid", "profile", "email")) {
      if (has(requested, oidc)) {
        parts.add(oidc);
      }
    }
    return String.join(" ", parts);
  }
}
