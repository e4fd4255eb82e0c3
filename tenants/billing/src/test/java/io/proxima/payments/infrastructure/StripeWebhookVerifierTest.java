package io.proxima.payments.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.payments.domain.PaymentWebhook.PaymentEvent;
import io.proxima.platform.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StripeWebhookVerifierTest {

  private static final String SECRET = "whsec_proxima_test";
  private static final long NOW = 1_796_000_000L;
  private static final UUID TENANT = UUID.randomUUID();
  private static final UUID INVOICE = UUID.randomUUID();

  private final StripeWebhookVerifier verifier =
      new StripeWebhookVerifier(
          Optional.of(SECRET), 300, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  static String event(String id, String type, UUID tenant, UUID invoice) {
    return """
        {"id":"%s","object":"event","api_version":"2020-08-27","created":%d,"livemode":false,
         "pending_webhooks":1,"type":"%s","request":{"id":null,"idempotency_key":null},
         "data":{"object":{"id":"pi_3Qproxima","object":"payment_intent","amount":110000,
           "amount_received":110000,"currency":"jpy","status":"succeeded",
           "metadata":{"tenant_id":"%s","invoice_id":"%s","invoice_number":"INV-000123"}}}}
        """
        .formatted(id, NOW, type, tenant, invoice);
  }

  /** Stripe's scheme, computed here without the library: HMAC-SHA256 over "t.payload". */
  static String signature(String secret, long timestamp, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aCorrectlySignedSuccessIsRead() {
    String payload = event("evt_1", "payment_intent.succeeded", TENANT, INVOICE);

    PaymentEvent event = verifier.verify(payload, signature(SECRET, NOW, payload));

    assertThat(event.eventId()).isEqualTo("evt_1");
    assertThat(event.outcome()).isEqualTo(PaymentEvent.Outcome.SUCCEEDED);
    assertThat(event.reference()).isEqualTo("pi_3Qproxima");
    assertThat(event.tenantId()).contains(TENANT);
    assertThat(event.invoiceId()).contains(INVOICE);
    assertThat(event.amountReceivedYen()).isEqualTo(110_000);
  }

  @Test
  void failuresAndEventsProximaDoesNotActOnAreTold() {
    String failed = event("evt_2", "payment_intent.payment_failed", TENANT, INVOICE);
    String other = event("evt_3", "charge.refund.updated", TENANT, INVOICE);

    assertThat(verifier.verify(failed, signature(SECRET, NOW, failed)).outcome())
        .isEqualTo(PaymentEvent.Outcome.FAILED);
    assertThat(verifier.verify(other, signature(SECRET, NOW, other)).outcome())
        .isEqualTo(PaymentEvent.Outcome.OTHER);
  }

  @Test
  void anotherSecretIsRefused() {
    String payload = event("evt_1", "payment_intent.succeeded", TENANT, INVOICE);

    assertRefused(payload, signature("whsec_someone_else", NOW, payload));
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String payload = event("evt_1", "payment_intent.succeeded", TENANT, INVOICE);
    String header = signature(SECRET, NOW, payload);

    assertRefused(payload.replace("110000", "1"), header);
    assertRefused(payload.replace(TENANT.toString(), UUID.randomUUID().toString()), header);
  }

  @Test
  void aStaleTimestampIsRefusedSoACapturedEventCannotBeReplayed() {
    String payload = event("evt_1", "payment_intent.succeeded", TENANT, INVOICE);

    assertRefused(payload, signature(SECRET, NOW - 301, payload));
    assertThat(verifier.verify(payload, signature(SECRET, NOW - 299, payload)).eventId())
        .isEqualTo("evt_1");
  }

  @Test
  void missingOrGarbledHeadersAreRefused() {
    String payload = event("evt_1", "payment_intent.succeeded", TENANT, INVOICE);

    assertRefused(payload, null);
    assertRefused(payload, " ");
    assertRefused(payload, "nonsense");
    assertRefused(payload, "t=abc,v1=def");
    assertRefused(payload, "t=" + NOW);
    assertRefused(payload, signature(SECRET, NOW, payload).replace("v1=", "v0="));
  }

  @Test
  void aSignedBodyThatIsNoEventIsRefused() {
    assertRefused("not json", signature(SECRET, NOW, "not json"));
    assertRefused("{}", signature(SECRET, NOW, "{}"));
    assertRefused("", signature(SECRET, NOW, ""));
  }

  @Test
  void withoutASecretWebhooksAreNotFoundNotUnavailable() {
    // 503 would tell Stripe (and a prober) to retry; without a secret no retry ever succeeds.
    String payload = event("evt_1", "payment_intent.succeeded", TENANT, INVOICE);
    StripeWebhookVerifier unconfigured =
        new StripeWebhookVerifier(Optional.empty(), 300, Clock.systemUTC());

    assertThatThrownBy(() -> unconfigured.verify(payload, signature(SECRET, NOW, payload)))
        .isInstanceOf(DomainException.NotFound.class);
    assertThatThrownBy(() -> unconfigured.verify("forged", "t=1,v1=00"))
        .isInstanceOf(DomainException.NotFound.class);
  }

  private void assertRefused(String payload, String header) {
    assertThatThrownBy(() -> verifier.verify(payload, header))
        .isInstanceOf(DomainException.InvalidValue.class);
  }
}
