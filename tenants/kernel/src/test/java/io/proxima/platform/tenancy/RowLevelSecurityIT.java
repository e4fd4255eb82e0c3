package io.proxima.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.local.LocalStack;
import io.proxima.local.LocalStackExtension;
import io.proxima.platform.persistence.DatabaseMigrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database wall under the code guard: plain SQL as the application role, with no Hibernate
 * tenant filter in the way, still sees and changes only what the tenancy context allows.
 */
@ExtendWith(LocalStackExtension.class)
class RowLevelSecurityIT {

  private static final UUID TENANT_A = UUID.randomUUID();
  private static final UUID TENANT_B = UUID.randomUUID();
  private static final String FREELANCER = "freelancer-" + UUID.randomUUID();
  private static LocalStack stack;

  @BeforeAll
  static void schemaAndTwoTenants() throws SQLException {
    stack = LocalStackExtension.stack();
    var config = stack.platformConfiguration();
    new DatabaseMigrations(
            config.getProperty("proxima.db.url"),
            config.getProperty("proxima.db.migration.user"),
            config.getProperty("proxima.db.migration.password"),
            config.getProperty("proxima.db.user"))
        .migrate();
    try (Connection platform = app(TenancyContext.platform("console-admin"))) {
      for (UUID tenant : List.of(TENANT_A, TENANT_B)) {
        String slug = "t" + tenant.toString().substring(0, 8);
        execute(
            platform,
            "INSERT INTO tenant (id, slug, type, status, plan, display_name, primary_color,"
                + " accent_color, created_at, status_changed_at) VALUES ('"
                + tenant
                + "', '"
                + slug
                + "', 'AGENCY', 'ACTIVE', 'FREE', '"
                + slug
                + "', '#000000', '#ffffff', now(), now())");
        execute(
            platform,
            "INSERT INTO company_workspace (id, tenant_id, name, created_at) VALUES ('"
                + UUID.randomUUID()
                + "', '"
                + tenant
                + "', 'workspace of "
                + slug
                + "', now())");
      }
      platform.commit();
    }
    for (UUID tenant : List.of(TENANT_A, TENANT_B)) {
      try (Connection freelancer = app(TenancyContext.self(FREELANCER))) {
        execute(
            freelancer,
            "INSERT INTO consent (id, tenant_id, freelancer_subject, granted_at, shared_items)"
                + " VALUES ('"
                + UUID.randomUUID()
                + "', '"
                + tenant
                + "', '"
                + FREELANCER
                + "', now(), '{PROFILE,AVAILABILITY}')");
        freelancer.commit();
      }
    }
  }

