package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.teamsmeet.ErrorDetails;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.testkit.FakeClock;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * Text from Microsoft (or from whoever answers in its place) reaches exception messages, {@code
 * details()} and log lines with every control character, line separator and bidirectional control
 * escaped: an ANSI colour, a CR LF that would forge a log line, U+2028, U+202E (right-to-left
 * override), a C1 control and DEL, in every text field of the identity platform's and Graph's error
 * bodies, over real HTTP on each transport. (Control characters in a header value never get this
 * far: the server or the client's HTTP parser refuses them.)
 */
@OnEachTransport
class HostileTextTest {

  /** What a hostile answer puts into every text field. */
  static final String HOSTILE =
      "\u001b[31mred\r\n2026-03-02 INFO io.teamsmeet fake log line\u2028\u202Eexe.txt\u0085\u007f";

  /** Any character that must never appear raw in a message, a detail or a log line. */
  static final Pattern RAW =
      Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private static final String USER = "app-user-hostile";
  private final FakeClock clock = FakeClock.startingAt(Fixture.NOW);
  private TeamsMeetings teams;
  private LogCapture logs;

  @BeforeEach
  void setUp() {
    teams = Fixture.builder(wm, clock, transport).refreshAhead(Duration.ZERO).build();
    logs = new LogCapture();
  }

  @AfterEach
  void tearDown() {
    logs.close();
    teams.close();
  }

  static void assertNothingRaw(TeamsException e, List<String> logLines) {
    List<String> texts = new ArrayList<>();
    texts.add(e.getMessage());
    texts.add(e.toString());
    ErrorDetails d = e.details();
    d.code().ifPresent(texts::add);
    d.description().ifPresent(texts::add);
    d.subError().ifPresent(texts::add);
    d.requestId().ifPresent(texts::add);
    d.clientRequestId().ifPresent(texts::add);
    d.date().ifPresent(texts::add);
    texts.add(d.toString());
    texts.addAll(logLines);
    for (String text : texts) {
      assertThat(RAW.matcher(text).find()).as("raw control character in: %s", text).isFalse();
    }
  }

  private URI callbackWithCode() {
    URI authorize = teams.beginConnect(USER);
    String state = null;
    for (String pair : authorize.getRawQuery().split("&")) {
      if (pair.startsWith("state=")) {
        state = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    return URI.create(
        Fixture.REDIRECT_URI
            + "?code="
            + URLEncoder.encode(Fixture.CODE, StandardCharsets.UTF_8)
            + "&state="
            + URLEncoder.encode(state, StandardCharsets.UTF_8));
  }

  @Test
  void aHostileTokenErrorIsEscapedInTheMessageTheDetailsAndTheLogs() {
    ObjectNode body = TestJson.MAPPER.createObjectNode();
    body.put("error", "invalid_request" + HOSTILE)
        .put("error_description", "AADSTS900144: " + HOSTILE + "\r\nTrace ID: x")
        .put("suberror", HOSTILE)
        .put("trace_id", HOSTILE)
        .put("correlation_id", HOSTILE)
        .put("timestamp", HOSTILE);
    body.putArray("error_codes").add(90000);
    wm.stubFor(post(urlEqualTo(Fixture.TOKEN_PATH)).willReturn(Fixture.json(400, body)));

    TeamsException e =
        catchThrowableOfType(
            () -> teams.completeConnect(USER, callbackWithCode()), TeamsException.class);

    // the identity platform's error and suberror are compared in lower case, hence "info"
    assertThat(e.details().code())
        .contains(
            "invalid_request\\u001B[31mred\\u000D\\u000A2026-03-02 info io.teamsmeet fake log"
                + " line\\u2028\\u202Eexe.txt\\u0085\\u007F");
    assertThat(e.details().description())
        .hasValueSatisfying(
            d -> assertThat(d).startsWith("AADSTS900144: \\u001B[31mred 2026-03-02"));
    assertThat(e.details().requestId())
        .contains(
            "\\u001B[31mred\\u000D\\u000A2026-03-02 INFO io.teamsmeet fake log line\\u2028\\u202Eexe.txt"
                + "\\u0085\\u007F");
    assertThat(logs.lines()).isNotEmpty();
    assertNothingRaw(e, logs.lines());
  }

  @Test
  void aHostileGraphErrorIsEscapedInTheMessageTheDetailsAndTheLogs() {
    wm.stubFor(
        post(urlEqualTo(Fixture.TOKEN_PATH))
            .withRequestBody(containing("grant_type=authorization_code"))
            .willReturn(
                Fixture.json(200, Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN))));
    teams.completeConnect(USER, callbackWithCode());
    ObjectNode error = TestJson.MAPPER.createObjectNode();
    ObjectNode inner =
        error
            .putObject("error")
            .put("code", "BadRequest" + HOSTILE)
            .put("message", HOSTILE)
            .putObject("innerError");
    inner.put("request-id", HOSTILE).put("client-request-id", HOSTILE).put("date", HOSTILE);
    wm.stubFor(
        post(urlPathEqualTo("/graph/v1.0/me/onlineMeetings")).willReturn(Fixture.json(400, error)));

    TeamsServiceException e =
        catchThrowableOfType(
            () ->
                teams
                    .meetings()
                    .create(USER, MeetingRequest.of("Review", Fixture.NOW, Duration.ofMinutes(30))),
            TeamsServiceException.class);

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.details().code())
        .hasValueSatisfying(c -> assertThat(c).startsWith("BadRequest\\u001B[31m"));
    assertThat(e.getMessage()).contains("code=BadRequest\\u001B[31mred\\u000D\\u000A2026-03-02");
    assertThat(logs.lines())
        .anySatisfy(l -> assertThat(l).contains("POST /graph/v1.0/me/onlineMeetings -> 400"));
    assertNothingRaw(e, logs.lines());
  }
}
