package io.teamsmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same fake over TLS, trusted through {@link FakeMicrosoft#sslContext()}. */
class HttpsTest {

  @RegisterExtension
  static final FakeMicrosoftExtension microsoft =
      new FakeMicrosoftExtension(FakeMicrosoft.builder().https(true));

  @Test
  void theFlowWorksOverHttpsWithHostnameVerification(FakeMicrosoft fake) {
    assertThat(fake.identityBaseUri().getScheme()).isEqualTo("https");
    assertThat(fake.graphBaseUri().toString()).startsWith("https://127.0.0.1:");
    Client client = new Client(fake, fake.sslContext());
    String access = client.signIn().get("access_token").asText();
    assertThat(client.create(access, Client.meetingBody("secure")).statusCode()).isEqualTo(201);
  }

  @Test
  void faultsWorkOverHttps(FakeMicrosoft fake) {
    Client client = new Client(fake, fake.sslContext());
    String access = fake.issueAccessToken("ana@contoso.com");
    fake.graph().resetNext(1).throttleNext(1, RetryAfter.seconds(1));
    assertThatThrownBy(() -> client.create(access, "{}")).isInstanceOf(UncheckedIOException.class);
    assertThat(client.create(access, "{}").statusCode()).isEqualTo(429);
    assertThat(client.create(access, "{}").statusCode()).isEqualTo(201);
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefused(FakeMicrosoft fake) {
    HttpClient untrusting = HttpClient.newHttpClient();
    assertThatThrownBy(
            () ->
                untrusting.send(
                    HttpRequest.newBuilder(fake.graphBaseUri()).build(),
                    HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
  }
}
