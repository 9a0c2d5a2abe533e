package io.teamsmeet.tokenstore.jdbc;

import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.store.TokenStoreException;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link TokenStore} on any JDBC {@link DataSource}: one row per application user, written with
 * compare-and-set on a version column in portable SQL, so several application instances can share
 * one database and race safely.
 *
 * <pre>{@code
 * // Production: the table was created by your migration tool from schema-postgresql.sql.
 * TokenStore store = JdbcTokenStore.create(dataSource);
 *
 * // Quick start: create the table if it is missing, with another name.
 * TokenStore quick = JdbcTokenStore.builder(dataSource)
 *     .tableName("app_teams_tokens")
 *     .createTableIfMissing(true)
 *     .build();
 * }</pre>
 *
 * <h2>Schema</h2>
 *
 * <p>One script per database, on the classpath under {@code io/teamsmeet/tokenstore/jdbc/} (see
 * {@link Dialect#schemaResource()}): {@code schema-h2.sql}, {@code schema-postgresql.sql}, {@code
 * schema-mysql.sql} (MySQL 8.0+), {@code schema-mariadb.sql} (MariaDB 10.2+) and {@code
 * schema-sqlserver.sql}. Each is plain SQL, one {@code CREATE TABLE} ending with {@code ;} and no
 * vendor delimiter, so it can be copied unchanged as a Flyway migration ({@code
 * V1__teams_tokens.sql}) or a Liquibase {@code sqlFile}. The columns:
 *
 * <ul>
 *   <li>{@code user_id}: up to 255 characters (UTF-16 code units, as SQL Server counts them; every
 *       id the core accepts, at most {@code TokenStore.MAX_USER_ID_UTF8_BYTES} = 255 bytes of
 *       UTF-8, fits), compared exactly (case, accents and trailing spaces matter; binary or "C"
 *       collations), the primary key;
 *   <li>{@code version}: {@code bigint}, the opaque version chosen by the core;
 *   <li>{@code ciphertext}: the sealed grant as bytes ({@code bytea}, {@code varbinary(max)},
 *       {@code longblob}, H2 {@code varbinary}); nothing here can decrypt it;
 *   <li>{@code updated_at_ms}: {@code bigint}, milliseconds since 1970-01-01T00:00:00Z. A number
 *       rather than a {@code timestamp} type, so no driver or session time zone can shift it;
 *       {@link StoredGrant#updatedAt()} is kept to the millisecond (finer digits are dropped).
 * </ul>
 *
 * <p>The tests of this module prove the H2 and PostgreSQL scripts and behaviour (PostgreSQL 14, a
 * real server); the MySQL, MariaDB and SQL Server scripts are written to the same rules but not run
 * by the build. On SQL Server, equality ignores trailing spaces whatever the collation, so two ids
 * that differ only in trailing spaces share one row: the second one to connect sees a conflict.
 * {@link #load} compares the id it reads back exactly, so one user never receives another's row.
 *
 * <h2>Transactions</h2>
 *
 * <p>Each call borrows one connection, runs one statement in auto-commit mode (its own short
 * transaction) and returns the connection, restoring its auto-commit setting. A duplicate key on
 * insert (SQLState class 23) is therefore a plain {@code false}, never an aborted transaction,
 * which matters on PostgreSQL. Do not hand the store a {@code DataSource} that binds connections to
 * an outer transaction (such as Spring's {@code TransactionAwareDataSourceProxy}): its writes must
 * commit on their own.
 *
 * <h2>Failures</h2>
 *
 * <p>Every {@link SQLException} (and any other exception of the driver or pool) becomes a {@link
 * TokenStoreException} whose message names the operation, the table, the SQLState and the vendor
 * code, and whose {@link TokenStoreException#errorCode()} holds the SQLState. The driver's own
 * message is never carried, not even in the cause: PostgreSQL, H2 and others quote row values in it
 * ({@code Failing row contains (...)}), which could include the ciphertext or the user id. The
 * cause is a copy of the driver's exception chain with class names, SQLStates, vendor codes and
 * stack traces only; turn on the driver's own logging to see its messages.
 *
 * <p>When the database fails while the core saves a refresh token that Microsoft has just rotated,
 * the call fails with this {@link TokenStoreException}: the core caches nothing from that refresh
 * and does not use its access token, and the stored grant stays as it was. Nothing is lost, because
 * Microsoft does not revoke a refresh token when it issues a new one: the next call refreshes again
 * with the stored token and saves the newer one. (The rotated token that was not saved simply goes
 * unused.)
 *
 * <p>Immutable and thread-safe; it holds no connection between calls. It does not own the {@code
 * DataSource} and never closes it.
 */
public final class JdbcTokenStore implements TokenStore {

  /** The table name used unless {@link Builder#tableName(String)} says otherwise. */
  public static final String DEFAULT_TABLE_NAME = "teams_tokens";

  private final DataSource dataSource;
  private final GrantTable table;

  private JdbcTokenStore(DataSource dataSource, String tableName) {
    this.dataSource = dataSource;
    this.table = new GrantTable(tableName);
  }

  /**
   * A store on the table {@value #DEFAULT_TABLE_NAME}, which must exist. Touches no database until
   * the first call.
   *
   * <pre>{@code
   * TokenStore store = JdbcTokenStore.create(dataSource);
   * }</pre>
   *
   * @param dataSource where the table lives; the store borrows a connection per call
   * @return the store
   * @throws IllegalArgumentException if {@code dataSource} is null
   */
  public static JdbcTokenStore create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * Starts a builder for a store on {@code dataSource}.
   *
   * <pre>{@code
   * TokenStore store = JdbcTokenStore.builder(dataSource)
   *     .tableName("teams.tokens")        // default teams_tokens
   *     .dialect(Dialect.POSTGRESQL)      // default: detected, only needed to create the table
   *     .createTableIfMissing(true)       // default false
   *     .build();
   * }</pre>
   *
   * @param dataSource where the table lives; the store borrows a connection per call
   * @return a builder with the defaults
   * @throws IllegalArgumentException if {@code dataSource} is null
   */
  public static Builder builder(DataSource dataSource) {
    if (dataSource == null) {
      throw new IllegalArgumentException("dataSource must not be null");
    }
    return new Builder(dataSource);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code userId} is null, blank or longer than 255 characters
   * @throws TokenStoreException if the database fails, or the row is not a valid grant
   */
  @Override
  public Optional<StoredGrant> load(String userId) {
    Arguments.requireUserId(userId);
    return run(Operation.LOAD, connection -> table.select(connection, userId));
  }

  /**
   * {@inheritDoc}
   *
   * <p>An insert ({@code expectedVersion == ABSENT}) that meets a duplicate key (SQLState class 23
   * other than not-null, foreign-key and check violations) returns {@code false}.
   *
   * @throws IllegalArgumentException if {@code grant} is null, its version equals {@code
   *     expectedVersion}, its user id is longer than 255 characters, or its time is outside the
   *     range of epoch milliseconds
   * @throws TokenStoreException if the database fails
   */
  @Override
  public boolean save(StoredGrant grant, long expectedVersion) {
    Arguments.requireGrant(grant, expectedVersion);
    long updatedAt = Arguments.epochMillis(grant.updatedAt());
    if (expectedVersion == ABSENT) {
      return run(Operation.SAVE, connection -> table.insert(connection, grant, updatedAt));
    }
    return run(
        Operation.SAVE, connection -> table.update(connection, grant, expectedVersion, updatedAt));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code userId} is null, blank or longer than 255 characters
   * @throws TokenStoreException if the database fails
   */
  @Override
  public boolean delete(String userId, long expectedVersion) {
    Arguments.requireUserId(userId);
    return run(Operation.DELETE, connection -> table.delete(connection, userId, expectedVersion));
  }

  /** Runs {@code work} on a connection of its own: see {@link Connections#run}. */
  private <T> T run(Operation operation, Connections.Work<T> work) {
    return Connections.run(dataSource, operation, table.name(), work);
  }

  /** Shows the table name only. */
  @Override
  public String toString() {
    return "JdbcTokenStore[table=" + table.name() + "]";
  }

  /**
   * The databases this store ships a schema script for. Only {@link Builder#createTableIfMissing}
   * needs one; the statements the store runs are the same on all.
   *
   * <pre>{@code
   * String script = JdbcTokenStore.Dialect.POSTGRESQL.schemaResource();
   * // "io/teamsmeet/tokenstore/jdbc/schema-postgresql.sql": copy it as V1__teams_tokens.sql
   * }</pre>
   *
   * <p>Immutable and thread-safe.
   */
  public enum Dialect {
    /** H2 2.x, the embedded default; proven by this module's tests. */
    H2("schema-h2.sql"),
    /** PostgreSQL 12 and later; proven by this module's tests on a real PostgreSQL 14. */
    POSTGRESQL("schema-postgresql.sql"),
    /** MySQL 8.0 and later ({@code utf8mb4_0900_bin}); not run by the build. */
    MYSQL("schema-mysql.sql"),
    /** MariaDB 10.2 and later ({@code utf8mb4_nopad_bin}); not run by the build. */
    MARIADB("schema-mariadb.sql"),
    /** Microsoft SQL Server 2012 and later, Azure SQL; not run by the build. */
    SQL_SERVER("schema-sqlserver.sql");

    private final String file;

    Dialect(String file) {
      this.file = file;
    }

    /**
     * The classpath resource holding this database's schema for the default table name, for example
     * {@code io/teamsmeet/tokenstore/jdbc/schema-postgresql.sql}.
     *
     * @return a resource name for {@link ClassLoader#getResource(String)}
     */
    public String schemaResource() {
      return "io/teamsmeet/tokenstore/jdbc/" + file;
    }
  }

  /**
   * Builds a {@link JdbcTokenStore}. Bad values are rejected at the setter. Not thread-safe.
   *
   * <pre>{@code
   * JdbcTokenStore store = JdbcTokenStore.builder(dataSource)
   *     .tableName("app_teams_tokens")
   *     .createTableIfMissing(true)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;
    private Dialect dialect;
    private boolean createTableIfMissing;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * The table to use (default {@value JdbcTokenStore#DEFAULT_TABLE_NAME}): an unquoted identifier
     * of letters, digits and {@code _} that does not start with a digit, at most 63 characters,
     * optionally qualified by a schema ({@code app.teams_tokens}). The database folds its case as
     * it does for any unquoted name.
     *
     * @param value the table name
     * @return this builder
     * @throws IllegalArgumentException if the name is null or not such an identifier
     */
    public Builder tableName(String value) {
      this.tableName = Arguments.requireTableName(value);
      return this;
    }

    /**
     * The database, which decides the schema {@link #createTableIfMissing(boolean)} runs (default:
     * detected from {@link java.sql.DatabaseMetaData#getDatabaseProductName()} when needed).
     *
     * @param value the dialect
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is null
     */
    public Builder dialect(Dialect value) {
      this.dialect = Arguments.requireDialect(value);
      return this;
    }

    /**
     * Whether {@link #build()} creates the table from the dialect's schema script when it is
     * missing (default {@code false}: production creates it with a migration tool). Safe when
     * several instances start at once.
     *
     * @param value true to create a missing table
     * @return this builder
     */
    public Builder createTableIfMissing(boolean value) {
      this.createTableIfMissing = value;
      return this;
    }

    /**
     * Builds the store. Touches the database only to create a missing table.
     *
     * @return the store
     * @throws IllegalStateException if the table must be created and the dialect was neither set
     *     nor detected
     * @throws TokenStoreException if checking for or creating the table failed
     */
    public JdbcTokenStore build() {
      if (createTableIfMissing) {
        Schema.createIfMissing(dataSource, tableName, dialect);
      }
      return new JdbcTokenStore(dataSource, tableName);
    }
  }
}
