package io.teamsmeet.spring.boot;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The health indicator "teams" on Spring Boot 3. Thread-safe. */
final class TeamsBoot3HealthIndicator implements HealthIndicator {

  private final TeamsHealthCheck check;

  TeamsBoot3HealthIndicator(TeamsHealthCheck check) {
    this.check = check;
  }

  @Override
  public Health health() {
    TeamsHealthCheck.Result result = check.check();
    return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
  }
}
