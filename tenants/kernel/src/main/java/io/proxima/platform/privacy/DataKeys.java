package io.proxima.platform.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.crypto.SecretKey;

/** The data_key table, for the vault and for sealing that runs before the application does. */
final class DataKeys {

  private DataKeys() {}

  /** The owner's data key, unwrapped; made and stored first when missing and asked to. */
  static Optional<SecretKey> obtain(
      Connection connection, MasterKeys masterKeys, KeyOwner owner, boolean makeWhenMissing)
      throws SQLException {
    Optional<MasterKeys.WrappedDataKey> stored = stored(connection, owner);
    if (stored.isEmpty() && makeWhenMissing) {
      MasterKeys.WrappedDataKey made = masterKeys.wrap(Envelope.newKey().getEncoded(), owner);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO data_key (owner, master_key_id, wrapped) VALUES (?, ?, ?)"
                  + " ON CONFLICT (owner) DO NOTHING")) {
        insert.setString(1, owner.value());
        insert.setString(2, made.masterKeyId());
        insert.setBytes(3, made.bytes());
        insert.executeUpdate();
      }
      // A concurrent first seal may have won: everyone uses the stored key.
      stored = stored(connection, owner);
    }
    return stored.map(wrapped -> Envelope.key(masterKeys.unwrap(wrapped, owner)));
  }

  private static Optional<MasterKeys.WrappedDataKey> stored(Connection connection, KeyOwner owner)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT master_key_id, wrapped FROM data_key WHERE owner = ?")) {
      select.setString(1, owner.value());
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? Optional.of(new MasterKeys.WrappedDataKey(row.getString(1), row.getBytes(2)))
            : Optional.empty();
      }
    }
  }
}
