package io.teamsmeet.testkit;

import io.teamsmeet.testkit.RecordedRequest.Endpoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What {@link FakeMicrosoft} received, to assert on: every request with its headers and body, and
 * exact counts.
 *
 * <pre>{@code
 * assertThat(fake.journal().refreshCount()).isEqualTo(1);
 * assertThat(fake.journal().graphCalls("POST")).hasSize(1);
 * assertThat(fake.journal().tokenRequests("authorization_code").get(0).formParam("code_verifier"))
 *     .isPresent();
 * }</pre>
 *
 * <p>The lists keep the most recent requests only ({@link FakeMicrosoft.Builder#journalLimit},
 * 10,000 by default, so long benchmarks don't fill the heap); the counts are exact and include
 * requests that got an injected fault. Thread-safe; every method returns a snapshot. {@link
 * FakeMicrosoft#reset()} empties it.
 */
public final class Journal {

  private final int limit;
  private final Deque<RecordedRequest> entries = new ArrayDeque<>();
  private final Map<Endpoint, Integer> endpointCounts = new EnumMap<>(Endpoint.class);
  private final Map<String, Integer> grantCounts = new HashMap<>();

  Journal(int limit) {
    this.limit = limit;
  }

  synchronized void record(RecordedRequest request) {
    entries.addLast(request);
    while (entries.size() > limit) {
      entries.removeFirst();
    }
    endpointCounts.merge(request.endpoint(), 1, Integer::sum);
    if (request.endpoint() == Endpoint.TOKEN) {
      grantCounts.merge(request.grantType().orElse(""), 1, Integer::sum);
    }
  }

  synchronized void clear() {
    entries.clear();
    endpointCounts.clear();
    grantCounts.clear();
  }

  /** Every request kept, oldest first. */
  public synchronized List<RecordedRequest> all() {
    return List.copyOf(entries);
  }

  /** The requests kept for one endpoint, oldest first. */
  public List<RecordedRequest> requests(Endpoint endpoint) {
    return filter(r -> r.endpoint() == endpoint);
  }

  /** Authorize requests (and consent page posts), oldest first. */
  public List<RecordedRequest> authorizeRequests() {
    return requests(Endpoint.AUTHORIZE);
  }

  /** Token requests, oldest first. */
  public List<RecordedRequest> tokenRequests() {
    return requests(Endpoint.TOKEN);
  }

  /**
   * Token requests of one grant type, oldest first.
   *
   * @param grantType {@code authorization_code} or {@code refresh_token}
   */
  public List<RecordedRequest> tokenRequests(String grantType) {
    return filter(
        r -> r.endpoint() == Endpoint.TOKEN && r.grantType().orElse("").equals(grantType));
  }

  /** Graph calls, oldest first. */
  public List<RecordedRequest> graphCalls() {
    return requests(Endpoint.GRAPH);
  }

  /**
   * Graph calls with one HTTP method, oldest first.
   *
   * @param method {@code GET}, {@code POST}, {@code PATCH} or {@code DELETE}; case-insensitive
   */
  public List<RecordedRequest> graphCalls(String method) {
    String wanted = method.toUpperCase(Locale.ROOT);
    return filter(r -> r.endpoint() == Endpoint.GRAPH && r.method().equals(wanted));
  }

  /** How many requests reached an endpoint since the last reset (exact). */
  public synchronized int count(Endpoint endpoint) {
    return endpointCounts.getOrDefault(endpoint, 0);
  }

  /** How many {@code refresh_token} grant requests reached the token endpoint (exact). */
  public synchronized int refreshCount() {
    return grantCounts.getOrDefault("refresh_token", 0);
  }

  /** How many {@code authorization_code} grant requests reached the token endpoint (exact). */
  public synchronized int codeRedemptionCount() {
    return grantCounts.getOrDefault("authorization_code", 0);
  }

  /** How many Graph calls arrived (exact). */
  public int graphCallCount() {
    return count(Endpoint.GRAPH);
  }

  private synchronized List<RecordedRequest> filter(Predicate<RecordedRequest> predicate) {
    List<RecordedRequest> result = new ArrayList<>();
    for (RecordedRequest r : entries) {
      if (predicate.test(r)) {
        result.add(r);
      }
    }
    return List.copyOf(result);
  }

  @Override
  public synchronized String toString() {
    return "Journal[" + entries.size() + " kept, counts=" + endpointCounts + "]";
  }
}
