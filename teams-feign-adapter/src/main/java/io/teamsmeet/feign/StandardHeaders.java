package io.teamsmeet.feign;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Adds the headers every request carries: a fresh {@code client-request-id}, {@code
 * return-client-request-id: true}, the SDK's {@code User-Agent} and {@code Accept}; for Graph also
 * {@code Prefer: include-unknown-enum-members}, followed in the same header by a method's own
 * preferences ({@code outlook.timezone="UTC"} for events).
 */
final class StandardHeaders implements RequestInterceptor {

  static final String CLIENT_REQUEST_ID = "client-request-id";

  /** This module's name, the {@code Implementation-Title} of its jar's manifest. */
  private static final String MODULE = "io.teamsmeet.feign";

  /** {@code teams-meetings-java/<version> (+java/<feature>)}. */
  static final String USER_AGENT =
      "teams-meetings-java/" + sdkVersion() + " (+java/" + Runtime.version().feature() + ")";

  private final boolean graph;

  private StandardHeaders(boolean graph) {
    this.graph = graph;
  }

  static StandardHeaders forGraph() {
    return new StandardHeaders(true);
  }

  static StandardHeaders forIdentityPlatform() {
    return new StandardHeaders(false);
  }

  @Override
  public void apply(RequestTemplate template) {
    template.removeHeader(CLIENT_REQUEST_ID);
    template.headerLiteral(CLIENT_REQUEST_ID, newClientRequestId());
    template.headerLiteral("return-client-request-id", "true");
    template.removeHeader("User-Agent");
    template.headerLiteral("User-Agent", USER_AGENT);
    template.removeHeader("Accept");
    template.headerLiteral("Accept", "application/json");
    if (graph) {
      // lobbyBypassScope is an evolvable enum: "invited" and "organizationExcludingGuests" need
      // this header to come back as themselves (and, defensively, to be accepted when sent).
      // a method's own preferences (the events' outlook.timezone) join it in one header
      StringBuilder prefer = new StringBuilder("include-unknown-enum-members");
      java.util.Collection<String> own = template.headers().get("Prefer");
      if (own != null) {
        for (String value : own) {
          if (!value.isBlank() && !value.equals("include-unknown-enum-members")) {
            prefer.append(", ").append(value);
          }
        }
      }
      template.removeHeader("Prefer");
      template.headerLiteral("Prefer", prefer.toString());
    }
  }

  /**
   * A random (version 4) UUID for {@code client-request-id}. It only correlates a request with
   * Microsoft's logs and guards nothing, so it comes from {@link ThreadLocalRandom}: {@link
   * UUID#randomUUID()} draws from one process-wide {@code SecureRandom} whose lock, at 8 threads on
   * 2 cores, blocked callers for 10 ms and more and tripled the CPU time per meeting.
   */
  static String newClientRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62); // IETF variant
    return new UUID(high, low).toString();
  }

  /**
   * The SDK's version: from this jar's manifest, which the class loader read when it defined the
   * package (opening {@code teams-meetings.properties} as a resource costs a jar URL connection,
   * several milliseconds on the path to the first request); else, from a classes directory or a
   * shaded jar whose manifest is the application's, from the properties file.
   */
  static String sdkVersion() {
    Package p = StandardHeaders.class.getPackage();
    String fromManifest =
        p == null
            ? null
            : manifestVersion(p.getImplementationTitle(), p.getImplementationVersion());
    return fromManifest != null ? fromManifest : propertiesVersion();
  }

  /** The manifest's version when the manifest is this module's, else null. */
  static String manifestVersion(String title, String version) {
    if (!MODULE.equals(title) || version == null || version.isBlank()) {
      return null;
    }
    return version.strip();
  }

  private static String propertiesVersion() {
    try (InputStream in = StandardHeaders.class.getResourceAsStream("teams-meetings.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "").strip();
        if (!v.isEmpty() && !v.startsWith("$")) {
          return v;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through: the version is informational
    }
    return "unknown";
  }
}
