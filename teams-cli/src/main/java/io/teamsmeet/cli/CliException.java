package io.teamsmeet.cli;

/**
 * A failure of the program itself (not of the SDK) with the exit code it ends with. Its message is
 * shown to the user as it is, so it never holds a secret.
 */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String kind;

  private CliException(int exitCode, String kind, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.kind = kind;
  }

  static CliException configuration(String message) {
    return new CliException(Exit.CONFIGURATION, "configuration", message, null);
  }

  static CliException notFound(String message) {
    return new CliException(Exit.NOT_FOUND, "not_found", message, null);
  }

  static CliException signIn(String message) {
    return new CliException(Exit.SIGN_IN, "sign_in", message, null);
  }

  static CliException storage(String message, Throwable cause) {
    return new CliException(Exit.STORAGE, "storage", message, cause);
  }

  static CliException internal(String message, Throwable cause) {
    return new CliException(Exit.INTERNAL, "internal", message, cause);
  }

  int exitCode() {
    return exitCode;
  }

  /** A stable name for {@code --json} error objects. */
  String kind() {
    return kind;
  }
}
