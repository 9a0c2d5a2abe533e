package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.teamsmeet.AccessToken;
import io.teamsmeet.MeetingNotFoundException;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.testkit.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@OnEachTransport
class GraphErrorTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private static final AccessToken TOKEN = new AccessToken(Fixture.ACCESS_TOKEN);

  private final FakeClock clock = FakeClock.startingAt(Fixture.NOW);

  static String graphError(String code, String message) {
    return """
    {"error":{"code":"%s","message":"%s",
      "innerError":{"date":"2026-03-02T09:00:01","request-id":"b1e5e6a4-0001-4c4b-8a55-3f2b7a1c9d00",
                    "client-request-id":"b1e5e6a4-0002-4c4b-8a55-3f2b7a1c9d00"}}}
    """
        .formatted(code, message);
  }

  private TeamsException createFailing(ResponseDefinitionBuilder response) {
    return createFailing(response, Duration.ofSeconds(5));
  }

  private TeamsException createFailing(ResponseDefinitionBuilder response, Duration timeout) {
    wm.stubFor(any(anyUrl()).willReturn(response));
    GraphMeetingPort graph =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, clock, transport).requestTimeout(timeout).microsoftSettings())
            .meetings();
    TeamsException e =
        catchThrowableOfType(
            TeamsException.class,
            () ->
                graph.create(
                    TOKEN,
                    MeetingRequest.of("Design review", Fixture.NOW, Duration.ofMinutes(30)),
                    Fixture.deadline()));
    assertThat(e).as("a core exception").isNotNull();
    IdentityErrorTest.assertNoSecret(e);
    return e;
  }

  @Test
  void badRequestKeepsGraphsCodeAndTheRequestIds() {
    TeamsException e =
        createFailing(
            Fixture.json(400, graphError("BadRequest", "An error has occurred."))
                .withHeader("request-id", "hdr-request-id")
                .withHeader("Date", "Mon, 02 Mar 2026 09:00:01 GMT"));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.status()).isEqualTo(400);
              assertThat(t.isRetryable()).isFalse();
            });
    assertThat(e.details().code()).contains("BadRequest");
    assertThat(e.details().description()).contains("An error has occurred.");
    assertThat(e.details().requestId()).contains("b1e5e6a4-0001-4c4b-8a55-3f2b7a1c9d00");
    assertThat(e.details().clientRequestId()).contains("b1e5e6a4-0002-4c4b-8a55-3f2b7a1c9d00");
    assertThat(e.details().date()).contains("2026-03-02T09:00:01");
    assertThat(e.getMessage())
        .contains("HTTP 400")
        .contains("code=BadRequest")
        .contains("request-id=");
  }

  @Test
  void withoutInnerErrorTheIdsComeFromTheHeaders() {
    TeamsException e =
        createFailing(
            aResponse()
                .withStatus(409)
                .withHeader("request-id", "hdr-request-id")
                .withHeader("client-request-id", "hdr-client-id")
                .withHeader("Date", "Mon, 02 Mar 2026 09:00:01 GMT")
                .withBody("{\"error\":{\"code\":\"Conflict\",\"message\":\"x\"}}"));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class, t -> assertThat(t.isRetryable()).isFalse());
    assertThat(e.details().code()).contains("Conflict");
    assertThat(e.details().requestId()).contains("hdr-request-id");
    assertThat(e.details().clientRequestId()).contains("hdr-client-id");
    assertThat(e.details().date()).contains("Mon, 02 Mar 2026 09:00:01 GMT");
  }

  @Test
  void withoutAnyIdTheSentClientRequestIdIsKept() {
    TeamsException e = createFailing(aResponse().withStatus(400).withBody(""));

    String sent = wm.getAllServeEvents().get(0).getRequest().getHeader("client-request-id");
    assertThat(e.details().clientRequestId()).contains(sent);
  }

  @Test
  void unauthorizedIsA401ServiceErrorTheCoreRefreshesOn() {
    TeamsException e =
        createFailing(
            Fixture.json(
                401, graphError("InvalidAuthenticationToken", "Access token has expired.")));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.status()).isEqualTo(401);
              assertThat(t.isRetryable()).isFalse();
            });
    assertThat(e.details().code()).contains("InvalidAuthenticationToken");
  }

  @Test
  void aClaimsChallengeIsKept() {
    String claims = "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}";
    String header =
        "Bearer realm=\"\","
            + " authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\","
            + " error=\"insufficient_claims\", claims=\""
            + Base64.getEncoder().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
            + "\"";

    TeamsException e =
        createFailing(
            Fixture.json(
                    401, graphError("InvalidAuthenticationToken", "Continuous access evaluation"))
                .withHeader("WWW-Authenticate", header));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class, t -> assertThat(t.status()).isEqualTo(401));
    assertThat(e.details().code()).contains("insufficient_claims");
    assertThat(e.details().description()).contains("claims=" + claims);
    assertThat(e.getMessage()).contains("claims challenge");
  }

  @Test
  void forbiddenIsPermissionDeniedWithGraphsCode() {
    TeamsException e = createFailing(Fixture.json(403, graphError("Forbidden", "Forbidden")));

    assertThat(e).isInstanceOf(PermissionDeniedException.class);
    assertThat(e.details().code()).contains("Forbidden");
    assertThat(e.details().status()).isEqualTo(403);
  }

  @Test
  void notFoundIsMeetingNotFound() {
    wm.stubFor(
        any(anyUrl()).willReturn(Fixture.json(404, graphError("itemNotFound", "Not found"))));
    GraphMeetingPort graph =
        FeignMicrosoftAdapter.wire(Fixture.builder(wm, clock, transport).microsoftSettings())
            .meetings();

    MeetingNotFoundException e =
        catchThrowableOfType(
            MeetingNotFoundException.class, () -> graph.get(TOKEN, "gone", Fixture.deadline()));

    assertThat(e.details().code()).contains("itemNotFound");
    assertThat(e.details().status()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0} Retry-After {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "429|120|PT2M",
        "429|2.128|PT2.128S",
        "429|0.0001|PT0.001S",
        "429|Mon, 02 Mar 2026 09:00:30 GMT|PT30S",
        "429|Mon, 02 Mar 2026 08:00:00 GMT|PT0S",
        "429||",
        "429|soon|",
        "429|-5|",
        "503|5|PT5S",
        "503||",
        "504|1|PT1S",
      })
  void throttlingAndUnavailabilityCarryRetryAfterInEveryForm(
      int status, String retryAfter, Duration expected) {
    ResponseDefinitionBuilder response =
        Fixture.json(status, graphError("TooManyRequests", "Please retry again later."));
    if (retryAfter != null) {
      response = response.withHeader("Retry-After", retryAfter);
    }

    TeamsException e = createFailing(response);

    assertThat(e)
        .isInstanceOfSatisfying(
            ThrottledException.class,
            t -> {
              if (expected == null) {
                assertThat(t.retryAfter()).isEmpty();
              } else {
                assertThat(t.retryAfter()).contains(expected);
              }
            });
    assertThat(e.details().status()).isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource({
    "500, true",
    "502, true",
    "507, true",
    "501, false",
    "505, false",
    "412, false",
    "418, false"
  })
  void otherStatusesAreServiceErrorsRetryableOnlyForServerFaults(int status, boolean retryable) {
    TeamsException e =
        createFailing(Fixture.json(status, graphError("generalException", "General")));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.status()).isEqualTo(status);
              assertThat(t.isRetryable()).isEqualTo(retryable);
            });
    assertThat(e.details().code()).contains("generalException");
  }

  @Test
  void anHtml502PageStillGivesATypedErrorWithTheStatus() {
    TeamsException e =
        createFailing(
            aResponse()
                .withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody(
                    "<!DOCTYPE html><html><head><title>502 Bad"
                        + " Gateway</title></head><body>upstream</body></html>"));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.status()).isEqualTo(502);
              assertThat(t.isRetryable()).isTrue();
            });
    assertThat(e.details().code()).isEmpty();
    assertThat(e.getMessage()).doesNotContain("upstream").doesNotContain("<html");
  }

  @Test
  void aTruncatedErrorBodyStillGivesATypedErrorWithTheStatus() {
    TeamsException e =
        createFailing(
            aResponse()
                .withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"Forbid"));

    assertThat(e).isInstanceOf(PermissionDeniedException.class);
    assertThat(e.details().status()).isEqualTo(403);
  }

  @ParameterizedTest
  @CsvSource({"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
  void transportFailuresAreRetryableWithStatusZero(Fault fault) {
    TeamsException e = createFailing(aResponse().withFault(fault));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class,
            t -> {
              assertThat(t.status()).isZero();
              assertThat(t.isRetryable()).isTrue();
            });
    assertThat(e.details().clientRequestId()).isPresent();
  }

  @Test
  void aBodyCutOffMidStreamIsARetryableReadFailure() {
    TeamsException e =
        createFailing(aResponse().withStatus(201).withFault(Fault.MALFORMED_RESPONSE_CHUNK));

    assertThat(e)
        .isInstanceOfSatisfying(
            TeamsServiceException.class, t -> assertThat(t.isRetryable()).isTrue());
  }

  @Test
  void aResponseSlowerThanTheRequestTimeoutIsARetryableTimeout() {
    TeamsException e =
        createFailing(
            Fixture.json(201, Fixture.CREATED_MEETING).withFixedDelay(2500),
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
                      "no complete response from Microsoft Graph within 700 ms (requestTimeout)");
            });
    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aRefusedConnectionIsRetryableWithStatusZero() {
    GraphMeetingPort graph =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, clock, transport)
                    .graphEndpoint(java.net.URI.create("http://127.0.0.1:1"))
                    .microsoftSettings())
            .meetings();

    TeamsServiceException e =
        catchThrowableOfType(
            TeamsServiceException.class, () -> graph.get(TOKEN, "m1", Fixture.deadline()));

    assertThat(e.status()).isZero();
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).startsWith("could not reach Microsoft Graph");
  }
}
