package io.teamsmeet.it;

import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A real H2 database behind a {@link DataSource} that can go down on demand: {@link
 * #failNextUpdates(int)} makes the next UPDATE statements fail as a lost connection does (SQLState
 * 08006), after the statement was prepared, which is exactly when the core saves a rotated refresh
 * token. Also gives raw SQL access to the row, to alter or copy ciphertexts as an attacker with
 * database access would.
 */
final class FlakyDatabase implements DataSource, AutoCloseable {

  private final JdbcConnectionPool pool;
  private final AtomicInteger updatesToFail = new AtomicInteger();
  final AtomicInteger failedUpdates = new AtomicInteger();

  FlakyDatabase() {
    pool =
        JdbcConnectionPool.create(
            "jdbc:h2:mem:it-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /** A JDBC token store on this database, creating its table. */
  JdbcTokenStore store() {
    return JdbcTokenStore.builder(this).createTableIfMissing(true).build();
  }

  void failNextUpdates(int count) {
    updatesToFail.set(count);
  }

  /** Runs SQL straight on the database (not through the failing wrapper). */
  int execute(String sql, Object... params) {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(pool.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return wrap(pool.getConnection(user, password));
  }

  private Connection wrap(Connection real) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result = invoke(real, method, args);
          if (method.getName().equals("prepareStatement")
              && args != null
              && args[0] instanceof String sql
              && sql.strip().toLowerCase(Locale.ROOT).startsWith("update")) {
            return failing((PreparedStatement) result);
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private PreparedStatement failing(PreparedStatement real) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().startsWith("execute")
              && updatesToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failedUpdates.incrementAndGet();
            throw new SQLTransientConnectionException("connection to the database lost", "08006");
          }
          return invoke(real, method, args);
        };
    return (PreparedStatement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, handler);
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
