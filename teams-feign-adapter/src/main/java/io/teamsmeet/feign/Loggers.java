package io.teamsmeet.feign;

/**
 * The names of the adapter's {@link System.Logger}s. {@code docs/logging.md} lists every logger of
 * the SDK with what each level says; {@code LoggerNamesDocumentedTest} (teams-integration-tests)
 * fails when a logger of the main code is missing there.
 */
final class Loggers {

  /** Each HTTP exchange, at DEBUG ({@link LoggingClient}). */
  static final String HTTP = "io.teamsmeet.feign.http";

  /**
   * The identity platform's answers: id token checks, token responses ({@link
   * IdentityPlatformAuthPort}, {@link IdTokens}, {@link TokenResponseDecoder}).
   */
  static final String IDENTITY = "io.teamsmeet.feign.identity";

  private Loggers() {}
}
