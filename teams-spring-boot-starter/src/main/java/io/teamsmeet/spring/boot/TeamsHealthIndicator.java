package io.teamsmeet.spring.boot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The health indicator "teams" on Spring Boot 4. Thread-safe. */
final class TeamsHealthIndicator implements HealthIndicator {

  private final TeamsHealthCheck check;

  TeamsHealthIndicator(TeamsHealthCheck check) {
    this.check = check;
  }

  @Override
  public Health health() {
    TeamsHealthCheck.Result result = check.check();
    return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
  }
}
