package io.teamsmeet.tokenstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.store.TokenStoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the store does when the database fails: SQLState kept, nothing stored in any message or
 * cause, connections restored and closed; and what it rejects before reaching the database.
 */
class FailuresTest {

  /** A user id and bytes no message may show. */
  private static final String USER = "user-SECRET-ID";

  private static final byte[] BYTES = HexFormat.of().parseHex("c1c2c3c4c5c6c7c8c9cacbcccdcecfd0");

  private final List<JdbcConnectionPool> pools = new ArrayList<>();

  @AfterEach
  void disposePools() {
    pools.forEach(JdbcConnectionPool::dispose);
  }

  private JdbcConnectionPool h2() {
    return h2(H2Databases.newUrl());
  }

  private JdbcConnectionPool h2(String url) {
    JdbcConnectionPool pool = H2Databases.pool(url);
    pools.add(pool);
    return pool;
  }

  private static StoredGrant grant(String user, long version, byte[] bytes) {
    return new StoredGrant(user, version, bytes, Instant.parse("2026-11-25T09:00:00.123Z"));
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Everything the exception could print: message, every cause's message and stack trace. */
  private static String everythingPrinted(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static void assertShowsNothingStored(TokenStoreException e) {
    String printed = everythingPrinted(e);
    String hex = HexFormat.of().formatHex(BYTES);
    assertThat(printed)
        .doesNotContainIgnoringCase(hex)
        .doesNotContainIgnoringCase(hex.substring(0, 8))
        .doesNotContain(USER)
        .doesNotContain("SECRET");
    assertThat(e.getCause()).isInstanceOf(RedactedSQLException.class);
  }

  @Test
  void aMissingTableOnH2IsAStoreFailureWithSqlState42S0xForEveryOperation() throws SQLException {
    JdbcConnectionPool pool = h2();
    TokenStore store = JdbcTokenStore.builder(pool).createTableIfMissing(true).build();
    store.save(grant(USER, 1, BYTES), TokenStore.ABSENT);
    execute(pool, "drop table teams_tokens");

    TokenStoreException load =
        catchThrowableOfType(TokenStoreException.class, () -> store.load(USER));
    TokenStoreException save =
        catchThrowableOfType(TokenStoreException.class, () -> store.save(grant(USER, 2, BYTES), 1));
    TokenStoreException insert =
        catchThrowableOfType(
            TokenStoreException.class, () -> store.save(grant(USER, 2, BYTES), TokenStore.ABSENT));
    TokenStoreException delete =
        catchThrowableOfType(TokenStoreException.class, () -> store.delete(USER, 1));

    assertThat(load)
        .hasMessageMatching(
            "token store load failed on table teams_tokens: SQLState 42S0[24], vendor code 4210[24] .*")
        .hasMessageContaining("create it from the schema script");
    assertThat(save)
        .hasMessageStartingWith("token store save failed on table teams_tokens: SQLState 42S0");
    assertThat(insert)
        .hasMessageStartingWith("token store save failed on table teams_tokens: SQLState 42S0");
    assertThat(delete)
        .hasMessageStartingWith("token store delete failed on table teams_tokens: SQLState 42S0");
    for (TokenStoreException e : List.of(load, save, insert, delete)) {
      // H2: 42S02 "table not found", or 42S04 when the database has no table at all
      assertThat(e.errorCode())
          .hasValueSatisfying(state -> assertThat(state).isIn("42S02", "42S04"));
      assertThat(e.getCause()).isInstanceOf(SQLException.class);
      assertThat(((SQLException) e.getCause()).getSQLState())
          .isEqualTo(e.errorCode().orElseThrow());
      assertShowsNothingStored(e);
    }
  }

  @Test
  void aMissingTableOnPostgresIsAStoreFailureWithSqlState42P01() throws SQLException {
    String table = PostgresServer.newTableName();
    try (HikariDataSource pool = PostgresServer.pool(2)) {
      TokenStore store =
          JdbcTokenStore.builder(pool).tableName(table).createTableIfMissing(true).build();
      store.save(grant(USER, 1, BYTES), TokenStore.ABSENT);
      execute(pool, "drop table " + table);

      TokenStoreException e =
          catchThrowableOfType(
              TokenStoreException.class, () -> store.save(grant(USER, 2, BYTES), 1));

      assertThat(e.errorCode()).contains("42P01");
      assertThat(e)
          .hasMessageStartingWith("token store save failed on table " + table + ": SQLState 42P01");
      assertShowsNothingStored(e);
    }
  }

  @Test
  void postgresMessagesQuotingTheFailingRowNeverReachTheException() throws SQLException {
    // A constraint the shipped schema does not have: PostgreSQL reports it with
    // "Failing row contains (user-SECRET-ID, 7, \xc1c2...)". It is a failure, not a conflict.
    String table = PostgresServer.newTableName();
    try (HikariDataSource pool = PostgresServer.pool(2)) {
      execute(
          pool,
          "create table "
              + table
              + " (user_id varchar(255) primary key, version bigint not null,"
              + " ciphertext bytea not null check (length(ciphertext) > 100), updated_at_ms bigint not null)");
      TokenStore store = JdbcTokenStore.builder(pool).tableName(table).build();

      TokenStoreException e =
          catchThrowableOfType(
              TokenStoreException.class,
              () -> store.save(grant(USER, 7, BYTES), TokenStore.ABSENT));

      assertThat(e.errorCode()).contains("23514");
      assertThat(e).hasMessageContaining("an integrity constraint other than the primary key");
      assertShowsNothingStored(e);
    }
  }

  @Test
  void h2MessagesQuotingTheValueNeverReachTheException() throws SQLException {
    // H2 quotes the rejected value in hex: "Value too long for column ...: X'c1c2...' (16)".
    JdbcConnectionPool pool = h2();
    execute(
        pool,
        "create table small (user_id varchar(255) primary key, version bigint not null,"
            + " ciphertext varbinary(8) not null, updated_at_ms bigint not null)");
    TokenStore store = JdbcTokenStore.builder(pool).tableName("small").build();

    TokenStoreException e =
        catchThrowableOfType(
            TokenStoreException.class, () -> store.save(grant(USER, 1, BYTES), TokenStore.ABSENT));

    assertThat(e.errorCode()).contains("22001");
    assertThat(e).hasMessageContaining("a value does not fit its column");
    assertShowsNothingStored(e);
  }

  @Test
  void anUnreachablePostgresIsAStoreFailureWithSqlState08() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setServerNames(new String[] {"127.0.0.1"});
    nowhere.setPortNumbers(new int[] {closedPort});
    nowhere.setDatabaseName("postgres");
    nowhere.setUser("postgres");
    nowhere.setPassword("SECRET-password");
    nowhere.setConnectTimeout(5);

    TokenStoreException e =
        catchThrowableOfType(
            TokenStoreException.class, () -> JdbcTokenStore.create(nowhere).load(USER));

    assertThat(e.errorCode()).hasValueSatisfying(state -> assertThat(state).startsWith("08"));
    assertThat(e).hasMessageContaining("the database could not be reached");
    assertShowsNothingStored(e);
    assertThat(everythingPrinted(e)).contains("java.net.ConnectException; its message is withheld");
  }

  @Test
  void aFailureOfThePoolItselfIsAStoreFailureToo() {
    JdbcConnectionPool pool = h2();
    TokenStore store = JdbcTokenStore.builder(pool).createTableIfMissing(true).build();
    pool.dispose(); // H2's pool now throws IllegalStateException

    TokenStoreException e = catchThrowableOfType(TokenStoreException.class, () -> store.load(USER));

    assertThat(e.errorCode()).isEmpty();
    assertThat(e)
        .hasMessage(
            "token store load failed on table teams_tokens: java.lang.IllegalStateException from the driver or pool");
    assertShowsNothingStored(e);
  }

  @Test
  void aRowTheStoreCouldNotHaveWrittenIsAStoreFailure() throws SQLException {
    JdbcConnectionPool pool = h2();
    TokenStore store = JdbcTokenStore.builder(pool).createTableIfMissing(true).build();
    execute(pool, "insert into teams_tokens values ('user-a', 0, X'01', 0)");

    assertThatThrownBy(() -> store.load("user-a"))
        .isInstanceOf(TokenStoreException.class)
        .hasMessage(
            "token store load found an invalid row in table teams_tokens (version 0, or no ciphertext);"
                + " it was not written by this store");
  }

  @Test
  void connectionsInManualCommitModeAreUsedInAutoCommitAndGivenBackAsTheyCame() {
    String url = H2Databases.newUrl();
    InstrumentedDataSource database = new InstrumentedDataSource(h2(url));
    database.manualCommit = true;
    TokenStore store = JdbcTokenStore.builder(database).createTableIfMissing(true).build();

    assertThat(store.save(grant("user-a", 1, BYTES), TokenStore.ABSENT)).isTrue();
    assertThat(store.save(grant("user-a", 2, BYTES), TokenStore.ABSENT)).isFalse();
    assertThat(store.save(grant("user-a", 2, BYTES), 1)).isTrue();
    assertThat(store.save(grant("user-b", 1, BYTES), TokenStore.ABSENT)).isTrue();
    assertThat(store.delete("user-b", 1)).isTrue();

    assertThat(JdbcTokenStore.create(h2(url)).load("user-a"))
        .as("committed: another pool sees it")
        .contains(grant("user-a", 2, BYTES));
    assertThat(database.autoCommitNotRestored).hasValue(0);
    assertThat(database.openConnections).hasValue(0);
    assertThat(database.openStatements).hasValue(0);
  }

  @Test
  void aDuplicateInsertOnPostgresLeavesNoAbortedTransactionBehind() {
    // One connection, handed out in manual-commit mode: if the failed insert had run inside a
    // transaction, PostgreSQL would refuse every later statement on it ("current transaction is
    // aborted").
    String table = PostgresServer.newTableName();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(PostgresServer.get().getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(1);
    config.setAutoCommit(false);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      TokenStore store =
          JdbcTokenStore.builder(pool).tableName(table).createTableIfMissing(true).build();
      assertThat(store.save(grant("user-a", 1, BYTES), TokenStore.ABSENT)).isTrue();

      assertThat(store.save(grant("user-a", 2, BYTES), TokenStore.ABSENT)).isFalse();

      assertThat(store.load("user-a")).contains(grant("user-a", 1, BYTES));
      assertThat(store.save(grant("user-a", 2, BYTES), 1)).isTrue();
      try (HikariDataSource other = PostgresServer.pool(1)) {
        assertThat(JdbcTokenStore.builder(other).tableName(table).build().load("user-a"))
            .as("committed")
            .contains(grant("user-a", 2, BYTES));
      }
    }
  }

  @Test
  void everyConnectionAndStatementIsClosedAfterSuccessesConflictsAndFailures() throws SQLException {
    JdbcConnectionPool pool = h2();
    InstrumentedDataSource database = new InstrumentedDataSource(pool);
    TokenStore store = JdbcTokenStore.builder(database).createTableIfMissing(true).build();
    store.save(grant("user-a", 1, BYTES), TokenStore.ABSENT);
    store.save(grant("user-a", 2, BYTES), TokenStore.ABSENT); // duplicate key
    store.save(grant("user-a", 3, BYTES), 7); // stale version
    store.load("user-a");
    store.delete("user-a", 9);
    database.failUpdates = true;
    assertThatThrownBy(() -> store.save(grant("user-a", 2, BYTES), 1))
        .isInstanceOf(TokenStoreException.class);
    database.failUpdates = false;
    execute(pool, "drop table teams_tokens");
    assertThatThrownBy(() -> store.load("user-a")).isInstanceOf(TokenStoreException.class);

    assertThat(database.openConnections).hasValue(0);
    assertThat(database.openStatements).hasValue(0);
  }

  @Test
  void duplicateKeysAreToldApartBySqlStateAlone() {
    assertThat(SqlFailures.isDuplicateKey(new SQLException("x", "23505")))
        .as("PostgreSQL, H2")
        .isTrue();
    assertThat(SqlFailures.isDuplicateKey(new SQLException("x", "23000", 1062)))
        .as("MySQL")
        .isTrue();
    assertThat(SqlFailures.isDuplicateKey(new SQLException("x", "23000", 2627)))
        .as("SQL Server")
        .isTrue();
    assertThat(SqlFailures.isDuplicateKey(new SQLIntegrityConstraintViolationException("x")))
        .isTrue();

    assertThat(SqlFailures.isDuplicateKey(new SQLException("duplicate key", "23502")))
        .as("not null")
        .isFalse();
    assertThat(SqlFailures.isDuplicateKey(new SQLException("x", "23503")))
        .as("foreign key")
        .isFalse();
    assertThat(SqlFailures.isDuplicateKey(new SQLException("x", "23514"))).as("check").isFalse();
    assertThat(SqlFailures.isDuplicateKey(new SQLException("duplicate key", "42P01"))).isFalse();
    assertThat(SqlFailures.isDuplicateKey(new SQLException("duplicate key"))).isFalse();
  }

  @Test
  void badArgumentsAreRejectedBeforeTheDatabase() {
    TokenStore store = JdbcTokenStore.create(h2()); // no table: these never get that far

    assertThatThrownBy(() -> store.load(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.load(" ")).hasMessage("userId must not be null or blank");
    assertThatThrownBy(() -> store.load("x".repeat(256)))
        .hasMessage("userId must be at most 255 characters, was 256");
    assertThatThrownBy(() -> store.delete("", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.save(null, 1)).hasMessage("grant must not be null");
    assertThatThrownBy(() -> store.save(grant("u", 5, BYTES), 5))
        .hasMessage("grant.version must differ from expectedVersion (5)");
    assertThatThrownBy(() -> store.save(grant("x".repeat(256), 1, BYTES), TokenStore.ABSENT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> store.save(new StoredGrant("u", 1, BYTES, Instant.MAX), TokenStore.ABSENT))
        .hasMessageStartingWith("grant.updatedAt must be within the range of epoch milliseconds");
  }

  @Test
  void timesAreKeptToTheMillisecond() {
    TokenStore store = JdbcTokenStore.builder(h2()).createTableIfMissing(true).build();
    Instant micros = Instant.parse("2026-11-25T09:00:00.123456789Z");
    store.save(new StoredGrant("u", 1, BYTES, micros), TokenStore.ABSENT);

    assertThat(store.load("u").orElseThrow().updatedAt()).isEqualTo("2026-11-25T09:00:00.123Z");
    Instant old = Instant.parse("1969-07-20T20:17:40.001Z");
    store.save(new StoredGrant("u", 2, BYTES, old), 1);
    assertThat(store.load("u").orElseThrow().updatedAt()).isEqualTo(old);
  }
}
