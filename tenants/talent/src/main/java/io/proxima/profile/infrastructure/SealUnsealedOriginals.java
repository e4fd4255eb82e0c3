package io.proxima.profile.infrastructure;

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
 * Seals the skill-sheet originals uploaded before they were sealed (V65 listed them in a backlog),
 * once, as the schema owner. The owner sees no rows under forced row-level security, so it is
 * lifted inside this transaction only; the lock that takes also keeps two starting nodes from
 * sealing the same rows.
 */
@ApplicationScoped
public class SealUnsealedOriginals implements SchemaFollowUp {

  private static final Logger LOG = Logger.getLogger(SealUnsealedOriginals.class.getName());

  private final MasterKeys masterKeys;

  protected SealUnsealedOriginals() {
    this(null);
  }

  @Inject
  public SealUnsealedOriginals(MasterKeys masterKeys) {
    this.masterKeys = masterKeys;
  }

  @Override
  public void run(Connection owner) throws SQLException {
    try (Statement check = owner.createStatement();
        ResultSet any =
            check.executeQuery(
                "SELECT EXISTS (SELECT 1 FROM skill_sheet_original_sealing_backlog)")) {
      if (!any.next() || !any.getBoolean(1)) {
        return;
      }
    }
    int sealed = 0;
    ConnectionSealer sealer = new ConnectionSealer(masterKeys, owner);
    try (Statement lift = owner.createStatement()) {
      lift.execute("ALTER TABLE skill_sheet_original NO FORCE ROW LEVEL SECURITY");
    }
    try (PreparedStatement select =
            owner.prepareStatement(
                "SELECT o.upload_id, o.freelancer_subject, o.content, o.text"
                    + " FROM skill_sheet_original o"
                    + " JOIN skill_sheet_original_sealing_backlog b USING (upload_id)"
                    + " WHERE NOT o.sealed");
        PreparedStatement update =
            owner.prepareStatement(
                "UPDATE skill_sheet_original SET content = ?, sealed_text = ?, text = NULL,"
                    + " sealed = true WHERE upload_id = ?");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        UUID uploadId = rows.getObject(1, UUID.class);
        KeyOwner freelancer = KeyOwner.freelancer(rows.getString(2));
        update.setBytes(
            1,
            sealer.seal(
                freelancer, SealedSkillSheetOriginal.contentPurpose(uploadId), rows.getBytes(3)));
        update.setBytes(
            2,
            sealer.sealText(
                freelancer, SealedSkillSheetOriginal.textPurpose(uploadId), rows.getString(4)));
        update.setObject(3, uploadId);
        update.executeUpdate();
        sealed++;
      }
    }
    try (Statement restore = owner.createStatement()) {
      restore.execute("ALTER TABLE skill_sheet_original FORCE ROW LEVEL SECURITY");
      restore.execute("DELETE FROM skill_sheet_original_sealing_backlog");
    }
    int count = sealed;
    LOG.info(() -> "sealed " + count + " skill-sheet originals uploaded before sealing");
  }
}
