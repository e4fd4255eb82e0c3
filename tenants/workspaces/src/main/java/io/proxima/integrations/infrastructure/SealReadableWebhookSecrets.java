package io.proxima.integrations.infrastructure;

import io.proxima.integrations.domain.WebhookEndpoint;
import io.proxima.platform.persistence.SchemaFollowUp;
import io.proxima.platform.privacy.ConnectionSealer;
import io.proxima.platform.privacy.KeyOwner;
import io.proxima.platform.privacy.MasterKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Seals the webhook secrets stored readable before V67, once, as the schema owner. The owner sees
 * no rows under forced row-level security, so it is lifted inside this transaction only; the lock
 * that takes also keeps two starting nodes from sealing the same rows.
 */
@ApplicationScoped
public class SealReadableWebhookSecrets implements SchemaFollowUp {

  private static final Logger LOG = Logger.getLogger(SealReadableWebhookSecrets.class.getName());

  private final MasterKeys masterKeys;

  protected SealReadableWebhookSecrets() {
    this(null);
  }

  @Inject
  public SealReadableWebhookSecrets(MasterKeys masterKeys) {
    this.masterKeys = masterKeys;
  }

  @Override
  public void run(Connection owner) throws SQLException {
    try (Statement lift = owner.createStatement()) {
      lift.execute("ALTER TABLE webhook_endpoint NO FORCE ROW LEVEL SECURITY");
    }
    int sealed = 0;
    ConnectionSealer sealer = new ConnectionSealer(masterKeys, owner);
    try (PreparedStatement select =
            owner.prepareStatement(
                "SELECT id, tenant_id, secret FROM webhook_endpoint WHERE secret IS NOT NULL");
        PreparedStatement update =
            owner.prepareStatement(
                "UPDATE webhook_endpoint SET sealed_secret = ?, secret = NULL WHERE id = ?");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        UUID id = rows.getObject(1, UUID.class);
        UUID tenant = rows.getObject(2, UUID.class);
        update.setBytes(
            1,
            sealer.sealText(
                KeyOwner.tenant(tenant), WebhookEndpoint.secretPurpose(id), rows.getString(3)));
        update.setObject(2, id);
        update.executeUpdate();
        sealed++;
      }
    }
    try (Statement restore = owner.createStatement()) {
      restore.execute("ALTER TABLE webhook_endpoint FORCE ROW LEVEL SECURITY");
    }
    if (sealed > 0) {
      int count = sealed;
      LOG.info(() -> "sealed " + count + " webhook secrets stored readable before V67");
    }
  }
}