  @Test
  void applicationRoleIsNeitherOwnerNorSuperuser() throws SQLException {
    try (Connection connection = app(TenancyContext.anonymous());
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT r.rolsuper, r.rolbypassrls, t.tableowner = current_user"
                    + " FROM pg_roles r, pg_tables t"
                    + " WHERE r.rolname = current_user AND t.tablename = 'membership'")) {
      row.next();
      assertThat(row.getBoolean(1)).as("superuser").isFalse();
      assertThat(row.getBoolean(2)).as("bypasses RLS").isFalse();
      assertThat(row.getBoolean(3)).as("owns the table").isFalse();
    }
  }

  @Test
  void nativeSelectSeesOnlyTheContextsTenant() throws SQLException {
    try (Connection connection = app(TenancyContext.tenant(TENANT_A, "a", "someone"))) {
      assertThat(tenantsIn(connection, "SELECT tenant_id FROM company_workspace"))
          .containsOnly(TENANT_A);
      assertThat(tenantsIn(connection, "SELECT tenant_id FROM consent")).containsOnly(TENANT_A);
    }
  }

  @Test
  void withoutAContextNothingTenantOwnedIsVisible() throws SQLException {
    try (Connection connection = app(TenancyContext.anonymous())) {
      assertThat(tenantsIn(connection, "SELECT tenant_id FROM company_workspace")).isEmpty();
      assertThat(tenantsIn(connection, "SELECT tenant_id FROM membership")).isEmpty();
      assertThat(tenantsIn(connection, "SELECT tenant_id FROM consent")).isEmpty();
    }
  }

  @Test
  void bulkUpdateCannotReachAnotherTenant() throws SQLException {
    try (Connection connection = app(TenancyContext.tenant(TENANT_A, "a", "someone"))) {
      int changed;
      try (Statement statement = connection.createStatement()) {
        changed = statement.executeUpdate("UPDATE company_workspace SET name = name || ' (seen)'");
      }
      connection.rollback();
      assertThat(changed).isEqualTo(1);
    }
  }

  @Test
  void insertIntoAnotherTenantIsRefused() throws SQLException {
    try (Connection connection = app(TenancyContext.tenant(TENANT_A, "a", "someone"))) {
      assertThatThrownBy(
              () ->
                  execute(
                      connection,
                      "INSERT INTO company_workspace (id, tenant_id, name, created_at) VALUES ('"
                          + UUID.randomUUID()
                          + "', '"
                          + TENANT_B
                          + "', 'smuggled', now())"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
      connection.rollback();
    }
  }

  @Test
  void freelancerSeesOwnConsentsAcrossTenantsButCannotForgeOthers() throws SQLException {
    try (Connection connection = app(TenancyContext.self(FREELANCER))) {
      assertThat(tenantsIn(connection, "SELECT tenant_id FROM consent"))
          .containsExactlyInAnyOrder(TENANT_A, TENANT_B);
      assertThatThrownBy(
              () ->
                  execute(
                      connection,
                      "INSERT INTO consent (id, tenant_id, freelancer_subject, granted_at, shared_items)"
                          + " VALUES ('"
                          + UUID.randomUUID()
                          + "', '"
                          + TENANT_A
                          + "', 'someone-else', now(), '{PROFILE,AVAILABILITY}')"))
          .hasMessageContaining("row-level security");
      connection.rollback();
    }
  }

  @Test
  void auditLogIsAppendOnlyEvenForTheOwner() throws SQLException {
    try (Connection platform = app(TenancyContext.platform("console-admin"))) {
      execute(
          platform,
          "INSERT INTO audit_event (occurred_at, action, target) VALUES (now(), 'test', 'x')");
      platform.commit();
    }
    var config = stack.platformConfiguration();
    try (Connection owner =
        DriverManager.getConnection(
            config.getProperty("proxima.db.url"),
            config.getProperty("proxima.db.migration.user"),
            config.getProperty("proxima.db.migration.password"))) {
      assertThatThrownBy(() -> execute(owner, "DELETE FROM audit_event"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void availabilityIsVisibleOnlyWhileTheFreelancerShares() throws SQLException {
    String freelancer = "available-" + UUID.randomUUID();
    UUID consent = UUID.randomUUID();
    try (Connection self = app(TenancyContext.self(freelancer))) {
      execute(
          self,
          "INSERT INTO consent (id, tenant_id, freelancer_subject, granted_at, shared_items)"
              + " VALUES ('"
              + consent
              + "', '"
              + TENANT_A
              + "', '"
              + freelancer
              + "', now(), '{PROFILE,AVAILABILITY}')");
      execute(
          self,
          "INSERT INTO freelancer_availability (freelancer_subject, status, days_per_week,"
              + " hours_per_day, work_style, updated_at, version) VALUES ('"
              + freelancer
              + "', 'AVAILABLE', 5, 8, 'REMOTE', now(), 1)");
      self.commit();
    }
    String count =
        "SELECT count(*) FROM freelancer_availability WHERE freelancer_subject = '"
            + freelancer
            + "'";
    try (Connection a = app(TenancyContext.tenant(TENANT_A, "a", "recruiter"));
        Connection b = app(TenancyContext.tenant(TENANT_B, "b", "recruiter"))) {
      assertThat(count(a, count)).isEqualTo(1);
      assertThat(count(b, count)).isZero();
      // Seeing is not writing: only the freelancer changes their availability.
      try (Statement statement = a.createStatement()) {
        assertThat(
                statement.executeUpdate(
                    "UPDATE freelancer_availability SET note = 'forged' WHERE freelancer_subject"
                        + " = '"
                        + freelancer
                        + "'"))
            .isZero();
      }
      a.rollback();
    }
    try (Connection self = app(TenancyContext.self(freelancer))) {
      execute(self, "UPDATE consent SET revoked_at = now() WHERE id = '" + consent + "'");
      self.commit();
    }
    try (Connection a = app(TenancyContext.tenant(TENANT_A, "a", "recruiter"))) {
      assertThat(count(a, count)).as("after the consent is revoked").isZero();
    }
  }

  @Test
  void profilesAreSeenOnlyWhileSharedDraftsNeverAndViewsOnlyByTheirTwoParties()
      throws SQLException {
    String freelancer = "profiled-" + UUID.randomUUID();
    UUID consent = UUID.randomUUID();
    UUID draft = UUID.randomUUID();
    try (Connection self = app(TenancyContext.self(freelancer))) {
      execute(
          self,
          "INSERT INTO consent (id, tenant_id, freelancer_subject, granted_at, shared_items)"
              + " VALUES ('"
              + consent
              + "', '"
              + TENANT_A
              + "', '"
              + freelancer
              + "', now(), '{PROFILE,AVAILABILITY}')");
      execute(
          self,
          "INSERT INTO freelancer_profile (freelancer_subject, name, document, updated_at,"
              + " version) VALUES ('"
              + freelancer
              + "', '山田', '{}', now(), 1)");
      execute(
          self,
          "INSERT INTO skill_sheet_draft (id, freelancer_subject, file_name, media_type,"
              + " size_bytes, sha256, draft, status, uploaded_at) VALUES ('"
              + draft
              + "', '"
              + freelancer
              + "', 'sheet.xlsx', 'x', 1, repeat('0', 64), '{}', 'PENDING', now())");
      self.commit();
    }
    String profiles =
        "SELECT count(*) FROM freelancer_profile WHERE freelancer_subject = '" + freelancer + "'";
    String drafts =
        "SELECT count(*) FROM skill_sheet_draft WHERE freelancer_subject = '" + freelancer + "'";
    String views =
        "SELECT count(*) FROM profile_view WHERE freelancer_subject = '" + freelancer + "'";
    String recordView =
        "INSERT INTO profile_view (freelancer_subject, tenant_id, viewer_subject, what,"
            + " viewed_at) VALUES ('"
            + freelancer
            + "', '%s', '%s', 'PROFILE', now())";
    try (Connection a = app(TenancyContext.tenant(TENANT_A, "a", "recruiter-a"))) {
      assertThat(count(a, profiles)).isEqualTo(1);
      assertThat(count(a, drafts)).as("an unreviewed upload is the freelancer's alone").isZero();
      try (Statement statement = a.createStatement()) {
        assertThat(
                statement.executeUpdate(
                    "UPDATE freelancer_profile SET name = 'forged' WHERE freelancer_subject = '"
                        + freelancer
                        + "'"))
            .isZero();
      }
      execute(a, recordView.formatted(TENANT_A, "recruiter-a"));
      a.commit();
    }
    try (Connection b = app(TenancyContext.tenant(TENANT_B, "b", "recruiter-b"))) {
      assertThat(count(b, profiles)).isZero();
      assertThat(count(b, views)).as("another tenant's views").isZero();
      // B cannot record a view of a profile it was never shown, nor one in A's name.
      assertThatThrownBy(() -> execute(b, recordView.formatted(TENANT_B, "recruiter-b")))
          .hasMessageContaining("row-level security");
      b.rollback();
      assertThatThrownBy(() -> execute(b, recordView.formatted(TENANT_A, "recruiter-b")))
          .hasMessageContaining("row-level security");
      b.rollback();
    }
    try (Connection a = app(TenancyContext.tenant(TENANT_A, "a", "recruiter-a"))) {
      assertThatThrownBy(() -> execute(a, recordView.formatted(TENANT_A, "someone-else")))
          .as("a view is recorded in the viewer's own name")
          .hasMessageContaining("row-level security");
      a.rollback();
    }
    try (Connection self = app(TenancyContext.self(freelancer))) {
      assertThat(count(self, views)).isEqualTo(1);
      assertThat(count(self, drafts)).isEqualTo(1);
      execute(self, "UPDATE consent SET revoked_at = now() WHERE id = '" + consent + "'");
      self.commit();
    }
    try (Connection a = app(TenancyContext.tenant(TENANT_A, "a", "recruiter-a"))) {
      assertThat(count(a, profiles)).as("after the consent is revoked").isZero();
    }
  }

  @Test
  void chatMessagesStayBetweenTheirTwoPartiesAndAreNeverRewritten() throws SQLException {
    String freelancer = "chatting-" + UUID.randomUUID();
    try (Connection self = app(TenancyContext.self(freelancer))) {
      for (UUID tenant : List.of(TENANT_A, TENANT_B)) {
        execute(
            self,
            "INSERT INTO conversation (tenant_id, freelancer_subject, last_seq, updated_at)"
                + " VALUES ('"
                + tenant
                + "', '"
                + freelancer
                + "', 1, now())");
        execute(
            self,
            "INSERT INTO chat_message (tenant_id, freelancer_subject, seq, id, sender_subject,"
                + " sender_side, client_message_id, body, sent_at) VALUES ('"
                + tenant
                + "', '"
                + freelancer
                + "', 1, '"
                + UUID.randomUUID()
                + "', '"
                + freelancer
                + "', 'FREELANCER', 'c1', 'for "
                + tenant
                + "', now())");
      }
      self.commit();
    }
    try (Connection a = app(TenancyContext.tenant(TENANT_A, "a", "recruiter"))) {
      assertThat(
              tenantsIn(
                  a,
                  "SELECT tenant_id FROM chat_message WHERE freelancer_subject = '"
                      + freelancer
                      + "'"))
          .containsExactly(TENANT_A);
      assertThatThrownBy(
              () ->
                  execute(
                      a,
                      "INSERT INTO chat_message (tenant_id, freelancer_subject, seq, id,"
                          + " sender_subject, sender_side, client_message_id, body, sent_at)"
                          + " VALUES ('"
                          + TENANT_B
                          + "', '"
                          + freelancer
                          + "', 2, '"
                          + UUID.randomUUID()
                          + "', 'recruiter', 'TENANT', 'x', 'smuggled', now())"))
          .hasMessageContaining("row-level security");
      a.rollback();
    }
    try (Connection self = app(TenancyContext.self(freelancer))) {
      assertThatThrownBy(() -> execute(self, "UPDATE chat_message SET body = 'rewritten'"))
          .hasMessageContaining("permission denied");
      self.rollback();
      assertThatThrownBy(() -> execute(self, "DELETE FROM chat_message"))
          .hasMessageContaining("permission denied");
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
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

  private static List<UUID> tenantsIn(Connection connection, String sql) throws SQLException {
    List<UUID> tenants = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        tenants.add(rows.getObject(1, UUID.class));
      }
    }
    return tenants;
  }
}
