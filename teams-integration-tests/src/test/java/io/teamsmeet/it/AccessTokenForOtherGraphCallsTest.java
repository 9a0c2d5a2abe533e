package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.AccessToken;
import io.teamsmeet.ReauthorizationRequiredException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The application's own Graph calls use the SDK's managed token: the same cache as the meetings, a
 * refresh by the SDK when it expires, one refresh for many callers, never printed.
 */
class AccessTokenForOtherGraphCallsTest extends OneConnectedUser {

  private static int getOwnMeetings(AccessToken token) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(fake.graphBaseUri() + "/v1.0/me/onlineMeetings/does-not-exist"))
                    .header("Authorization", "Bearer " + token.value())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  @Test
  void theTokenIsTheOneTheMeetingsUseAndGraphAcceptsIt() throws Exception {
    int refreshes = fake.refreshCount();

    AccessToken token = teams.accessToken(USER);

    // 404 for an unknown meeting id, not 401: Graph accepted the token
    assertThat(getOwnMeetings(token)).isEqualTo(404);
    assertThat(fake.refreshCount()).as("served from the cache").isEqualTo(refreshes);
    assertThat(token.toString()).doesNotContain(token.value()).contains("redacted");
    assertThat(fake.journal().graphCalls("GET").get(0).header("Authorization"))
        .contains("Bearer " + token.value());
  }

  @Test
  void anExpiredTokenIsRefreshedOnceForManyCallersAndWorks() throws Exception {
    expireAccessToken();
    int refreshes = fake.refreshCount();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<AccessToken>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(
            pool.submit(
                () -> {
                  go.await();
                  return teams.accessToken(USER);
                }));
      }
      go.countDown();
      Set<String> tokens = new HashSet<>();
      for (Future<AccessToken> call : calls) {
        tokens.add(call.get(20, TimeUnit.SECONDS).value());
      }
      assertThat(tokens).hasSize(1);
      assertThat(fake.refreshCount()).isEqualTo(refreshes + 1);
      assertThat(getOwnMeetings(teams.accessToken(USER))).isEqualTo(404);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDisconnectedUserGetsNoToken() {
    teams.disconnect(USER);

    assertThatThrownBy(() -> teams.accessToken(USER))
        .isInstanceOf(ReauthorizationRequiredException.class);
  }
}
