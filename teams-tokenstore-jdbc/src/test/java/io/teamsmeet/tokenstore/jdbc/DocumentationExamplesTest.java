package io.teamsmeet.tokenstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The examples of the Javadoc and README, compiled and run here so they stay true. */
class DocumentationExamplesTest {

  private final JdbcConnectionPool dataSource = H2Databases.pool(H2Databases.newUrl());

  @AfterEach
  void dispose() {
    dataSource.dispose();
  }

  @Test
  void productionWithATableFromTheMigrationTool() throws SQLException {
    runScript(dataSource, Dialect.H2); // what Flyway or Liquibase would have done

    // JdbcTokenStore, package-info
    TokenStore store = JdbcTokenStore.create(dataSource);

    assertThat(store.save(new StoredGrant("u", 1, new byte[] {1}, Instant.EPOCH), 0)).isTrue();
  }

  @Test
  void quickStart() {
    // JdbcTokenStore, JdbcTokenStore.Builder
    TokenStore quick =
        JdbcTokenStore.builder(dataSource)
            .tableName("app_teams_tokens")
            .createTableIfMissing(true)
            .build();

    assertThat(quick.load("u")).isEmpty();
  }

  @Test
  void everySetting() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("create schema teams");
    }
    // JdbcTokenStore.builder
    TokenStore store =
        JdbcTokenStore.builder(dataSource)
            .tableName("teams.tokens") // default teams_tokens
            .dialect(Dialect.H2) // default: detected, only needed to create the table
            .createTableIfMissing(true) // default false
            .build();

    assertThat(store.load("u")).isEmpty();
  }

  @Test
  void theSchemaResource() {
    // JdbcTokenStore.Dialect
    String script = JdbcTokenStore.Dialect.POSTGRESQL.schemaResource();

    assertThat(script).isEqualTo("io/teamsmeet/tokenstore/jdbc/schema-postgresql.sql");
    assertThat(getClass().getClassLoader().getResource(script)).isNotNull();
  }

  /** Runs a shipped script as a migration tool would, statement by statement. */
  private static void runScript(DataSource dataSource, Dialect dialect) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : Schema.statements(dialect, JdbcTokenStore.DEFAULT_TABLE_NAME)) {
        s.execute(sql);
      }
    }
  }
}
