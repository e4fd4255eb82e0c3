package io.proxima.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Brings the schema up to date when the application starts, as the schema owner ({@code
 * proxima.db.migration.user}), never as the application role. Several nodes or WARs may start at
 * once: Flyway serialises them with a PostgreSQL advisory lock.
 */
@ApplicationScoped
public class DatabaseMigrations {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  private final String url;
  private final String ownerUser;
  private final String ownerPassword;
  private final String appRole;
  private final Iterable<SchemaFollowUp> followUps;
  private volatile boolean migrated;

  /** For the CDI client proxy only. */
  protected DatabaseMigrations() {
    this(null, null, null, null, List.of());
  }

  public DatabaseMigrations(String url, String ownerUser, String ownerPassword, String appRole) {
    this(url, ownerUser, ownerPassword, appRole, List.of());
  }

  @Inject
  public DatabaseMigrations(
      @ConfigProperty(name = "proxima.db.url") String url,
      @ConfigProperty(name = "proxima.db.migration.user") String ownerUser,
      @ConfigProperty(name = "proxima.db.migration.password") String ownerPassword,
      @ConfigProperty(name = "proxima.db.user") String appRole,
      Instance<SchemaFollowUp> followUps) {
    this(url, ownerUser, ownerPassword, appRole, (Iterable<SchemaFollowUp>) followUps);
  }

  public DatabaseMigrations(
      String url,
      String ownerUser,
      String ownerPassword,
      String appRole,
      Iterable<SchemaFollowUp> followUps) {
    this.url = url;
    this.ownerUser = ownerUser;
    this.ownerPassword = ownerPassword;
    this.appRole = appRole;
    this.followUps = followUps;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    migrate();
  }

  public synchronized MigrateResult migrate() {
    MigrateResult result =
        Flyway.configure(DatabaseMigrations.class.getClassLoader())
            .dataSource(url, ownerUser, ownerPassword)
            .locations("classpath:db/migration")
            .placeholders(Map.of("app_role", appRole))
            .connectRetries(10)
            .load()
            .migrate();
    followUp();
    migrated = true;
    LOG.info(
        () ->
            result.migrationsExecuted == 0
                ? "schema up to date"
                : "schema migrated to version "
                    + result.targetSchemaVersion
                    + " ("
                    + result.migrationsExecuted
                    + " migrations)");
    return result;
  }

  private void followUp() {
    for (SchemaFollowUp followUp : followUps) {
      PGSimpleDataSource source = new PGSimpleDataSource();
      source.setUrl(url);
      source.setUser(ownerUser);
      source.setPassword(ownerPassword);
      try (Connection owner = source.getConnection()) {
        owner.setAutoCommit(false);
        followUp.run(owner);
        owner.commit();
      } catch (SQLException e) {
        throw new IllegalStateException(
            "the schema follow-up " + followUp.getClass().getSimpleName() + " failed", e);
      }
    }
  }

  public boolean isMigrated() {
    return migrated;
  }
}
