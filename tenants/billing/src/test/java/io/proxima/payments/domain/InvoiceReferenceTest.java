package io.proxima.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoiceReferenceTest {

  @Test
  void theFormsPayersActuallyType() {
    assertThat(InvoiceReference.numbersIn("INV-000123")).containsExactly(123L);
    assertThat(InvoiceReference.numbersIn("inv000123")).containsExactly(123L);
    assertThat(InvoiceReference.numbersIn("ｾｲｷｭｳｼｮ INV 123")).containsExactly(123L);
    assertThat(InvoiceReference.numbersIn("ＩＮＶ－０００１２３")).containsExactly(123L);
    assertThat(InvoiceReference.numbersIn("INV#123 ｶ)ｻﾝﾌﾟﾙ")).containsExactly(123L);
    assertThat(InvoiceReference.numbersIn("INVｰ123")).containsExactly(123L);
    assertThat(InvoiceReference.numbersIn("Invoice No.45")).containsExactly(45L);
  }

  @Test
  void whatIsNotAnInvoiceNumber() {
    assertThat(InvoiceReference.numbersIn("ｶ)ｻﾝﾌﾟﾙ")).isEmpty();
    assertThat(InvoiceReference.numbersIn("PINV-123")).isEmpty();
    assertThat(InvoiceReference.numbersIn("INV-000000")).isEmpty();
    assertThat(InvoiceReference.numbersIn("123")).isEmpty();
    assertThat(InvoiceReference.numbersIn(null)).isEmpty();
  }

  @Test
  void severalNumbersAreAllFound() {
    assertThat(InvoiceReference.numbersIn("INV-1 INV-000002 inv1")).containsExactly(1L, 2L);
  }
}
