package io.teamsmeet;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** The builder's checks of Microsoft settings, each failure naming the setting. */
final class Checks {

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,253}");

  /** An Entra application (client) id: a GUID, 8-4-4-4-12 hexadecimal digits. */
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

  private static final int MAX_REDIRECT_URI = 256;

  private Checks() {}

  static String clientId(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("clientId must be a non-blank id without whitespace");
    }
    // a plain loop: a stream here cost the first build a stream pipeline's classes
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || c < 0x20) {
        throw new IllegalArgumentException("clientId must be a non-blank id without whitespace");
      }
    }
    if (!GUID.matcher(value).matches()) {
      // never the value itself: a client secret pasted into the wrong setting must not be logged
      throw ConfigurationException.of(
          "clientId must be the app registration's Application (client) id, a GUID like"
              + " 11111111-2222-3333-4444-555555555555 (Microsoft Entra admin center, App"
              + " registrations, Overview); the value given (length "
              + value.length()
              + ") is not one",
          ErrorDetails.none());
    }
    return value;
  }

  static URI redirectUri(URI value) {
    if (value == null || !value.isAbsolute() || value.getHost() == null) {
      throw new IllegalArgumentException("redirectUri must be an absolute URI with a host");
    }
    if (value.getRawFragment() != null) {
      throw new IllegalArgumentException("redirectUri must not have a fragment");
    }
    if (value.toString().length() > MAX_REDIRECT_URI) {
      throw new IllegalArgumentException(
          "redirectUri must be at most " + MAX_REDIRECT_URI + " characters");
    }
    String scheme = value.getScheme().toLowerCase(Locale.ROOT);
    String host = value.getHost().toLowerCase(Locale.ROOT);
    boolean loopback = host.equals("127.0.0.1") || host.equals("localhost");
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
      throw new IllegalArgumentException(
          "redirectUri must use https (http is only allowed for http://127.0.0.1 or"
              + " http://localhost)");
    }
    return value;
  }

  static String tenant(String value) {
    if (value == null || !TENANT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "tenant must be 'organizations', a tenant id or a verified domain name");
    }
    return value;
  }

  /** An https root (http only on a loopback host), without query, fragment or trailing slash. */
  static URI endpoint(URI value, String name) {
    if (value == null || !value.isAbsolute() || value.getHost() == null) {
      throw new IllegalArgumentException(name + " must be an absolute URI with a host");
    }
    if (value.getRawQuery() != null
        || value.getRawFragment() != null
        || value.getRawUserInfo() != null) {
      throw new IllegalArgumentException(name + " must not have a query, fragment or user info");
    }
    String scheme = value.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(value.getHost()))) {
      throw new IllegalArgumentException(
          name + " must use https (TLS); plain http is only allowed for a loopback host");
    }
    String s = value.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return URI.create(s);
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    // an IPv4 loopback literal, not any name that starts with "127." (127.attacker.example)
    return h.equals("localhost")
        || h.matches("127(\\.\\d{1,3}){3}")
        || h.equals("[::1]")
        || h.equals("::1");
  }

  /** Positive and below 24 days (HTTP clients take int milliseconds). */
  static Duration timeout(Duration value, String name) {
    if (value == null
        || value.isZero()
        || value.isNegative()
        || value.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + " must be positive and below 24 days, was " + value);
    }
    return value;
  }

  static Duration positive(Duration value, String name) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  static Duration notNegative(Duration value, String name) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }

  static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  static void required(Object value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " is required");
    }
  }
}
