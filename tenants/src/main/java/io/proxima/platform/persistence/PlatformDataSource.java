package io.proxima.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's JTA data source. It connects as {@code proxima.db.user}, a role that owns
 * nothing, so PostgreSQL's row-level security applies to every statement it runs. Connection
 * settings come from MicroProfile Config through {@link ConfiguredDataSource}.
 */
@DataSourceDefinition(
    name = PlatformDataSource.JNDI_NAME,
    className = "io.proxima.platform.persistence.ConfiguredDataSource",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
    })
@ApplicationScoped
public class PlatformDataSource {
  public static final String JNDI_NAME = "java:app/jdbc/proxima";
}
