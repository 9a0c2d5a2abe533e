package io.teamsmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients at once: no lost meetings, exact counts, idempotent createOrGet under a race. */
class ConcurrencyTest {

  @RegisterExtension static final FakeMicrosoftExtension microsoft = new FakeMicrosoftExtension();

  @Test
  void concurrentCreatesRefreshesAndCreateOrGetsStayConsistent(FakeMicrosoft fake)
      throws Exception {
    Client client = new Client(fake);
    String refresh = client.signIn().get("refresh_token").asText();
    String access = fake.issueAccessToken("ana@contoso.com");
    int threads = 8;
    int perThread = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  List<Integer> statuses = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    statuses.add(client.create(access, Client.meetingBody("m")).statusCode());
                    statuses.add(
                        client
                            .graph(
                                "POST",
                                "/me/onlineMeetings/createOrGet",
                                access,
                                "{\"externalId\":\"race\"}")
                            .statusCode());
                    statuses.add(client.token(client.refreshForm(refresh)).statusCode());
                  }
                  return statuses;
                }));
      }
      go.countDown();
      List<Integer> all = new ArrayList<>();
      for (Future<List<Integer>> result : results) {
        all.addAll(result.get(1, TimeUnit.MINUTES));
      }
      assertThat(all).filteredOn(s -> s == 201).hasSize(threads * perThread + 1);
      assertThat(all).filteredOn(s -> s == 200).hasSize(threads * perThread * 2 - 1);
      assertThat(fake.meetings("ana@contoso.com")).hasSize(threads * perThread + 1);
      assertThat(fake.refreshCount()).isEqualTo(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }
}
