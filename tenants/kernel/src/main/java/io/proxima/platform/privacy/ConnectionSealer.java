package io.proxima.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Sealing on a plain JDBC connection, for work that runs before the application's persistence does:
 * sealing rows written before a column was sealed ({@link
 * io.proxima.platform.persistence.SchemaFollowUp}). Values it seals open with {@link
 * PersonalDataVault} and the other way round.
 */
public final class ConnectionSealer {

  private final MasterKeys masterKeys;
  private final Connection connection;

  public ConnectionSealer(MasterKeys masterKeys, Connection connection) {
    this.masterKeys = masterKeys;
    this.connection = connection;
  }

  public byte[] seal(KeyOwner owner, String purpose, byte[] plain) throws SQLException {
    return Envelope.seal(
        DataKeys.obtain(connection, masterKeys, owner, true).orElseThrow(),
        PersonalDataVault.associated(owner, purpose),
        plain);
  }

  /**
   * @throws PersonalDataVault.KeyDestroyed when the owner's data key is gone (they were erased)
   */
  public byte[] open(KeyOwner owner, String purpose, byte[] sealed) throws SQLException {
    return Envelope.open(
        DataKeys.obtain(connection, masterKeys, owner, false)
            .orElseThrow(() -> new PersonalDataVault.KeyDestroyed(owner)),
        PersonalDataVault.associated(owner, purpose),
        sealed);
  }

  public byte[] sealText(KeyOwner owner, String purpose, String plain) throws SQLException {
    return seal(owner, purpose, plain.getBytes(StandardCharsets.UTF_8));
  }
}
