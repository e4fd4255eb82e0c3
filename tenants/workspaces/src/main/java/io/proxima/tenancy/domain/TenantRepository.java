package io.proxima.tenancy.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface TenantRepository {

  Optional<Tenant> findById(UUID id);

  Optional<Tenant> findBySlug(String slug);

  /** A custom domain the tenant's portal answers on. */
  Optional<Tenant> findByHost(String host);

  boolean slugTaken(String slug);

  /** Host names of other tenants among these. */
  List<String> hostsTakenByOthers(UUID tenantId, List<String> hosts);

  void store(Tenant tenant);

  List<Tenant> all();

  /**
   * Closed tenants whose personal data is still there and that were closed at or before {@code
   * closedBy}: due for erasure. Platform scope.
   */
  List<Tenant> closedAndNotErased(java.time.Instant closedBy);

  /** Subjects of the freelancers sharing with a tenant now; platform scope. */
  List<String> sharingWith(UUID tenantId);

  /**
   * Erases a closed tenant's personal data ({@code erase_tenant}, V73); platform scope.
   *
   * @return how many consents it ended
   */
  int erasePersonalData(UUID tenantId);

  /**
   * Queues for removal from Keycloak the staff whose only membership is this tenant and who are no
   * freelancer ({@code queue_tenant_staff_removal}, V75); in the erasure's transaction, before
   * {@link #erasePersonalData}. Platform scope.
   *
   * @return their subjects
   */
  List<String> queueStaffIdentityRemoval(UUID tenantId);

  /**
   * Active agencies whose display name (or slug) contains {@code text}, case-insensitively, by
   * name; never companies nor suspended tenants (see {@code AgencyDirectory}).
   */
  List<Tenant> listedAgencies(String text, int limit);

  /** Counts per tenant for the console: members, workspaces, freelancers sharing. */
  record Usage(UUID tenantId, long members, long workspaces, long sharingFreelancers) {}

  List<Usage> usage();
}
