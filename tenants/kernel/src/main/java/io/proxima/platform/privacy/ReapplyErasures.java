package io.proxima.platform.privacy;

import io.proxima.platform.persistence.SchemaFollowUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Keeps the database and the {@link ErasureLedgerFile} in step on every start, before anything is
 * served. A pseudonym the file has and the database does not means the database was restored to a
 * moment before that erasure: the person is erased again ({@code erase_freelancer}, V71), which
 * also deletes their data key once more. A pseudonym the database has and the file does not (a lost
 * or new file) is written to the file.
 */
@ApplicationScoped
public class ReapplyErasures implements SchemaFollowUp {

  private static final Logger LOG = Logger.getLogger(ReapplyErasures.class.getName());

  private final ErasureLedgerFile ledger;

  protected ReapplyErasures() {
    this(null);
  }

  @Inject
  public ReapplyErasures(ErasureLedgerFile ledger) {
    this.ledger = ledger;
  }

  @Override
  public void run(Connection owner) throws SQLException {
    Map<String, Instant> inFile = ledger.entries();
    Map<String, Instant> inDatabase = new HashMap<>();
    try (Statement select = owner.createStatement();
        ResultSet rows = select.executeQuery("SELECT pseudonym, erased_at FROM erasure_ledger")) {
      while (rows.next()) {
        inDatabase.put(rows.getString(1), rows.getTimestamp(2).toInstant());
      }
    }
    inDatabase.forEach(
        (pseudonym, at) -> {
          if (!inFile.containsKey(pseudonym)) {
            ledger.append(pseudonym, at);
          }
        });
    List<String> missing =
        inFile.keySet().stream().filter(pseudonym -> !inDatabase.containsKey(pseudonym)).toList();
    if (missing.isEmpty()) {
      return;
    }
    // The owner is under forced row-level security too: the platform scope, this transaction only.
    try (Statement scope = owner.createStatement()) {
      scope.execute("SELECT set_config('app.scope', 'platform', true)");
    }
    List<String> subjects = new ArrayList<>();
    Array pseudonyms = owner.createArrayOf("text", missing.toArray());
    try (PreparedStatement find =
        owner.prepareStatement(
            "SELECT keycloak_subject FROM user_account"
                + " WHERE erasure_pseudonym(keycloak_subject) = ANY (?)"
                + " UNION SELECT substr(owner, 12) FROM data_key"
                + " WHERE owner LIKE 'freelancer:%' AND erasure_pseudonym(substr(owner, 12)) = ANY (?)")) {
      find.setArray(1, pseudonyms);
      find.setArray(2, pseudonyms);
      try (ResultSet rows = find.executeQuery()) {
        while (rows.next()) {
          subjects.add(rows.getString(1));
        }
      }
    }
    try (PreparedStatement erase = owner.prepareStatement("SELECT erase_freelancer(?)")) {
      for (String subject : subjects) {
        erase.setString(1, subject);
        erase.executeQuery().close();
      }
    }
    // Pseudonyms of people the restored database never knew are recorded as they were.
    try (PreparedStatement record =
        owner.prepareStatement(
            "INSERT INTO erasure_ledger (pseudonym, erased_at) VALUES (?, ?)"
                + " ON CONFLICT (pseudonym) DO NOTHING")) {
      for (String pseudonym : missing) {
        record.setString(1, pseudonym);
        record.setTimestamp(2, Timestamp.from(inFile.get(pseudonym)));
        record.addBatch();
      }
      record.executeBatch();
    }
    try (Statement scope = owner.createStatement()) {
      scope.execute("SELECT set_config('app.scope', '', true)");
    }
    LOG.warning(
        () ->
            "The database did not know "
                + missing.size()
                + " erasure(s) of the ledger file (restored from a backup?): erased "
                + subjects.size()
                + " account(s) again");
  }
}
