package io.proxima.identity.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The last good signing keys in the platform database, shared by every node: a node that starts
 * while Keycloak is down takes them from here instead of refusing every token until it returns.
 * Plain JDBC in autocommit, one short connection per call (the keys change rarely): the keeper runs
 * on the container's scheduler, whose threads see none of the names ({@code java:app}, {@code
 * java:comp/env}) through which this library jar could reach the pooled data source or JPA.
 */
class StoredSigningKeys {

  record Stored(String jwks, Instant fetchedAt) {}

  private final String issuer;
  private final DataSource dataSource;

  StoredSigningKeys(String issuer, DataSource dataSource) {
    this.issuer = issuer;
    this.dataSource = dataSource;
  }

  Optional<Stored> load() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT jwks, fetched_at FROM identity_signing_keys WHERE issuer = ?")) {
      select.setQueryTimeout(5);
      select.setString(1, issuer);
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? Optional.of(new Stored(row.getString(1), row.getTimestamp(2).toInstant()))
            : Optional.empty();
      }
    }
  }

  void save(String jwks, Instant fetchedAt) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement upsert =
            connection.prepareStatement(
                """
                INSERT INTO identity_signing_keys (issuer, jwks, fetched_at) VALUES (?, ?, ?)
                ON CONFLICT (issuer) DO UPDATE SET jwks = EXCLUDED.jwks,
                                                   fetched_at = EXCLUDED.fetched_at
                """)) {
      upsert.setQueryTimeout(5);
      upsert.setString(1, issuer);
      upsert.setString(2, jwks);
      upsert.setTimestamp(3, Timestamp.from(fetchedAt));
      upsert.executeUpdate();
    }
  }
}
