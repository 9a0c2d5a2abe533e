package io.teamsmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamsmeet.testkit.RetryAfter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every typed failure becomes one clear message on stderr and its own exit code. */
class ErrorsTest extends AgainstFakeMicrosoft {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void notConnectedExitsThreeWithReconnect() {
    Cli.Result result = cli.run(env(), "meeting", "create", "--subject", "Design review");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("teams: reconnect: run teams connect")
        .contains("user '" + USER + "' has not connected a Microsoft account");
  }

  @Test
  void aRevokedGrantExitsThreeAndIsRemoved() {
    connect();
    fake.revokeGrants(ANA.userPrincipalName());

    Cli.Result result = cli.run(env(), "meeting", "create", "--subject", "Design review");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err())
        .startsWith("teams: reconnect: run teams connect")
        .contains("invalid_grant");
    assertThat(cli.run(env(), "status").out()).contains("not connected");
  }

  @Test
  void anUnlicensedAccountExitsFourWithTheRequestId() {
    fake.nextSignIn(BOB.userPrincipalName());
    connect();

    Cli.Result result = cli.run(env(), "meeting", "create", "--subject", "Design review");

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err())
        .startsWith("teams: your account has no Teams licence or lacks permission (request-id ")
        .contains("HTTP 403");
  }

  @Test
  void aCreateWhoseAnswerIsLostSaysTheMeetingMayExistAndIsNotRetried() {
    connect();
    fake.graph().truncateNext(1); // Graph creates the meeting, the answer is cut off

    Cli.Result result = cli.run(env(), "meeting", "create", "--subject", "Design review");

    assertThat(result.exitCode()).isEqualTo(9);
    assertThat(result.err())
        .startsWith("teams: the meeting may have been created")
        .contains("check Teams before creating it again");
    assertThat(fake.meetings(ANA.userPrincipalName())).hasSize(1);
    assertThat(fake.journal().graphCalls("POST")).hasSize(1);
  }

  @Test
  void throttledExitsFiveWithRetryAfter() {
    connect();
    fake.graph().throttleNext(1, RetryAfter.seconds(12));

    Cli.Result result =
        cli.run(env(), "meeting", "create", "--subject", "Design review", "--no-retry");

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.err())
        .startsWith("teams: throttled, retry after 12s (request-id ")
        .contains("HTTP 429");
  }

  @Test
  void aRetryAfterBeyondTheRetryBudgetExitsFiveAtOnceWithoutTheHiddenFlag() {
    connect();
    fake.graph().throttleNext(1, RetryAfter.seconds(45));

    Cli.Result result = cli.run(env(), "meeting", "create", "--subject", "Design review");

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.err()).startsWith("teams: throttled, retry after 45s");
    assertThat(fake.meetings(ANA.userPrincipalName())).isEmpty();
  }

  @Test
  void throttledWithJsonPrintsAnErrorObject() throws Exception {
    connect();
    fake.graph().throttleNext(1, RetryAfter.seconds(12));

    Cli.Result result =
        cli.run(env(), "meeting", "create", "--subject", "x", "--no-retry", "--json");

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.out()).isEmpty();
    JsonNode error = JSON.readTree(result.err()).get("error");
    assertThat(error.get("exitCode").asInt()).isEqualTo(5);
    assertThat(error.get("kind").asText()).isEqualTo("throttled");
    assertThat(error.get("status").asInt()).isEqualTo(429);
    assertThat(error.get("retryAfterSeconds").asLong()).isEqualTo(12);
    assertThat(error.get("requestId").asText()).isNotBlank();
    assertThat(error.get("message").asText()).startsWith("throttled, retry after 12s");
  }

  @Test
  void anUnknownMeetingExitsSix() {
    connect();

    Cli.Result get = cli.run(env(), "meeting", "get", "no-such-meeting");
    Cli.Result delete = cli.run(env(), "meeting", "delete", "no-such-meeting");

    assertThat(get.exitCode()).isEqualTo(6);
    assertThat(get.err()).startsWith("teams: meeting not found").contains("request-id");
    assertThat(delete.exitCode()).isEqualTo(6);
  }

  @Test
  void noClientIdExitsSeven() {
    Map<String, String> env = env();
    env.remove("TEAMS_CLIENT_ID");

    for (String[] args :
        new String[][] {
          {"connect"}, {"meeting", "create", "--subject", "x"}, {"meeting", "get", "id"}
        }) {
      Cli.Result result = cli.run(env, args);

      assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(7);
      assertThat(result.err())
          .isEqualTo(
              "teams: no Microsoft app configured: pass --client-id or set TEAMS_CLIENT_ID, or run teams demo"
                  + System.lineSeparator());
    }
    assertThat(configDir.resolve("keyset.json")).doesNotExist();
  }

  @Test
  void aSecretForAPublicClientExitsSevenWithMicrosoftsExplanation() {
    connect();
    Map<String, String> env = env();
    env.put("TEAMS_CLIENT_SECRET", "not-for-a-public-client");

    Cli.Result result = cli.run(env, "meeting", "create", "--subject", "x", "--no-retry");

    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(result.err())
        .startsWith("teams: the Microsoft app is not configured correctly")
        .contains("public client");
  }

  @Test
  void anInvalidTenantExitsSeven() {
    Cli.Result result =
        cli.run(env(), "meeting", "create", "--subject", "x", "--tenant", "no such tenant");

    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(result.err()).startsWith("teams: invalid setting: tenant must be");
  }

  @Test
  void aDeclinedSignInExitsEightAndTellsTheBrowser() throws Exception {
    fake.nextSignInDeclines();
    FollowingBrowser browser = new FollowingBrowser();

    Cli.Result result = cli.run(env(), browser, "connect");

    assertThat(result.exitCode()).isEqualTo(8);
    assertThat(result.err())
        .startsWith("teams: sign-in declined: the user did not consent")
        .contains("access_denied");
    HttpResponse<String> page = browser.page();
    assertThat(page.body()).contains("Not connected").contains("sign-in declined");
    assertThat(cli.run(env(), "status").exitCode()).isEqualTo(3);
  }

  @Test
  void aCallbackWithoutStateExitsEight() {
    BrowserOpener forger =
        url -> {
          // An attacker's page sends the browser to the listener with a code of its own.
          String listener = url.getQuery().replaceAll(".*redirect_uri=([^&]*).*", "$1");
          new Thread(
                  () -> {
                    try {
                      java.net.http.HttpClient.newHttpClient()
                          .send(
                              java.net.http.HttpRequest.newBuilder(
                                      java.net.URI.create(listener + "?code=forged"))
                                  .build(),
                              HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                      // the test asserts on the command's result
                    }
                  })
              .start();
          return true;
        };

    Cli.Result result = cli.run(env(), forger, "connect");

    assertThat(result.exitCode()).isEqualTo(8);
    assertThat(result.err()).startsWith("teams: invalid sign-in callback").contains("no state");
  }

  @Test
  void noRedirectInTimeExitsEight() {
    Cli.Result result = cli.run(env(), BrowserOpener.none(), "connect", "--timeout", "1s");

    assertThat(result.exitCode()).isEqualTo(8);
    assertThat(result.err()).contains("sign-in not completed: no redirect arrived within 1s");
  }

  @Test
  void aTokenEndpointFailureExitsNine() {
    connect();
    fake.tokenEndpoint().failNext(1, 500, RetryAfter.none());

    Cli.Result result = cli.run(env(), "meeting", "create", "--subject", "x", "--no-retry");

    assertThat(result.exitCode()).isEqualTo(9);
    assertThat(result.err()).startsWith("teams: Microsoft service failure (HTTP 500, request-id ");
  }

  @Test
  void aRefusedConnectionIsANetworkProblemOnThisSideAndExitsEleven() {
    connect();
    Map<String, String> env = env();
    env.put("TEAMS_IDENTITY_ENDPOINT", "http://127.0.0.1:1/login.microsoftonline.com");

    Cli.Result result = cli.run(env, "meeting", "create", "--subject", "x", "--no-retry");

    assertThat(result.exitCode()).isEqualTo(11);
    assertThat(result.err())
        .startsWith("teams: cannot reach Microsoft from this machine: check the network")
        .contains("could not reach the Microsoft identity platform: connection refused")
        .doesNotContain("Microsoft service failure");
  }

  @Test
  void anUnknownHostIsNamedAndIsNotCalledAMicrosoftFailure() throws Exception {
    connect();
    Map<String, String> env = env();
    env.put("TEAMS_IDENTITY_ENDPOINT", "https://nonexistent.invalid/login.microsoftonline.com");

    Cli.Result result = cli.run(env, "meeting", "create", "--subject", "x", "--no-retry", "--json");

    assertThat(result.exitCode()).isEqualTo(11);
    JsonNode error = JSON.readTree(result.err()).get("error");
    assertThat(error.get("kind").asText()).isEqualTo("network");
    assertThat(error.get("detail").asText())
        .startsWith(
            "could not reach the Microsoft identity platform: unknown host nonexistent.invalid")
        .doesNotContain("refused");
    assertThat(error.get("status").isNull()).isTrue();
  }

  @Test
  void noAnswerAfterSendingIsStillAMicrosoftFailure() {
    connect();
    fake.tokenEndpoint().resetNext(1);

    Cli.Result result = cli.run(env(), "meeting", "create", "--subject", "x", "--no-retry");

    assertThat(result.exitCode()).isEqualTo(9);
    assertThat(result.err()).startsWith("teams: Microsoft service failure (no answer");
  }

  @Test
  void aDamagedKeysetExitsTen() throws Exception {
    connect();
    Files.writeString(configDir.resolve("keyset.json"), "{ not a keyset");

    Cli.Result result = cli.run(env(), "meeting", "create", "--subject", "x");

    assertThat(result.exitCode()).isEqualTo(10);
    assertThat(result.err())
        .startsWith("teams: the keyset file ")
        .contains("is not a valid Tink keyset");
  }

  @Test
  void aBadDurationIsAUsageErrorWithAClearMessage() {
    Cli.Result result = cli.run(env(), "meeting", "create", "--subject", "x", "--duration", "30x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "teams: Invalid value for option '--duration': '30x' is not a duration: use 30m, 1h, 90s,"
                + " 1h30m or ISO-8601 like PT30M")
        .contains("Try 'teams meeting create --help'");
    assertThat(cli.run(env(), "meeting", "create", "--subject", "x", "--duration", "0m").err())
        .contains("'0m' is not a positive duration");
  }

  @Test
  void aBadStartIsAUsageErrorWithAClearMessage() {
    Cli.Result noOffset =
        cli.run(env(), "meeting", "create", "--subject", "x", "--start", "2030-01-15T10:00");
    Cli.Result garbage =
        cli.run(env(), "meeting", "create", "--subject", "x", "--start", "tomorrow");

    assertThat(noOffset.exitCode()).isEqualTo(2);
    assertThat(noOffset.err())
        .contains("'2030-01-15T10:00' has no UTC offset: add Z (UTC) or an offset like +01:00");
    assertThat(garbage.exitCode()).isEqualTo(2);
    assertThat(garbage.err())
        .contains("'tomorrow' is not a start time: use now, or an ISO-8601 date-time");
  }

  @Test
  void aPortInUseExitsSeven() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Cli.Result result =
          cli.run(env(), "connect", "--port", Integer.toString(taken.getLocalPort()));

      assertThat(result.exitCode()).isEqualTo(7);
      assertThat(result.err())
          .startsWith("teams: cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void aClientIdFlagThatIsNotAGuidIsAUsageErrorBeforeAnythingWaits() {
    for (String bad :
        new String[] {"my-app", "abcdefab-2222-3333-4444-55555555555", "s3cr3t~value"}) {
      // if the flag were accepted, connect would wait for a sign-in: bound it
      Cli.Result result =
          cli.run(env(), "connect", "--client-id", bad, "--timeout", "2s", "--no-browser");

      assertThat(result.exitCode()).as(bad).isEqualTo(2);
      assertThat(result.out()).isEmpty();
      assertThat(result.err())
          .as(bad)
          .isEqualTo(
              "teams: Invalid value for option '--client-id': not an Application (client) id:"
                  + " use the GUID shown as 'Application (client) ID' on the app registration's"
                  + " Overview in the Microsoft Entra admin center, like"
                  + " 11111111-2222-3333-4444-555555555555"
                  + System.lineSeparator()
                  + "Try 'teams connect --help' for more information."
                  + System.lineSeparator())
          .doesNotContain(bad);
    }
    assertThat(configDir.resolve("keyset.json")).doesNotExist();
    assertThat(cli.run(env(), "meeting", "create", "--subject", "x", "--client-id", "x").err())
        .contains("Invalid value for option '--client-id'")
        .contains("Try 'teams meeting create --help'");
  }

  @Test
  void aClientIdVariableThatIsNotAGuidIsAConfigurationErrorNamingTheVariable() {
    Map<String, String> env = env();
    env.put("TEAMS_CLIENT_ID", "my-app");

    Cli.Result result = cli.run(env, "connect", "--timeout", "2s", "--no-browser");

    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(result.err())
        .startsWith("teams: TEAMS_CLIENT_ID: not an Application (client) id: use the GUID")
        .doesNotContain("my-app");
  }

  @Test
  void aPortOutOfRangeIsAUsageErrorWithTheHint() {
    for (String bad : new String[] {"99999", "65536", "-1", "http"}) {
      Cli.Result result = cli.run(env(), "connect", "--port", bad, "--timeout", "2s");

      assertThat(result.exitCode()).as(bad).isEqualTo(2);
      assertThat(result.out()).isEmpty();
      assertThat(result.err())
          .as(bad)
          .isEqualTo(
              "teams: Invalid value for option '--port': '"
                  + bad
                  + "' is not a port: use 1 to 65535, or 0 for any free port"
                  + System.lineSeparator()
                  + "Try 'teams connect --help' for more information."
                  + System.lineSeparator());
    }
  }

  @Test
  void aTooLongUserIdExitsSeven() {
    Cli.Result result = cli.run(env(), "status", "--user", "u".repeat(256));

    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(result.err()).contains("the app user id must be at most 255 characters");
  }

  @Test
  void otherUsageErrorsExitTwo() {
    assertThat(cli.run(env(), "meeting", "create").err())
        .contains("Missing required option: '--subject=TEXT'");
    assertThat(cli.run(env(), "meeting", "create", "--subject", " ").err())
        .contains("--subject must not be blank");
    assertThat(cli.run(env(), "meetings").exitCode()).isEqualTo(2);
    assertThat(cli.run(env(), "meeting").exitCode()).isEqualTo(2);
    assertThat(cli.run(env(), "connect", "--port", "70000").exitCode()).isEqualTo(2);
  }
}
