package io.proxima.platform.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL driver's data source, configured from the application's MicroProfile Config
 * ({@code proxima.db.url}, {@code .user}, {@code .password}). Payara resolves {@code MPCONFIG}
 * expressions in {@code @DataSourceDefinition} against the server's config only, which does not see
 * the application's config file; the pool instantiates this class inside the application, so it
 * does.
 */
public class ConfiguredDataSource implements DataSource {

  private final PGSimpleDataSource delegate = new PGSimpleDataSource();

  public ConfiguredDataSource() {
    Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
    delegate.setURL(config.getValue("proxima.db.url", String.class));
    delegate.setUser(config.getValue("proxima.db.user", String.class));
    delegate.setPassword(config.getValue("proxima.db.password", String.class));
    delegate.setApplicationName("proxima");
    delegate.setConnectTimeout(5);
    // A database that stops answering without closing the connection (a network partition, a
    // frozen host) must not hold a request forever: the longest report finishes well within this.
    delegate.setSocketTimeout(60);
    // Every write the platform acknowledges must be on disk first, whatever the server's default
    // (embedded servers often turn synchronous_commit off); a session cannot be talked out of it.
    delegate.setOptions("-c synchronous_commit=on");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return delegate.getConnection(username, password);
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
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return delegate.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || delegate.isWrapperFor(type);
  }
}
