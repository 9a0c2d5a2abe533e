/**
 * A {@link io.teamsmeet.store.TokenStore} on any JDBC {@link javax.sql.DataSource}: {@link
 * io.teamsmeet.tokenstore.jdbc.JdbcTokenStore}.
 *
 * <pre>{@code
 * TokenStore store = JdbcTokenStore.create(dataSource);   // table teams_tokens, created beforehand
 * }</pre>
 *
 * <p>The schema scripts are classpath resources beside these classes, one per database: {@code
 * schema-h2.sql}, {@code schema-postgresql.sql}, {@code schema-mysql.sql}, {@code
 * schema-mariadb.sql}, {@code schema-sqlserver.sql} (see {@link
 * io.teamsmeet.tokenstore.jdbc.JdbcTokenStore.Dialect#schemaResource()}). H2 and PostgreSQL are
 * proven by this module's tests. The module needs nothing but {@code java.sql} and the core: bring
 * your own driver and pool.
 */
package io.teamsmeet.tokenstore.jdbc;
