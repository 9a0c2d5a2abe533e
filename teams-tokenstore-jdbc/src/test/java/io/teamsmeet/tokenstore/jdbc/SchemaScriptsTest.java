package io.teamsmeet.tokenstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shipped scripts: one per database, plain SQL that Flyway and Liquibase take as it is. (H2's
 * and PostgreSQL's also run in every contract test, through createTableIfMissing.)
 */
class SchemaScriptsTest {

  private static String script(Dialect dialect) throws IOException {
    try (InputStream in =
        SchemaScriptsTest.class.getClassLoader().getResourceAsStream(dialect.schemaResource())) {
      assertThat(in).as(dialect.schemaResource()).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void eachDatabaseHasItsResource() {
    assertThat(Dialect.H2.schemaResource()).isEqualTo("io/teamsmeet/tokenstore/jdbc/schema-h2.sql");
    assertThat(Dialect.POSTGRESQL.schemaResource())
        .isEqualTo("io/teamsmeet/tokenstore/jdbc/schema-postgresql.sql");
    assertThat(Dialect.MYSQL.schemaResource()).endsWith("/schema-mysql.sql");
    assertThat(Dialect.MARIADB.schemaResource()).endsWith("/schema-mariadb.sql");
    assertThat(Dialect.SQL_SERVER.schemaResource()).endsWith("/schema-sqlserver.sql");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void eachScriptIsOnePlainCreateTableWithTheFourColumns(Dialect dialect) throws IOException {
    String text = script(dialect);
    String upper = text.toUpperCase(Locale.ROOT);
    assertThat(upper)
        .doesNotContain("DELIMITER")
        .doesNotContain("\nGO")
        .doesNotContain("IF NOT EXISTS");
    assertThat(text.strip()).endsWith(";");

    List<String> statements = Schema.statements(dialect, JdbcTokenStore.DEFAULT_TABLE_NAME);

    assertThat(statements).hasSize(1);
    String create = statements.get(0);
    assertThat(create)
        .startsWith("CREATE TABLE teams_tokens (")
        .doesNotContain(";")
        .doesNotContain("--");
    assertThat(create)
        .containsPattern("(?m)^\\s+user_id\\s+N?VARCHAR\\(255\\) .*NOT NULL PRIMARY KEY,$");
    assertThat(create).containsPattern("(?m)^\\s+version\\s+BIGINT NOT NULL,$");
    assertThat(create).containsPattern("(?m)^\\s+ciphertext\\s+\\w+(\\(MAX\\))? NOT NULL,$");
    assertThat(create).containsPattern("(?m)^\\s+updated_at_ms\\s+BIGINT NOT NULL$");
  }

  @Test
  void theBytesColumnHasEachDatabasesType() {
    assertThat(Schema.statements(Dialect.H2, "t").get(0))
        .contains("ciphertext    VARBINARY NOT NULL");
    assertThat(Schema.statements(Dialect.POSTGRESQL, "t").get(0))
        .contains("ciphertext    BYTEA NOT NULL");
    assertThat(Schema.statements(Dialect.MYSQL, "t").get(0))
        .contains("ciphertext    LONGBLOB NOT NULL");
    assertThat(Schema.statements(Dialect.MARIADB, "t").get(0))
        .contains("ciphertext    LONGBLOB NOT NULL");
    assertThat(Schema.statements(Dialect.SQL_SERVER, "t").get(0))
        .contains("ciphertext    VARBINARY(MAX) NOT NULL");
  }

  @Test
  void userIdsCompareExactlyOnEveryDatabase() {
    assertThat(Schema.statements(Dialect.POSTGRESQL, "t").get(0)).contains("COLLATE \"C\"");
    assertThat(Schema.statements(Dialect.MYSQL, "t").get(0))
        .contains("CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin");
    assertThat(Schema.statements(Dialect.MARIADB, "t").get(0))
        .contains("CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
    assertThat(Schema.statements(Dialect.SQL_SERVER, "t").get(0))
        .contains("NVARCHAR(255) COLLATE Latin1_General_100_BIN2");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void theTableNameIsReplacedAsAWholeWord(Dialect dialect) {
    String create = Schema.statements(dialect, "app.my_tokens").get(0);
    assertThat(create).startsWith("CREATE TABLE app.my_tokens (").doesNotContain("teams_tokens");
  }
}
