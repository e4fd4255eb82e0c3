package io.proxima.privacy.domain;

import java.time.Instant;
import java.util.List;

/**
 * The database side of erasing a freelancer: every table in one transaction (V71's {@code
 * erase_freelancer}), and the ledger of who was erased, by pseudonym only.
 */
public interface AccountErasures {

  /**
   * Erases the freelancer's personal data everywhere, destroys their data key and records them in
   * the ledger, in the caller's transaction.
   *
   * @return their pseudonym in the ledger
   */
  String erase(String subject);

  boolean isErased(String subject);

  /** Keycloak's user of the ledger entry is gone. */
  void identityRemoved(String pseudonym, Instant at);

  /** Subjects erased whose Keycloak user may still exist (its removal failed, or a restore). */
  List<String> awaitingIdentityRemoval(int limit);
}
