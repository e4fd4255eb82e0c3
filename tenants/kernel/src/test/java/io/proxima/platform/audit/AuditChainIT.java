package io.proxima.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.local.LocalStack;
import io.proxima.local.LocalStackExtension;
import io.proxima.platform.audit.AuditChainVerifier.Kind;
import io.proxima.platform.audit.AuditChainVerifier.Result;
import io.proxima.platform.persistence.DatabaseMigrations;
import io.proxima.platform.tenancy.TenancyConnectionProvider;
import io.proxima.platform.tenancy.TenancyContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit hash chain in a real PostgreSQL: built by the trigger whoever writes, verified in Java,
 * broken by tampering only a superuser can do, linear under concurrent appends, and shortened by
 * the retention purge without becoming unverifiable. Each test works on a chain of its own (a fresh
 * tenant id), so tests and other suites sharing the database do not disturb each other.
 */
@ExtendWith(LocalStackExtension.class)
class AuditChainIT {

  private static LocalStack stack;

  @BeforeAll
  static void schema() {
    stack = LocalStackExtension.stack();
    var config = stack.platformConfiguration();
    new DatabaseMigrations(
            config.getProperty("proxima.db.url"),
            config.getProperty("proxima.db.migration.user"),
            config.getProperty("proxima.db.migration.password"),
            config.getProperty("proxima.db.user"))
        .migrate();
  }

