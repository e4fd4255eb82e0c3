package io.proxima.integrations.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.integrations.domain.WebhookEndpoint;
import io.proxima.platform.events.PlatformEventType;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Webhook signing secrets on a real PostgreSQL: stored sealed with the tenant's data key, opened
 * for a delivery, bound to their endpoint, and those stored readable before V67 sealed at start.
 */
class WebhookSecretSealingTest {

  private static final Instant NOW = Instant.parse("2026-12-06T13:00:00Z");

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaTenantRepository tenants = new JpaTenantRepository(kit.entityManager());
  private final JpaWebhookRepository webhooks = new JpaWebhookRepository(kit.entityManager());
  private final VaultWebhookSecrets secrets = new VaultWebhookSecrets(kit.vault());

  @Test
  void aSecretIsStoredSealedAndOpensOnlyForItsOwnEndpoint() {
    Tenant agency = agency();
    WebhookEndpoint.Issued issued = create(agency);
    String id = issued.endpoint().id().toString();

    String raw = raw(issued.endpoint().id());
    assertThat(raw).startsWith("readable: null sealed: ");
    assertThat(raw).doesNotContain(issued.secret()).doesNotContain(hex(issued.secret()));

    WebhookEndpoint stored =
        kit.in(staffOf(agency), () -> webhooks.find(issued.endpoint().id())).orElseThrow();
    assertThat(kit.in(staffOf(agency), () -> stored.secret(secrets))).isEqualTo(issued.secret());

    // Sealed for one endpoint, the bytes open for no other (a copied column is useless).
    WebhookEndpoint.Issued other = create(agency);
    byte[] sealed = sealedBytes(issued.endpoint().id());
    assertThatThrownBy(
            () ->
                secrets.open(
                    agency.id(), WebhookEndpoint.secretPurpose(other.endpoint().id()), sealed))
        .as("opened as endpoint " + other.endpoint().id() + " instead of " + id)
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void secretsStoredReadableBeforeSealingAreSealedOnceAtStart() throws Exception {
    Tenant agency = agency();
    WebhookEndpoint.Issued issued = create(agency);
    UUID id = issued.endpoint().id();
    String legacy = "whsec_stored_readable_" + UUID.randomUUID();
    try (Connection owner = kit.ownerDataSource().getConnection()) {
      owner.setAutoCommit(false);
      try (Statement lift = owner.createStatement()) {
        lift.execute("ALTER TABLE webhook_endpoint NO FORCE ROW LEVEL SECURITY");
      }
      try (PreparedStatement before =
          owner.prepareStatement(
              "UPDATE webhook_endpoint SET secret = ?, sealed_secret = NULL WHERE id = ?")) {
        before.setString(1, legacy);
        before.setObject(2, id);
        before.executeUpdate();
      }
      try (Statement restore = owner.createStatement()) {
        restore.execute("ALTER TABLE webhook_endpoint FORCE ROW LEVEL SECURITY");
      }
      owner.commit();
    }
    assertThat(raw(id)).startsWith("readable: " + legacy);

    SealReadableWebhookSecrets seal = new SealReadableWebhookSecrets(kit.masterKeys());
    for (int start = 0; start < 2; start++) {
      try (Connection owner = kit.ownerDataSource().getConnection()) {
        owner.setAutoCommit(false);
        seal.run(owner);
        owner.commit();
      }
    }

    assertThat(raw(id)).startsWith("readable: null sealed: ").doesNotContain(hex(legacy));
    WebhookEndpoint stored = kit.in(staffOf(agency), () -> webhooks.find(id)).orElseThrow();
    assertThat(kit.in(staffOf(agency), () -> stored.secret(secrets))).isEqualTo(legacy);
  }

  private WebhookEndpoint.Issued create(Tenant agency) {
    WebhookEndpoint.Issued issued =
        kit.in(
            staffOf(agency),
            () ->
                WebhookEndpoint.create(
                    agency.id(),
                    "https://hooks.example.jp/proxima",
                    Set.of(PlatformEventType.APPLICATION_MOVED),
                    "staff-1",
                    NOW,
                    secrets));
    kit.in(staffOf(agency), () -> webhooks.add(issued.endpoint()));
    return issued;
  }

  private Tenant agency() {
    String slug = "w" + UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant =
        Tenant.register(
            new TenantSlug(slug), TenantType.AGENCY, Branding.named("フック " + slug), Plan.FREE, NOW);
    kit.in(TenancyContext.platform("console-admin"), () -> tenants.store(tenant));
    return tenant;
  }

  private static TenancyContext staffOf(Tenant agency) {
    return TenancyContext.tenant(agency.id(), agency.slug().value(), "staff-1");
  }

  private static String hex(String text) {
    return HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private byte[] sealedBytes(UUID id) {
    return column(id, "sealed_secret", ResultSet::getBytes);
  }

  /** The row as a dump shows it. */
  private String raw(UUID id) {
    return column(
        id,
        "'readable: ' || coalesce(secret, 'null') || ' sealed: '"
            + " || coalesce(encode(sealed_secret, 'hex'), 'null')",
        ResultSet::getString);
  }

  private interface Column<T> {
    T read(ResultSet row, int index) throws java.sql.SQLException;
  }

  /** One expression of the endpoint's row, read as the schema owner, row-level security lifted. */
  private <T> T column(UUID id, String expression, Column<T> column) {
    try (Connection owner = kit.ownerDataSource().getConnection()) {
      owner.setAutoCommit(false);
      try (Statement lift = owner.createStatement()) {
        lift.execute("ALTER TABLE webhook_endpoint NO FORCE ROW LEVEL SECURITY");
      }
      try (PreparedStatement select =
          owner.prepareStatement("SELECT " + expression + " FROM webhook_endpoint WHERE id = ?")) {
        select.setObject(1, id);
        try (ResultSet row = select.executeQuery()) {
          assertThat(row.next()).as("endpoint " + id + " is stored").isTrue();
          return column.read(row, 1);
        }
      } finally {
        owner.rollback();
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
