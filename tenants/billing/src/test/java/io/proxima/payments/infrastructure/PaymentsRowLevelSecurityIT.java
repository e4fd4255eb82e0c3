package io.proxima.payments.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.local.LocalStack;
import io.proxima.local.LocalStackExtension;
import io.proxima.platform.persistence.DatabaseMigrations;
import io.proxima.platform.tenancy.TenancyConnectionProvider;
import io.proxima.platform.tenancy.TenancyContext;
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
 * V11's walls, as plain SQL under the application role: a tenant sees only its own payments,
 * statements and processed events, one provider reference pays once, and money that arrived stays.
 */
@ExtendWith(LocalStackExtension.class)
class PaymentsRowLevelSecurityIT {

  private static final UUID TENANT_A = UUID.randomUUID();
  private static final UUID TENANT_B = UUID.randomUUID();
  private static final UUID INVOICE_A = UUID.randomUUID();
  private static final UUID INVOICE_B = UUID.randomUUID();
  private static LocalStack stack;

  @BeforeAll
  static void twoTenantsWithAnInvoiceEach() throws SQLException {
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
        String slug = "p" + tenant.toString().substring(0, 8);
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
      }
      platform.commit();
    }
    for (UUID[] pair : new UUID[][] {{TENANT_A, INVOICE_A}, {TENANT_B, INVOICE_B}}) {
      try (Connection tenant = app(TenancyContext.tenant(pair[0], "t", "staff"))) {
        execute(
            tenant,
            "INSERT INTO invoice (id, tenant_id, number, kind, issuer_name, registration_number,"
                + " recipient_name, issue_date, lines, taxable_standard, tax_standard,"
                + " taxable_reduced, tax_reduced, total, issued_by, issued_at) VALUES ('"
                + pair[1]
                + "', '"
                + pair[0]
                + "', 1, 'INVOICE', 'Issuer', 'T1180301018771', 'Client', '2026-11-30', '[]',"
                + " 10000, 1000, 0, 0, 11000, 'staff', now())");
        execute(tenant, payment(pair[0], pair[1], "pi_shared_" + pair[0], "PENDING"));
        execute(
            tenant,
            "INSERT INTO payment_event (provider, event_id, tenant_id, type, processed_at)"
                + " VALUES ('stripe', 'evt_"
                + pair[0]
                + "', '"
                + pair[0]
                + "', 'payment_intent.succeeded', now())");
        tenant.commit();
      }
    }
  }

  private static String payment(UUID tenant, UUID invoice, String reference, String status) {
    return "INSERT INTO payment (id, tenant_id, invoice_id, method, reference, amount_yen, status,"
        + " created_at, updated_at) VALUES ('"
        + UUID.randomUUID()
        + "', '"
        + tenant
        + "', '"
        + invoice
        + "', 'CARD', '"
        + reference
        + "', 11000, '"
        + status
        + "', now(), now())";
  }

  @Test
  void aTenantSeesOnlyItsOwnPaymentsAndEvents() throws SQLException {
    try (Connection a = app(TenancyContext.tenant(TENANT_A, "a", "staff"))) {
      assertThat(tenantsIn(a, "SELECT tenant_id FROM payment")).containsOnly(TENANT_A);
      assertThat(tenantsIn(a, "SELECT tenant_id FROM payment_event")).containsOnly(TENANT_A);
    }
    try (Connection nobody = app(TenancyContext.anonymous())) {
      assertThat(tenantsIn(nobody, "SELECT tenant_id FROM payment")).isEmpty();
      assertThat(tenantsIn(nobody, "SELECT tenant_id FROM bank_statement_entry")).isEmpty();
    }
  }

  @Test
  void aPaymentCannotBeWrittenIntoAnotherTenant() throws SQLException {
    TenancyContext inA = TenancyContext.tenant(TENANT_A, "a", "staff");
    try (Connection a = app(inA)) {
      assertThatThrownBy(() -> execute(a, payment(TENANT_B, INVOICE_B, "pi_smuggled", "SUCCEEDED")))
          .hasMessageContaining("row-level security");
      rollback(a, inA);
      int changed;
      try (Statement statement = a.createStatement()) {
        changed = statement.executeUpdate("UPDATE payment SET status = 'FAILED'");
      }
      a.rollback();
      assertThat(changed).as("only A's own row").isEqualTo(1);
    }
  }

  @Test
  void oneProviderReferencePaysOnce() throws SQLException {
    try (Connection a = app(TenancyContext.tenant(TENANT_A, "a", "staff"))) {
      assertThatThrownBy(
              () -> execute(a, payment(TENANT_A, INVOICE_A, "pi_shared_" + TENANT_A, "PENDING")))
          .hasMessageContaining("duplicate key");
      a.rollback();
    }
  }

  @Test
  void aRedeliveredEventIsANoOpEvenFromTheOtherTenantsSide() throws SQLException {
    try (Connection a = app(TenancyContext.tenant(TENANT_A, "a", "webhook:stripe"));
        Statement statement = a.createStatement()) {
      int inserted =
          statement.executeUpdate(
              "INSERT INTO payment_event (provider, event_id, tenant_id, type, processed_at)"
                  + " VALUES ('stripe', 'evt_"
                  + TENANT_B
                  + "', '"
                  + TENANT_A
                  + "', 'payment_intent.succeeded', now()) ON CONFLICT DO NOTHING");
      a.rollback();
      assertThat(inserted).isZero();
    }
  }

  @Test
  void moneyThatArrivedStaysArrived() throws SQLException {
    TenancyContext inA = TenancyContext.tenant(TENANT_A, "a", "staff");
    try (Connection a = app(inA)) {
      execute(a, payment(TENANT_A, INVOICE_A, "pi_final", "SUCCEEDED"));
      assertThatThrownBy(
              () -> execute(a, "UPDATE payment SET status = 'FAILED' WHERE reference = 'pi_final'"))
          .hasMessageContaining("money that arrived stays arrived");
      rollback(a, inA);
      execute(a, payment(TENANT_A, INVOICE_A, "pi_final", "SUCCEEDED"));
      // Not granted to the application at all; the trigger stops the owner too.
      assertThatThrownBy(() -> execute(a, "DELETE FROM payment WHERE reference = 'pi_final'"))
          .hasMessageContaining("permission denied");
      a.rollback();
    }
  }

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

  /** The tenancy settings are transaction-local: a new transaction needs them again. */
  private static void rollback(Connection connection, TenancyContext context) throws SQLException {
    connection.rollback();
    TenancyConnectionProvider.apply(connection, context);
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
        tenants.add((UUID) rows.getObject(1));
      }
    }
    return tenants;
  }
}
