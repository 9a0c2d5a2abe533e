package io.teamsmeet.tokenstore.jdbc;

import static io.teamsmeet.store.TokenStore.ABSENT;

import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The store's table and the four statements it runs on it, the same SQL on every database: each
 * binds its parameters on a borrowed connection and checks what it read or changed.
 */
final class GrantTable {

  private final String name;
  private final String selectSql;
  private final String insertSql;
  private final String updateSql;
  private final String deleteSql;

  /** The statements on {@code name}, a table name already checked as a plain identifier. */
  GrantTable(String name) {
    this.name = name;
    this.selectSql =
        "select user_id, version, ciphertext, updated_at_ms from " + name + " where user_id = ?";
    this.insertSql =
        "insert into "
            + name
            + " (user_id, version, ciphertext, updated_at_ms) values (?, ?, ?, ?)";
    this.updateSql =
        "update "
            + name
            + " set version = ?, ciphertext = ?, updated_at_ms = ? where user_id = ? and version = ?";
    this.deleteSql = "delete from " + name + " where user_id = ? and version = ?";
  }

  String name() {
    return name;
  }

  /** The row of exactly {@code userId}, if any. */
  Optional<StoredGrant> select(Connection connection, String userId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(selectSql)) {
      select.setString(1, userId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          // Exact comparison in Java too: SQL Server's "=" ignores trailing spaces.
          if (userId.equals(rows.getString(1))) {
            return Optional.of(grant(userId, rows));
          }
        }
        return Optional.empty();
      }
    }
  }

  private StoredGrant grant(String userId, ResultSet row) throws SQLException {
    long version = row.getLong(2);
    byte[] ciphertext = row.getBytes(3);
    long updatedAt = row.getLong(4);
    if (version == ABSENT || ciphertext == null || ciphertext.length == 0) {
      throw TokenStoreException.of(
          "token store load found an invalid row in table "
              + name
              + " (version 0, or no ciphertext); it was not written by this store",
          null,
          null);
    }
    return new StoredGrant(userId, version, ciphertext, Instant.ofEpochMilli(updatedAt));
  }

  /** Inserts the first row of a user; false if one exists already (a duplicate key). */
  boolean insert(Connection connection, StoredGrant grant, long updatedAt) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
      insert.setString(1, grant.userId());
      insert.setLong(2, grant.version());
      insert.setBytes(3, grant.ciphertext());
      insert.setLong(4, updatedAt);
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      // Auto-commit: the failed insert was its own transaction, nothing is left aborted.
      if (SqlFailures.isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Replaces the row of the grant's user if its version is {@code expectedVersion}. */
  boolean update(Connection connection, StoredGrant grant, long expectedVersion, long updatedAt)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(updateSql)) {
      update.setLong(1, grant.version());
      update.setBytes(2, grant.ciphertext());
      update.setLong(3, updatedAt);
      update.setString(4, grant.userId());
      update.setLong(5, expectedVersion);
      return oneRowAtMost(Operation.SAVE, update.executeUpdate());
    }
  }

  /** Deletes the row of {@code userId} if its version is {@code expectedVersion}. */
  boolean delete(Connection connection, String userId, long expectedVersion) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(deleteSql)) {
      delete.setString(1, userId);
      delete.setLong(2, expectedVersion);
      return oneRowAtMost(Operation.DELETE, delete.executeUpdate());
    }
  }

  private boolean oneRowAtMost(Operation operation, int rows) {
    if (rows > 1) {
      throw TokenStoreException.of(
          "token store "
              + operation
              + " changed "
              + rows
              + " rows of table "
              + name
              + " for one user: the table lacks its primary key on user_id",
          null,
          null);
    }
    return rows == 1;
  }
}
