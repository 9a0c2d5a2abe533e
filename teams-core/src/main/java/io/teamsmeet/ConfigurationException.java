package io.teamsmeet;

/**
 * The app registration or the SDK's configuration is wrong: a bad or expired client secret, an
 * unknown client id, a redirect URI that is not registered, a scope that does not exist, an app
 * that is not multi-tenant. Retrying or reconnecting the user does not help; the message says what
 * to fix.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfigurationException extends TeamsException {

  private static final long serialVersionUID = 1L;

  private ConfigurationException(String message, ErrorDetails details) {
    super(message, details, null);
  }

  /**
   * Creates the exception.
   *
   * @param whatToFix the instruction for the developer, without any secret
   * @param details Microsoft's error facts
   * @return the exception
   */
  static ConfigurationException of(String whatToFix, ErrorDetails details) {
    return new ConfigurationException(whatToFix, details);
  }
}
