package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.testkit.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault matrix, the host's clock skewed against Microsoft's (the SDK's clock minutes ahead of or
 * behind the fake's). Token expiry cannot be hurt by it: {@code expires_in} is relative, so the SDK
 * computes expiry on its own clock and the offset cancels out; over two hours of fake time the SDK
 * refreshes exactly when tokens expire and never presents a dead one. An HTTP-date {@code
 * Retry-After} is absolute, so a clock behind Microsoft's makes the wait look longer than the retry
 * budget (a typed {@link ThrottledException}), and a clock ahead makes it look past (retried at
 * once).
 */
class ClockSkewTest extends OneConnectedUser {

  private TeamsMeetings skewed(long minutes) {
    return sdk(b -> b.clock(Clock.offset(fake.clock(), Duration.ofMinutes(minutes))));
  }

  @ParameterizedTest(name = "SDK clock {0} minutes off")
  @ValueSource(longs = {-10, -3, 3, 10})
  void tokensAreRefreshedWhenTheyExpireWhateverTheOffset(long minutes) {
    try (TeamsMeetings instance = skewed(minutes)) {
      instance.meetings().create(USER, REQUEST); // its first call refreshes
      int refreshes = fake.refreshCount();

      for (int step = 0; step < 6; step++) { // 2 hours of fake time in 20-minute steps
        fake.advanceClock(Duration.ofMinutes(20));
        instance.meetings().create(USER, REQUEST);
      }

      assertThat(fake.journal().graphCalls("POST"))
          .as("no expired token was ever presented")
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
      assertThat(fake.refreshCount() - refreshes)
          .as("one refresh per hour-long token")
          .isEqualTo(2);
      assertThat(meetings()).isEqualTo(8);
    }
  }

  @ParameterizedTest(name = "SDK clock {0} minutes off")
  @ValueSource(longs = {-10})
  void aRetryAfterDateSeenByAClockBehindLooksTooFarAndIsAThrottledException(long minutes) {
    try (TeamsMeetings instance = skewed(minutes)) {
      instance.meetings().create(USER, REQUEST);
      StoredGrant before = stored();
      fake.graph().throttleNext(1, RetryAfter.httpDate(Duration.ofSeconds(1)));

      ThrottledException e =
          catchThrowableOfType(
              () -> instance.meetings().create(USER, REQUEST), ThrottledException.class);
      Secrets.thrown(e);

      assertThat(e.retryAfter())
          .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(9)));
      assertThat(meetings()).isEqualTo(2);
      assertUnchanged(before);
    }
  }

  @ParameterizedTest(name = "SDK clock {0} minutes off")
  @ValueSource(longs = {10})
  void aRetryAfterDateSeenByAClockAheadIsAlreadyPastAndRetriedAtOnce(long minutes) {
    try (TeamsMeetings instance = skewed(minutes)) {
      instance.meetings().create(USER, REQUEST);
      StoredGrant before = stored();
      fake.graph().throttleNext(1, RetryAfter.httpDate(Duration.ofSeconds(30)));

      instance.meetings().create(USER, REQUEST);

      assertThat(meetings()).isEqualTo(3);
      assertUnchanged(before);
    }
  }
}
