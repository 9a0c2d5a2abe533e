package io.teamsmeet.tokenstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.store.TokenStoreException;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore.Dialect;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder: table-name validation, create-if-missing, dialect detection. */
class JdbcTokenStoreBuilderTest {

  private final List<JdbcConnectionPool> pools = new ArrayList<>();

  private JdbcConnectionPool h2() {
    JdbcConnectionPool pool = H2Databases.pool(H2Databases.newUrl());
    pools.add(pool);
    return pool;
  }

  @AfterEach
  void disposePools() {
    pools.forEach(JdbcConnectionPool::dispose);
  }

  private static StoredGrant grant(String user, long version) {
    return new StoredGrant(
        user, version, new byte[] {1, 2, 3}, Instant.parse("2026-11-25T09:00:00Z"));
  }

  @Test
  void aNullDataSourceIsRejected() {
    assertThatThrownBy(() -> JdbcTokenStore.create(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dataSource must not be null");
    assertThatThrownBy(() -> JdbcTokenStore.builder(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dataSource must not be null");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "teams_tokens",
        "TeamsTokens",
        "_tokens",
        "t1",
        "app.teams_tokens",
        "_s._t",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk" // 63
      })
  void plainIdentifiersAreAcceptedAsTableNames(String name) {
    assertThat(JdbcTokenStore.builder(h2()).tableName(name).build())
        .hasToString("JdbcTokenStore[table=" + name + "]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "1tokens",
        "teams-tokens",
        "teams tokens",
        " teams_tokens",
        "teams_tokens ",
        "tokens;drop table users",
        "tokens where 1=1 --",
        "tokens/**/",
        "\"tokens\"",
        "`tokens`",
        "[tokens]",
        "a.b.c",
        "a.",
        ".a",
        "schema.1t",
        "tökens",
        "ｔokens",
        "tokens\n",
        "tokens\u0000",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl" // 64
      })
  void anythingButAPlainIdentifierIsRejectedAsATableName(String name) {
    JdbcTokenStore.Builder builder = JdbcTokenStore.builder(h2());
    assertThatThrownBy(() -> builder.tableName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tableName must be an unquoted SQL identifier");
  }

  @Test
  void aNullTableNameOrDialectIsRejected() {
    JdbcTokenStore.Builder builder = JdbcTokenStore.builder(h2());
    assertThatThrownBy(() -> builder.tableName(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.dialect(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dialect must not be null");
  }

  @Test
  void createTouchesNoDatabaseUntilTheFirstCall() {
    DataSource down = unreachable();
    TokenStore store = JdbcTokenStore.create(down);

    assertThatThrownBy(() -> store.load("user-a"))
        .isInstanceOf(TokenStoreException.class)
        .hasMessageStartingWith("token store load failed on table teams_tokens: SQLState 08001");
  }

  @Test
  void withoutCreateTableIfMissingAMissingTableFailsOnUse() {
    TokenStore store = JdbcTokenStore.create(h2());
    assertThatThrownBy(() -> store.load("user-a"))
        .isInstanceOf(TokenStoreException.class)
        .satisfies(e -> assertThat(((TokenStoreException) e).errorCode()).contains("42S04"));
  }

  @Test
  void createTableIfMissingCreatesTheTableOnceAndKeepsItsRows() {
    JdbcConnectionPool pool = h2();
    TokenStore first = JdbcTokenStore.builder(pool).createTableIfMissing(true).build();
    first.save(grant("user-a", 1), TokenStore.ABSENT);

    TokenStore second = JdbcTokenStore.builder(pool).createTableIfMissing(true).build();

    assertThat(second.load("user-a")).contains(grant("user-a", 1));
  }

  @Test
  void createTableIfMissingUsesTheConfiguredNameAndSchema() throws SQLException {
    JdbcConnectionPool pool = h2();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("create schema app");
    }
    TokenStore store =
        JdbcTokenStore.builder(pool).tableName("app.tokens").createTableIfMissing(true).build();
    store.save(grant("user-a", 1), TokenStore.ABSENT);

    assertThat(JdbcTokenStore.builder(pool).tableName("app.tokens").build().load("user-a"))
        .contains(grant("user-a", 1));
    assertThatThrownBy(() -> JdbcTokenStore.create(pool).load("user-a"))
        .isInstanceOf(TokenStoreException.class);
  }

  @Test
  void instancesStartingTogetherOnH2AllSucceed() throws Exception {
    JdbcConnectionPool pool = h2();
    startTogether(() -> JdbcTokenStore.builder(pool).createTableIfMissing(true).build());
    assertThat(JdbcTokenStore.create(pool).save(grant("u", 1), TokenStore.ABSENT)).isTrue();
  }

  @Test
  void instancesStartingTogetherOnPostgresAllSucceed() throws Exception {
    String table = PostgresServer.newTableName();
    try (HikariDataSource pool = PostgresServer.pool(8)) {
      startTogether(
          () -> JdbcTokenStore.builder(pool).tableName(table).createTableIfMissing(true).build());
      TokenStore store = JdbcTokenStore.builder(pool).tableName(table).build();
      assertThat(store.save(grant("u", 1), TokenStore.ABSENT)).isTrue();
      assertThat(store.load("u")).contains(grant("u", 1));
    }
  }

  private static void startTogether(Runnable start) throws Exception {
    int instances = 8;
    ExecutorService threads = Executors.newFixedThreadPool(instances);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        results.add(
            threads.submit(
                () -> {
                  go.await();
                  start.run();
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> result : results) {
        result.get(1, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void anExplicitDialectIsUsedWithoutAskingTheDatabase() {
    JdbcConnectionPool pool = h2();
    TokenStore store =
        JdbcTokenStore.builder(withProduct(pool, "Some Other Database", "1.0"))
            .dialect(Dialect.H2)
            .createTableIfMissing(true)
            .build();
    assertThat(store.save(grant("u", 1), TokenStore.ABSENT)).isTrue();
  }

  @Test
  void anUndetectableDatabaseNeedsAnExplicitDialectToCreateTheTable() {
    DataSource derby = withProduct(h2(), "Apache Derby", "10.16");
    JdbcTokenStore.Builder builder = JdbcTokenStore.builder(derby).createTableIfMissing(true);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no schema script for database 'Apache Derby'");
    assertThatCode(() -> JdbcTokenStore.create(derby)).doesNotThrowAnyException();
  }

  @Test
  void dialectsAreDetectedFromTheProductName() throws SQLException {
    assertThat(Schema.detect(metaData("H2", "2.3.232 (2024-08-11)"))).isEqualTo(Dialect.H2);
    assertThat(Schema.detect(metaData("PostgreSQL", "14.19"))).isEqualTo(Dialect.POSTGRESQL);
    assertThat(Schema.detect(metaData("MySQL", "8.4.3"))).isEqualTo(Dialect.MYSQL);
    assertThat(Schema.detect(metaData("MariaDB", "11.4.2-MariaDB"))).isEqualTo(Dialect.MARIADB);
    assertThat(Schema.detect(metaData("MySQL", "5.5.5-10.11.6-MariaDB-0+deb12u1")))
        .as("MySQL Connector/J on a MariaDB server")
        .isEqualTo(Dialect.MARIADB);
    assertThat(Schema.detect(metaData("Microsoft SQL Server", "16.00.4135")))
        .isEqualTo(Dialect.SQL_SERVER);
    assertThat(Schema.detect(metaData("Apache Derby", "10.16"))).isNull();
  }

  @Test
  void toStringShowsTheTableOnly() {
    assertThat(JdbcTokenStore.create(h2())).hasToString("JdbcTokenStore[table=teams_tokens]");
  }

  private static DataSource unreachable() {
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcTokenStoreBuilderTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                throw new SQLTransientConnectionException("connection refused", "08001");
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** {@code dataSource} whose metadata names another product. */
  private static DataSource withProduct(DataSource dataSource, String product, String version) {
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcTokenStoreBuilderTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("getConnection")) {
                return invoke(dataSource, method, args);
              }
              Connection real = dataSource.getConnection();
              return Proxy.newProxyInstance(
                  JdbcTokenStoreBuilderTest.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (c, m, a) ->
                      m.getName().equals("getMetaData")
                          ? metaData(product, version)
                          : invoke(real, m, a));
            });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static DatabaseMetaData metaData(String product, String version) {
    return (DatabaseMetaData)
        Proxy.newProxyInstance(
            JdbcTokenStoreBuilderTest.class.getClassLoader(),
            new Class<?>[] {DatabaseMetaData.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getDatabaseProductName":
                  return product;
                case "getDatabaseProductVersion":
                  return version;
                default:
                  throw new UnsupportedOperationException(method.getName());
              }
            });
  }
}
