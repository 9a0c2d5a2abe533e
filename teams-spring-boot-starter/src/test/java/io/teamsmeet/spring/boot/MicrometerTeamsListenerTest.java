package io.teamsmeet.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teamsmeet.TeamsListener;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Application tokens as a timer, tagged by trigger and outcome, never by tenant. */
class MicrometerTeamsListenerTest {

  @Test
  void applicationTokenRequestsAreTimedWithoutTheTenant() {
    MeterRegistry meters = new SimpleMeterRegistry();
    MicrometerTeamsListener listener = new MicrometerTeamsListener(meters);

    listener.applicationTokenRequested(
        "contoso.com",
        TeamsListener.RefreshTrigger.CALL,
        TeamsListener.ApplicationTokenOutcome.SUCCESS,
        Duration.ofMillis(120));
    listener.applicationTokenRequested(
        "fabrikam.com",
        TeamsListener.RefreshTrigger.REJECTED_TOKEN,
        TeamsListener.ApplicationTokenOutcome.ADMIN_CONSENT_REQUIRED,
        Duration.ofMillis(80));

    assertThat(
            meters
                .get("teams.app.token")
                .tags("trigger", "call", "outcome", "success")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            meters
                .get("teams.app.token")
                .tags("trigger", "rejected_token", "outcome", "admin_consent_required")
                .timer()
                .count())
        .isEqualTo(1);
    for (Meter meter : meters.getMeters()) {
      assertThat(meter.getId().getTags().toString()).doesNotContain("contoso", "fabrikam");
    }
  }
}
