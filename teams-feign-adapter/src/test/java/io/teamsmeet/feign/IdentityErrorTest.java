package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.teamsmeet.ConfigurationException;
import io.teamsmeet.ErrorDetails;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.ReauthorizationRequiredException.Reason;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.testkit.FakeClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@OnEachTransport
class IdentityErrorTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private final FakeClock clock = FakeClock.startingAt(Fixture.NOW);

  static ObjectNode error(String error, String suberror, long... codes) {
    ObjectNode body = TestJson.MAPPER.createObjectNode();
    body.put("error", error)
        .put(
            "error_description",
            "AADSTS"
                + (codes.length == 0 ? "0" : codes[0])
                + ": Something happened.\r\n"
                + "Trace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333\r\n"
                + "Correlation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\n"
                + "Timestamp: 2016-01-09 02:02:12Z");
    var array = body.putArray("error_codes");
    for (long c : codes) {
      array.add(c);
    }
    body.put("timestamp", "2016-01-09 02:02:12Z")
        .put("trace_id", "0000aaaa-11bb-cccc-dd22-eeeeee333333")
        .put("correlation_id", "aaaa0000-bb11-2222-33cc-444444dddddd")
        .put(
            "error_uri",
            "https://login.microsoftonline.com/error?code=" + (codes.length == 0 ? 0 : codes[0]));
    if (suberror != null) {
      body.put("suberror", suberror);
    }
    return body;
  }

  private TeamsException refreshFailing(ResponseDefinitionBuilder response) {
    return refreshFailing(response, Duration.ofSeconds(5));
  }

  private TeamsException refreshFailing(ResponseDefinitionBuilder response, Duration timeout) {
    wm.stubFor(post(urlEqualTo(Fixture.TOKEN_PATH)).willReturn(response));
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, clock, transport)
                    .clientSecret(Fixture.CLIENT_SECRET)
                    .requestTimeout(timeout)
                    .microsoftSettings())
            .auth();
    TeamsException e =
        catchThrowableOfType(
            TeamsException.class,
            () ->
                auth.refresh(
                    new RefreshToken(Fixture.REFRESH_TOKEN),
                    List.of("OnlineMeetings.ReadWrite"),
                    Fixture.deadline()));
    assertThat(e).as("a core exception").isNotNull();
    assertNoSecret(e);
    return e;
  }

  static void assertNoSecret(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (String secret : Fixture.SECRETS) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
        assertThat(t.toString()).doesNotContain(secret);
      }
      assertThat(t.getClass().getName())
          .doesNotStartWith("feign.")
          .doesNotStartWith("com.fasterxml");
    }
    if (e instanceof TeamsException te) {
      for (String secret : Fixture.SECRETS) {
        assertThat(te.details().toString()).doesNotContain(secret);
      }
    }
  }

  @Test
  void invalidGrantNeedsANewSignInAndKeepsEveryErrorFact() {
    TeamsException e = refreshFailing(Fixture.json(400, error("invalid_grant", null, 70008)));

    assertThat(e)
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            r -> {
              assertThat(r.reason()).isEqualTo(Reason.INVALID_GRANT);
              assertThat(r.userId()).isEmpty();
            });
    ErrorDetails d = e.details();
    assertThat(d.status()).isEqualTo(400);
    assertThat(d.code()).contains("invalid_grant");
    assertThat(d.errorCodes()).containsExactly(70008L);
    assertThat(d.aadsts()).contains(70008L);
    assertThat(d.subError()).isEmpty();
    assertThat(d.requestId()).contains("0000aaaa-11bb-cccc-dd22-eeeeee333333");
    assertThat(d.clientRequestId()).contains("aaaa0000-bb11-2222-33cc-444444dddddd");
    assertThat(d.date()).contains("2016-01-09 02:02:12Z");
    assertThat(d.description())
        .hasValueSatisfying(s -> assertThat(s).startsWith("AADSTS70008: Something happened."));
    assertThat(e.getMessage()).contains("AADSTS70008").contains("code=invalid_grant");
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "invalid_grant, , 700082, INVALID_GRANT",
    "invalid_grant, , 50173, INVALID_GRANT",
    "invalid_grant, , 54005, INVALID_GRANT",
    "invalid_grant, , 501481, INVALID_GRANT",
    "invalid_grant, , 0, INVALID_GRANT",
    "invalid_grant, basic_action, 50076, INTERACTION_REQUIRED",
    "invalid_grant, additional_action, 0, INTERACTION_REQUIRED",
    "invalid_grant, , 50079, INTERACTION_REQUIRED",
    "invalid_grant, , 70043, INTERACTION_REQUIRED",
    "invalid_grant, consent_required, 0, CONSENT_REQUIRED",
    "invalid_grant, , 65001, CONSENT_REQUIRED",
    "invalid_grant, user_password_expired, 50055, INVALID_GRANT",
    "interaction_required, basic_action, 50076, INTERACTION_REQUIRED",
    "interaction_required, , 0, INTERACTION_REQUIRED",
    "login_required, , 50058, INTERACTION_REQUIRED",
    "consent_required, , 65001, CONSENT_REQUIRED",
  })
  void signInErrorsNeedReauthorization(String error, String suberror, long code, Reason reason) {
    TeamsException e =
        refreshFailing(
            Fixture.json(400, code == 0 ? error(error, suberror) : error(error, suberror, code)));

    assertThat(e)
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class, r -> assertThat(r.reason()).isEqualTo(reason));
    assertThat(e.details().code()).contains(error);
    if (suberror != null) {
      assertThat(e.details().subError()).contains(suberror);
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "400|invalid_client|7000215|the client secret is wrong",
        "401|invalid_client|7000222|the client secret has expired: create a new one",
        "401|invalid_client|700027|client assertion's signature",
        "400|invalid_client|7000218|requires a client credential",
        "400|invalid_client|700025|public client",
        "400|invalid_client|700024|clock",
        "400|invalid_client|0|credentials",
        "400|unauthorized_client|700016|no application with this client id",
        "400|unauthorized_client|50194|single-tenant",
        "400|unauthorized_client|0|not allowed to use this flow",
        "400|invalid_request|50011|https://app.example/ms/callback is not registered",
        "400|invalid_request|900144|lacks a required parameter",
        "400|invalid_scope|70011|scope",
        "400|unsupported_grant_type|0|grant type",
      })
  void configurationErrorsSayWhatToFix(int status, String error, long code, String advice) {
    TeamsException e =
        refreshFailing(
            Fixture.json(status, code == 0 ? error(error, null) : error(error, null, code)));

    assertThat(e).isInstanceOf(ConfigurationException.class);
    assertThat(e.getMessage()).contains(advice);
    assertThat(e.details().status()).isEqualTo(status);
    assertThat(e.details().code()).contains(error);
  }

  @Test
  void invalidGrantForAnotherClientIsAConfigurationError() {
    TeamsException e =
        refreshFailing(Fixture.json(400, error("invalid_grant", "client_mismatch", 70000)));

    assertThat(e).isInstanceOf(ConfigurationException.class);
    assertThat(e.getMessage()).contains("another client id");
  }

  @ParameterizedTest
  @CsvSource({
    "invalid_grant, protection_policy_required, 53005",
    "invalid_grant, , 53003",
    "invalid_grant, , 50057"
  })
  void policiesNoSignInFixesGoToPermissionDenied(String error, String suberror, long code) {
    TeamsException e = refreshFailing(Fixture.json(400, error(error, suberror, code)));

    assertThat(e).isInstanceOf(PermissionDeniedException.class);
    assertThat(e.details().errorCodes()).containsExactly(code);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "400, temporarily_unavailable, 0",
    "500, server_error, 0",
    "400, invalid_request, 50033",
    "400, invalid_grant, 50087",
    "400, invalid_request, 90006",
    "400, invalid_request, 90024",
    "400, invalid_request, 90033",
    "400, invalid_request, 90090",
    "400, invalid_grant, 70012",
    "503, temporarily_unavailable, 0",
  })
  void transientErrorsAreRetryable(int status, String error, long code) {
    TeamsException e =
        refreshFailing(
            Fixture.json(status, code == 0 ? error(error, null) : error(error, null, code)));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.isRetryable()).isTrue();
              assertThat(t.status()).isEqualTo(status);
            });
  }

  @Test
  void http429IsThrottledWithRetryAfter() {
    TeamsException e =
        refreshFailing(
            Fixture.json(429, error("temporarily_unavailable", null))
                .withHeader("Retry-After", "7"));

    assertThat(e)
        .isInstanceOfSatisfying(
            ThrottledException.class,
            t -> assertThat(t.retryAfter()).contains(Duration.ofSeconds(7)));
    assertThat(e.details().status()).isEqualTo(429);
  }

  @Test
  void tenantThrottlingIsThrottled() {
    TeamsException e = refreshFailing(Fixture.json(400, error("invalid_request", null, 90055)));

    assertThat(e)
        .isInstanceOfSatisfying(
            ThrottledException.class, t -> assertThat(t.retryAfter()).isEmpty());
  }

  @Test
  void loopDetectedIsNotRetryable() {
    TeamsException e = refreshFailing(Fixture.json(400, error("invalid_request", null, 50196)));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class, t -> assertThat(t.isRetryable()).isFalse());
    assertThat(e.getMessage()).contains("loop").contains("cache tokens");
  }

  @Test
  void anUnknownInvalidRequestIsANonRetryableServiceError() {
    TeamsException e = refreshFailing(Fixture.json(400, error("invalid_request", null, 9002313)));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.isRetryable()).isFalse();
              assertThat(t.status()).isEqualTo(400);
            });
  }

  @Test
  void theAadstsNumberIsTakenFromTheDescriptionWhenErrorCodesAreMissing() {
    ObjectNode body = error("invalid_client", null);
    body.remove("error_codes");
    body.put("error_description", "AADSTS7000215: Invalid client secret provided.");

    TeamsException e = refreshFailing(Fixture.json(401, body));

    assertThat(e.details().errorCodes()).containsExactly(7000215L);
    assertThat(e.getMessage()).contains("the client secret is wrong");
  }

  @Test
  void anHtmlErrorPageIsATypedErrorWithItsStatus() {
    TeamsException e =
        refreshFailing(
            aResponse()
                .withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withHeader("x-ms-request-id", "edge-1")
                .withBody("<html><body>Bad gateway</body></html>"));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.status()).isEqualTo(502);
              assertThat(t.isRetryable()).isTrue();
            });
    assertThat(e.details().requestId()).contains("edge-1");
    assertThat(e.getMessage()).doesNotContain("Bad gateway");
  }

  @Test
  void aTruncatedErrorBodyKeepsTheStatus() {
    TeamsException e =
        refreshFailing(
            aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_gra"));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.status()).isEqualTo(400);
              assertThat(t.isRetryable()).isFalse();
            });
  }

  @Test
  void aConnectionResetIsRetryableWithStatusZero() {
    TeamsException e = refreshFailing(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.status()).isZero();
              assertThat(t.isRetryable()).isTrue();
              // sent, then reset: the outcome is unknown, and the message says so on both
              // transports
              assertThat(t)
                  .hasMessageContaining("connection reset")
                  .hasMessageContaining("may have been processed")
                  .hasMessageNotContaining("could not reach");
            });
    assertThat(e.details().clientRequestId()).isPresent();
  }

  @Test
  void aSlowAnswerTimesOutRetryablyWithStatusZero() {
    TeamsException e =
        refreshFailing(
            Fixture.json(200, Fixture.tokenJson(Fixture.ACCESS_TOKEN, null)).withFixedDelay(2500),
            Duration.ofMillis(700));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.status()).isZero();
              assertThat(t.isRetryable()).isTrue();
              assertThat(t.requestMayHaveBeenSent()).isTrue();
              assertThat(t.getMessage())
                  .contains(
                      "no complete response from the Microsoft identity platform within 700 ms (requestTimeout)");
            });
    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void codeRedemptionErrorsAreClassifiedTheSameWay() {
    wm.stubFor(
        post(urlEqualTo(Fixture.TOKEN_PATH))
            .willReturn(Fixture.json(400, error("invalid_grant", null, 54005))));
    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings())
            .auth();

    ReauthorizationRequiredException e =
        catchThrowableOfType(
            ReauthorizationRequiredException.class,
            () ->
                auth.exchangeCode(
                    new AuthorizationCode(Fixture.CODE),
                    new CodeVerifier(Fixture.VERIFIER),
                    Fixture.deadline()));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_GRANT);
    assertNoSecret(e);
  }

  @Test
  void aGarbledSuccessIsRetryableForARefreshButNotForACodeRedemption() {
    String cutOff = "{\"token_type\":\"Bearer\",\"access_tok";
    TeamsException refresh =
        refreshFailing(
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(cutOff));
    assertThat(refresh)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.status()).isEqualTo(200);
              assertThat(t.isRetryable()).as("a refresh token stays valid: repeatable").isTrue();
              assertThat(t).hasMessageContaining("not valid JSON");
            });

    IdentityPlatformAuthPort auth =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings())
            .auth();
    TeamsServiceException exchange =
        catchThrowableOfType(
            TeamsServiceException.class,
            () ->
                auth.exchangeCode(
                    new AuthorizationCode(Fixture.CODE),
                    new CodeVerifier(Fixture.VERIFIER),
                    Fixture.deadline()));
    assertThat(exchange.isRetryable()).as("a code is spent: never resent").isFalse();
    assertNoSecret(exchange);
  }
}
