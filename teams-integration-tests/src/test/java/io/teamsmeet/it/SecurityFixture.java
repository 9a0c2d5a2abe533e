package io.teamsmeet.it;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.testkit.RecordedRequest;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A fake, an in-memory store, one keyset and one SDK instance per test. */
abstract class SecurityFixture {

  static Rig rig;
  static FakeMicrosoft fake;

  InMemoryTokenStore store;
  KeysetHandle keys;
  TeamsMeetings teams;

  @BeforeAll
  static void startFake() {
    rig = Rig.start();
    fake = rig.fake;
  }

  @AfterAll
  static void stopFake() {
    rig.close();
  }

  @BeforeEach
  void newInstance() {
    store = new InMemoryTokenStore();
    keys = Rig.newKeys();
    teams = rig.sdk(store, keys).build();
    Secrets.printed(teams);
  }

  @AfterEach
  void cleanUp() {
    teams.close();
    rig.reset();
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> values = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  /** The callback URI with one query parameter replaced (or removed, for a null value). */
  static URI withParam(URI callback, String name, String value) {
    StringBuilder query = new StringBuilder();
    Map<String, String> params = query(callback);
    if (value == null) {
      params.remove(name);
    } else {
      params.put(name, value);
    }
    params.forEach(
        (k, v) -> {
          if (query.length() > 0) {
            query.append('&');
          }
          query.append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    String base = callback.toString();
    int q = base.indexOf('?');
    return URI.create((q < 0 ? base : base.substring(0, q)) + "?" + query);
  }

  static RecordedRequest onlyCodeRedemption() {
    return fake.journal().tokenRequests("authorization_code").get(0);
  }
}
