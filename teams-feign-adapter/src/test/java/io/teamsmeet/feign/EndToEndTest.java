package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.teamsmeet.Connection;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.testkit.FakeClock;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** The three steps through the public entry point, against WireMock stubs of Microsoft. */
@OnEachTransport
class EndToEndTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private static final String USER = "app-user-42";
  private static final String MEETINGS = "/graph/v1.0/me/onlineMeetings";
  private static final Instant START = Instant.parse("2026-03-03T15:00:00Z");

  private final FakeClock clock = FakeClock.startingAt(Fixture.NOW);
  private final InMemoryTokenStore store = new InMemoryTokenStore();
  private TeamsMeetings teams;

  @BeforeEach
  void setUp() {
    teams =
        Fixture.builder(wm, clock, transport)
            .clientSecret(Fixture.CLIENT_SECRET)
            .tokenStore(store)
            .refreshAhead(Duration.ZERO)
            .build();
    wm.stubFor(
        post(urlEqualTo(Fixture.TOKEN_PATH))
            .withRequestBody(containing("grant_type=authorization_code"))
            .willReturn(
                Fixture.json(
                    200,
                    Fixture.tokenJson(Fixture.ACCESS_TOKEN, Fixture.REFRESH_TOKEN)
                        .put("expires_in", 3600))));
    wm.stubFor(
        post(urlEqualTo(Fixture.TOKEN_PATH))
            .withRequestBody(containing("refresh_token=" + Fixture.REFRESH_TOKEN))
            .willReturn(
                Fixture.json(
                    200,
                    Fixture.tokenJson(Fixture.ACCESS_TOKEN_2, Fixture.REFRESH_TOKEN_2)
                        .put("expires_in", 3600))));
    wm.stubFor(
        post(urlEqualTo(Fixture.TOKEN_PATH))
            .withRequestBody(containing("refresh_token=" + Fixture.REFRESH_TOKEN_2))
            .willReturn(
                Fixture.json(
                    200, Fixture.tokenJson("access-token-three", null).put("expires_in", 3600))));
    for (String token :
        List.of(Fixture.ACCESS_TOKEN, Fixture.ACCESS_TOKEN_2, "access-token-three")) {
      wm.stubFor(
          post(urlEqualTo(MEETINGS))
              .withHeader("Authorization", equalTo("Bearer " + token))
              .willReturn(Fixture.json(201, Fixture.CREATED_MEETING)));
    }
  }

  @AfterEach
  void tearDown() {
    teams.close();
  }

  @Test
  void beginCompleteCreateThenExpireAndCreateAgainWithOneRefreshAndTheRotatedTokenStored()
      throws Exception {
    // 1. begin: the browser goes to the authorize endpoint
    URI authorize = teams.beginConnect(USER);
    assertThat(authorize.toString())
        .startsWith(wm.baseUrl() + "/login/organizations/oauth2/v2.0/authorize?");
    Map<String, String> query = AuthorizationUrlTest.query(authorize);

    // ... Microsoft signs the user in and redirects back with a code and the same state
    URI callback =
        URI.create(
            query.get("redirect_uri")
                + "?code="
                + URLEncoder.encode(Fixture.CODE, StandardCharsets.UTF_8)
                + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8)
                + "&session_state=5e4b1c6e-0000-4b7a-9c1e-0123456789ab");

    // 2. complete
    Connection connection = teams.completeConnect(USER, callback);

    assertThat(connection.userId()).isEqualTo(USER);
    assertThat(connection.tenantId()).contains(Fixture.TENANT_ID);
    assertThat(connection.accountName()).contains("heidi@contoso.com");
    assertThat(connection.scopes()).contains("OnlineMeetings.ReadWrite");
    assertThat(teams.status(USER).isConnected()).isTrue();
    Map<String, String> redemption =
        TokenRequestTest.form(onlyRequest(containing("grant_type=authorization_code")));
    assertThat(redemption)
        .containsEntry("code", Fixture.CODE)
        .containsEntry("redirect_uri", Fixture.REDIRECT_URI.toString());
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(redemption.get("code_verifier").getBytes(StandardCharsets.US_ASCII)));
    assertThat(challenge).isEqualTo(query.get("code_challenge"));
    long connectedVersion = store.load(USER).map(StoredGrant::version).orElseThrow();

    // 3. create: one round trip, with the access token from the code redemption
    Meeting meeting =
        teams
            .meetings()
            .create(USER, MeetingRequest.of("Design review", START, Duration.ofMinutes(30)));

    assertThat(meeting.joinUrl().toString())
        .startsWith("https://teams.microsoft.com/l/meetup-join/");
    assertThat(meeting.joinMeetingId()).contains("1234567890");
    assertThat(meeting.passcode()).contains("123abc");
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(MEETINGS))
            .withHeader("Authorization", equalTo("Bearer " + Fixture.ACCESS_TOKEN)));
    wm.verify(
        0,
        postRequestedFor(urlEqualTo(Fixture.TOKEN_PATH))
            .withRequestBody(containing("grant_type=refresh_token")));

    // the access token expires; the next create refreshes exactly once and stores the rotated token
    clock.advance(Duration.ofHours(2));
    teams
        .meetings()
        .create(USER, MeetingRequest.of("Design review 2", START, Duration.ofMinutes(30)));

    wm.verify(
        1,
        postRequestedFor(urlEqualTo(Fixture.TOKEN_PATH))
            .withRequestBody(containing("grant_type=refresh_token")));
    assertThat(TokenRequestTest.form(onlyRequest(containing("grant_type=refresh_token"))))
        .containsEntry("refresh_token", Fixture.REFRESH_TOKEN)
        .containsEntry("client_secret", Fixture.CLIENT_SECRET);
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(MEETINGS))
            .withHeader("Authorization", equalTo("Bearer " + Fixture.ACCESS_TOKEN_2)));
    assertThat(store.load(USER).map(StoredGrant::version).orElseThrow())
        .isNotEqualTo(connectedVersion);

    // the stored, rotated refresh token is the one used next time
    clock.advance(Duration.ofHours(2));
    teams
        .meetings()
        .create(USER, MeetingRequest.of("Design review 3", START, Duration.ofMinutes(30)));

    wm.verify(
        1,
        postRequestedFor(urlEqualTo(Fixture.TOKEN_PATH))
            .withRequestBody(containing("refresh_token=" + Fixture.REFRESH_TOKEN_2)));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(MEETINGS))
            .withHeader("Authorization", equalTo("Bearer access-token-three")));
  }

  @Test
  void theClassJavadocExampleRuns() {
    io.teamsmeet.store.TokenStore tokenStore = new InMemoryTokenStore();
    com.google.crypto.tink.KeysetHandle keysetHandle = Fixture.keyset();
    String appUserId = "app-user-7";
    Instant start = START;
    // --- as in the Javadoc of TeamsMeetings (endpoints pointed at the stubs) ---
    try (TeamsMeetings teams =
        TeamsMeetings.builder()
            .clientId(Fixture.CLIENT_ID)
            .clientSecret(Fixture.CLIENT_SECRET)
            .redirectUri(URI.create("https://app.example/ms/callback"))
            .identityEndpoint(URI.create(wm.baseUrl() + "/login"))
            .graphEndpoint(URI.create(wm.baseUrl() + "/graph"))
            .tokenStore(tokenStore)
            .tokenKeys(keysetHandle)
            .transport(transport.sdkBuilt()) // not in the Javadoc: the default there
            .build()) {
      URI url = teams.beginConnect(appUserId);
      URI callbackUri =
          URI.create(
              "https://app.example/ms/callback?code="
                  + URLEncoder.encode(Fixture.CODE, StandardCharsets.UTF_8)
                  + "&state="
                  + URLEncoder.encode(
                      AuthorizationUrlTest.query(url).get("state"), StandardCharsets.UTF_8));
      Connection c = teams.completeConnect(appUserId, callbackUri);
      Meeting m =
          teams
              .meetings()
              .create(appUserId, MeetingRequest.of("Design review", start, Duration.ofMinutes(30)));
      m.joinUrl();
      m.joinMeetingId();
      m.passcode();
      m.dialIn();

      assertThat(c.accountName()).contains("heidi@contoso.com");
      assertThat(m.dialIn()).isPresent();
    }
  }

  @Test
  void aGraph401RefreshesOnceAndRetriesOnce() {
    wm.stubFor(
        post(urlEqualTo(MEETINGS))
            .withHeader("Authorization", equalTo("Bearer " + Fixture.ACCESS_TOKEN))
            .willReturn(
                Fixture.json(
                    401,
                    GraphErrorTest.graphError(
                        "InvalidAuthenticationToken", "Access token has expired."))));
    connect();

    Meeting meeting =
        teams
            .meetings()
            .create(USER, MeetingRequest.of("Design review", START, Duration.ofMinutes(30)));

    assertThat(meeting.id()).isNotBlank();
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(Fixture.TOKEN_PATH))
            .withRequestBody(containing("grant_type=refresh_token")));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(MEETINGS))
            .withHeader("Authorization", equalTo("Bearer " + Fixture.ACCESS_TOKEN)));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(MEETINGS))
            .withHeader("Authorization", equalTo("Bearer " + Fixture.ACCESS_TOKEN_2)));
  }

  @Test
  void disconnectForgetsTheUser() {
    connect();

    teams.disconnect(USER);

    assertThat(teams.status(USER).isConnected()).isFalse();
    assertThat(store.load(USER)).isEmpty();
  }

  private void connect() {
    Map<String, String> query = AuthorizationUrlTest.query(teams.beginConnect(USER));
    teams.completeConnect(USER, Map.of("code", Fixture.CODE, "state", query.get("state")));
  }

  private static LoggedRequest onlyRequest(
      com.github.tomakehurst.wiremock.matching.StringValuePattern body) {
    List<LoggedRequest> requests =
        wm.findAll(postRequestedFor(urlEqualTo(Fixture.TOKEN_PATH)).withRequestBody(body));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }
}
