package io.proxima.signup.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's talent invitations. */
public interface TalentInvitationRepository {

  void store(TalentInvitation invitation);

  Optional<TalentInvitation> findById(UUID id);

  /** The invitation whose current link has this hash, in the current tenant only. */
  Optional<TalentInvitation> findByTokenHash(String tokenHash);

  /** The pending invitation to this address, if any (case-insensitive). */
  Optional<TalentInvitation> findPendingTo(String email);

  /**
   * Invitations to this address (case-insensitive) still pending and not expired at {@code now},
   * newest first; in every tenant when run in the platform's scope.
   */
  List<TalentInvitation> answerableTo(String email, Instant now, int limit);

  /** Newest first. */
  List<TalentInvitation> all(int limit);
}
