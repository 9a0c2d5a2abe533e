package io.teamsmeet.tokenstore.jdbc;

import io.teamsmeet.store.StoredGrant;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The checks of what the store and its builder are given (user ids, grants and their times, table
 * names, the dialect), each failing with an {@link IllegalArgumentException} that says what is
 * wrong.
 */
final class Arguments {

  /** Longest user id the schemas hold, in UTF-16 code units (characters for plain text). */
  static final int MAX_USER_ID_LENGTH = 255;

  /** One identifier, optionally qualified by a schema; unquoted, so no SQL can hide in it. */
  private static final Pattern TABLE_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

  private Arguments() {}

  static void requireUserId(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be null or blank");
    }
    if (userId.length() > MAX_USER_ID_LENGTH) {
      throw new IllegalArgumentException(
          "userId must be at most " + MAX_USER_ID_LENGTH + " characters, was " + userId.length());
    }
  }

  /** A grant that {@code save} can write over {@code expectedVersion}. */
  static void requireGrant(StoredGrant grant, long expectedVersion) {
    if (grant == null) {
      throw new IllegalArgumentException("grant must not be null");
    }
    if (grant.version() == expectedVersion) {
      throw new IllegalArgumentException(
          "grant.version must differ from expectedVersion (" + expectedVersion + ")");
    }
    requireUserId(grant.userId());
  }

  static long epochMillis(Instant instant) {
    try {
      return instant.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "grant.updatedAt must be within the range of epoch milliseconds, was " + instant, e);
    }
  }

  static String requireTableName(String tableName) {
    if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
      throw new IllegalArgumentException(
          "tableName must be an unquoted SQL identifier, optionally qualified by a schema "
              + "(letters, digits and _, starting with a letter or _, at most 63 each, "
              + "for example teams_tokens or app.teams_tokens)");
    }
    return tableName;
  }

  static JdbcTokenStore.Dialect requireDialect(JdbcTokenStore.Dialect dialect) {
    if (dialect == null) {
      throw new IllegalArgumentException("dialect must not be null");
    }
    return dialect;
  }
}
