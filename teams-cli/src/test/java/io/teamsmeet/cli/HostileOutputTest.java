package io.teamsmeet.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Text from Microsoft or from a callback reaches the terminal with every control character, line
 * separator and bidirectional control escaped: in human output (stdout and stderr) and in {@code
 * --json} output, where a JSON reader still gets the exact value back.
 */
class HostileOutputTest extends AgainstFakeMicrosoft {

  static final String HOSTILE = "\u001b[31mred\r\nteams: fake line\u2028\u202Eexe.txt\u0085\u007f";
  static final Pattern RAW =
      Pattern.compile(
          "[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");
  static final ObjectMapper JSON = new ObjectMapper();

  /** Nothing raw but the line ends the program itself prints. */
  static void assertNothingRaw(String output) {
    String withoutLineEnds = output.replace(System.lineSeparator(), "\n");
    for (String line : withoutLineEnds.split("\n", -1)) {
      assertThat(RAW.matcher(line).find()).as("raw control character in: %s", line).isFalse();
    }
  }

  @Test
  void aHostileAccountNameIsEscapedWhenConnectingAndInStatusTextAndJson() throws Exception {
    String account = "ana" + HOSTILE + "@contoso.com";
    fake.nextIdTokenClaims(Map.of("preferred_username", account));

    Cli.Result connected = connect();
    Cli.Result status = cli.run(env(), "status");
    Cli.Result json = cli.run(env(), "status", "--json");

    assertNothingRaw(connected.all());
    assertNothingRaw(status.all());
    assertNothingRaw(json.all());
    assertThat(connected.out())
        .contains("Connected ana\\u001B[31mred\\u000D\\u000Ateams: fake line");
    assertThat(status.out()).contains("\\u2028\\u202Eexe.txt\\u0085\\u007F@contoso.com");
    assertThat(json.out()).contains("\\u2028\\u202Eexe.txt\\u0085\\u007F@contoso.com");
    assertThat(JSON.readTree(json.out()).get("account").asText()).isEqualTo(account);
  }

  @Test
  void aHostileGraphErrorIsEscapedOnStderrInTextAndJson() throws Exception {
    connect();
    WireMockServer graph =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    graph.start();
    try {
      ObjectNode body = JSON.createObjectNode();
      ObjectNode error =
          body.putObject("error").put("code", "BadRequest" + HOSTILE).put("message", HOSTILE);
      error.putObject("innerError").put("request-id", HOSTILE).put("client-request-id", HOSTILE);
      graph.stubFor(
          any(anyUrl())
              .willReturn(
                  aResponse()
                      .withStatus(400)
                      .withHeader("Content-Type", "application/json")
                      .withBody(body.toString())));
      Map<String, String> env = env();
      env.put("TEAMS_GRAPH_ENDPOINT", "http://127.0.0.1:" + graph.port() + "/graph");

      Cli.Result text = cli.run(env, "meeting", "create", "--subject", "Review");
      Cli.Result json = cli.run(env, "meeting", "create", "--subject", "Review", "--json");

      assertThat(text.exitCode()).isEqualTo(9);
      assertNothingRaw(text.all());
      assertThat(text.err())
          .contains("request-id \\u001B[31mred\\u000D\\u000Ateams: fake line\\u2028\\u202Eexe.txt")
          .contains("code=BadRequest\\u001B[31m");
      assertThat(json.exitCode()).isEqualTo(9);
      assertNothingRaw(json.all());
      JsonNode parsed = JSON.readTree(json.err()).get("error");
      assertThat(parsed.get("code").asText()).startsWith("BadRequest\\u001B[31mred\\u000D\\u000A");
    } finally {
      graph.stop();
    }
  }

  @Test
  void hostileTextInAGenuineErrorCallbackIsEscapedOnStderr() {
    fake.nextSignInDeclines();
    FollowingBrowser tampering =
        new FollowingBrowser(
            redirect ->
                URI.create(
                    redirect
                        .toString()
                        .replaceFirst(
                            "error_description=[^&]*",
                            "error_description="
                                + URLEncoder.encode(
                                    "AADSTS65004: " + HOSTILE, StandardCharsets.UTF_8))
                        .replaceFirst(
                            "error=access_denied",
                            "error="
                                + URLEncoder.encode(
                                    "access_denied" + HOSTILE, StandardCharsets.UTF_8))));

    Cli.Result result = cli.run(env(), tampering, "connect");

    assertThat(result.exitCode()).isEqualTo(8);
    assertNothingRaw(result.all());
    assertThat(result.err())
        .startsWith(
            "teams: sign-in refused by Microsoft (access_denied\\u001B[31mred\\u000D\\u000A");
  }
}
