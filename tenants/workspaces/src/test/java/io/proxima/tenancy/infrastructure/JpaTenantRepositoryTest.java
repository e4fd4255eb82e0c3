package io.proxima.tenancy.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.CompanyWorkspace;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tenants in a real PostgreSQL, through the same mappings and row-level security as a node. */
class JpaTenantRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaTenantRepository tenants = new JpaTenantRepository(kit.entityManager());
  private final JpaWorkspaceRepository workspaces = new JpaWorkspaceRepository(kit.entityManager());

  @Test
  void aRegisteredTenantIsFoundByIdSlugAndHostName() {
    String slug = "t" + UUID.randomUUID().toString().substring(0, 8);
    String host = slug + ".example.jp";
    Tenant registered =
        Tenant.register(
            new TenantSlug(slug),
            TenantType.AGENCY,
            new Branding(slug + " Agency", null, null, null, List.of(host)),
            Plan.FREE,
            NOW);
    kit.in(TenancyContext.platform("console-admin"), () -> tenants.store(registered));

    kit.in(
        TenancyContext.platform("console-admin"),
        () -> {
          assertThat(tenants.findById(registered.id()))
              .get()
              .extracting(Tenant::slug)
              .extracting(TenantSlug::value)
              .isEqualTo(slug);
          assertThat(tenants.findBySlug(slug)).isPresent();
          assertThat(tenants.findByHost(host))
              .get()
              .extracting(Tenant::id)
              .isEqualTo(registered.id());
          assertThat(tenants.slugTaken(slug)).isTrue();
          assertThat(tenants.hostsTakenByOthers(UUID.randomUUID(), List.of(host, "free.example")))
              .containsExactly(host);
          assertThat(tenants.hostsTakenByOthers(registered.id(), List.of(host))).isEmpty();
        });
  }

  @Test
  void usageCountsEachTenantsOwnMembersWorkspacesAndSharers() {
    Tenant agency = register();
    Tenant other = register();
    kit.in(
        TenancyContext.tenant(agency.id(), agency.slug().value(), "admin"),
        () -> {
          workspaces.store(CompanyWorkspace.open("Client A", NOW));
          workspaces.store(CompanyWorkspace.open("Client B", NOW));
        });

    List<TenantRepository.Usage> usage =
        kit.in(TenancyContext.platform("console-admin"), tenants::usage);

    assertThat(usage)
        .filteredOn(u -> u.tenantId().equals(agency.id()))
        .singleElement()
        .satisfies(u -> assertThat(u.workspaces()).isEqualTo(2));
    assertThat(usage)
        .filteredOn(u -> u.tenantId().equals(other.id()))
        .singleElement()
        .satisfies(u -> assertThat(u.workspaces()).isZero());
  }

  @Test
  void aTenantCountsNoneOfAnotherTenantsRows() {
    Tenant agency = register();
    Tenant other = register();
    kit.in(
        TenancyContext.tenant(agency.id(), agency.slug().value(), "admin"),
        () -> workspaces.store(CompanyWorkspace.open("Client A", NOW)));

    List<TenantRepository.Usage> seenByOther =
        kit.in(TenancyContext.tenant(other.id(), other.slug().value(), "admin"), tenants::usage);

    assertThat(seenByOther)
        .filteredOn(u -> u.tenantId().equals(agency.id()))
        .allSatisfy(u -> assertThat(u.workspaces()).isZero());
  }

  private Tenant register() {
    String slug = "t" + UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant =
        Tenant.register(
            new TenantSlug(slug), TenantType.AGENCY, Branding.named(slug), Plan.FREE, NOW);
    kit.in(TenancyContext.platform("console-admin"), () -> tenants.store(tenant));
    return tenant;
  }
}
