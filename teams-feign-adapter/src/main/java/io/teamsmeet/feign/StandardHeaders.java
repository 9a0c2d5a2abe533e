package io.teamsmeet.feign;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * The headers every request carries: a fresh {@code client-request-id}, {@code
 * return-client-request-id: true}, the SDK's {@code User-Agent} and {@code Accept}; for Graph also
 * {@code Prefer: include-unknown-enum-members}, followed in the same header by a method's own
 * preferences ({@code outlook.timezone="UTC"} for events).
 *
 * <p>Where they are added: inside {@link Http#call} (every call the SDK makes), by the SDK's client
 * layer as the request is sent, like the bearer token ({@link Exchange#authorize}): {@link Calls}
 * only tells the call's {@link Exchange} that the request goes to Graph or to the identity platform
 * and draws its {@code client-request-id} ({@link Exchange#sendStandardHeaders}); {@link JdkClient}
 * and {@link OkHttpFeignClient} add the headers to the request they build, {@link LoggingClient} to
 * its one copy of Feign's request for any other client ({@link Exchange#prepared}). Outside {@link
 * Http#call} (no exchange on the thread) {@link Calls} puts them into Feign's request itself
 * ({@link #add}), so that the request carries them whatever sends it.
 *
 * <p>Either way the same headers reach the wire: the SDK's {@code client-request-id}, {@code
 * User-Agent} and {@code Accept} replace any a method sets itself; {@code return-client-request-id}
 * gets {@code true} added to a method's own values; Graph's one {@code Prefer} header is {@code
 * include-unknown-enum-members} followed by a method's own preferences; every other header of the
 * method ({@code Content-Type}...) is left as it is.
 */
final class StandardHeaders {

  static final String CLIENT_REQUEST_ID = "client-request-id";
  static final String RETURN_CLIENT_REQUEST_ID = "return-client-request-id";
  static final String USER_AGENT_HEADER = "User-Agent";
  static final String ACCEPT = "Accept";
  static final String ACCEPT_VALUE = "application/json";
  static final String PREFER = "Prefer";
  static final String UNKNOWN_ENUM_MEMBERS = "include-unknown-enum-members";

  /** This module's name, the {@code Implementation-Title} of its jar's manifest. */
  private static final String MODULE = "io.teamsmeet.feign";

  /** {@code teams-meetings-java/<version> (+java/<feature>)}. */
  static final String USER_AGENT =
      "teams-meetings-java/" + sdkVersion() + " (+java/" + Runtime.version().feature() + ")";

  private StandardHeaders() {}

  /**
   * Whether the SDK sets header {@code name} itself, replacing or merging a request's own values
   * (which the client layer then does not copy as they are).
   */
  static boolean isStandard(String name, boolean graph) {
    return name.equalsIgnoreCase(CLIENT_REQUEST_ID)
        || name.equalsIgnoreCase(RETURN_CLIENT_REQUEST_ID)
        || name.equalsIgnoreCase(USER_AGENT_HEADER)
        || name.equalsIgnoreCase(ACCEPT)
        || (graph && name.equalsIgnoreCase(PREFER));
  }

  /**
   * Gives {@code header} the standard headers of a request whose own headers are {@code own}, one
   * value at a time: for a header {@link #isStandard} the request's own values are replaced or
   * merged here (the SDK's {@code client-request-id}, {@code User-Agent} and {@code Accept} replace
   * them, {@code true} is added to {@code return-client-request-id}'s own values unless there, and
   * Graph's {@code Prefer} merges them).
   *
   * @param clientRequestId the exchange's {@code client-request-id}
   */
  static void add(
      Map<String, Collection<String>> own,
      boolean graph,
      String clientRequestId,
      BiConsumer<String, String> header) {
    header.accept(CLIENT_REQUEST_ID, clientRequestId);
    // "true" added to a request's own values, without repeating one
    Collection<String> returnIds = values(own, RETURN_CLIENT_REQUEST_ID);
    if (returnIds != null) {
      for (String value : new LinkedHashSet<>(returnIds)) {
        header.accept(RETURN_CLIENT_REQUEST_ID, value);
      }
    }
    if (returnIds == null || !returnIds.contains("true")) {
      header.accept(RETURN_CLIENT_REQUEST_ID, "true");
    }
    header.accept(USER_AGENT_HEADER, USER_AGENT);
    header.accept(ACCEPT, ACCEPT_VALUE);
    if (graph) {
      header.accept(PREFER, prefer(values(own, PREFER)));
    }
  }

  /**
   * Graph's one {@code Prefer} value: {@code include-unknown-enum-members}, then a method's own
   * preferences. lobbyBypassScope is an evolvable enum: "invited" and "organizationExcludingGuests"
   * need this header to come back as themselves (and, defensively, to be accepted when sent).
   */
  static String prefer(Collection<String> own) {
    if (own == null || own.isEmpty()) {
      return UNKNOWN_ENUM_MEMBERS;
    }
    StringBuilder prefer = new StringBuilder(UNKNOWN_ENUM_MEMBERS);
    for (String value : own) {
      if (!value.isBlank() && !value.equals(UNKNOWN_ENUM_MEMBERS)) {
        prefer.append(", ").append(value);
      }
    }
    return prefer.toString();
  }

  /** The values of header {@code name}, looked up case-insensitively; null when absent. */
  private static Collection<String> values(Map<String, Collection<String>> headers, String name) {
    for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
        return e.getValue();
      }
    }
    return null;
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
