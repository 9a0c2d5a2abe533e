package io.teamsmeet.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL server for this JVM, from the binaries zonky publishes on Maven Central (when
 * the build runs as root, zonky starts it in a user namespace, as PostgreSQL refuses root). The
 * server listens on a free localhost port and is stopped by zonky's shutdown hook.
 */
final class Postgres {

  private static EmbeddedPostgres server;

  private Postgres() {}

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /** A connection pool of one application instance. */
  static HikariDataSource pool(String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server().getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }
}
