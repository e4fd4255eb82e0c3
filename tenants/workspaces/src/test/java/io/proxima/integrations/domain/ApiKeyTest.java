package io.proxima.integrations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

  private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

  private static ApiKey key(ApiKeySecret secret) {
    return ApiKey.issue(
        UUID.randomUUID(), "基幹連携", Set.of(ApiScope.JOBS_READ), secret, "admin", NOW);
  }

  @Test
  void aSecretHasItsPrefixAndOnlyItsHashIsKept() {
    ApiKeySecret secret = ApiKeySecret.generate();
    assertThat(secret.value()).startsWith(secret.prefix() + "_").hasSize(4 + 8 + 1 + 43);
    assertThat(ApiKeySecret.wellFormed(secret.value())).isTrue();
    assertThat(secret.toString()).doesNotContain(secret.value().substring(13));
    ApiKey key = key(secret);
    assertThat(key.prefix()).isEqualTo(secret.prefix());
    assertThat(key.opens(ApiKeySecret.hash(secret.value()), NOW)).isTrue();
    assertThat(key.opens(ApiKeySecret.hash(ApiKeySecret.generate().value()), NOW)).isFalse();
  }

  @Test
  void anythingNotShapedLikeAKeyIsNotLookedUp() {
    assertThat(ApiKeySecret.wellFormed("prx_short")).isFalse();
    assertThat(ApiKeySecret.wellFormed(null)).isFalse();
    assertThat(ApiKeySecret.wellFormed("eyJhbGciOiJSUzI1NiJ9.x.y")).isFalse();
  }

  @Test
  void aRotatedKeyKeepsItsPreviousSecretOnlyForTheOverlap() {
    ApiKeySecret first = ApiKeySecret.generate();
    ApiKey key = key(first);
    ApiKeySecret second = ApiKeySecret.generate();
    key.rotate(second, Duration.ofMinutes(60), NOW);
    assertThat(key.opens(second.hash(), NOW)).isTrue();
    assertThat(key.opens(first.hash(), NOW.plusSeconds(3599))).isTrue();
    assertThat(key.opens(first.hash(), NOW.plusSeconds(3600))).isFalse();
    ApiKeySecret third = ApiKeySecret.generate();
    key.rotate(third, Duration.ZERO, NOW);
    assertThat(key.opens(second.hash(), NOW)).isFalse();
    assertThat(key.opens(third.hash(), NOW)).isTrue();
  }

  @Test
  void aRevokedKeyOpensNothingAndCannotBeRotated() {
    ApiKeySecret secret = ApiKeySecret.generate();
    ApiKey key = key(secret);
    key.revoke(NOW);
    assertThat(key.opens(secret.hash(), NOW)).isFalse();
    assertThatThrownBy(() -> key.rotate(ApiKeySecret.generate(), Duration.ZERO, NOW))
        .isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void lastUseIsWrittenAtMostOnceAMinute() {
    ApiKey key = key(ApiKeySecret.generate());
    assertThat(key.used(NOW)).isTrue();
    assertThat(key.used(NOW.plusSeconds(30))).isFalse();
    assertThat(key.used(NOW.plusSeconds(61))).isTrue();
    assertThat(key.lastUsedAt()).contains(NOW.plusSeconds(61));
  }

  @Test
  void scopesAreReadAndNeededByAreaAndAccess() {
    assertThat(ApiScope.parse("scopes", List.of("jobs:read", " Applications:Write ")))
        .containsExactlyInAnyOrder(ApiScope.JOBS_READ, ApiScope.APPLICATIONS_WRITE);
    assertThatThrownBy(() -> ApiScope.parse("scopes", List.of("jobs:read", "admin:all")))
        .isInstanceOf(DomainException.InvalidValue.class)
        .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("scopes[1]"));
    assertThatThrownBy(() -> ApiScope.parse("scopes", List.of()))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThat(ApiScope.needed("applications", true)).contains(ApiScope.APPLICATIONS_WRITE);
    assertThat(ApiScope.needed("invoices", true)).isEmpty();
    assertThat(ApiScope.split(ApiScope.join(Set.of(ApiScope.SCOUTS_READ, ApiScope.JOBS_WRITE))))
        .containsExactlyInAnyOrder(ApiScope.SCOUTS_READ, ApiScope.JOBS_WRITE);
  }

  @Test
  void aKeyNeedsAName() {
    assertThatThrownBy(
            () ->
                ApiKey.issue(
                    UUID.randomUUID(),
                    " ",
                    Set.of(ApiScope.JOBS_READ),
                    ApiKeySecret.generate(),
                    "admin",
                    NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
  }
}
