package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.teamsmeet.AccessToken;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.testkit.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * Runs successes and every kind of failure while capturing the SDK's log at all levels, then checks
 * that no secret the tests used (client secret, code, verifier, tokens, client assertions) appears
 * in any exception message, cause, details or log line.
 */
@OnEachTransport
class SecretLeakTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private final FakeClock clock = FakeClock.startingAt(Fixture.NOW);
  private final List<Throwable> failures = new ArrayList<>();

  @Test
  void noSecretReachesAMessageOrTheLog() {
    List<String> lines;
    try (LogCapture log = new LogCapture()) {
      exerciseEverything();
      lines = log.lines();
    }

    List<String> secrets = new ArrayList<>(Fixture.SECRETS);
    for (LoggedRequest r : wm.findAll(anyRequestedFor(anyUrl()))) {
      Map<String, String> form =
          r.getBodyAsString().contains("grant_type=") ? TokenRequestTest.form(r) : Map.of();
      for (String key :
          List.of("client_assertion", "code_verifier", "code", "refresh_token", "client_secret")) {
        if (form.containsKey(key)) {
          secrets.add(form.get(key));
        }
      }
      if (r.containsHeader("Authorization")) {
        secrets.add(r.getHeader("Authorization").substring("Bearer ".length()));
      }
    }

    assertThat(failures).hasSizeGreaterThan(15);
    for (Throwable failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        for (String secret : secrets) {
          assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
          assertThat(t.toString()).doesNotContain(secret);
        }
      }
      if (failure instanceof TeamsException te) {
        for (String secret : secrets) {
          assertThat(te.details().toString()).doesNotContain(secret);
        }
      }
    }
    assertThat(failures)
        .anySatisfy(
            f ->
                assertThat(((TeamsException) f).details().description())
                    .hasValueSatisfying(
                        d ->
                            assertThat(d)
                                .contains("code=[redacted]")
                                .contains("grant_type=authorization_code")));
    assertThat(failures)
        .anySatisfy(
            f ->
                assertThat(((TeamsException) f).details().description())
                    .contains("echo [redacted]"));
    assertThat(lines)
        .as("the HTTP log was captured")
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("POST /login/organizations/oauth2/v2.0/token -> 200")
                    .contains("client-request-id="));
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).contains("POST /graph/v1.0/me/onlineMeetings -> 201"));
    for (String line : lines) {
      for (String secret : secrets) {
        assertThat(line).doesNotContain(secret);
      }
      assertThat(line).doesNotContainIgnoringCase("bearer ");
    }
  }

  private void exerciseEverything() {
    TestCertificate.KeyAndCert cert = TestCertificate.get();
    List<TeamsMeetings.Builder> credentials =
        List.of(
            Fixture.builder(wm, clock, transport),
            Fixture.builder(wm, clock, transport).clientSecret(Fixture.CLIENT_SECRET),
            Fixture.builder(wm, clock, transport).certificate(cert.key(), cert.certificate()));

    // successes
    wm.stubFor(
        post(urlEqualTo(Fixture.TOKEN_PATH))
            .willReturn(
                Fixture.json(200, Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN))));
    wm.stubFor(
        post(urlPathMatching("/graph/.*")).willReturn(Fixture.json(201, Fixture.CREATED_MEETING)));
    for (TeamsMeetings.Builder b : credentials) {
      FeignMicrosoftAdapter.Wired ports = FeignMicrosoftAdapter.wire(b.microsoftSettings());
      ports
          .auth()
          .exchangeCode(
              new AuthorizationCode(Fixture.CODE),
              new CodeVerifier(Fixture.VERIFIER),
              Fixture.deadline());
      ports
          .auth()
          .refresh(
              new RefreshToken(Fixture.REFRESH_TOKEN),
              List.of("OnlineMeetings.ReadWrite"),
              Fixture.deadline());
      ports
          .meetings()
          .create(
              new AccessToken(Fixture.ACCESS_TOKEN),
              MeetingRequest.of("s", Fixture.NOW, Duration.ofMinutes(5)),
              Fixture.deadline());
    }

    // identity platform failures, for every credential kind
    List<ResponseDefinitionBuilder> identityFailures = new ArrayList<>();
    for (String[] e :
        new String[][] {
          {"400", "invalid_grant", "70008"},
          {"401", "invalid_client", "7000215"},
          {"400", "invalid_request", "50011"},
          {"400", "interaction_required", "50076"},
          {"400", "temporarily_unavailable", "50033"},
          {"429", "x", "0"},
          {"400", "invalid_request", "50196"},
          {"400", "invalid_grant", "53003"},
          {"400", "weird", "1"}
        }) {
      identityFailures.add(
          Fixture.json(
              Integer.parseInt(e[0]), IdentityErrorTest.error(e[1], null, Long.parseLong(e[2]))));
    }
    // a (hypothetical) service that echoes the whole request body in its error description
    identityFailures.add(
        aResponse()
            .withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"error\":\"invalid_grant\",\"error_codes\":[70000],"
                    + "\"error_description\":\"AADSTS70000: echo {{request.body}}\"}")
            .withTransformers("response-template"));
    identityFailures.add(
        aResponse().withStatus(502).withBody("<html>" + Fixture.REFRESH_TOKEN + "</html>"));
    identityFailures.add(
        aResponse()
            .withStatus(200)
            .withBody("{\"refresh_token\":\"" + Fixture.REFRESH_TOKEN + "\""));
    identityFailures.add(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    for (ResponseDefinitionBuilder response : identityFailures) {
      wm.stubFor(post(urlEqualTo(Fixture.TOKEN_PATH)).willReturn(response));
      for (TeamsMeetings.Builder b : credentials) {
        IdentityPlatformAuthPort auth = FeignMicrosoftAdapter.wire(b.microsoftSettings()).auth();
        capture(
            () ->
                auth.exchangeCode(
                    new AuthorizationCode(Fixture.CODE),
                    new CodeVerifier(Fixture.VERIFIER),
                    Fixture.deadline()));
        capture(
            () ->
                auth.refresh(
                    new RefreshToken(Fixture.REFRESH_TOKEN),
                    List.of("OnlineMeetings.ReadWrite"),
                    Fixture.deadline()));
      }
    }

    // Graph failures
    GraphMeetingPort graph =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, clock, transport)
                    .requestTimeout(Duration.ofMillis(700))
                    .microsoftSettings())
            .meetings();
    List<ResponseDefinitionBuilder> graphFailures = new ArrayList<>();
    for (int status : new int[] {400, 401, 403, 404, 409, 429, 500, 502, 503, 504}) {
      graphFailures.add(
          Fixture.json(
                  status,
                  GraphErrorTest.graphError(
                      "Code" + status, "echo {{request.headers.Authorization}}"))
              .withTransformers("response-template"));
    }
    graphFailures.add(
        aResponse().withStatus(502).withBody("<html>" + Fixture.ACCESS_TOKEN + "</html>"));
    graphFailures.add(aResponse().withStatus(201).withBody("{\"id\":\"" + Fixture.ACCESS_TOKEN));
    graphFailures.add(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    graphFailures.add(Fixture.json(201, Fixture.CREATED_MEETING).withFixedDelay(2000));
    for (ResponseDefinitionBuilder response : graphFailures) {
      wm.stubFor(post(urlPathMatching("/graph/.*")).willReturn(response));
      capture(
          () ->
              graph.create(
                  new AccessToken(Fixture.ACCESS_TOKEN),
                  MeetingRequest.of("s", Fixture.NOW, Duration.ofMinutes(5)),
                  Fixture.deadline()));
    }
  }

  private void capture(Runnable call) {
    try {
      call.run();
      failures.add(new AssertionError("expected a failure"));
    } catch (RuntimeException e) {
      assertThat(e).isInstanceOf(TeamsException.class);
      failures.add(e);
    }
  }
}
