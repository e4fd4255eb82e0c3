package io.proxima.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnsubscribeTokenTest {

  private final byte[] key = NotificationSettings.defaults("s-1", Instant.now()).unsubscribeKey();

  @Test
  void aSignedTokenNamesItsPersonAndKindAndChecksOut() {
    String token = UnsubscribeToken.sign("s-1", NotificationKind.SCOUT_RECEIVED, key);

    UnsubscribeToken parsed = UnsubscribeToken.parse(token).orElseThrow();

    assertThat(parsed.subject()).isEqualTo("s-1");
    assertThat(parsed.kind()).isEqualTo(NotificationKind.SCOUT_RECEIVED);
    assertThat(parsed.valid(key)).isTrue();
    assertThat(token).matches("[A-Za-z0-9_.-]+");
  }

  @Test
  void anotherKindOrAnotherKeyDoesNotCheckOut() {
    String token = UnsubscribeToken.sign("s-1", NotificationKind.SCOUT_RECEIVED, key);
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + NotificationKind.INVOICE_ISSUED.name() + "." + parts[2];
    assertThat(UnsubscribeToken.parse(forged).orElseThrow().valid(key)).isFalse();
    byte[] rotated = NotificationSettings.defaults("s-1", Instant.now()).unsubscribeKey();
    assertThat(UnsubscribeToken.parse(token).orElseThrow().valid(rotated)).isFalse();
  }

  @Test
  void anythingElseIsNoToken() {
    assertThat(UnsubscribeToken.parse(null)).isEmpty();
    assertThat(UnsubscribeToken.parse("")).isEmpty();
    assertThat(UnsubscribeToken.parse("a.b")).isEmpty();
    assertThat(UnsubscribeToken.parse("!!!.SCOUT_RECEIVED.???")).isEmpty();
    assertThat(UnsubscribeToken.parse("czE.scout.received.x")).isEmpty();
    assertThat(UnsubscribeToken.parse("x".repeat(5000))).isEmpty();
    assertThat(UnsubscribeToken.parse("czE.UNKNOWN.a2V5")).isEmpty();
  }
}
