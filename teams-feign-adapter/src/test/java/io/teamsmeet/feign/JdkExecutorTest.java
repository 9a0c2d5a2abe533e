package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.teamsmeet.AccessToken;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.testkit.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JDK client the SDK builds runs its steps on a fixed pool of its own: a burst of simultaneous
 * requests starts no thread per request (the JDK's default executor does), and {@code close} stops
 * the pool.
 */
class JdkExecutorTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().containerThreads(250).jettyAcceptors(2))
          .build();

  @Test
  void aBurstOfRequestsRunsOnAFixedNumberOfThreadsAndCloseStopsThem() throws Exception {
    // every answer is held 300 ms, so that all 150 requests are in flight together
    wm.stubFor(
        post(anyUrl()).willReturn(Fixture.json(201, Fixture.CREATED_MEETING).withFixedDelay(300)));
    FeignMicrosoftAdapter.Wired wired =
        FeignMicrosoftAdapter.wire(
            Fixture.builder(wm, FakeClock.startingAt(Fixture.NOW), TestTransport.JDK)
                .microsoftSettings());
    int callers = 150;
    // threads of clients built by earlier tests may still be alive: only new ones are this one's
    Set<String> before = new java.util.HashSet<>();
    Thread.getAllStackTraces().keySet().forEach(t -> before.add(t.getName()));
    CountDownLatch go = new CountDownLatch(1);
    Set<String> clientThreads = ConcurrentHashMap.newKeySet();
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (sampling.get()) {
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                  String name = t.getName();
                  if (!before.contains(name)
                      && (name.startsWith("teams-meetings-http-") || name.contains("-Worker-"))) {
                    clientThreads.add(name);
                  }
                }
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.start();
    AtomicInteger created = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                  Meeting m =
                      wired
                          .meetings()
                          .create(
                              new AccessToken(Fixture.ACCESS_TOKEN),
                              MeetingRequest.of(
                                  "Burst",
                                  Instant.parse("2026-03-02T10:00:00Z"),
                                  Duration.ofMinutes(30)),
                              Fixture.deadline());
                  if (m.id() != null) {
                    created.incrementAndGet();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      t.start();
      threads.add(t);
    }
    go.countDown();
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(30));
    }
    sampling.set(false);
    sampler.join();

    assertThat(created).hasValue(callers);
    assertThat(clientThreads)
        .as("the client's threads during the burst")
        .isNotEmpty()
        .allMatch(name -> name.startsWith("teams-meetings-http-"))
        .hasSizeLessThanOrEqualTo(JdkTransport.EXECUTOR_THREADS);
    // all of one client: teams-meetings-http-<client>-<n>
    assertThat(clientThreads.stream().map(n -> n.substring(0, n.lastIndexOf('-'))).distinct())
        .hasSize(1);

    wired.release().run();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (poolThreadsAlive(clientThreads) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(poolThreadsAlive(clientThreads)).as("pool threads alive after close").isFalse();
  }

  private static boolean poolThreadsAlive(Set<String> names) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && names.contains(t.getName()));
  }
}
