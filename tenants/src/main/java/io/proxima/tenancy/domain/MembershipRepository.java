package io.proxima.tenancy.domain;

import java.util.List;
import java.util.Optional;

public interface MembershipRepository {

  /** The caller's membership in the current tenant. */
  Optional<Membership> findBySubject(String subject);

  /** Members of the current tenant. */
  List<Membership> members();

  long countMembers();

  /** Every membership of one person, across tenants (their own view). */
  List<Membership> ofSubject(String subject);

  void store(Membership membership);
}
