package io.teamsmeet.testkit;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link FakeMicrosoft.Builder} collects, the checks its setters and the matching run-time
 * controls of {@link FakeMicrosoft} apply, and the defaults filled in when the fake starts (the
 * default app and account, the start time).
 */
final class Settings {

  final Map<String, State.App> apps = new LinkedHashMap<>();
  final Map<String, FakeAccount> accounts = new LinkedHashMap<>();
  boolean https;
  boolean consentPage;
  Instant startTime;
  Duration accessTokenLifetime = Duration.ofHours(1);
  Duration refreshTokenLifetime = Duration.ofDays(90);
  boolean revokeRefreshTokenOnUse;
  int journalLimit = 10_000;
  int maxMeetingsPerOrganizer = 10_000;
  int serverThreads = 32;

  /** The clock, at {@link #startTime} or else now (to the millisecond). */
  FakeClock clock() {
    return FakeClock.startingAt(
        startTime != null ? startTime : Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * The configuration {@link State} starts with and returns to: the apps and accounts given, or the
   * default app and account when none were.
   */
  State.Config config() {
    Map<String, State.App> withDefault = new LinkedHashMap<>(apps);
    if (withDefault.isEmpty()) {
      withDefault.put(
          FakeMicrosoft.DEFAULT_CLIENT_ID,
          new State.App(FakeMicrosoft.DEFAULT_CLIENT_ID, FakeMicrosoft.DEFAULT_REDIRECT_URI, null));
    }
    List<FakeAccount> accountsOrDefault = new ArrayList<>(accounts.values());
    if (accountsOrDefault.isEmpty()) {
      accountsOrDefault.add(FakeMicrosoft.DEFAULT_ACCOUNT);
    }
    return new State.Config(
        withDefault,
        accountsOrDefault,
        consentPage,
        accessTokenLifetime,
        refreshTokenLifetime,
        revokeRefreshTokenOnUse,
        maxMeetingsPerOrganizer);
  }

  /** An app registration; a public client when {@code clientSecret} is null. */
  static State.App newApp(String clientId, URI redirectUri, String clientSecret) {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be null or blank");
    }
    if (redirectUri == null || !redirectUri.isAbsolute() || redirectUri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "redirectUri must be an absolute URI without a fragment, was " + redirectUri);
    }
    return new State.App(clientId, redirectUri, clientSecret);
  }

  /** A confidential client's secret. */
  static String requireSecret(String clientSecret) {
    if (clientSecret == null || clientSecret.isEmpty()) {
      throw new IllegalArgumentException("clientSecret must not be null or empty");
    }
    return clientSecret;
  }

  static FakeAccount requireAccount(FakeAccount account) {
    if (account == null) {
      throw new IllegalArgumentException("account must not be null");
    }
    return account;
  }

  static Duration requireLifetime(Duration value, String name) {
    if (value == null || value.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(name + " must be at least one second, was " + value);
    }
    return value;
  }

  static int requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  static int requireServerThreads(int value) {
    if (value < 8) {
      throw new IllegalArgumentException("serverThreads must be at least 8, was " + value);
    }
    return value;
  }
}
