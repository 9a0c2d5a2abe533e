package com.example.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.feign.Transport;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.testkit.FakeMicrosoftExtension;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * README's transports as a user gets them: without OkHttp (the default build) {@code
 * Transport.okHttp()} names the dependency to add; with it ({@code -Pokhttp}) a meeting is created
 * over OkHttp.
 */
class TransportTest {

  @RegisterExtension static final FakeMicrosoftExtension microsoft = new FakeMicrosoftExtension();

  private static final boolean OKHTTP = "okhttp".equals(System.getProperty("teams.transport"));

  @Test
  void theChosenTransportCreatesAMeeting(FakeMicrosoft fake) throws Exception {
    AeadConfig.register();
    Transport transport = OKHTTP ? Transport.okHttp() : Transport.jdk();
    try (TeamsMeetings teams =
        TeamsMeetings.builder()
            .clientId(FakeMicrosoft.DEFAULT_CLIENT_ID)
            .redirectUri(FakeMicrosoft.DEFAULT_REDIRECT_URI)
            .identityEndpoint(fake.identityBaseUri())
            .graphEndpoint(fake.graphBaseUri())
            .clock(fake.clock())
            .transport(transport)
            .tokenStore(new InMemoryTokenStore())
            .tokenKeys(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM))
            .build()) {
      HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<Void> redirect =
          browser.send(
              HttpRequest.newBuilder(teams.beginConnect("user-1")).build(),
              HttpResponse.BodyHandlers.discarding());
      teams.completeConnect(
          "user-1", URI.create(redirect.headers().firstValue("Location").orElseThrow()));

      Meeting meeting = teams.meetings().create("user-1", MeetingRequest.of("Quick sync"));

      assertThat(fake.meetings(FakeMicrosoft.DEFAULT_ACCOUNT.userPrincipalName()))
          .containsExactly(meeting);
    }
  }

  @Test
  void okHttpIsOnTheClassPathExactlyWhenTheUserAddedIt() {
    boolean present;
    try {
      Class.forName("okhttp3.OkHttpClient");
      present = true;
    } catch (ClassNotFoundException e) {
      present = false;
    }
    assertThat(present).isEqualTo(OKHTTP);
    if (!OKHTTP) {
      assertThatThrownBy(Transport::okHttp)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("com.squareup.okhttp3:okhttp");
    }
  }
}
