package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 9700 §2 / RFC 6749 §10.9: tokens, codes and secrets only travel over TLS. The builder refuses
 * any plain-http endpoint or redirect URI whose host is not loopback; over https, certificates are
 * verified (an unknown certificate is a typed failure, nothing is sent in clear).
 */
class TransportSecurityTest {

  private static TeamsMeetings.Builder builder() {
    return TeamsMeetings.builder()
        .clientId(Rig.CLIENT_ID)
        .redirectUri(Rig.REDIRECT_URI)
        .tokenStore(new InMemoryTokenStore())
        .tokenKeys(Rig.newKeys());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com",
        "http://login.microsoftonline.com",
        "http://graph.microsoft.com",
        "http://10.0.0.1:8080",
        "http://192.168.1.20",
        "http://localhost.example.com",
        "http://127.0.0.1.nip.io",
        "http://127.example.com",
        "ftp://example.com"
      })
  void plainHttpToAHostThatIsNotLoopbackIsRefusedForEveryEndpoint(String endpoint) {
    URI uri = URI.create(endpoint);
    assertThat(
            catchThrowableOfType(
                () -> builder().identityEndpoint(uri), IllegalArgumentException.class))
        .hasMessageContaining("identityEndpoint");
    assertThat(
            catchThrowableOfType(
                () -> builder().graphEndpoint(uri), IllegalArgumentException.class))
        .hasMessageContaining("graphEndpoint");
    URI redirect = URI.create(endpoint + "/callback");
    assertThat(
            catchThrowableOfType(
                () -> builder().redirectUri(redirect), IllegalArgumentException.class))
        .hasMessageContaining("redirectUri");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com",
        "http://127.0.0.1:8080",
        "http://localhost:1",
        "http://[::1]:80"
      })
  void tlsOrLoopbackIsAccepted(String endpoint) {
    URI uri = URI.create(endpoint);
    assertThatCode(() -> builder().identityEndpoint(uri).graphEndpoint(uri))
        .doesNotThrowAnyException();
  }

  @Test
  void theDefaultEndpointsAreTls() {
    try (TeamsMeetings teams = builder().build()) {
      Secrets.printed(teams);
      assertThat(teams.toString())
          .contains("https://login.microsoftonline.com")
          .contains("https://graph.microsoft.com")
          .doesNotContain("http://");
      assertThat(teams.beginConnect("tls-user").getScheme()).isEqualTo("https");
    }
  }

  @Test
  void overTlsTheFlowWorksAndAnUnknownCertificateIsATypedFailure() throws Exception {
    try (FakeMicrosoft fake = Rig.fakeBuilder().https(true).start()) {
      Secrets.add(Rig.CLIENT_SECRET);
      InMemoryTokenStore store = new InMemoryTokenStore();
      assertThat(fake.identityBaseUri().getScheme()).isEqualTo("https");

      // The JDK does not know the fake's self-signed certificate: the SDK must not talk to it.
      try (TeamsMeetings untrusting =
          builder()
              .identityEndpoint(fake.identityBaseUri())
              .graphEndpoint(fake.graphBaseUri())
              .clientSecret(Rig.CLIENT_SECRET)
              .redirectUri(Rig.REDIRECT_URI)
              .tokenStore(store)
              .clock(fake.clock())
              .retryPolicy(Rig.fastRetries())
              .build()) {
        fake.nextSignIn(Rig.ANA.userPrincipalName());
        URI callback = httpsBrowser(fake, untrusting.beginConnect("tls-user"));
        TeamsServiceException e =
            catchThrowableOfType(
                () -> untrusting.completeConnect("tls-user", callback),
                TeamsServiceException.class);
        Secrets.thrown(e);
        assertThat(e.status()).isZero();
        assertThat(fake.journal().codeRedemptionCount())
            .as("nothing reached the token endpoint")
            .isZero();
        assertThat(store.load("tls-user")).isEmpty();
      }

      // Trusted (as a real Microsoft certificate is): the whole flow runs over TLS.
      SSLContext previous = SSLContext.getDefault();
      SSLContext.setDefault(fake.sslContext());
      try (TeamsMeetings trusting =
          builder()
              .identityEndpoint(fake.identityBaseUri())
              .graphEndpoint(fake.graphBaseUri())
              .clientSecret(Rig.CLIENT_SECRET)
              .redirectUri(Rig.REDIRECT_URI)
              .tokenStore(store)
              .clock(fake.clock())
              .retryPolicy(Rig.fastRetries())
              .build()) {
        fake.nextSignIn(Rig.ANA.userPrincipalName());
        URI callback = httpsBrowser(fake, trusting.beginConnect("tls-user"));
        trusting.completeConnect("tls-user", callback);
        trusting
            .meetings()
            .create(
                "tls-user",
                MeetingRequest.of(
                    "Over TLS", Instant.parse("2031-01-01T10:00:00Z"), Duration.ofMinutes(15)));
        assertThat(fake.meetings(Rig.ANA.userPrincipalName())).hasSize(1);
      } finally {
        SSLContext.setDefault(previous);
        Secrets.harvest(fake);
        Secrets.ciphertext(store.load("tls-user"));
      }
    }
  }

  /** The browser trusts the fake (as it trusts Microsoft); only the SDK's trust is under test. */
  private static URI httpsBrowser(FakeMicrosoft fake, URI authorize) {
    try {
      java.net.http.HttpClient browser =
          java.net.http.HttpClient.newBuilder()
              .sslContext(fake.sslContext())
              .version(java.net.http.HttpClient.Version.HTTP_1_1)
              .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
              .build();
      java.net.http.HttpResponse<Void> response =
          browser.send(
              java.net.http.HttpRequest.newBuilder(authorize).build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
      return URI.create(response.headers().firstValue("Location").orElseThrow());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
