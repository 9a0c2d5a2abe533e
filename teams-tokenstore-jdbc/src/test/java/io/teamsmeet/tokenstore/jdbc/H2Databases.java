package io.teamsmeet.tokenstore.jdbc;

import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;

/** Fresh in-memory H2 databases, each reached through H2's own connection pool. */
final class H2Databases {

  private static final AtomicInteger COUNT = new AtomicInteger();

  private H2Databases() {}

  /** The URL of a new, empty in-memory database that lives until the JVM ends. */
  static String newUrl() {
    return "jdbc:h2:mem:tokens-" + COUNT.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
  }

  /** A pool of up to 32 connections to {@code url}: one application instance. */
  static JdbcConnectionPool pool(String url) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
    pool.setMaxConnections(32);
    return pool;
  }
}
