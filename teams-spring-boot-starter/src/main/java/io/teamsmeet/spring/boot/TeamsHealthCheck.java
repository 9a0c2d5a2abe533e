package io.teamsmeet.spring.boot;

import io.teamsmeet.store.TokenStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the health indicators of Boot 3 and Boot 4 report: the token store answers a read, and the
 * keys are loaded (the TeamsMeetings bean was built with them). Thread-safe.
 */
final class TeamsHealthCheck {

  /** A user id no application uses: the read finds nothing, and costs one indexed lookup. */
  static final String PROBE_USER = "teams-health-probe";

  private final Supplier<TokenStore> store;

  TeamsHealthCheck(Supplier<TokenStore> store) {
    this.store = store;
  }

  /** The result: up or down, and details that hold no secret (an exception's class, no message). */
  record Result(boolean up, Map<String, Object> details) {}

  Result check() {
    Map<String, Object> details = new LinkedHashMap<>();
    TokenStore tokens = store.get();
    if (tokens == null) {
      details.put("store", "no single TokenStore bean");
      return new Result(false, details);
    }
    details.put("keys", "loaded");
    details.put("store", tokens.getClass().getSimpleName());
    try {
      tokens.load(PROBE_USER);
      details.put("storeReachable", true);
      return new Result(true, details);
    } catch (RuntimeException e) {
      details.put("storeReachable", false);
      details.put("error", e.getClass().getName());
      return new Result(false, details);
    }
  }
}
