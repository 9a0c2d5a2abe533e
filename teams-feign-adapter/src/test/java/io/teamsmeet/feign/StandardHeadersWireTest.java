package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import feign.Client;
import feign.Request;
import io.teamsmeet.AccessToken;
import io.teamsmeet.EventRequest;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsException;
import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.testkit.FakeClock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * The SDK's standard headers ({@link StandardHeaders}) as they reach the wire, on each transport:
 * added by the client layer inside {@link Http#call}, by Feign's templates outside it, the same
 * either way; and the {@code client-request-id} a failure or the DEBUG line reports is the one
 * sent.
 */
@OnEachTransport
class StandardHeadersWireTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private static final AccessToken TOKEN = new AccessToken(Fixture.ACCESS_TOKEN);

  private static final String UUID =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  /** What the transports add themselves: not the SDK's, not compared. */
  private static final Set<String> TRANSPORTS_OWN =
      caseInsensitive(
          "Host",
          "Content-Length",
          "Connection",
          "Upgrade",
          "HTTP2-Settings",
          "Accept-Encoding",
          "Transfer-Encoding",
          "Keep-Alive",
          "Pragma",
          "Cache-Control");

  private final FakeClock clock = FakeClock.startingAt(Fixture.NOW);

  private FeignMicrosoftAdapter.Wired wire() {
    return FeignMicrosoftAdapter.wire(
        Fixture.builder(wm, clock, transport)
            .clientSecret(Fixture.CLIENT_SECRET)
            .microsoftSettings());
  }

  @Test
  void aGraphCreateSendsExactlyTheSdksHeadersOnceEach() {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(201, Fixture.CREATED_MEETING)));

    wire().meetings().create(TOKEN, MeetingRequest.of("Design review"), Fixture.deadline());

    Map<String, List<String>> headers = sdkHeaders(onlyRequest());
    assertThat(names(headers))
        .isEqualTo(
            caseInsensitive(
                "Authorization",
                "client-request-id",
                "return-client-request-id",
                "User-Agent",
                "Accept",
                "Prefer",
                "Content-Type"));
    assertThat(headers.get("Authorization")).containsExactly("Bearer " + Fixture.ACCESS_TOKEN);
    assertThat(headers.get("client-request-id")).singleElement().asString().matches(UUID);
    assertThat(headers.get("return-client-request-id")).containsExactly("true");
    assertThat(headers.get("User-Agent")).containsExactly(StandardHeaders.USER_AGENT);
    assertThat(headers.get("Accept")).containsExactly("application/json");
    assertThat(headers.get("Prefer")).containsExactly("include-unknown-enum-members");
    assertThat(headers.get("Content-Type"))
        .singleElement()
        .asString()
        .startsWith("application/json");
  }

  @Test
  void anEventsCallSendsOnePreferWithTheUnknownEnumMembersFirstAndTheMethodsOwn() {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(201, EventWireTest.EVENT_UTC)));

    wire()
        .events()
        .create(
            TOKEN,
            EventRequest.of(
                "Design review",
                ZonedDateTime.parse("2026-03-23T09:00:00Z"),
                Duration.ofMinutes(30)),
            "tx-1",
            Fixture.deadline());

    Map<String, List<String>> headers = sdkHeaders(onlyRequest());
    assertThat(names(headers))
        .isEqualTo(
            caseInsensitive(
                "Authorization",
                "client-request-id",
                "return-client-request-id",
                "User-Agent",
                "Accept",
                "Prefer",
                "Content-Type"));
    assertThat(headers.get("Prefer"))
        .containsExactly("include-unknown-enum-members, outlook.timezone=\"UTC\"");
    assertThat(headers.get("client-request-id")).singleElement().asString().matches(UUID);
    assertThat(headers.get("return-client-request-id")).containsExactly("true");
    assertThat(headers.get("User-Agent")).containsExactly(StandardHeaders.USER_AGENT);
    assertThat(headers.get("Accept")).containsExactly("application/json");
  }

  @Test
  void tokenRequestsCarryTheStandardHeadersButNoPreferAndNoAuthorization() {
    wm.stubFor(
        post(urlEqualTo(Fixture.TOKEN_PATH))
            .willReturn(
                Fixture.json(200, Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN))));
    wm.stubFor(
        post(urlEqualTo(ApplicationRequestTest.APP_TOKEN_PATH))
            .willReturn(Fixture.json(200, ApplicationRequestTest.APP_TOKEN)));
    FeignMicrosoftAdapter.Wired ports = wire();

    ports
        .auth()
        .exchangeCode(
            new AuthorizationCode(Fixture.CODE),
            new CodeVerifier(Fixture.VERIFIER),
            Fixture.deadline());
    ports
        .auth()
        .clientCredentials(
            ApplicationRequestTest.TENANT, ApplicationRequestTest.SCOPE, Fixture.deadline());

    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(2);
    for (LoggedRequest request : requests) {
      Map<String, List<String>> headers = sdkHeaders(request);
      assertThat(names(headers))
          .isEqualTo(
              caseInsensitive(
                  "client-request-id",
                  "return-client-request-id",
                  "User-Agent",
                  "Accept",
                  "Content-Type"));
      assertThat(headers.get("client-request-id")).singleElement().asString().matches(UUID);
      assertThat(headers.get("return-client-request-id")).containsExactly("true");
      assertThat(headers.get("User-Agent")).containsExactly(StandardHeaders.USER_AGENT);
      assertThat(headers.get("Accept")).containsExactly("application/json");
    }
  }

  @Test
  void aGraphErrorWithoutAnEchoReportsTheIdThatWasSent() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("")));

    TeamsException e =
        catchThrowableOfType(
            TeamsException.class,
            () -> wire().meetings().create(TOKEN, MeetingRequest.of("x"), Fixture.deadline()));

    assertThat(e).isNotNull();
    assertThat(e.details().status()).isEqualTo(500);
    assertThat(e.details().clientRequestId()).contains(sentId());
  }

  @Test
  void aTokenEndpointErrorWithoutAnEchoReportsTheIdThatWasSent() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("")));

    TeamsException e =
        catchThrowableOfType(
            TeamsException.class,
            () ->
                wire()
                    .auth()
                    .exchangeCode(
                        new AuthorizationCode(Fixture.CODE),
                        new CodeVerifier(Fixture.VERIFIER),
                        Fixture.deadline()));

    assertThat(e).isNotNull();
    assertThat(e.details().clientRequestId()).contains(sentId());
  }

  @Test
  void aBrokenConnectionReportsTheIdThatWasSent() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    // a POST: neither transport sends it again by itself
    TeamsException e =
        catchThrowableOfType(
            TeamsException.class,
            () -> wire().meetings().create(TOKEN, MeetingRequest.of("x"), Fixture.deadline()));

    assertThat(e).isNotNull();
    assertThat(e.details().status()).isZero();
    assertThat(e.details().clientRequestId()).contains(sentId());
  }

  @Test
  void theDebugLineNamesTheIdThatWasSent() {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(201, Fixture.CREATED_MEETING)));
    FeignMicrosoftAdapter.Wired ports = wire();

    List<String> lines;
    try (LogCapture log = new LogCapture()) {
      ports.meetings().create(TOKEN, MeetingRequest.of("x"), Fixture.deadline());
      lines = log.lines();
    }

    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("POST /graph/v1.0/me/onlineMeetings -> 201")
                    .contains("client-request-id=" + sentId() + ")"));
  }

  @Test
  void aUsersOwnFeignClientGetsEveryHeaderInTheRequestItIsGiven() {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(201, EventWireTest.EVENT_UTC)));
    Client plain =
        transport == TestTransport.JDK
            ? new Client.Default(null, null)
            : plainOkHttp(new OkHttpFeignClient(new okhttp3.OkHttpClient()));
    List<Request> seen = new CopyOnWriteArrayList<>();
    Client mine =
        (request, options) -> {
          seen.add(request);
          return plain.execute(request, options);
        };
    GraphEventPort events =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, clock, transport)
                    .transport(Transport.feign(mine))
                    .microsoftSettings())
            .events();

    events.get(TOKEN, "e1", Fixture.deadline());

    Map<String, List<String>> headers = sdkHeaders(onlyRequest());
    assertThat(names(headers))
        .isEqualTo(
            caseInsensitive(
                "Authorization",
                "client-request-id",
                "return-client-request-id",
                "User-Agent",
                "Accept",
                "Prefer"));
    assertThat(headers.get("Authorization")).containsExactly("Bearer " + Fixture.ACCESS_TOKEN);
    assertThat(headers.get("client-request-id")).singleElement().asString().matches(UUID);
    assertThat(headers.get("return-client-request-id")).containsExactly("true");
    assertThat(headers.get("User-Agent")).containsExactly(StandardHeaders.USER_AGENT);
    assertThat(headers.get("Accept")).containsExactly("application/json");
    assertThat(headers.get("Prefer"))
        .containsExactly("include-unknown-enum-members, outlook.timezone=\"UTC\"");
    // the client was given them in Feign's request
    assertThat(seen).singleElement();
    Map<String, Collection<String>> given = seen.get(0).headers();
    assertThat(Http.header(given, "client-request-id")).contains(sentId());
    assertThat(Http.header(given, "Prefer"))
        .contains("include-unknown-enum-members, outlook.timezone=\"UTC\"");
    assertThat(Http.header(given, "User-Agent")).contains(StandardHeaders.USER_AGENT);
    assertThat(Http.header(given, "Authorization")).contains("Bearer " + Fixture.ACCESS_TOKEN);
  }

  /** A request that sets the standard headers itself, and one more. */
  private static final java.util.Map<String, java.util.Collection<String>> EXPLICIT =
      java.util.Map.of(
          "client-request-id", List.of("mine"),
          "return-client-request-id", List.of("false"),
          "User-Agent", List.of("mine/1.0"),
          "Accept", List.of("text/plain"),
          "Prefer", List.of("respond-async"),
          "X-Other", List.of("kept"));

  @Test
  void aRequestsOwnHeadersAreTreatedAlikeInsideAndOutsideAnExchange() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    Client client =
        new LoggingClient(
            transport
                .sdkBuilt()
                .wire(new Transport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), false))
                .client());
    Calls graph =
        new Calls(
            client,
            new feign.Request.Options(),
            wm.baseUrl(),
            new MeetingDecoder(),
            new GraphErrorDecoder(java.time.Clock.systemUTC()),
            true);
    Runnable call =
        () ->
            graph.send(
                feign.Request.HttpMethod.GET,
                "/graph/v1.0/explicit",
                EXPLICIT,
                null,
                null,
                void.class);

    call.run(); // outside Http.call: the headers go into Feign's request itself
    Http.call(
        "Microsoft Graph",
        Fixture.deadline(),
        () -> {
          call.run(); // inside: the client layer
          return null;
        });

    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(2);
    Map<String, List<String>> outside = sdkHeaders(requests.get(0));
    Map<String, List<String>> inside = sdkHeaders(requests.get(1));
    assertThat(outside.get("client-request-id")).singleElement().asString().matches(UUID);
    assertThat(inside.get("client-request-id")).singleElement().asString().matches(UUID);
    outside.remove("client-request-id");
    inside.remove("client-request-id");
    assertThat(inside).isEqualTo(outside);
    assertThat(inside.get("User-Agent")).containsExactly(StandardHeaders.USER_AGENT);
    assertThat(inside.get("Accept")).containsExactly("application/json");
    assertThat(inside.get("Prefer")).containsExactly("include-unknown-enum-members, respond-async");
    assertThat(inside.get("return-client-request-id")).containsExactly("false", "true");
    assertThat(inside.get("X-Other")).containsExactly("kept");
  }

  @Test
  void outsideAnExchangeTheRequestItselfCarriesEveryHeader() {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(200, EventWireTest.EVENT_UTC)));
    Client client =
        new LoggingClient(
            transport
                .sdkBuilt()
                .wire(new Transport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), false))
                .client());
    Calls graph =
        new Calls(
            client,
            new feign.Request.Options(),
            wm.baseUrl() + "/graph/v1.0",
            new EventDecoder(),
            new GraphErrorDecoder(java.time.Clock.systemUTC()),
            true);

    // no Http.call: no exchange, so the headers go into Feign's request itself
    graph.send(
        feign.Request.HttpMethod.GET,
        "/me/events/e1",
        java.util.Map.of("Prefer", List.of(GraphEventPort.PREFER_UTC_VALUE)),
        TOKEN,
        null,
        io.teamsmeet.CalendarEvent.class);

    Map<String, List<String>> headers = sdkHeaders(onlyRequest());
    assertThat(headers.get("Authorization")).containsExactly("Bearer " + Fixture.ACCESS_TOKEN);
    assertThat(headers.get("client-request-id")).singleElement().asString().matches(UUID);
    assertThat(headers.get("return-client-request-id")).containsExactly("true");
    assertThat(headers.get("User-Agent")).containsExactly(StandardHeaders.USER_AGENT);
    assertThat(headers.get("Accept")).containsExactly("application/json");
    assertThat(headers.get("Prefer"))
        .containsExactly("include-unknown-enum-members, outlook.timezone=\"UTC\"");
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  /** The {@code client-request-id} of the one request that reached the wire. */
  private static String sentId() {
    List<String> ids = sdkHeaders(onlyRequest()).get("client-request-id");
    assertThat(ids).singleElement().asString().matches(UUID);
    return ids.get(0);
  }

  /** The request's headers but the transport's own, by name (case-insensitive), every value. */
  private static Map<String, List<String>> sdkHeaders(LoggedRequest request) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (HttpHeader header : request.getHeaders().all()) {
      if (!TRANSPORTS_OWN.contains(header.key())) {
        headers.computeIfAbsent(header.key(), k -> new ArrayList<>()).addAll(header.values());
      }
    }
    return headers;
  }

  /** The header names, compared case-insensitively. */
  private static Set<String> names(Map<String, List<String>> headers) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(headers.keySet());
    return set;
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(names));
    return set;
  }

  /** A plain OkHttp Feign client, as a user would have: it sends Feign's request as it is. */
  private static Client plainOkHttp(OkHttpFeignClient client) {
    return (request, options) -> client.execute(request, options, null);
  }
}
