package io.teamsmeet.tokenstore.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, from the binaries zonky publishes on Maven Central.
 *
 * <p>PostgreSQL refuses to run as root. When the build runs as root (as on CI here), zonky runs
 * {@code initdb} and {@code pg_ctl} under {@code unshare -U}, in a user namespace where the process
 * is {@code nobody}; that needs only util-linux's {@code unshare} and unprivileged user namespaces.
 * The server listens on a free localhost port and is stopped by zonky's shutdown hook.
 */
final class PostgresServer {

  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final AtomicInteger POOLS = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PostgresServer() {}

  static synchronized EmbeddedPostgres get() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /** A new connection pool to the server's {@code postgres} database: one application instance. */
  static HikariDataSource pool(int maximumSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(get().getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(maximumSize);
    config.setMinimumIdle(1);
    config.setPoolName("pg-test-" + POOLS.incrementAndGet());
    return new HikariDataSource(config);
  }

  /** A table name no other test uses. */
  static String newTableName() {
    return "tokens_" + TABLES.incrementAndGet();
  }
}
