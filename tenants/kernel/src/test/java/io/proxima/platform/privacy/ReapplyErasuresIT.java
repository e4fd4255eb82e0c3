package io.proxima.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database restored to a moment before an erasure holds the person again, wrapped data key
 * included; the ledger file beside the master keys does not forget, and the next start erases them
 * again before anything is served (real PostgreSQL, V71's function, the schema owner).
 */
class ReapplyErasuresIT {

  private final PersistenceTestKit kit = PersistenceTestKit.shared();

  @TempDir Path folder;

  @Test
  void aPersonARestoredDatabaseBroughtBackIsErasedAgainAtStart() throws Exception {
    String subject = "restored-" + UUID.randomUUID();
    KeyOwner owner = KeyOwner.freelancer(subject);
    // What the backup held: a sealed value, the account and the profile.
    byte[] sealed =
        kit.in(
            TenancyContext.self(subject), () -> kit.vault().sealText(owner, "contact:1", "090-1"));
    try (Connection superuser = kit.superuserDataSource().getConnection()) {
      execute(
          superuser,
          "INSERT INTO user_account (id, keycloak_subject, username, email, display_name,"
              + " first_seen_at, last_seen_at) VALUES (gen_random_uuid(), ?, 'restored',"
              + " 'restored@example.jp', '復元 太郎', now(), now())",
          subject);
      execute(
          superuser,
          "INSERT INTO freelancer_profile (freelancer_subject, name, document, updated_at, version)"
              + " VALUES (?, '復元 太郎', '{}', now(), 1)",
          subject);
    }
    String pseudonym = pseudonym(subject);
    ErasureLedgerFile ledger = new ErasureLedgerFile(folder.resolve("erasure-ledger.txt"));
    ledger.append(pseudonym, Instant.parse("2026-12-06T10:00:00Z"));

    try (Connection schemaOwner = kit.ownerDataSource().getConnection()) {
      schemaOwner.setAutoCommit(false);
      new ReapplyErasures(ledger).run(schemaOwner);
      schemaOwner.commit();
    }

    try (Connection superuser = kit.superuserDataSource().getConnection()) {
      assertThat(count(superuser, "SELECT count(*) FROM data_key WHERE owner = ?", owner.value()))
          .isZero();
      assertThat(
              count(
                  superuser,
                  "SELECT count(*) FROM freelancer_profile WHERE freelancer_subject = ?",
                  subject))
          .isZero();
      assertThat(
              count(
                  superuser,
                  "SELECT count(*) FROM user_account WHERE keycloak_subject = ?"
                      + " AND email IS NULL AND display_name = '退会したユーザー'",
                  subject))
          .isOne();
      assertThat(
              count(
                  superuser, "SELECT count(*) FROM erasure_ledger WHERE pseudonym = ?", pseudonym))
          .isOne();
      assertThatThrownBy(
              () ->
                  new ConnectionSealer(kit.masterKeys(), superuser)
                      .open(owner, "contact:1", sealed))
          .isInstanceOf(PersonalDataVault.KeyDestroyed.class);
    }
    // Run again (the next start): nothing left to do, and the file keeps one line per erasure.
    try (Connection schemaOwner = kit.ownerDataSource().getConnection()) {
      schemaOwner.setAutoCommit(false);
      new ReapplyErasures(ledger).run(schemaOwner);
      schemaOwner.commit();
    }
    assertThat(ledger.entries()).containsKey(pseudonym);
  }

  private static void execute(Connection connection, String sql, String value) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      statement.executeUpdate();
    }
  }

  private static long count(Connection connection, String sql, String value) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static String pseudonym(String subject) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256")
                .digest(("freelancer:" + subject).getBytes(StandardCharsets.UTF_8)));
  }
}
