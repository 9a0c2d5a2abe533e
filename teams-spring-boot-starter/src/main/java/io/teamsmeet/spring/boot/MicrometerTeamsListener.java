package io.teamsmeet.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.teamsmeet.AuthorizationDeniedException;
import io.teamsmeet.TeamsListener;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Bridges {@link TeamsListener} to Micrometer: counters and timers named {@code teams.*} with
 * low-cardinality tags (never a user id). The README's "Spring Boot" section lists every meter.
 * Thread-safe.
 */
public final class MicrometerTeamsListener implements TeamsListener {

  private final Supplier<MeterRegistry> registry;

  /**
   * A bridge to one registry.
   *
   * @param registry where the meters go
   */
  public MicrometerTeamsListener(MeterRegistry registry) {
    this(() -> registry);
  }

  MicrometerTeamsListener(Supplier<MeterRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public void connectCompleted(String userId) {
    count("teams.connect", "outcome", "completed");
  }

  @Override
  public void connectDenied(String userId, AuthorizationDeniedException denial) {
    count(
        "teams.connect",
        "outcome",
        denial.isUserDeclined()
            ? "declined"
            : denial.isAdminConsentRequired() ? "admin_consent_required" : "denied");
  }

  @Override
  public void tokenRefreshed(
      String userId, RefreshTrigger trigger, RefreshOutcome outcome, Duration duration) {
    MeterRegistry meters = registry.get();
    if (meters != null) {
      Timer.builder("teams.token.refresh")
          .description("Access-token refreshes at the identity platform, store write included")
          .tag("trigger", tag(trigger.name()))
          .tag("outcome", tag(outcome.name()))
          .register(meters)
          .record(duration);
    }
  }

  @Override
  public void applicationTokenRequested(
      String tenant, RefreshTrigger trigger, ApplicationTokenOutcome outcome, Duration duration) {
    MeterRegistry meters = registry.get();
    if (meters != null) {
      Timer.builder("teams.app.token")
          .description("Application-token requests (client credentials) at the identity platform")
          .tag("trigger", tag(trigger.name()))
          .tag("outcome", tag(outcome.name()))
          .register(meters)
          .record(duration);
    }
  }

  @Override
  public void refreshAheadQueued(String userId) {
    count("teams.token.refresh.ahead", "result", "queued");
  }

  @Override
  public void refreshAheadSkipped(String userId) {
    count("teams.token.refresh.ahead", "result", "skipped");
  }

  @Override
  public void retrying(
      String operation, int attempt, RetryReason reason, int status, Duration wait) {
    MeterRegistry meters = registry.get();
    if (meters != null) {
      Timer.builder("teams.retries")
          .description("Calls to Microsoft sent again, with the wait before each")
          .tag("operation", tag(operation))
          .tag("reason", tag(reason.name()))
          .register(meters)
          .record(wait);
    }
  }

  @Override
  public void throttled(String operation, Optional<Duration> retryAfter) {
    count("teams.throttled", "operation", tag(operation));
  }

  @Override
  public void grantDeleted(String userId, DeletionReason reason) {
    count("teams.grants.deleted", "reason", tag(reason.name()));
  }

  @Override
  public void storeConflict(String userId, String change) {
    count("teams.store.conflicts", "change", tag(change));
  }

  private void count(String name, String key, String value) {
    MeterRegistry meters = registry.get();
    if (meters != null) {
      meters.counter(name, key, value).increment();
    }
  }

  /** "token refresh" and "REJECTED_TOKEN" become "token_refresh" and "rejected_token". */
  private static String tag(String value) {
    return value.toLowerCase(Locale.ROOT).replace(' ', '_');
  }
}
