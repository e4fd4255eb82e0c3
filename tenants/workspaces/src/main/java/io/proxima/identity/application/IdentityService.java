package io.proxima.identity.application;

import io.proxima.identity.domain.IdentityClaims;
import io.proxima.identity.domain.UserAccount;
import io.proxima.identity.domain.UserAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class IdentityService {

  private final UserAccountRepository accounts;
  private final Clock clock;

  /** For the CDI client proxy only. */
  protected IdentityService() {
    this(null, null);
  }

  @Inject
  public IdentityService(UserAccountRepository accounts) {
    this(accounts, Clock.systemUTC());
  }

  IdentityService(UserAccountRepository accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  /** The caller's account, created on their first call and kept in step with Keycloak. */
  @Transactional
  public UserAccount resolveCaller(@NotNull @Valid IdentityClaims claims) {
    var now = clock.instant();
    UserAccount account =
        accounts
            .findBySubject(claims.subject())
            .orElseGet(() -> accounts.storeIfAbsent(UserAccount.firstSeen(claims, now)));
    account.recordSignIn(claims, now);
    return account;
  }

  /** The name a person shows to others: display name, else username. */
  @Transactional
  public Optional<String> displayNameOf(@NotBlank String subject) {
    return accounts
        .findBySubject(subject)
        .map(a -> a.displayName() != null ? a.displayName() : a.username());
  }

  /** {@link #displayNameOf} for many at once; subjects without an account are left out. */
  @Transactional
  public java.util.Map<String, String> displayNamesOf(java.util.Collection<String> subjects) {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    for (UserAccount a : accounts.findBySubjects(subjects)) {
      names.put(a.subject(), a.displayName() != null ? a.displayName() : a.username());
    }
    return names;
  }

  @Transactional
  public List<UserAccount> recentlySeen(@Min(1) @Max(500) int limit) {
    return accounts.recentlySeen(limit);
  }
}
