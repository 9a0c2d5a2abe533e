package io.teamsmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.testkit.FakeAccount;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.testkit.RecordedRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real commands against a FakeMicrosoft that the test starts, pointing them at it with the
 * hidden endpoint settings. After each test, no output may contain a code, verifier, token or
 * secret that the fake saw.
 */
abstract class AgainstFakeMicrosoft {

  static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
  static final String CONFIDENTIAL_CLIENT_ID = "66666666-7777-8888-9999-000000000000";
  static final String CLIENT_SECRET = "s3cr3t~value.from-the-portal_0123456789";
  static final URI REDIRECT = URI.create("http://127.0.0.1/callback");
  static final FakeAccount ANA = FakeAccount.of("ana@contoso.com", "Ana Souza");
  static final FakeAccount BOB =
      FakeAccount.of("bob@contoso.com", "Bob Kelly").withTeamsLicensed(false);
  static final String USER = "app-user-1";

  static FakeMicrosoft fake;

  final Cli cli = new Cli();

  @TempDir Path configDir;

  @BeforeAll
  static void startFake() {
    fake =
        FakeMicrosoft.builder()
            .app(CLIENT_ID, REDIRECT)
            .app(CONFIDENTIAL_CLIENT_ID, REDIRECT, CLIENT_SECRET)
            .account(ANA)
            .account(BOB)
            .start();
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @BeforeEach
  void resetFake() {
    fake.reset();
  }

  @AfterEach
  void nothingSecretWasPrinted() {
    Set<String> secrets = secretsSeenByTheFake();
    for (String output : cli.outputs()) {
      for (String secret : secrets) {
        assertThat(output).as("output must not contain a secret").doesNotContain(secret);
      }
    }
  }

  /** Every code, verifier, refresh token, access token and client secret the fake received. */
  static Set<String> secretsSeenByTheFake() {
    Set<String> secrets = new LinkedHashSet<>();
    secrets.add(CLIENT_SECRET);
    for (RecordedRequest r : fake.journal().tokenRequests()) {
      for (String name : new String[] {"code", "code_verifier", "refresh_token", "client_secret"}) {
        r.formParam(name).ifPresent(secrets::add);
      }
    }
    for (RecordedRequest r : fake.journal().graphCalls()) {
      r.header("Authorization")
          .map(h -> h.replaceFirst("(?i)^bearer ", ""))
          .ifPresent(secrets::add);
    }
    secrets.removeIf(s -> s.length() < 8);
    return secrets;
  }

  /** The environment of a machine configured for the fake: app, endpoints, config dir, user. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("TEAMS_CLIENT_ID", CLIENT_ID);
    env.put("TEAMS_IDENTITY_ENDPOINT", fake.identityBaseUri().toString());
    env.put("TEAMS_GRAPH_ENDPOINT", fake.graphBaseUri().toString());
    env.put("TEAMS_CONFIG_DIR", configDir.toString());
    env.put("TEAMS_USER", USER);
    env.put("HOME", configDir.resolve("home").toString());
    return env;
  }

  /** Connects the user through the loopback listener; asserts it worked. */
  Cli.Result connect(Map<String, String> env) {
    FollowingBrowser browser = new FollowingBrowser();
    Cli.Result result = cli.run(env, browser, "connect");
    assertThat(result.exitCode()).as(result.all()).isZero();
    return result;
  }

  Cli.Result connect() {
    return connect(env());
  }
}
