package io.teamsmeet.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Microsoft Graph Java SDK on this SDK's tokens, against the testkit's fake Microsoft. */
class TeamsAccessTokenProviderTest {

  private static final String USER = "app-user-ana";
  private static FakeMicrosoft fake;
  private TeamsMeetings teams;

  @BeforeAll
  static void startFake() {
    fake = FakeMicrosoft.start();
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @BeforeEach
  void connect() throws Exception {
    AeadConfig.register();
    teams =
        TeamsMeetings.builder()
            .clientId(FakeMicrosoft.DEFAULT_CLIENT_ID)
            .redirectUri(FakeMicrosoft.DEFAULT_REDIRECT_URI)
            .identityEndpoint(fake.identityBaseUri())
            .graphEndpoint(fake.graphBaseUri())
            .clock(fake.clock())
            .refreshAhead(Duration.ZERO)
            .tokenStore(new InMemoryTokenStore())
            .tokenKeys(newKeys())
            .build();
  }

  @AfterEach
  void close() {
    teams.close();
    fake.reset();
  }

  private GraphServiceClient graphFor(TeamsAccessTokenProvider tokens) {
    GraphServiceClient graph =
        new GraphServiceClient(
            tokens.withAllowedHosts(fake.graphBaseUri().getHost()).authentication());
    graph.getRequestAdapter().setBaseUrl(fake.graphBaseUri() + "/v1.0");
    return graph;
  }

  private static OnlineMeeting meeting(String subject) {
    OnlineMeeting meeting = new OnlineMeeting();
    meeting.setSubject(subject);
    OffsetDateTime start = OffsetDateTime.of(2031, 3, 3, 15, 0, 0, 0, ZoneOffset.UTC);
    meeting.setStartDateTime(start);
    meeting.setEndDateTime(start.plusMinutes(30));
    return meeting;
  }

  @Test
  void theGraphSdkCreatesAMeetingWithTheConnectedUsersToken() throws Exception {
    teams.completeConnect(USER, signIn(teams.beginConnect(USER)));
    GraphServiceClient graph = graphFor(TeamsAccessTokenProvider.forUser(teams, USER));

    OnlineMeeting created = graph.me().onlineMeetings().post(meeting("Through the Graph SDK"));

    assertThat(created.getJoinWebUrl()).startsWith("https://teams.microsoft.com/");
    assertThat(fake.meetings(FakeMicrosoft.DEFAULT_ACCOUNT.userPrincipalName()))
        .singleElement()
        .satisfies(m -> assertThat(m.subject()).contains("Through the Graph SDK"));
  }

  @Test
  void anExpiredTokenIsRefreshedByThisSdkOnce() throws Exception {
    teams.completeConnect(USER, signIn(teams.beginConnect(USER)));
    GraphServiceClient graph = graphFor(TeamsAccessTokenProvider.forCurrentUser(teams, () -> USER));
    graph.me().onlineMeetings().post(meeting("Before"));
    fake.advanceClock(Duration.ofHours(2));

    graph.me().onlineMeetings().post(meeting("After the refresh"));
    graph.me().onlineMeetings().post(meeting("On the refreshed token"));

    assertThat(fake.refreshCount()).isEqualTo(1);
    assertThat(fake.meetings(FakeMicrosoft.DEFAULT_ACCOUNT.userPrincipalName())).hasSize(3);
  }

  @Test
  void aUserWhoIsNotConnectedGetsReauthorizationRequired() {
    GraphServiceClient graph = graphFor(TeamsAccessTokenProvider.forUser(teams, "nobody"));

    assertThatThrownBy(() -> graph.me().onlineMeetings().post(meeting("Never sent")))
        .satisfies(
            e -> {
              Throwable t = e;
              while (t != null && !(t instanceof ReauthorizationRequiredException)) {
                t = t.getCause();
              }
              assertThat(t).isInstanceOf(ReauthorizationRequiredException.class);
            });
    assertThat(fake.meetings(FakeMicrosoft.DEFAULT_ACCOUNT.userPrincipalName())).isEmpty();
  }

  @Test
  void noTokenForAnotherHostAndNoneOverPlainHttpElsewhere() throws Exception {
    teams.completeConnect(USER, signIn(teams.beginConnect(USER)));
    TeamsAccessTokenProvider tokens = TeamsAccessTokenProvider.forUser(teams, USER);

    assertThat(tokens.getAuthorizationToken(URI.create("https://evil.example/v1.0/me"), null))
        .isEmpty();
    assertThat(
            tokens.getAuthorizationToken(URI.create("https://graph.microsoft.com/v1.0/me"), null))
        .isEqualTo(teams.accessToken(USER).value());
    assertThatThrownBy(
            () ->
                tokens.getAuthorizationToken(
                    URI.create("http://graph.microsoft.com/v1.0/me"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(teams.accessToken(USER).value());
    assertThat(tokens.toString()).doesNotContain(teams.accessToken(USER).value());
  }

  private static KeysetHandle newKeys() throws GeneralSecurityException {
    return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
  }

  private static URI signIn(URI authorize) throws IOException, InterruptedException {
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.discarding());
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }
}
