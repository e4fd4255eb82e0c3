package io.proxima.tenancy.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface MembershipRepository {

  /** The person's accepted membership in the current tenant: what grants access. */
  Optional<Membership> findBySubject(String subject);

  /** The person's membership in the current tenant, accepted or only offered. */
  Optional<Membership> findAnyBySubject(String subject);

  void remove(Membership membership);

  /** Members of the current tenant. */
  List<Membership> members();

  long countMembers();

  /** Every membership of one person, across tenants, accepted or not (their own view). */
  List<Membership> ofSubject(String subject);

  /** A member of the current tenant by the membership's id. */
  Optional<Membership> findById(UUID id);

  /** The membership in the current tenant whose invitation link has this SHA-256. */
  Optional<Membership> findByInvitationTokenHash(String tokenHash);

  /**
   * The administrator a tenant was created with (its earliest), for the platform console, which
   * works outside any tenant.
   */
  Optional<Membership> firstAdministratorOf(UUID tenantId);

  /**
   * The administrators of a tenant who joined, for mail about the tenant's business sent from no
   * request (reminders); needs the platform scope.
   */
  List<Membership> activeAdministratorsOf(UUID tenantId);

  /** Accepted members of the current tenant holding this role. */
  long countActive(TenantRole role);

  void store(Membership membership);
}
