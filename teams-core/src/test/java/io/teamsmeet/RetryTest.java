package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.store.StoredGrant;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Throttling and transient failures: retried within bounds, and never a duplicate meeting. */
class RetryTest {

  private final Fixture f = new Fixture();
  private final MeetingRequest plain =
      MeetingRequest.of("Sync", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(30));
  private final MeetingRequest keyed = plain.withExternalId("sync-1");

  @AfterEach
  void close() {
    f.close();
  }

  private static ThrottledException throttled(int status, Duration retryAfter) {
    return ThrottledException.of(
        retryAfter,
        ErrorDetails.builder()
            .status(status)
            .code("TooManyRequests")
            .requestId("r-" + status)
            .build());
  }

  private static TeamsServiceException transientFailure(int status) {
    return TeamsServiceException.of(
        "Graph failed", ErrorDetails.builder().status(status).build(), true, null);
  }

  @Test
  void a429IsRetriedAfterTheRetryAfterMicrosoftGave() {
    f.connect("user-1", "ana@contoso.com");
    f.graph.failures.add(throttled(429, Duration.ofSeconds(2)));
    f.graph.failures.add(throttled(429, Duration.ofMillis(2128)));

    Meeting meeting = f.service.meetings().create("user-1", plain);

    assertThat(meeting.joinUrl()).isNotNull();
    assertThat(f.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(2128));
    assertThat(f.graph.meetings).hasSize(1);
  }

  @Test
  void aPlainCreateIsNotRetriedWhenMicrosoftMayHaveProcessedItAndSaysSoInItsType() {
    f.connect("user-1", "ana@contoso.com");
    f.graph.failures.add(throttled(503, null)); // 503 without Retry-After proves nothing
    assertOutcomeUnknown(() -> f.service.meetings().create("user-1", plain), 503);

    f.graph.failures.add(transientFailure(0)); // a timeout: the request may have been processed
    assertOutcomeUnknown(() -> f.service.meetings().create("user-1", plain), 0);

    f.graph.failures.add(throttled(504, null));
    assertOutcomeUnknown(() -> f.service.meetings().create("user-1", plain), 504);

    f.graph.failures.add(transientFailure(500));
    assertOutcomeUnknown(() -> f.service.meetings().create("user-1", plain), 500);

    // Graph created it (201) but its answer could not be read: done, details unknown
    f.graph.failures.add(
        TeamsServiceException.of(
            "the meeting returned by Microsoft Graph is not valid JSON",
            ErrorDetails.builder().status(201).build(),
            false,
            null));
    assertOutcomeUnknown(() -> f.service.meetings().create("user-1", plain), 201);

    assertThat(f.graph.calls).hasValue(5);
    assertThat(f.sleeps).isEmpty();
  }

