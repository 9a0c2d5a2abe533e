package io.teamsmeet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes step 2 with hostile callbacks: {@link CallbackParameters} on any query, and {@code
 * completeConnect} with any query around a genuine state and code (so that inputs also get past the
 * state check into the code exchange). Property: the answer is a {@link Connection} or one of the
 * core's {@link TeamsException}s, never anything else (no NPE, no IndexOutOfBounds, no
 * IllegalArgumentException of the JDK's URL decoder).
 *
 * <p>In a normal build the seeds in {@code src/test/resources/io/teamsmeet/CallbackFuzzTestInputs/}
 * run as regression tests. To fuzz (one target per run), see SECURITY.md:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl teams-core test -Dtest='CallbackFuzzTest#completeConnect'
 * </pre>
 */
class CallbackFuzzTest {

  private static final String USER = "fuzz-user";

  /** Replaced now and then: each genuine sign-in leaves a code and a used state behind. */
  private static Fixture fixture = new Fixture();

  private static int runs;

  @AfterAll
  static void close() {
    fixture.close();
  }

  /**
   * The first byte picks how the rest becomes a URI: as the raw query of a URI string (only what
   * {@link URI} accepts), or quoted by URI's multi-argument constructor (anything).
   */
  @FuzzTest(maxDuration = "60s")
  void parse(byte[] data) {
    URI uri = callbackUri(data);
    if (uri == null) {
      return;
    }
    try {
      CallbackParameters parameters = CallbackParameters.parse(uri);
      parameters.get("code");
      parameters.get("state");
      parameters.get("error");
    } catch (InvalidAuthorizationResponseException expected) {
      // the documented refusal
    }
  }

  /**
   * The first byte's bits choose what genuine parts the fuzzed query is combined with: bit 0 a
   * genuine state for the user, bit 1 a genuine code, bit 2 the fuzzed part first, bit 3 the map
   * overload instead of the URI one, bit 4 another user than the state's.
   */
  @FuzzTest(maxDuration = "60s")
  void completeConnect(byte[] data) {
    if (++runs % 20_000 == 0) {
      fixture.close();
      fixture = new Fixture();
    }
    Fixture f = fixture;
    int flags = data.length == 0 ? 0 : data[0];
    String fuzzed =
        data.length == 0 ? "" : new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
    String genuine = "";
    if ((flags & 0b11) != 0) {
      URI callback = f.identity.consent(f.service.beginConnect(USER), "ana@contoso.com");
      Map<String, String> q = FakeIdentity.query(callback);
      if ((flags & 1) != 0) {
        genuine += "state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
      }
      if ((flags & 2) != 0) {
        genuine +=
            (genuine.isEmpty() ? "" : "&")
                + "code="
                + URLEncoder.encode(q.get("code"), StandardCharsets.UTF_8);
      }
    }
    String query = (flags & 4) != 0 ? fuzzed + "&" + genuine : genuine + "&" + fuzzed;
    String user = (flags & 16) != 0 ? "someone-else" : USER;
    try {
      Connection connection;
      if ((flags & 8) != 0) {
        Map<String, String> map = new HashMap<>();
        for (String pair : query.split("&", -1)) {
          int eq = pair.indexOf('=');
          map.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        connection = f.service.completeConnect(user, map);
      } else {
        URI uri;
        try {
          uri = new URI("https://app.example/callback?" + query);
        } catch (URISyntaxException e) {
          return; // not a URI: a web framework would never hand it over
        }
        connection = f.service.completeConnect(user, uri);
      }
      if (!connection.userId().equals(user)) {
        throw new AssertionError("connected " + connection.userId() + " for " + user);
      }
    } catch (TeamsException expected) {
      // refused with a typed reason
    }
  }

  static URI callbackUri(byte[] data) {
    if (data.length == 0) {
      return URI.create("https://app.example/callback");
    }
    String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
    try {
      return (data[0] & 1) == 0
          ? new URI("https://app.example/callback?" + text)
          : new URI("https", "app.example", "/callback", text, null);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
