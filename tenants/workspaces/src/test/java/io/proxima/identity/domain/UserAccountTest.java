package io.proxima.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserAccountTest {

  private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
  private final IdentityClaims taro =
      new IdentityClaims("sub-1", "taro", "taro@example.jp", "Taro Yamada");

  @Test
  void firstSeenAccountStartsWithTheClaimsAndBothTimestampsEqual() {
    UserAccount account = UserAccount.firstSeen(taro, MONDAY);

    assertThat(account.id()).isNotNull();
    assertThat(account.subject()).isEqualTo("sub-1");
    assertThat(account.email()).isEqualTo("taro@example.jp");
    assertThat(account.firstSeenAt()).isEqualTo(MONDAY).isEqualTo(account.lastSeenAt());
  }

  @Test
  void signInFollowsProfileChangesMadeInKeycloak() {
    UserAccount account = UserAccount.firstSeen(taro, MONDAY);

    account.recordSignIn(
        new IdentityClaims("sub-1", "taro", "new@example.jp", "山田 太郎"), MONDAY.plusSeconds(60));

    assertThat(account.email()).isEqualTo("new@example.jp");
    assertThat(account.displayName()).isEqualTo("山田 太郎");
    assertThat(account.lastSeenAt()).isEqualTo(MONDAY.plusSeconds(60));
    assertThat(account.firstSeenAt()).isEqualTo(MONDAY);
  }

  @Test
  void lastSeenNeverMovesBackwards() {
    UserAccount account = UserAccount.firstSeen(taro, MONDAY);

    account.recordSignIn(taro, MONDAY.minusSeconds(5));

    assertThat(account.lastSeenAt()).isEqualTo(MONDAY);
  }

  @Test
  void claimsOfSomeoneElseAreRefused() {
    UserAccount account = UserAccount.firstSeen(taro, MONDAY);

    assertThatThrownBy(
            () -> account.recordSignIn(new IdentityClaims("sub-2", "hanako", null, null), MONDAY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
