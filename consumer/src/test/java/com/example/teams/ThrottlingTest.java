package com.example.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.RetryPolicy;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.testkit.FakeMicrosoftExtension;
import io.teamsmeet.testkit.RecordedRequest;
import io.teamsmeet.testkit.RetryAfter;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ThrottlingTest {
  @RegisterExtension
  static final FakeMicrosoftExtension microsoft = new FakeMicrosoftExtension();

  @Test
  void aTwoMinuteRetryAfterIsWaitedOutAtOnce(FakeMicrosoft fake) throws Exception {
    AeadConfig.register();
    try (TeamsMeetings teams = TeamsMeetings.builder()
        .clientId(FakeMicrosoft.DEFAULT_CLIENT_ID)
        .redirectUri(FakeMicrosoft.DEFAULT_REDIRECT_URI)
        .identityEndpoint(fake.identityBaseUri())
        .graphEndpoint(fake.graphBaseUri())
        .clock(fake.clock())                  // token expiry and retry waits on the fake's time
        .callTimeout(Duration.ofMinutes(5))   // see below
        .retryPolicy(RetryPolicy.builder().maxTotalWait(Duration.ofMinutes(5)).build())
        .tokenStore(new InMemoryTokenStore())
        .tokenKeys(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM))
        .build()) {
      // connect: the "browser" follows the authorize URL; the fake redirects back with a code
      HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<Void> redirect = browser.send(
          HttpRequest.newBuilder(teams.beginConnect("user-1")).build(),
          HttpResponse.BodyHandlers.discarding());
      teams.completeConnect("user-1", URI.create(redirect.headers().firstValue("Location").orElseThrow()));

      fake.graph().throttleNext(1, RetryAfter.seconds(120));
      Instant before = fake.clock().instant();
      teams.meetings().create("user-1",
          MeetingRequest.of("Design review", before.plus(Duration.ofDays(1)), Duration.ofMinutes(30)));

      assertThat(Duration.between(before, fake.clock().instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
      assertThat(fake.journal().graphCalls("POST")).extracting(RecordedRequest::status).containsExactly(429, 201);
    }
  }
}
