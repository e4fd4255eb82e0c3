package io.proxima.platform.health;

import io.proxima.platform.persistence.DatabaseMigrations;
import io.proxima.platform.persistence.PlatformDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the schema is migrated and the application role can run a query. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = PlatformDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject DatabaseMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    if (!migrations.isMigrated()) {
      return response.down().withData("reason", "schema not migrated yet").build();
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      try (ResultSet rows = statement.executeQuery("SELECT current_user")) {
        rows.next();
        return response.up().withData("role", rows.getString(1)).build();
      }
    } catch (SQLException e) {
      return response.down().withData("reason", e.getMessage()).build();
    }
  }
}
