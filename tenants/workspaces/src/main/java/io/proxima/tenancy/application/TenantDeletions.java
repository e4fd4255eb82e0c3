package io.proxima.tenancy.application;

import io.proxima.platform.error.DomainException;
import io.proxima.tenancy.domain.ConsentChanged;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A closed tenant's deletion after its retention period: its personal data is erased (staff,
 * invitees, conversations, scouts, applications, notes, views, notifications, webhooks, keys), its
 * consents end and are logged, issued invoices and signed contracts stay as records, and the
 * freelancers keep their accounts. Staff whose only membership was this tenant are queued to leave
 * Keycloak; the caller removes them after the commit ({@code StaffIdentityRemovals}). Run by the
 * platform in its own scope; one tenant per transaction, so one that fails leaves the others to go
 * on.
 */
@ApplicationScoped
public class TenantDeletions {

  /**
   * A tenant whose personal data was erased, how many consents ended with it, and the staff queued
   * to leave Keycloak.
   */
  public record Erased(UUID tenantId, String slug, int consentsEnded, List<String> staffLeaving) {
    public Erased {
      staffLeaving = List.copyOf(staffLeaving);
    }
  }

  private final TenantRepository tenants;
  private final Event<ConsentChanged> changes;
  private final Duration retention;

  protected TenantDeletions() {
    this(null, null, 0);
  }

  @Inject
  public TenantDeletions(
      TenantRepository tenants,
      Event<ConsentChanged> changes,
      @ConfigProperty(name = "proxima.tenants.retention-days", defaultValue = "90")
          long retentionDays) {
    this.tenants = tenants;
    this.changes = changes;
    this.retention = Duration.ofDays(Math.max(0, retentionDays));
  }

  /** How long a closed tenant's data is kept before it is erased. */
  public Duration retention() {
    return retention;
  }

  /** Closed tenants whose retention period has passed by {@code now}, oldest closure first. */
  @Transactional
  public List<UUID> due(@NotNull Instant now) {
    return tenants.closedAndNotErased(now.minus(retention)).stream().map(Tenant::id).toList();
  }

  /** Erases one closed tenant's personal data; a tenant that is not closed is a conflict. */
  @Transactional
  public Erased erase(@NotNull UUID tenantId) {
    Tenant tenant =
        tenants
            .findById(tenantId)
            .orElseThrow(() -> new DomainException.NotFound("no tenant " + tenantId));
    if (tenant.closedAt().isEmpty()) {
      throw new DomainException.Conflict("tenant " + tenant.slug().value() + " is not closed");
    }
    String slug = tenant.slug().value();
    List<String> sharing = tenants.sharingWith(tenantId);
    // Before the erasure: it deletes the memberships that say who was staff here only.
    List<String> leaving = tenants.queueStaffIdentityRemoval(tenantId);
    int ended = tenants.erasePersonalData(tenantId);
    // The real-time core takes the tenant off each freelancer's entity after the commit.
    sharing.forEach(subject -> changes.fire(new ConsentChanged(subject, tenantId, false)));
    return new Erased(tenantId, slug, ended, leaving);
  }
}
