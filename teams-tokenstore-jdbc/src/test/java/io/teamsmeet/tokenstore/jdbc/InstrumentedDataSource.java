package io.teamsmeet.tokenstore.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} in front of a real one that counts open connections and statements, can hand
 * out connections in manual-commit mode, and can make UPDATE statements fail as a broken connection
 * would (SQLState 08006), before they reach the database.
 */
final class InstrumentedDataSource implements DataSource {

  /** SQLState of the simulated failure: connection failure during a transaction. */
  static final String FAILURE_STATE = "08006";

  private final DataSource delegate;
  final AtomicInteger openConnections = new AtomicInteger();
  final AtomicInteger openStatements = new AtomicInteger();

  /** Connections given back with a different auto-commit setting than they were handed out with. */
  final AtomicInteger autoCommitNotRestored = new AtomicInteger();

  final AtomicInteger failedUpdates = new AtomicInteger();
  volatile boolean manualCommit;
  volatile boolean failUpdates;

  InstrumentedDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return wrap(delegate.getConnection(user, password));
  }

  private Connection wrap(Connection real) throws SQLException {
    boolean handedOutAutoCommit = !manualCommit;
    real.setAutoCommit(handedOutAutoCommit);
    openConnections.incrementAndGet();
    InvocationHandler handler =
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "close":
              if (!real.isClosed()) {
                openConnections.decrementAndGet();
                if (real.getAutoCommit() != handedOutAutoCommit) {
                  autoCommitNotRestored.incrementAndGet();
                }
              }
              return invoke(real, method, args);
            case "prepareStatement":
              return statement(
                  (Statement) invoke(real, method, args),
                  (String) args[0],
                  PreparedStatement.class);
            case "createStatement":
              return statement((Statement) invoke(real, method, args), "", Statement.class);
            default:
              return invoke(real, method, args);
          }
        };
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private <S extends Statement> S statement(Statement real, String sql, Class<S> type) {
    openStatements.incrementAndGet();
    boolean isUpdate = sql.strip().toLowerCase(Locale.ROOT).startsWith("update");
    InvocationHandler handler =
        (proxy, method, args) -> {
          String name = method.getName();
          if (name.equals("close")) {
            if (!real.isClosed()) {
              openStatements.decrementAndGet();
            }
          } else if (isUpdate && failUpdates && name.startsWith("execute")) {
            failedUpdates.incrementAndGet();
            throw new SQLException("simulated: connection reset while writing", FAILURE_STATE, 0);
          }
          return invoke(real, method, args);
        };
    return type.cast(
        Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
