package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.feign.Transport;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Microsoft that cannot be reached from here is named for what it is, on either transport: an
 * unknown host (a failed DNS lookup) is "unknown host", a closed port "connection refused", never
 * the one for the other; both are "not sent", so even a code redemption may be tried again.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"jdk", "okhttp"})
class UnreachableTest {

  @Parameter String transport;

  private TeamsServiceException redeemAgainst(URI identity) {
    try (TeamsMeetings teams =
        TeamsMeetings.builder()
            .clientId(Rig.CLIENT_ID)
            .redirectUri(Rig.REDIRECT_URI)
            .identityEndpoint(identity)
            .graphEndpoint(identity)
            .transport(transport.equals("okhttp") ? Transport.okHttp() : Transport.jdk())
            .retryPolicy(Rig.fastRetries())
            .tokenStore(new InMemoryTokenStore())
            .tokenKeys(Rig.newKeys())
            .build()) {
      String state = queryParameter(teams.beginConnect("app-user-dns"), "state");
      URI callback = URI.create(Rig.REDIRECT_URI + "?code=a-code&state=" + state);
      TeamsServiceException e =
          catchThrowableOfType(
              TeamsServiceException.class, () -> teams.completeConnect("app-user-dns", callback));
      assertThat(e.requestMayHaveBeenSent()).as("no connection, nothing sent").isFalse();
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.status()).isZero();
      return e;
    }
  }

  private static String queryParameter(URI uri, String name) {
    return Arrays.stream(uri.getRawQuery().split("&"))
        .filter(p -> p.startsWith(name + "="))
        .map(p -> p.substring(name.length() + 1))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anUnresolvableHostIsAnUnknownHostNotARefusal() {
    TeamsServiceException e = redeemAgainst(URI.create("https://nonexistent.invalid"));

    assertThat(e)
        .hasMessageStartingWith(
            "could not reach the Microsoft identity platform: unknown host nonexistent.invalid")
        .hasMessageNotContaining("refused");
  }

  @Test
  void aClosedPortIsARefusal() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }

    TeamsServiceException e = redeemAgainst(URI.create("http://127.0.0.1:" + port));

    assertThat(e)
        .hasMessageStartingWith(
            "could not reach the Microsoft identity platform: connection refused");
  }
}
