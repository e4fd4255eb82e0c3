package io.proxima.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl;

/**
 * The database's side of isolation: every connection Hibernate takes in a transaction first tells
 * PostgreSQL the tenant, the caller and the scope, transaction-locally, so row-level security sees
 * them and nothing leaks to the connection's next user. Native SQL and bulk statements, which
 * Hibernate's tenant filter does not cover, are bound by the same policies.
 */
public class TenancyConnectionProvider extends DatasourceConnectionProviderImpl {

  private static final String SET_CONTEXT =
      "SELECT set_config('app.tenant_id', ?, true), set_config('app.subject', ?, true),"
          + " set_config('app.scope', ?, true)";

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = super.getConnection();
    try {
      apply(connection, TenancyContext.current());
      return connection;
    } catch (SQLException | RuntimeException e) {
      closeConnection(connection);
      throw e;
    }
  }

  /** Also used by code that reaches PostgreSQL without Hibernate. */
  public static void apply(Connection connection, TenancyContext context) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SET_CONTEXT)) {
      statement.setString(1, context.tenantId() == null ? "" : context.tenantId().toString());
      statement.setString(2, context.subject() == null ? "" : context.subject());
      statement.setString(
          3, context.scope() == TenancyContext.Scope.PLATFORM ? "platform" : "tenant");
      statement.execute();
    }
  }
}
