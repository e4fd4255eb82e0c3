package io.proxima.profile.domain;

import java.util.Optional;

/**
 * Freelancers' personal details, sealed at rest. Row-level security decides what the caller may
 * read: the freelancer their own; a tenant's staff a freelancer's row only while the tenant pays
 * them under a contract, and then only the payout account is opened.
 */
public interface PersonalDetailsRepository {

  /** The freelancer's own details; {@link PersonalDetails#none} before they saved any. */
  PersonalDetails of(String freelancerSubject);

  /**
   * Stores {@code details} if the stored ones are still at the version before them.
   *
   * @return false when another writer got there first
   */
  boolean store(PersonalDetails details);

  /** The payout account, if the caller may read it and the freelancer gave one. */
  Optional<PayoutAccount> payoutAccountOf(String freelancerSubject);
}
