package io.teamsmeet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.teamsmeet.spi.AuthPort;
import io.teamsmeet.spi.EventPort;
import io.teamsmeet.spi.MeetingPort;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What application mode shares across one {@link TeamsMeetings}: the per-tenant token cache, the
 * ports, the retry policy and the call deadline. Thread-safe.
 */
final class AppMode {

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,253}");

  final AppTokens tokens;
  final AuthPort auth;
  final MeetingPort meetings;
  final EventPort events;
  final Retrier retrier;
  final Duration callTimeout;
  final Clock clock;
  final String clientId;
  final String scope;

  /**
   * The users' calendars' {@code allowedOnlineMeetingProviders} for {@link TenantEvents}, by tenant
   * and user, kept as long as {@link EventService} keeps a delegated user's.
   */
  final Cache<String, List<String>> calendarProviders;

  AppMode(
      AppTokens tokens,
      AuthPort auth,
      MeetingPort meetings,
      EventPort events,
      Retrier retrier,
      Duration callTimeout,
      Clock clock,
      String clientId,
      String scope) {
    this.tokens = tokens;
    this.auth = auth;
    this.meetings = meetings;
    this.events = events;
    this.retrier = retrier;
    this.callTimeout = callTimeout;
    this.clock = clock;
    this.clientId = clientId;
    this.scope = scope;
    this.calendarProviders =
        Caffeine.newBuilder()
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .expireAfterWrite(EventService.PROVIDERS_CACHED)
            .maximumSize(10_000)
            .build();
  }

  /**
   * The {@code .default} scope of the cloud's Graph, e.g. {@code
   * https://graph.microsoft.com/.default}.
   */
  static String scopeOf(MicrosoftCloud cloud) {
    return cloud.graphEndpoint() + "/.default";
  }

  /**
   * A tenant for application mode: a tenant id or verified domain.
   *
   * @throws IllegalArgumentException if it is null or not a tenant name at all
   * @throws ConfigurationException for {@code common}, {@code organizations} or {@code consumers}
   */
  static String requireRealTenant(String tenant) {
    if (tenant == null || !TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException(
          "tenant must be a tenant id (GUID) or a verified domain such as contoso.onmicrosoft.com");
    }
    String t = tenant.toLowerCase(Locale.ROOT);
    if (t.equals("common") || t.equals("organizations") || t.equals("consumers")) {
      throw ConfigurationException.of(
          "application mode needs a real tenant, a tenant id or a verified domain, not \""
              + t
              + "\": an application token is always issued by one tenant (the one whose"
              + " administrator consented); take the tenant id from AdminConsent.tenantId()",
          ErrorDetails.none());
    }
    return tenant;
  }

  void close() {
    tokens.close();
  }
}
