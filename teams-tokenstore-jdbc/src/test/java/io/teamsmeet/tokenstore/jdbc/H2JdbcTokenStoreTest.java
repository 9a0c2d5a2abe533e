package io.teamsmeet.tokenstore.jdbc;

import io.teamsmeet.store.TokenStore;
import io.teamsmeet.testkit.TokenStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

/**
 * The {@link TokenStore} promises on H2 in memory; the second instance is a second connection pool
 * to the same database.
 */
class H2JdbcTokenStoreTest extends TokenStoreContract {

  private final List<JdbcConnectionPool> pools = new ArrayList<>();
  private String url;

  @Override
  protected TokenStore createStore() {
    url = H2Databases.newUrl();
    JdbcConnectionPool pool = H2Databases.pool(url);
    pools.add(pool);
    return JdbcTokenStore.builder(pool).createTableIfMissing(true).build();
  }

  @Override
  protected TokenStore secondInstance(TokenStore first) {
    JdbcConnectionPool pool = H2Databases.pool(url);
    pools.add(pool);
    return JdbcTokenStore.create(pool);
  }

  @AfterEach
  void disposePools() {
    pools.forEach(JdbcConnectionPool::dispose);
  }
}
