package io.proxima.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Data work a migration leaves for Java, run by {@link DatabaseMigrations} right after Flyway as
 * the schema owner, before the application serves: e.g. sealing values written before their column
 * was sealed, which needs keys SQL does not have. It must be cheap when there is nothing to do,
 * since it runs on every start, and is run in a transaction of its own.
 */
public interface SchemaFollowUp {

  void run(Connection owner) throws SQLException;
}
