package io.teamsmeet.it;

import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.testkit.RecordedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * Every secret the suite saw, and every text the SDK handed to the application (exception messages
 * and traces, {@code toString()} of its objects), collected across all test classes for {@link
 * LeakScanTest}.
 *
 * <p>Secrets come from the fakes' journals (authorization codes, code verifiers, refresh tokens,
 * client secrets and assertions from token requests; bearer tokens from Graph calls), from token
 * responses seen on the wire ({@link MicrosoftProxy}), and from stored grants: each ciphertext in
 * its raw-bytes-as-text, base64, base64url and hex forms. Tokens the fake issues also have a
 * recognisable shape ({@link #TOKEN_SHAPES}), which catches tokens that were issued but never sent
 * back (the last ones of a test, or those the soak's bounded journal forgot).
 */
final class Secrets {

  /** Secrets shorter than this are not tracked (too many false hits, and none are this short). */
  static final int MIN_LENGTH = 12;

  /**
   * The shapes of FakeMicrosoft's access tokens ({@code EwA} + base64url) and of its codes and
   * refresh tokens ({@code 1.AXoA} + base64url), where a token starts: not preceded by a base64url
   * character, so that a sealed {@code state} (random base64url, logged as part of an authorize
   * URL) which happens to contain {@code EwA} somewhere inside is not taken for a token.
   */
  static final Pattern TOKEN_SHAPES =
      Pattern.compile("(?<![A-Za-z0-9_.-])(?:EwA[A-Za-z0-9_-]{40,}|1\\.AXoA[A-Za-z0-9_-]{40,})");

  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
  private static final ConcurrentLinkedQueue<String> HANDED_OUT = new ConcurrentLinkedQueue<>();
  private static final Set<String> FORM_SECRETS =
      Set.of("code", "code_verifier", "refresh_token", "client_secret", "client_assertion");

  private Secrets() {}

  static void add(String secret) {
    if (secret != null && secret.length() >= MIN_LENGTH) {
      SECRETS.add(secret);
    }
  }

  /** Adds a stored grant's ciphertext in every form a log line could carry it. */
  static void ciphertext(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return;
    }
    add(Base64.getEncoder().encodeToString(bytes));
    add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
    add(Base64.getUrlEncoder().encodeToString(bytes));
    add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    add(HexFormat.of().formatHex(bytes));
    add(HexFormat.of().withUpperCase().formatHex(bytes));
  }

  static void ciphertext(Optional<StoredGrant> grant) {
    grant.ifPresent(g -> ciphertext(g.ciphertext()));
  }

  /** Harvests every secret in the fake's journal (call before the fake is reset). */
  static void harvest(FakeMicrosoft fake) {
    for (RecordedRequest request : fake.journal().all()) {
      for (Map.Entry<String, List<String>> e : request.form().entrySet()) {
        if (FORM_SECRETS.contains(e.getKey())) {
          e.getValue().forEach(Secrets::add);
        }
      }
      request
          .header("Authorization")
          .ifPresent(
              v -> {
                add(v);
                int space = v.indexOf(' ');
                if (space > 0) {
                  add(v.substring(space + 1));
                }
              });
      // the redirect carried the code; the authorize request carries no secret (the challenge is
      // public by design), but the token responses' values come from MicrosoftProxy
    }
  }

  /** Records what the SDK handed to the application: a thrown exception, in full. */
  static void thrown(Throwable t) {
    if (t == null) {
      return;
    }
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    HANDED_OUT.add(trace.toString());
    for (Throwable c = t; c != null; c = c.getCause()) {
      HANDED_OUT.add(String.valueOf(c.getMessage()));
      HANDED_OUT.add(c.toString());
    }
  }

  /** Records the {@code toString()} of an object the SDK handed to the application. */
  static void printed(Object o) {
    HANDED_OUT.add(String.valueOf(o));
  }

  static Set<String> all() {
    return Set.copyOf(SECRETS);
  }

  static List<String> handedOut() {
    return List.copyOf(HANDED_OUT);
  }
}
