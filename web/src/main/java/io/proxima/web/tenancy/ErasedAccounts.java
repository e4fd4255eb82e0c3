package io.proxima.web.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.proxima.privacy.application.AccountErasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Whether a token's subject was erased. A signed token stays valid until it expires, whatever
 * Keycloak did since; without this check the old token of a deleted account would write new
 * personal data under the erased subject. An erasure is known on its own node at once and on the
 * others within {@link #RECHECK} (the answer "not erased" is cached that long, so a request costs
 * no query).
 */
@ApplicationScoped
public class ErasedAccounts {

  static final Duration RECHECK = Duration.ofSeconds(10);

  private final AccountErasure erasure;
  private final Cache<String, Boolean> answers =
      Caffeine.newBuilder().expireAfterWrite(RECHECK).maximumSize(100_000).build();
  private final Cache<String, Boolean> erased = Caffeine.newBuilder().maximumSize(100_000).build();

  /** For the CDI client proxy only. */
  protected ErasedAccounts() {
    this(null);
  }

  @Inject
  public ErasedAccounts(AccountErasure erasure) {
    this.erasure = erasure;
  }

  public boolean isErased(String subject) {
    if (erased.getIfPresent(subject) != null) {
      return true;
    }
    boolean answer = answers.get(subject, erasure::isErased);
    if (answer) {
      erased.put(subject, true);
    }
    return answer;
  }

  /** This node just erased {@code subject}. */
  public void erased(String subject) {
    erased.put(subject, true);
    answers.invalidate(subject);
  }
}
