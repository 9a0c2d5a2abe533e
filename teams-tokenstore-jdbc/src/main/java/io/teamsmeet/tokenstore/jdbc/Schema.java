package io.teamsmeet.tokenstore.jdbc;

import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** The schema scripts: reading them, naming the table, creating a missing table. */
final class Schema {

  private static final Pattern DEFAULT_NAME =
      Pattern.compile("\\b" + JdbcTokenStore.DEFAULT_TABLE_NAME + "\\b");

  private Schema() {}

  /**
   * The statements of {@code dialect}'s script for {@code table}: comment lines ({@code --}) and
   * blank lines dropped, statements split at a {@code ;} that ends a line, the default table name
   * replaced by {@code table} (already validated as a plain identifier).
   */
  static List<String> statements(Dialect dialect, String table) {
    String script = read(dialect.schemaResource());
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (current.length() > 0) {
        current.append('\n');
      }
      current.append(line.stripTrailing());
      if (trimmed.endsWith(";")) {
        current.setLength(current.length() - 1);
        statements.add(
            DEFAULT_NAME
                .matcher(current.toString().strip())
                .replaceAll(Matcher.quoteReplacement(table)));
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      throw new IllegalStateException(dialect.schemaResource() + " ends without ';'");
    }
    return statements;
  }

  private static String read(String resource) {
    try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }

  /**
   * Creates {@code table} unless it exists with the store's columns. When another instance creates
   * it at the same moment, the losing {@code CREATE TABLE} fails and a second probe finds the
   * table.
   */
  static void createIfMissing(DataSource dataSource, String table, Dialect dialect) {
    String unknownProduct =
        Connections.run(
            dataSource,
            Operation.CREATE_TABLE,
            table,
            connection -> {
              if (exists(connection, table)) {
                return null;
              }
              DatabaseMetaData metaData = dialect != null ? null : connection.getMetaData();
              Dialect resolved = dialect != null ? dialect : detect(metaData);
              if (resolved == null) {
                return String.valueOf(metaData.getDatabaseProductName());
              }
              try (Statement statement = connection.createStatement()) {
                for (String sql : statements(resolved, table)) {
                  statement.execute(sql);
                }
              } catch (SQLException e) {
                if (exists(connection, table)) {
                  return null; // created by another instance meanwhile
                }
                throw e;
              }
              return null;
            });
    if (unknownProduct != null) {
      throw new IllegalStateException(
          "no schema script for database '"
              + unknownProduct
              + "': create the table yourself (see JdbcTokenStore.Dialect) or set the dialect of a"
              + " compatible database");
    }
  }

  /** Whether the table exists with the columns the store reads and writes. */
  private static boolean exists(Connection connection, String table) {
    try (Statement probe = connection.createStatement()) {
      probe
          .executeQuery(
              "select user_id, version, ciphertext, updated_at_ms from " + table + " where 1 = 0")
          .close();
      return true;
    } catch (SQLException e) {
      // Auto-commit: the failed probe aborted nothing.
      return false;
    }
  }

  /**
   * The dialect of the database behind {@code metaData}, from its product name (and version, where
   * MySQL's driver reports a MariaDB server); null for a database without a schema script here.
   */
  static Dialect detect(DatabaseMetaData metaData) throws SQLException {
    String product = String.valueOf(metaData.getDatabaseProductName());
    String version = String.valueOf(metaData.getDatabaseProductVersion());
    String name = product.toLowerCase(Locale.ROOT);
    if (name.equals("h2")) {
      return Dialect.H2;
    }
    if (name.equals("postgresql")) {
      return Dialect.POSTGRESQL;
    }
    if (name.contains("mariadb") || version.toLowerCase(Locale.ROOT).contains("mariadb")) {
      return Dialect.MARIADB;
    }
    if (name.equals("mysql")) {
      return Dialect.MYSQL;
    }
    if (name.startsWith("microsoft sql server")) {
      return Dialect.SQL_SERVER;
    }
    return null;
  }
}
