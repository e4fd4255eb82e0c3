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
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      // A connection handed out again within two seconds of its last check is not checked again:
      // validating on every checkout cost a round trip per transaction (a chat message's, a
      // search's). A connection that died within those seconds fails its statement, which the
      // caller is told to retry like any statement cut off by an outage.
      "fish.payara.validate-atmost-once-period-in-seconds=2",
      // After a database restart every pooled connection is dead: one failed validation drops
      // them all, instead of each request finding its own broken connection.
      "fish.payara.fail-all-connections=true",
      // A caller waits at most this long for a connection, then gets 503 + Retry-After.
      "fish.payara.max-wait-time-in-millis=10000"
    })
@ApplicationScoped
public class PlatformDataSource {
  public static final String JNDI_NAME = "java:app/jdbc/proxima";
}
