package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other class of the module ({@code @Order(Integer.MAX_VALUE)}, see
 * junit-platform.properties) and scans everything the suite produced for every secret it saw: all
 * log lines of every logger at every level ({@link SuiteLog}), every exception the SDK threw at a
 * test (message, causes, stack trace) and the {@code toString()} of the SDK's objects ({@link
 * Secrets}). Secrets: authorization codes, code verifiers, access and refresh tokens, id tokens,
 * the client secret, and each stored ciphertext as base64, base64url and hex; plus anything shaped
 * like a token of the fake.
 */
@Order(Integer.MAX_VALUE)
class LeakScanTest {

  @Test
  void noSecretInAnyLogLineExceptionOrToString() throws IOException {
    SuiteLog.flush();
    Set<String> secrets = Secrets.all();
    assumeTrue(secrets.size() > 100, "meaningful only after the rest of the suite ran");
    LeakScanner scanner = new LeakScanner(secrets);
    List<String> leaks = new ArrayList<>();
    long lines = 0;
    try (BufferedReader log = Files.newBufferedReader(SuiteLog.file(), StandardCharsets.UTF_8)) {
      for (String line = log.readLine(); line != null && leaks.size() < 50; line = log.readLine()) {
        lines++;
        leaks.addAll(scanner.leaks(line, "log line " + lines));
      }
    }
    List<String> texts = Secrets.handedOut();
    for (int i = 0; i < texts.size() && leaks.size() < 50; i++) {
      leaks.addAll(scanner.leaks(texts.get(i), "exception or toString() #" + i));
    }

    System.out.printf(
        "LeakScan: %d secrets (codes, verifiers, tokens, client secret, ciphertext forms) looked"
            + " for in %d log lines (%d records, %d from io.teamsmeet.*) and %d exception/toString"
            + " texts: %d leaks%n",
        scanner.size(),
        lines,
        SuiteLog.records(),
        SuiteLog.sdkRecords(),
        texts.size(),
        leaks.size());
    assertThat(SuiteLog.sdkRecords())
        .as("the SDK's own DEBUG lines were captured")
        .isGreaterThan(100);
    assertThat(texts).as("exceptions and toString() texts were collected").hasSizeGreaterThan(50);
    assertThat(leaks).isEmpty();
  }

  @Test
  void theScannerFindsAPlantedSecretAndAnyTokenShapedString() {
    String secret = "planted-" + Rig.random(32);
    LeakScanner scanner = new LeakScanner(Set.of(secret));

    assertThat(scanner.leaks("INFO x: refreshing with " + secret + " now", "canary")).hasSize(1);
    assertThat(scanner.leaks("FINE y: Bearer EwA" + Rig.random(60), "canary")).hasSize(1);
    assertThat(scanner.leaks("FINE y: refresh 1.AXoA" + Rig.random(60), "canary")).hasSize(1);
    assertThat(scanner.leaks("FINE z: POST /token -> 200 in 3 ms", "canary")).isEmpty();
    assertThat(
            scanner.leaks("GET /authorize?state=" + Rig.random(20) + "EwA" + Rig.random(60), "x"))
        .as("random base64url that merely contains EwA (a sealed state) is not a token")
        .isEmpty();
    assertThat(scanner.leaks("GET /authorize?code=EwA" + Rig.random(60) + "&x=1", "canary"))
        .hasSize(1);
  }
}