  private static void assertOutcomeUnknown(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            e -> {
              assertThat(e.isRetryable()).isFalse();
              assertThat(e).isInstanceOf(TeamsServiceException.class);
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.operation()).isEqualTo("the meeting creation");
              assertThat(e.getMessage()).contains("may have taken effect", "external id");
            });
  }

  @Test
  void aPlainCreateWhoseRequestNeverLeftIsRetriedAndSucceeds() {
    f.connect("user-1", "ana@contoso.com");
    f.graph.failures.add(
        TeamsServiceException.notSent(
            "could not reach Microsoft Graph: connection refused", ErrorDetails.none(), null));

    Meeting meeting = f.service.meetings().create("user-1", plain);

    assertThat(meeting.joinUrl()).isNotNull();
    assertThat(f.graph.calls).hasValue(2);
    assertThat(f.graph.meetings).hasSize(1);
  }

  @Test
  void aPlainCreateThatWasRefusedOutrightIsNotAnUnknownOutcome() {
    f.connect("user-1", "ana@contoso.com");
    f.graph.failures.add(
        TeamsServiceException.of(
            "Graph refused the request", ErrorDetails.builder().status(400).build(), false, null));

    assertThatThrownBy(() -> f.service.meetings().create("user-1", plain))
        .isExactlyInstanceOf(TeamsServiceException.class);
  }

  @Test
  void aPlainCreateStillThrottledAfterTheRetriesIsThrottledNotUnknown() {
    f.connect("user-1", "ana@contoso.com");
    for (int i = 0; i < RetryPolicy.defaults().maxAttempts(); i++) {
      f.graph.failures.add(throttled(429, Duration.ofSeconds(1)));
    }
    assertThatThrownBy(() -> f.service.meetings().create("user-1", plain))
        .isInstanceOf(ThrottledException.class);
    assertThat(f.graph.meetings).isEmpty();
  }

  @Test
  void aPlainCreateIsRetriedAfterA503WithRetryAfter() {
    f.connect("user-1", "ana@contoso.com");
    f.graph.failures.add(throttled(503, Duration.ofSeconds(1)));

    f.service.meetings().create("user-1", plain);

    assertThat(f.graph.calls).hasValue(2);
    assertThat(f.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void createOrGetIsRetriedOnAnyTransientFailureWithJitteredBackoff() {
    f.connect("user-1", "ana@contoso.com");
    f.graph.failures.add(transientFailure(502));
    f.graph.failures.add(throttled(503, null));
    f.graph.failures.add(transientFailure(0));

    Meeting meeting = f.service.meetings().create("user-1", keyed);

    assertThat(meeting.externalId()).contains("sync-1");
    assertThat(f.sleeps).hasSize(3);
    assertThat(f.sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(f.sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(f.sleeps.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    assertThat(f.graph.meetings).hasSize(1);
  }

  @Test
  void persistentThrottlingEndsWithAThrottledExceptionWithinTheBudget() {
    f.connect("user-1", "ana@contoso.com");
    for (int i = 0; i < 10; i++) {
      f.graph.failures.add(throttled(429, Duration.ofSeconds(3)));
    }

    assertThatThrownBy(() -> f.service.meetings().get("user-1", "any-id"))
        .isInstanceOfSatisfying(
            ThrottledException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
              assertThat(e.details().requestId()).contains("r-429");
              assertThat(e.getMessage()).contains("retry after 3s");
            });
    assertThat(f.graph.calls).hasValue(4);
    assertThat(f.sleeps)
        .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  @Test
  void aRetryAfterBeyondTheBudgetIsHandedToTheCallerAtOnce() {
    f.connect("user-1", "ana@contoso.com");
    f.graph.failures.add(throttled(429, Duration.ofMinutes(5)));

    assertThatThrownBy(() -> f.service.meetings().create("user-1", plain))
        .isInstanceOfSatisfying(
            ThrottledException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(5)));
    assertThat(f.sleeps).isEmpty();
  }

  @Test
  void aNonRetryableFailureIsNotRetried() {
    f.connect("user-1", "ana@contoso.com");
    f.graph.failures.add(
        TeamsServiceException.of(
            "bad request",
            ErrorDetails.builder().status(400).code("BadRequest").build(),
            false,
            null));

    assertThatThrownBy(() -> f.service.meetings().create("user-1", keyed))
        .isInstanceOfSatisfying(
            TeamsServiceException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThat(f.graph.calls).hasValue(1);
  }

  @Test
  void aTransientTokenEndpointFailureIsRetriedAndTheGrantStaysIntact() {
    f.connect("user-1", "ana@contoso.com");
    StoredGrant before = f.store.rows.get("user-1");
    f.identity.refreshFailures.add(transientFailure(503));
    f.identity.refreshFailures.add(throttled(429, Duration.ofSeconds(1)));
    f.expireAccessTokens();

    f.service.meetings().create("user-1", plain);

    assertThat(f.identity.refreshes).hasValue(3);
    assertThat(f.sleeps).hasSize(2);
    assertThat(f.store.rows.get("user-1").version()).isEqualTo(before.version() + 1);
  }

  @Test
  void noRetriesWhenThePolicySaysNone() {
    try (Fixture strict = new Fixture(b -> b.retryPolicy(RetryPolicy.none()))) {
      strict.connect("user-1", "ana@contoso.com");
      strict.graph.failures.add(throttled(429, Duration.ofSeconds(1)));
      assertThatThrownBy(() -> strict.service.meetings().create("user-1", plain))
          .isInstanceOf(ThrottledException.class);
      assertThat(strict.sleeps).isEmpty();
    }
  }

  @Test
  void policySettersRejectBadValues() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO))
        .hasMessageContaining("initialBackoff");
    assertThatThrownBy(() -> RetryPolicy.builder().maxTotalWait(Duration.ofSeconds(-1)))
        .hasMessageContaining("maxTotalWait");
  }
}
