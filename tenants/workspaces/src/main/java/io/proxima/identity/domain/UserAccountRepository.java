package io.proxima.identity.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface UserAccountRepository {

  Optional<UserAccount> findBySubject(String subject);

  /** The accounts of those subjects that have one, in no particular order. */
  List<UserAccount> findBySubjects(Collection<String> subjects);

  /**
   * Stores a new account unless one with the same subject was stored first (two first calls of the
   * same person can race); returns the account that is stored either way.
   */
  UserAccount storeIfAbsent(UserAccount account);

  /** Most recently active first. */
  List<UserAccount> recentlySeen(int limit);
}
