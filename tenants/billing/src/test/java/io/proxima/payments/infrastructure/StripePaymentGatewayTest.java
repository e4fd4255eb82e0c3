package io.proxima.payments.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.payments.domain.PaymentGateway.CardPaymentRequest;
import io.proxima.payments.domain.PaymentGateway.CardPaymentStarted;
import io.proxima.payments.domain.PaymentStatus;
import io.proxima.platform.error.DomainException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripePaymentGatewayTest {

  private static final UUID TENANT = UUID.randomUUID();
  private static final UUID INVOICE = UUID.randomUUID();

  private StripeStub stripe;
  private StripePaymentGateway gateway;

  @BeforeEach
  void stub() throws Exception {
    stripe = new StripeStub();
    gateway =
        new StripePaymentGateway(
            Optional.of("sk_test_proxima"), stripe.baseUrl(), Optional.of("pk_test_proxima"));
  }

  @AfterEach
  void stop() {
    stripe.close();
  }

  @Test
  void createsAPaymentIntentInYenWithTheInvoiceInItsMetadata() {
    CardPaymentRequest request = new CardPaymentRequest(TENANT, INVOICE, "INV-000123", 110_000);

    CardPaymentStarted started = gateway.start(request);

    assertThat(stripe.received).hasSize(1);
    StripeStub.Received sent = stripe.received.get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/v1/payment_intents");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer sk_test_proxima");
    assertThat(sent.header("Idempotency-Key")).isEqualTo(request.idempotencyKey());
    assertThat(sent.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = sent.form();
    assertThat(form)
        .containsEntry("amount", "110000")
        .containsEntry("currency", "jpy")
        .containsEntry("payment_method_types[0]", "card")
        .containsEntry("metadata[tenant_id]", TENANT.toString())
        .containsEntry("metadata[invoice_id]", INVOICE.toString())
        .containsEntry("metadata[invoice_number]", "INV-000123");

    assertThat(started.reference()).startsWith("pi_");
    assertThat(started.clientSecret()).isEqualTo(started.reference() + "_secret_stub");
    assertThat(started.amountYen()).isEqualTo(110_000);
    assertThat(started.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(started.providerStatus()).isEqualTo("requires_payment_method");
  }

  @Test
  void aRetryCarriesTheSameKeySoStripeAnswersWithTheFirstPayment() {
    CardPaymentStarted first =
        gateway.start(new CardPaymentRequest(TENANT, INVOICE, "INV-000123", 110_000));
    CardPaymentStarted retry =
        gateway.start(new CardPaymentRequest(TENANT, INVOICE, "INV-000123", 110_000));
    CardPaymentStarted rest =
        gateway.start(new CardPaymentRequest(TENANT, INVOICE, "INV-000123", 10_000));
    CardPaymentStarted otherTenant =
        gateway.start(new CardPaymentRequest(UUID.randomUUID(), INVOICE, "INV-000123", 110_000));

    assertThat(stripe.received.get(0).header("Idempotency-Key"))
        .isEqualTo(stripe.received.get(1).header("Idempotency-Key"));
    assertThat(retry.reference()).isEqualTo(first.reference());
    assertThat(rest.reference())
        .as("a different amount is a new payment")
        .isNotEqualTo(first.reference());
    assertThat(otherTenant.reference()).isNotEqualTo(first.reference());
  }

  @Test
  void stripeFailingIsAProblemTheCallerMayRetry() {
    stripe.failWith(400);

    assertThatThrownBy(
            () -> gateway.start(new CardPaymentRequest(TENANT, INVOICE, "INV-000123", 110_000)))
        .isInstanceOf(DomainException.Unavailable.class)
        .hasMessageContaining("retrying is safe");
  }

  @Test
  void withoutAnApiKeyCardPaymentsAreUnavailable() {
    StripePaymentGateway unconfigured =
        new StripePaymentGateway(
            Optional.empty(), stripe.baseUrl(), Optional.of("pk_test_proxima"));

    assertThatThrownBy(
            () ->
                unconfigured.start(new CardPaymentRequest(TENANT, INVOICE, "INV-000123", 110_000)))
        .isInstanceOf(DomainException.Unavailable.class);
    assertThat(stripe.received).isEmpty();
    assertThat(unconfigured.publishableKey())
        .as("no card form where no payment can be created")
        .isEmpty();
    assertThat(gateway.publishableKey()).contains("pk_test_proxima");
  }

  @Test
  void amountsStripeCannotChargeAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> new CardPaymentRequest(TENANT, INVOICE, "INV-000001", 49))
        .isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(() -> new CardPaymentRequest(TENANT, INVOICE, "INV-000001", 100_000_000))
        .isInstanceOf(DomainException.Conflict.class);
  }
}