  @Test
  void untamperedChainVerifiesAndWritersCannotForgeTheChainColumns() throws SQLException {
    UUID tenant = UUID.randomUUID();
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      append(app, tenant, "tenant.created", "first", Instant.now());
      // A writer naming its own position and hash is overruled by the trigger.
      execute(
          app,
          "INSERT INTO audit_event (occurred_at, action, tenant_id, chain_key, chain_seq,"
              + " prev_hash, hash) VALUES (now(), 'forged', '"
              + tenant
              + "', 'platform', 99, '\\x00', '\\x00')");
      append(app, tenant, "member.invited", "日本語の詳細, \"quoted\"", Instant.now());
      app.commit();
    }
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      assertThat(positions(app, tenant)).containsExactly(1L, 2L, 3L);
      Result result = AuditChainVerifier.verify(app, tenant.toString());
      assertThat(result.intact()).as(result.toString()).isTrue();
      assertThat(result.entriesChecked()).isEqualTo(3);
      assertThat(result.headSequence()).isEqualTo(3);
    }
    try (Connection other = app(TenancyContext.tenant(tenant, "t", "staff"))) {
      assertThat(AuditChainVerifier.verify(other, tenant.toString()).intact())
          .as("a tenant verifies its own chain under row-level security")
          .isTrue();
    }
  }

  @Test
  void editedEntryIsReportedAtItsPosition() throws SQLException {
    UUID tenant = chainOf(5);
    tamper(
        "UPDATE audit_event SET details = 'rewritten' WHERE chain_key = ? AND chain_seq = 3",
        tenant);
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      Result result = AuditChainVerifier.verify(app, tenant.toString());
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBreak().sequence()).isEqualTo(3);
      assertThat(result.firstBreak().kind()).isEqualTo(Kind.CONTENT_CHANGED);
      assertThat(result.firstBreak().expected()).isNotEqualTo(result.firstBreak().actual());
      assertThat(result.verifiedThrough()).isEqualTo(2);
    }
  }

  @Test
  void editWithARecomputedHashBreaksTheNextLink() throws SQLException {
    UUID tenant = chainOf(4);
    tamper(
        "UPDATE audit_event SET actor_subject = 'someone-else' WHERE chain_key = ?"
            + " AND chain_seq = 2",
        tenant);
    // A careful forger also rehashes the entry they changed.
    tamper(
        "UPDATE audit_event SET hash = sha256(prev_hash || audit_event_canonical(audit_event))"
            + " WHERE chain_key = ? AND chain_seq = 2",
        tenant);
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      Result result = AuditChainVerifier.verify(app, tenant.toString());
      assertThat(result.firstBreak().sequence()).isEqualTo(3);
      assertThat(result.firstBreak().kind()).isEqualTo(Kind.BROKEN_LINK);
    }
  }

  @Test
  void deletedEntryIsReportedAsMissing() throws SQLException {
    UUID tenant = chainOf(5);
    tamper("DELETE FROM audit_event WHERE chain_key = ? AND chain_seq = 4", tenant);
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      Result result = AuditChainVerifier.verify(app, tenant.toString());
      assertThat(result.firstBreak().sequence()).isEqualTo(4);
      assertThat(result.firstBreak().kind()).isEqualTo(Kind.MISSING_ENTRY);
      assertThat(result.firstBreak().actual()).isEqualTo("#5");
    }
  }

  @Test
  void removedTailIsCaughtByTheHead() throws SQLException {
    UUID tenant = chainOf(5);
    tamper("DELETE FROM audit_event WHERE chain_key = ? AND chain_seq >= 4", tenant);
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      Result result = AuditChainVerifier.verify(app, tenant.toString());
      assertThat(result.firstBreak().kind()).isEqualTo(Kind.HEAD_MISMATCH);
      assertThat(result.firstBreak().sequence()).isEqualTo(4);
      assertThat(result.verifiedThrough()).isEqualTo(3);
    }
  }

  @Test
  void nobodyButASuperuserGetsPastTheAppendOnlyGuards() throws SQLException {
    UUID tenant = chainOf(2);
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      assertThatThrownBy(
              () -> execute(app, "DELETE FROM audit_event WHERE tenant_id = '" + tenant + "'"))
          .hasMessageContaining("permission denied");
      app.rollback();
      // The purge flag does not open a door the role has no key to.
      execute(app, "SELECT set_config('proxima.audit_purge', 'on', true)");
      assertThatThrownBy(
              () -> execute(app, "DELETE FROM audit_event WHERE tenant_id = '" + tenant + "'"))
          .hasMessageContaining("permission denied");
      app.rollback();
      assertThatThrownBy(() -> execute(app, "UPDATE audit_chain_head SET last_seq = 0"))
          .hasMessageContaining("permission denied");
    }
    try (Connection owner = owner()) {
      owner.setAutoCommit(false);
      execute(owner, "SELECT set_config('app.scope', 'platform', true)");
      assertThatThrownBy(
              () -> execute(owner, "DELETE FROM audit_event WHERE tenant_id = '" + tenant + "'"))
          .hasMessageContaining("append-only");
      owner.rollback();
      // Even with the flag, the owner cannot delete what no checkpoint covers.
      execute(owner, "SELECT set_config('app.scope', 'platform', true)");
      execute(owner, "SELECT set_config('proxima.audit_purge', 'on', true)");
      assertThatThrownBy(
              () -> execute(owner, "DELETE FROM audit_event WHERE tenant_id = '" + tenant + "'"))
          .hasMessageContaining("not behind a retention checkpoint");
      owner.rollback();
      execute(owner, "SELECT set_config('app.scope', 'platform', true)");
      assertThatThrownBy(
              () ->
                  execute(
                      owner,
                      "UPDATE audit_event SET details = 'x' WHERE"
                          + " tenant_id = '"
                          + tenant
                          + "'"))
          .hasMessageContaining("append-only");
      owner.rollback();
    }
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      assertThat(AuditChainVerifier.verify(app, tenant.toString()).intact()).isTrue();
    }
  }

  @Test
  void concurrentAppendsKeepOneLinearChain() throws Exception {
    UUID tenant = UUID.randomUUID();
    int writers = 12;
    int perWriter = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Callable<Void>> work = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        work.add(
            () -> {
              TenancyContext context = TenancyContext.platform("writer-" + writer);
              try (Connection app = app(context)) {
                for (int i = 0; i < perWriter; i++) {
                  append(app, tenant, "load.write", writer + "/" + i, Instant.now());
                  // Some transactions carry several entries, some roll back: neither may leave
                  // a gap or a fork.
                  if (i % 5 == 4) {
                    append(app, tenant, "load.discarded", writer + "/" + i, Instant.now());
                    app.rollback();
                  } else {
                    app.commit();
                  }
                  // The context is transaction-local, like the application's.
                  TenancyConnectionProvider.apply(app, context);
                }
              }
              return null;
            });
      }
      for (Future<Void> done : pool.invokeAll(work)) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }
    int committed = writers * perWriter * 4 / 5;
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      List<Long> positions = positions(app, tenant);
      assertThat(positions).hasSize(committed);
      Set<Long> distinct = new HashSet<>(positions);
      assertThat(distinct).hasSize(committed);
      assertThat(positions.get(positions.size() - 1)).isEqualTo(committed);
      try (Statement statement = app.createStatement();
          ResultSet forks =
              statement.executeQuery(
                  "SELECT count(*) FROM audit_event WHERE chain_key = '"
                      + tenant
                      + "' GROUP BY prev_hash HAVING count(*) > 1")) {
        assertThat(forks.next()).as("two entries after the same predecessor").isFalse();
      }
      Result result = AuditChainVerifier.verify(app, tenant.toString());
      assertThat(result.intact()).as(result.toString()).isTrue();
      assertThat(result.entriesChecked()).isEqualTo(committed);
    }
  }

  @Test
  void purgeRemovesOnlyExpiredPrefixAndLeavesAVerifiableChain() throws SQLException {
    UUID tenant = UUID.randomUUID();
    Instant now = Instant.now();
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      append(app, tenant, "old.one", null, now.minus(Duration.ofDays(800)));
      append(app, tenant, "old.two", null, now.minus(Duration.ofDays(700)));
      append(app, tenant, "recent", null, now.minus(Duration.ofDays(10)));
      // Older than the cutoff but after a younger entry: stays, so what is left is a suffix.
      append(app, tenant, "late.old", null, now.minus(Duration.ofDays(900)));
      app.commit();
    }
    TenancyContext job = TenancyContext.platform("retention-job");
    try (Connection app = app(job)) {
      assertThatThrownBy(() -> purge(app, tenant.toString(), 30))
          .hasMessageContaining("at least 365 days");
      app.rollback();
      TenancyConnectionProvider.apply(app, job);
      assertThat(purge(app, tenant.toString(), 365)).isEqualTo(2);
      app.commit();
      assertThat(purge(app, tenant.toString(), 365)).as("nothing more has expired").isZero();
      app.commit();
    }
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      assertThat(positions(app, tenant)).containsExactly(3L, 4L, 5L);
      Result result = AuditChainVerifier.verify(app, tenant.toString());
      assertThat(result.intact()).as(result.toString()).isTrue();
      assertThat(result.checkpointSequence()).isEqualTo(2);
      assertThat(result.entriesChecked()).isEqualTo(3);
      try (Statement statement = app.createStatement();
          ResultSet purged =
              statement.executeQuery(
                  "SELECT actor_subject, details FROM audit_event WHERE chain_key = '"
                      + tenant
                      + "' AND action = 'audit.purged'")) {
        assertThat(purged.next()).as("the purge is on the record").isTrue();
        assertThat(purged.getString(1)).isEqualTo("retention-job");
        assertThat(purged.getString(2)).contains("removed 2 entries through #2");
      }
    }
    // Tampering after a purge is still caught, counted from the checkpoint.
    tamper(
        "UPDATE audit_event SET action = 'innocent' WHERE chain_key = ? AND chain_seq = 4", tenant);
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      Result result = AuditChainVerifier.verify(app, tenant.toString());
      assertThat(result.firstBreak().sequence()).isEqualTo(4);
      assertThat(result.firstBreak().kind()).isEqualTo(Kind.CONTENT_CHANGED);
    }
  }

  @Test
  void encodingInJavaMatchesTheDatabase() throws SQLException {
    try (Connection app = app(TenancyContext.platform("console-admin"));
        PreparedStatement query =
            app.prepareStatement(
                "SELECT audit_field(?) || audit_field(NULL) || audit_field(?) || audit_field(?)")) {
      query.setString(1, "proxima-audit-v1");
      query.setString(2, "");
      query.setString(3, "スキルシート🙂");
      try (ResultSet row = query.executeQuery()) {
        row.next();
        assertThat(row.getBytes(1)).isEqualTo(AuditChainVerifier.canonical(null, "", "スキルシート🙂"));
      }
    }
  }

  @Test
  void migrationChainsTheEntriesWrittenBeforeIt() throws SQLException {
    String database = "audit_backfill_" + UUID.randomUUID().toString().substring(0, 8);
    var config = stack.platformConfiguration();
    try (Connection superuser = stack.postgres().superuserDataSource("postgres").getConnection()) {
      execute(superuser, "CREATE DATABASE " + database + " OWNER proxima_owner");
    }
    String url = stack.postgres().jdbcUrl(database);
    String owner = config.getProperty("proxima.db.migration.user");
    String password = config.getProperty("proxima.db.migration.password");
    Flyway.configure(AuditChainIT.class.getClassLoader())
        .dataSource(url, owner, password)
        .locations("classpath:db/migration")
        .placeholders(Map.of("app_role", config.getProperty("proxima.db.user")))
        .target("9")
        .load()
        .migrate();
    UUID tenant = UUID.randomUUID();
    try (Connection before = DriverManager.getConnection(url, owner, password)) {
      execute(before, "SELECT set_config('app.scope', 'platform', false)");
      for (int i = 0; i < 3; i++) {
        append(before, tenant, "before.tenant." + i, "details " + i, Instant.now());
        append(before, null, "before.platform." + i, null, Instant.now());
      }
    }
    Flyway.configure(AuditChainIT.class.getClassLoader())
        .dataSource(url, owner, password)
        .locations("classpath:db/migration")
        .placeholders(Map.of("app_role", config.getProperty("proxima.db.user")))
        .load()
        .migrate();
    try (Connection after = DriverManager.getConnection(url, owner, password)) {
      execute(after, "SELECT set_config('app.scope', 'platform', false)");
      append(after, tenant, "after.tenant", null, Instant.now());
      for (String chain : List.of(tenant.toString(), AuditChainVerifier.PLATFORM_CHAIN)) {
        Result result = AuditChainVerifier.verify(after, chain);
        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.headSequence()).isEqualTo(chain.equals("platform") ? 3 : 4);
      }
    }
  }

  /** A committed chain of {@code length} entries in a fresh tenant's chain. */
  private static UUID chainOf(int length) throws SQLException {
    UUID tenant = UUID.randomUUID();
    try (Connection app = app(TenancyContext.platform("console-admin"))) {
      for (int i = 1; i <= length; i++) {
        append(app, tenant, "entry." + i, "details " + i, Instant.now());
      }
      app.commit();
    }
    return tenant;
  }

  /** What only a superuser can do: switch the guards off, change the log, switch them on. */
  private static void tamper(String sql, UUID tenant) throws SQLException {
    try (Connection superuser = stack.postgres().superuserDataSource("proxima").getConnection()) {
      superuser.setAutoCommit(false);
      execute(superuser, "ALTER TABLE audit_event DISABLE TRIGGER USER");
      try (PreparedStatement statement = superuser.prepareStatement(sql)) {
        statement.setString(1, tenant.toString());
        assertThat(statement.executeUpdate()).isPositive();
      }
      execute(superuser, "ALTER TABLE audit_event ENABLE TRIGGER USER");
      superuser.commit();
    }
  }

  private static long purge(Connection connection, String chain, int keepDays) throws SQLException {
    try (PreparedStatement call = connection.prepareStatement("SELECT audit_purge(?, ?)")) {
      call.setString(1, chain);
      call.setInt(2, keepDays);
      try (ResultSet row = call.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static void append(
      Connection connection, UUID tenant, String action, String details, Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO audit_event (occurred_at, actor_subject, action, tenant_id, target,"
                + " source_ip, request_id, details) VALUES (?, proxima_subject(), ?, ?, 'target',"
                + " '203.0.113.7', 'req-1', ?)")) {
      insert.setTimestamp(1, Timestamp.from(at));
      insert.setString(2, action);
      insert.setObject(3, tenant, java.sql.Types.OTHER);
      insert.setString(4, details);
      insert.executeUpdate();
    }
  }

  private static List<Long> positions(Connection connection, UUID tenant) throws SQLException {
    List<Long> positions = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT chain_seq FROM audit_event WHERE chain_key = ? ORDER BY chain_seq")) {
      query.setString(1, tenant.toString());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          positions.add(rows.getLong(1));
        }
      }
    }
    return positions;
  }

  private static Connection owner() throws SQLException {
    var config = stack.platformConfiguration();
    return DriverManager.getConnection(
        config.getProperty("proxima.db.url"),
        config.getProperty("proxima.db.migration.user"),
        config.getProperty("proxima.db.migration.password"));
  }

  /** A connection as the application role, in a transaction with the given context. */
  private static Connection app(TenancyContext context) throws SQLException {
    var config = stack.platformConfiguration();
    Connection connection =
        DriverManager.getConnection(
            config.getProperty("proxima.db.url"),
            config.getProperty("proxima.db.user"),
            config.getProperty("proxima.db.password"));
    connection.setAutoCommit(false);
    TenancyConnectionProvider.apply(connection, context);
    return connection;
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
