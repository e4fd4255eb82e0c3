package io.proxima.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceBalanceTest {

  private static final UUID INVOICE = UUID.randomUUID();
  private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

  private static Payment transfer(long yen) {
    return Payment.transferReceived(
        INVOICE, "bank:" + UUID.randomUUID(), yen, "ﾔﾏﾀﾞ", LocalDate.of(2026, 11, 30), NOW);
  }

  private static InvoiceBalance balance(Payment... payments) {
    return new InvoiceBalance(INVOICE, "INV-000001", 11_000, List.of(payments));
  }

  @Test
  void onlyMoneyThatArrivedCounts() {
    Payment pending = Payment.cardStarted(INVOICE, "pi_1", 11_000, NOW);

    assertThat(balance(pending).standing()).isEqualTo(InvoiceStanding.UNPAID);
    assertThat(balance(pending).amountForCard()).isEqualTo(11_000);
    assertThat(balance(transfer(1_000)).standing()).isEqualTo(InvoiceStanding.PARTIALLY_PAID);
    assertThat(balance(transfer(1_000)).amountForCard()).isEqualTo(10_000);
    assertThat(balance(transfer(1_000), pending.succeeded(10_000, NOW)).standing())
        .isEqualTo(InvoiceStanding.PAID);
    assertThat(balance(transfer(12_000)).standing()).isEqualTo(InvoiceStanding.OVERPAID);
    assertThat(balance(transfer(12_000)).outstandingYen()).isEqualTo(-1_000);
  }

  @Test
  void aPaidInvoiceTakesNoCardPayment() {
    assertThatThrownBy(() -> balance(transfer(11_000)).amountForCard())
        .isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("INV-000001 is paid already");
  }

  @Test
  void aFailedCardMaySucceedLaterButArrivedMoneyNeverFails() {
    Payment failed = Payment.cardStarted(INVOICE, "pi_1", 11_000, NOW).failed(NOW);
    Payment succeeded = failed.succeeded(11_000, NOW);

    assertThat(succeeded.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThatThrownBy(() -> succeeded.failed(NOW)).isInstanceOf(DomainException.Conflict.class);
    assertThat(succeeded.succeeded(5, NOW))
        .as("a redelivered success changes nothing")
        .isSameAs(succeeded);
  }
}
