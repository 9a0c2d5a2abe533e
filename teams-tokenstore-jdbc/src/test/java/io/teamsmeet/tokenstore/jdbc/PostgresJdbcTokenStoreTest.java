package io.teamsmeet.tokenstore.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.testkit.TokenStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link TokenStore} promises on a real PostgreSQL server started by the build; each test gets
 * a new table, and the second instance uses a second, separate connection pool.
 */
class PostgresJdbcTokenStoreTest extends TokenStoreContract {

  private static HikariDataSource firstInstance;
  private static HikariDataSource secondInstance;
  private String table;

  @BeforeAll
  static void startPools() {
    firstInstance = PostgresServer.pool(10);
    secondInstance = PostgresServer.pool(10);
  }

  @AfterAll
  static void closePools() {
    firstInstance.close();
    secondInstance.close();
  }

  @Override
  protected TokenStore createStore() {
    table = PostgresServer.newTableName();
    return JdbcTokenStore.builder(firstInstance)
        .tableName(table)
        .createTableIfMissing(true)
        .build();
  }

  @Override
  protected TokenStore secondInstance(TokenStore first) {
    return JdbcTokenStore.builder(secondInstance).tableName(table).build();
  }
}
