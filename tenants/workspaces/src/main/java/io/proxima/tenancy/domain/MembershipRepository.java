package io.proxima.tenancy.domain;

import java.util.List;
import java.util.Optional;

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

  void store(Membership membership);
}
