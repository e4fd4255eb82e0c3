package io.proxima.platform.persistence;

import io.proxima.local.LocalPostgres;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The platform's persistence unit outside the container, for repository tests: a real PostgreSQL 17
 * migrated by Flyway, the same mappings, the same tenant filter and the same row-level security
 * (the application role, with the tenancy context set on every connection). Only the transaction
 * manager differs: resource-local transactions stand in for JTA, each {@link #in} call being one.
 */
public final class PersistenceTestKit {

  private static PersistenceTestKit shared;

  private final LocalPostgres postgres;
  private final EntityManagerFactory factory;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
  private io.proxima.platform.privacy.MasterKeyFile masterKeys;

  private PersistenceTestKit(LocalPostgres postgres, EntityManagerFactory factory) {
    this.postgres = postgres;
    this.factory = factory;
  }

  /** One database for the whole test JVM; each test works in tenants of its own. */
  public static synchronized PersistenceTestKit shared() {
    if (shared == null) {
      Path build = Path.of(System.getProperty("proxima.build.directory", "target"));
      LocalPostgres postgres =
          LocalPostgres.start(
              build.resolve("persistence-test/postgres"),
              0,
              false,
              new LocalPostgres.Credentials(
                  "owner-" + UUID.randomUUID(),
                  "app-" + UUID.randomUUID(),
                  "keycloak-" + UUID.randomUUID()));
      String url = postgres.jdbcUrl(LocalPostgres.PLATFORM_DATABASE);
      new DatabaseMigrations(
              url, "proxima_owner", postgres.credentials().ownerPassword(), "proxima_app")
          .migrate();
      PGSimpleDataSource application = new TransactionalDataSource();
      application.setUrl(url);
      application.setUser("proxima_app");
      application.setPassword(postgres.credentials().appPassword());
      EntityManagerFactory factory;
      try {
        factory =
            Persistence.createEntityManagerFactory(
                "proxima",
                Map.of(
                    // Entity constraints are checked by the container's validator on a node.
                    "jakarta.persistence.validation.mode",
                    "NONE",
                    "jakarta.persistence.transactionType",
                    "RESOURCE_LOCAL",
                    "jakarta.persistence.nonJtaDataSource",
                    application,
                    "hibernate.transaction.jta.platform",
                    "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform",
                    "hibernate.connection.provider_disables_autocommit",
                    "true",
                    "hibernate.connection.handling_mode",
                    "DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION"));
      } catch (RuntimeException e) {
        postgres.close();
        throw e;
      }
      shared = new PersistenceTestKit(postgres, factory);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    factory.close();
                    postgres.close();
                  }));
    }
    return shared;
  }

  /**
   * The entity manager a repository is built with: like the container's, it stands for the current
   * transaction's persistence context and is only usable inside {@link #in}.
   */
  public EntityManager entityManager() {
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, arguments) -> {
              EntityManager target = current.get();
              if (target == null) {
                throw new IllegalStateException("no transaction: use PersistenceTestKit.in");
              }
              try {
                return method.invoke(target, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Runs {@code work} in one transaction, as {@code context}; rolls back when it throws. */
  public <T> T in(TenancyContext context, Supplier<T> work) {
    if (current.get() != null) {
      throw new IllegalStateException("transactions do not nest here");
    }
    TenancyContext.enter(context);
    EntityManager entityManager = factory.createEntityManager();
    current.set(entityManager);
    EntityTransaction transaction = entityManager.getTransaction();
    try {
      transaction.begin();
      T result = work.get();
      transaction.commit();
      return result;
    } finally {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      current.remove();
      entityManager.close();
      TenancyContext.leave();
    }
  }

  public void in(TenancyContext context, Runnable work) {
    in(
        context,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Connections that are already in a transaction when Hibernate gets them, as under JTA: the
   * tenancy context the connection provider sets is transaction-local and would otherwise end with
   * the statement that set it.
   */
  private static final class TransactionalDataSource extends PGSimpleDataSource {
    @Override
    public java.sql.Connection getConnection() throws java.sql.SQLException {
      java.sql.Connection connection = super.getConnection();
      connection.setAutoCommit(false);
      return connection;
    }
  }

  /** The database as the application role, in autocommit, as plain JDBC code on a node uses it. */
  public DataSource applicationDataSource() {
    PGSimpleDataSource application = new PGSimpleDataSource();
    application.setUrl(postgres.jdbcUrl(LocalPostgres.PLATFORM_DATABASE));
    application.setUser("proxima_app");
    application.setPassword(postgres.credentials().appPassword());
    return application;
  }

  /** The database as the superuser, for what only it may do (ending another role's sessions). */
  public DataSource superuserDataSource() {
    return postgres.superuserDataSource(LocalPostgres.PLATFORM_DATABASE);
  }

  /** The database as its owner, past row-level security, for arranging and inspecting rows. */
  public DataSource ownerDataSource() {
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setUrl(postgres.jdbcUrl(LocalPostgres.PLATFORM_DATABASE));
    owner.setUser("proxima_owner");
    owner.setPassword(postgres.credentials().ownerPassword());
    return owner;
  }

  /**
   * The vault as a node has it: master keys in a file of the test database's folder (made on first
   * use), data keys in the database, opened in the current {@link #in} transaction.
   */
  public io.proxima.platform.privacy.PersonalDataVault vault() {
    return new io.proxima.platform.privacy.PersonalDataVault(masterKeys(), entityManager());
  }

  public io.proxima.platform.privacy.MasterKeyFile masterKeys() {
    synchronized (this) {
      if (masterKeys == null) {
        masterKeys =
            new io.proxima.platform.privacy.MasterKeyFile(
                Path.of(System.getProperty("proxima.build.directory", "target"))
                    .resolve("persistence-test/master-keys-" + UUID.randomUUID() + ".properties"),
                java.time.Clock.systemUTC());
      }
      return masterKeys;
    }
  }
}
