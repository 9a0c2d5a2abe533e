package io.teamsmeet;

import io.teamsmeet.InvalidAuthorizationResponseException.Reason;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The query parameters of an authorization callback, each at most once (RFC 6749 §3.1). */
final class CallbackParameters {

  private static final int MAX_QUERY = 16 * 1024;

  private final Map<String, String> values;

  private CallbackParameters(Map<String, String> values) {
    this.values = values;
  }

  static CallbackParameters of(Map<String, String> parameters) {
    Map<String, String> copy = new HashMap<>();
    parameters.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            copy.put(k, v);
          }
        });
    return new CallbackParameters(copy);
  }

  static CallbackParameters parse(URI callback) {
    String query = callback.getRawQuery();
    if (query == null || query.isEmpty()) {
      return new CallbackParameters(Map.of());
    }
    if (query.length() > MAX_QUERY) {
      throw InvalidAuthorizationResponseException.of(Reason.MALFORMED_CALLBACK);
    }
    Map<String, String> values = new HashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (values.putIfAbsent(key, value) != null) {
        throw InvalidAuthorizationResponseException.of(Reason.MALFORMED_CALLBACK);
      }
    }
    return new CallbackParameters(values);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw InvalidAuthorizationResponseException.of(Reason.MALFORMED_CALLBACK);
    }
  }

  Optional<String> get(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
