package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teamsmeet.RetryPolicy;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.testkit.RecordedRequest;
import io.teamsmeet.testkit.RetryAfter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The SDK's retry waits pass on the fake's clock (a {@code FakeClock} is a {@code Sleeper}): a
 * two-minute {@code Retry-After}, in either form, or minutes of backoff, are waited out at once in
 * real time while the fake's clock, token expiry included, shows them passed. The instance under
 * test allows such waits (10-minute call timeout and wait budget; backoff from 10 s), as the
 * README's testing example does; the last test shows why it must.
 *
 * <p>Wall time is only bounded from above, and far from what the waits would take for real (two
 * minutes or more): {@link #INSTANT}.
 */
class RetryWaitsOnTheFakeClockTest extends OneConnectedUser {

  /**
   * Far above a few local round trips (even on a loaded 2-core machine), far below the shortest
   * wait these tests ask for (35 s).
   */
  private static final Duration INSTANT = Duration.ofSeconds(10);

  private static final Duration TWO_MINUTES = Duration.ofSeconds(120);

  private static final RetryPolicy PATIENT =
      RetryPolicy.builder()
          .maxAttempts(4)
          .initialBackoff(Duration.ofSeconds(10))
          .maxBackoff(Duration.ofMinutes(1))
          .maxTotalWait(Duration.ofMinutes(10))
          .build();

  @Override
  void configure(TeamsMeetings.Builder builder) {
    builder.callTimeout(Duration.ofMinutes(10)).retryPolicy(PATIENT);
  }

  @Test
  void aRetryAfterOf120SecondsIsWaitedOutOnTheFakesClockAtOnce() {
    assertTwoMinutesWaitedOutAtOnceAndOneMeetingCreated(RetryAfter.seconds(120));
  }

  @Test
  void aRetryAfterDateTwoMinutesAheadIsWaitedOutOnTheFakesClockAtOnce() {
    alignFakeClockToAWholeSecond(); // an HTTP date has whole seconds: 120 s exactly, not 119.x
    assertTwoMinutesWaitedOutAtOnceAndOneMeetingCreated(RetryAfter.httpDate(TWO_MINUTES));
  }

  @Test
  void backoffWithoutRetryAfterIsWaitedOutOnTheFakesClockAtOnce() {
    StoredGrant before = stored();
    fake.graph().throttleNext(3, RetryAfter.none());

    Instant fakeBefore = fake.clock().instant();
    Duration wall = wallTimeOf(this::create);

    // full jitter: each wait in [base/2, base], base 10 s, 20 s, 40 s: at least 35 s in all
    assertThat(wall).isLessThan(INSTANT);
    assertThat(Duration.between(fakeBefore, fake.clock().instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(35));
    assertThat(graphPosts().subList(1, 5))
        .extracting(RecordedRequest::status)
        .containsExactly(429, 429, 429, 201);
    assertThat(meetings()).isEqualTo(2);
    assertUnchanged(before);
  }

  /**
   * Realistic: the access token the call started with expires during the wait. The SDK fetched it
   * before the first attempt, so the retry presents it, Graph refuses it, and the SDK refreshes
   * once and sends again: still one meeting, and the grant properly rotated.
   */
  @Test
  void anAccessTokenThatExpiresDuringTheWaitIsRefreshedOnceAndTheMeetingCreatedOnce() {
    StoredGrant before = stored();
    int refreshes = fake.refreshCount();
    // the connect's token lives 60 minutes; the SDK stops using it 5 minutes before (expiry skew)
    fake.advanceClock(Duration.ofMinutes(54));
    fake.graph().throttleNext(1, RetryAfter.seconds(7 * 60)); // until past the 60 minutes

    Duration wall = wallTimeOf(this::create);

    assertThat(wall).isLessThan(INSTANT);
    assertThat(graphPosts().subList(1, 4))
        .extracting(RecordedRequest::status)
        .containsExactly(429, 401, 201);
    assertThat(fake.refreshCount()).as("one refresh, after the 401").isEqualTo(refreshes + 1);
    assertThat(lastRefresh().status()).isEqualTo(200);
    assertThat(meetings()).isEqualTo(2);
    assertRotated(before);
  }

  @Test
  void aSleeperGivenToTheBuilderWaitsInsteadOfTheClock() {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (TeamsMeetings recording = sdk(b -> configure(b.sleeper(waits::add)))) {
      recording.meetings().create(USER, REQUEST); // its first call refreshes
      fake.graph().throttleNext(1, RetryAfter.seconds(120));
      Instant fakeBefore = fake.clock().instant();

      recording.meetings().create(USER, REQUEST);

      assertThat(waits).containsExactly(TWO_MINUTES);
      assertThat(fake.clock().instant()).as("the clock did not wait").isEqualTo(fakeBefore);
      assertThat(meetings()).isEqualTo(3);
    }
  }

  /**
   * Why the README's example raises both limits: with the defaults (a 30 s call timeout and a 30 s
   * wait budget) a two-minute {@code Retry-After} is not waited for at all, fake clock or not.
   * Raising only the call timeout is not enough either.
   */
  @Test
  void withTheDefaultLimitsATwoMinuteRetryAfterIsAThrottledExceptionAtOnce() {
    try (TeamsMeetings defaults = sdk(b -> b.retryPolicy(RetryPolicy.defaults()));
        TeamsMeetings longCall =
            sdk(b -> b.retryPolicy(RetryPolicy.defaults()).callTimeout(Duration.ofMinutes(10)))) {
      for (TeamsMeetings instance : List.of(defaults, longCall)) {
        int posts = graphPosts().size();
        Instant fakeBefore = fake.clock().instant();
        fake.graph().throttleNext(1, RetryAfter.seconds(120));

        ThrottledException e =
            catchThrowableOfType(
                () -> instance.meetings().create(USER, REQUEST), ThrottledException.class);
        Secrets.thrown(e);

        assertThat(e.retryAfter()).contains(TWO_MINUTES);
        assertThat(graphPosts().size() - posts).as("the throttled attempt only").isOne();
        assertThat(fake.clock().instant()).as("nothing waited").isEqualTo(fakeBefore);
      }
    }
  }

  private static List<RecordedRequest> graphPosts() {
    return fake.journal().graphCalls("POST");
  }

  /**
   * One 429 asking for two minutes: the create returns at once in real time, two minutes later on
   * the fake, and the retry was sent no sooner than asked; one meeting, grant untouched.
   */
  private void assertTwoMinutesWaitedOutAtOnceAndOneMeetingCreated(RetryAfter retryAfter) {
    StoredGrant before = stored();
    fake.graph().throttleNext(1, retryAfter);
    Instant fakeBefore = fake.clock().instant();

    Duration wall = wallTimeOf(this::create);

    assertThat(wall).isLessThan(INSTANT);
    assertThat(Duration.between(fakeBefore, fake.clock().instant()))
        .isGreaterThanOrEqualTo(TWO_MINUTES);
    List<RecordedRequest> posts = graphPosts();
    assertThat(posts).hasSize(3); // the setup's, the throttled one, the retry
    RecordedRequest throttled = posts.get(1);
    RecordedRequest retry = posts.get(2);
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(Duration.between(throttled.receivedAt(), retry.receivedAt()))
        .isGreaterThanOrEqualTo(TWO_MINUTES);
    assertThat(meetings()).as("the setup's and this one").isEqualTo(2);
    assertUnchanged(before);
  }

  private static void alignFakeClockToAWholeSecond() {
    int nanos = fake.clock().instant().getNano();
    if (nanos != 0) {
      fake.advanceClock(Duration.ofNanos(1_000_000_000L - nanos));
    }
  }

  private static Duration wallTimeOf(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
