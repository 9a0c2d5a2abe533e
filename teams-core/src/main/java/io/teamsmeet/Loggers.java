package io.teamsmeet;

/**
 * The names of the core's {@link System.Logger}s: one per topic, so that an application configures
 * them by what they are about. {@code docs/logging.md} lists every logger of the SDK with what each
 * level says; {@code LoggerNamesDocumentedTest} (teams-integration-tests) fails when a logger of
 * the main code is missing there.
 */
final class Loggers {

  /** Warnings about the builder's settings ({@link Adapters}). */
  static final String CONFIG = "io.teamsmeet.config";

  /** Connections completed ({@link ConnectFlow}). */
  static final String CONNECT = "io.teamsmeet.connect";

  /**
   * Access tokens: refreshes, refresh-ahead, grants removed, the grant check ({@link AccessTokens},
   * {@link SingleFlight}).
   */
  static final String TOKENS = "io.teamsmeet.tokens";

  /** Calls to Graph: the one refresh after a 401 ({@link MeetingService}). */
  static final String MEETINGS = "io.teamsmeet.meetings";

  /** Retries of calls to Microsoft ({@link Retrier}). */
  static final String RETRY = "io.teamsmeet.retry";

  /** Listeners that threw ({@link Listeners}). */
  static final String LISTENER = "io.teamsmeet.listener";

  private Loggers() {}
}
