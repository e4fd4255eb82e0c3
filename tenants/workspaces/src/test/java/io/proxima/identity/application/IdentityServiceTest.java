package io.proxima.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.identity.domain.IdentityClaims;
import io.proxima.identity.domain.UserAccount;
import io.proxima.identity.domain.UserAccountRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityServiceTest {

  /** An in-memory repository with the same contract as the JPA one. */
  static final class InMemoryAccounts implements UserAccountRepository {
    final Map<String, UserAccount> bySubject = new LinkedHashMap<>();

    @Override
    public Optional<UserAccount> findBySubject(String subject) {
      return Optional.ofNullable(bySubject.get(subject));
    }

    @Override
    public List<UserAccount> findBySubjects(java.util.Collection<String> subjects) {
      return subjects.stream().map(bySubject::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public UserAccount storeIfAbsent(UserAccount account) {
      return bySubject.computeIfAbsent(account.subject(), subject -> account);
    }

    @Override
    public List<UserAccount> recentlySeen(int limit) {
      List<UserAccount> all = new ArrayList<>(bySubject.values());
      all.sort(Comparator.comparing(UserAccount::lastSeenAt).reversed());
      return all.subList(0, Math.min(limit, all.size()));
    }
  }

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final Instant now = Instant.parse("2026-11-23T09:00:00Z");
  private final IdentityService service =
      new IdentityService(accounts, Clock.fixed(now, ZoneOffset.UTC));

  @Test
  void firstCallCreatesTheAccountAndLaterCallsReuseIt() {
    IdentityClaims claims = new IdentityClaims("sub-1", "taro", "taro@example.jp", "Taro");

    UserAccount first = service.resolveCaller(claims);
    UserAccount again = service.resolveCaller(claims);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(accounts.bySubject).hasSize(1);
  }

  @Test
  void recentlySeenIsOrderedByLastCall() {
    service.resolveCaller(new IdentityClaims("sub-1", "taro", null, null));
    IdentityService later =
        new IdentityService(accounts, Clock.fixed(now.plusSeconds(10), ZoneOffset.UTC));
    later.resolveCaller(new IdentityClaims("sub-2", "hanako", null, null));

    assertThat(service.recentlySeen(10))
        .extracting(UserAccount::username)
        .containsExactly("hanako", "taro");
  }
}
