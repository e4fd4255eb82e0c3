package io.proxima.privacy.application;

import io.proxima.privacy.domain.IdentityAccounts;
import io.proxima.privacy.domain.PendingIdentityRemovals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A closed tenant's staff leave Keycloak once its personal data is erased: the users its erasure
 * queued (those whose only membership was that tenant, and no freelancer) are removed after the
 * commit; what Keycloak did not take stays queued and {@link IdentityRemovalRetries} tries again,
 * restarts included. The erasure never waits for Keycloak.
 */
@ApplicationScoped
public class StaffIdentityRemovals {

  private static final Logger LOG = Logger.getLogger(StaffIdentityRemovals.class.getName());

  private final PendingIdentityRemovals pending;
  private final IdentityAccounts identities;
  private final Clock clock = Clock.systemUTC();

  /** For the CDI client proxy only. */
  protected StaffIdentityRemovals() {
    this(null, null);
  }

  @Inject
  public StaffIdentityRemovals(PendingIdentityRemovals pending, IdentityAccounts identities) {
    this.pending = pending;
    this.identities = identities;
  }

  /**
   * Removes the users an erasure queued; call after its commit, outside its transaction.
   *
   * @return how many Keycloak took now
   */
  public int remove(Collection<String> subjects) {
    int removed = 0;
    for (String subject : subjects) {
      if (!removeOne(subject)) {
        // Keycloak is down: the rest would fail the same way; the retries take them all.
        break;
      }
      removed++;
    }
    return removed;
  }

  /** Queued users whose removal failed earlier. */
  public int retry(int limit) {
    return remove(pending.awaiting(limit));
  }

  private boolean removeOne(String subject) {
    try {
      identities.remove(subject);
      pending.removed(subject, clock.instant());
      return true;
    } catch (IdentityAccounts.Unavailable e) {
      LOG.log(
          Level.WARNING,
          "closed tenant's staff user "
              + subject
              + " not removed from Keycloak yet, will retry: "
              + e.getMessage());
      return false;
    }
  }
}
