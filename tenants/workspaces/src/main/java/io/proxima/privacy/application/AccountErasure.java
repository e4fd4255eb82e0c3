package io.proxima.privacy.application;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.privacy.ErasureLedgerFile;
import io.proxima.privacy.domain.AccountErased;
import io.proxima.privacy.domain.AccountErasures;
import io.proxima.privacy.domain.IdentityAccounts;
import io.proxima.tenancy.domain.MembershipRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A freelancer deletes their account (APPI's right to erasure). In order, each step safe to repeat:
 *
 * <ol>
 *   <li>one database transaction: every table erased, the data key destroyed, the ledger entry and
 *       the audit entry {@code personal-data.erased} (a pseudonym, no actor) written (V71);
 *   <li>the ledger file beside the master keys, so a restored backup is erased again at start;
 *   <li>after the commit, the real-time entity drops the freelancer's live state ({@link
 *       AccountErased});
 *   <li>Keycloak's user removed, and the ledger says so; when Keycloak is down the erasure still
 *       stands (the account can no longer be used, see {@code TenancyFilter}) and the removal is
 *       retried by {@link #retryIdentityRemovals}.
 * </ol>
 */
@ApplicationScoped
public class AccountErasure {

  private static final Logger LOG = Logger.getLogger(AccountErasure.class.getName());
  private static final int MAX_SUBJECT = 255;

  /** What the answer and the audit entry say was done. */
  public record Erased(String pseudonym, Instant erasedAt, boolean identityRemoved) {}

  private final AccountErasures erasures;
  private final IdentityAccounts identities;
  private final MembershipRepository memberships;
  private final ErasureLedgerFile ledgerFile;
  private final Event<AccountErased> erased;
  private final Clock clock = Clock.systemUTC();

  /** For the CDI client proxy only. */
  protected AccountErasure() {
    this(null, null, null, null, null);
  }

  @Inject
  public AccountErasure(
      AccountErasures erasures,
      IdentityAccounts identities,
      MembershipRepository memberships,
      ErasureLedgerFile ledgerFile,
      Event<AccountErased> erased) {
    this.erasures = erasures;
    this.identities = identities;
    this.memberships = memberships;
    this.ledgerFile = ledgerFile;
    this.erased = erased;
  }

  /** Whether {@code subject} was erased (their old tokens must open nothing). */
  public boolean isErased(@NotBlank String subject) {
    // Longer than any stored subject (varchar 255): nobody, so nobody erased. Callers pass ids
    // straight from a path, where a hostile one may be a megabyte long.
    return subject.length() <= MAX_SUBJECT && erasures.isErased(subject);
  }

  /** The database part: all of it or nothing. Call {@link #finish} after it returns. */
  @Transactional
  public Erased erase(@NotBlank String subject) {
    if (erasures.isErased(subject)) {
      throw new DomainException.NotFound("This account was already deleted.");
    }
    // Staff accounts belong to their tenant's records (who approved, who signed); their tenant's
    // administrators remove them. Only a freelancer deletes their own account here.
    if (!memberships.ofSubject(subject).isEmpty()) {
      throw new DomainException.Refused(
          "A staff account is removed by its tenant's administrators, not deleted here.");
    }
    Instant at = clock.instant();
    // The audit entry personal-data.erased (a pseudonym, no actor) is written in the same step.
    String pseudonym = erasures.erase(subject);
    erased.fire(new AccountErased(subject, pseudonym));
    return new Erased(pseudonym, at, false);
  }

  /** Outside the database, after the commit: the ledger file, then Keycloak's user. */
  public Erased finish(@NotBlank String subject, Erased done) {
    try {
      ledgerFile.append(done.pseudonym(), done.erasedAt());
    } catch (java.io.UncheckedIOException e) {
      // The erasure stands (committed); the next start writes the database's ledger to the file.
      LOG.log(Level.WARNING, "erasure " + done.pseudonym() + ": ledger file not written", e);
    }
    boolean removed = removeIdentity(subject, done.pseudonym());
    if (removed) {
      // Keycloak answers again: earlier erasures whose removal failed get another try now.
      retryIdentityRemovals(5);
    }
    return new Erased(done.pseudonym(), done.erasedAt(), removed);
  }

  /** Keycloak's users of erasures whose removal failed (or came back with a restore). */
  public int retryIdentityRemovals(int limit) {
    int removed = 0;
    for (String subject : erasures.awaitingIdentityRemoval(limit)) {
      if (removeIdentity(subject, io.proxima.privacy.domain.Pseudonyms.of(subject))) {
        removed++;
      }
    }
    return removed;
  }

  private boolean removeIdentity(String subject, String pseudonym) {
    try {
      identities.remove(subject);
      erasures.identityRemoved(pseudonym, clock.instant());
      return true;
    } catch (IdentityAccounts.Unavailable e) {
      LOG.log(
          Level.WARNING,
          "erasure "
              + pseudonym
              + ": Keycloak's user not removed yet, will retry: "
              + e.getMessage());
      return false;
    }
  }
}
