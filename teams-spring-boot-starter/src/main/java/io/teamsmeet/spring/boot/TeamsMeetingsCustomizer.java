package io.teamsmeet.spring.boot;

import io.teamsmeet.TeamsMeetings;

/**
 * Changes the builder of the auto-configured {@link TeamsMeetings} after the properties were
 * applied and before it is built: for settings that have no property (a retry policy, a clock, a
 * transport with your own HTTP client). Every bean of this type is applied, in order.
 * Implementations must be thread-safe (called once, at start).
 */
@FunctionalInterface
public interface TeamsMeetingsCustomizer {

  /**
   * Adjusts the builder.
   *
   * @param builder the builder, with the {@code teams.*} properties applied
   */
  void customize(TeamsMeetings.Builder builder);
}
