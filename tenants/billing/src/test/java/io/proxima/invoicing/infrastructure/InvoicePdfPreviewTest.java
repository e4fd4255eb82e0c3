package io.proxima.invoicing.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.invoicing.domain.Invoice;
import io.proxima.invoicing.domain.InvoiceLine;
import io.proxima.invoicing.domain.IssuedInvoice;
import io.proxima.invoicing.domain.RegistrationNumber;
import io.proxima.invoicing.domain.TaxRate;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class InvoicePdfPreviewTest {

  private static final String BANK = "みずほ銀行 東京営業部 普通 1234567 カ）プロキシマ";

  private static IssuedInvoice issued() {
    return new IssuedInvoice(
        UUID.randomUUID(),
        new Invoice(
            "INV-000001",
            Invoice.Kind.INVOICE,
            "株式会社プロキシマ",
            new RegistrationNumber("T7000012050002"),
            "株式会社サンプル商事",
            LocalDate.of(2026, 11, 30),
            null,
            null,
            List.of(new InvoiceLine("システム開発支援", BigDecimal.ONE, "式", 550_000, TaxRate.STANDARD)),
            null,
            LocalDate.of(2026, 12, 31)),
        "東京都千代田区丸の内1-1-1",
        BANK,
        "staff",
        Instant.now());
  }

  @Test
  void theInvoicePrintsTheAddressAndAccountItWasIssuedWithAndTheCreditNoteNoAccount()
      throws IOException {
    IssuedInvoice invoice = issued();
    try (var pdf = Loader.loadPDF(new InvoicePdf(Optional.empty()).render(invoice))) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("東京都千代田区丸の内1-1-1", "お振込先", BANK, "T7000012050002");
    }
    IssuedInvoice credit =
        new IssuedInvoice(
            UUID.randomUUID(),
            invoice.invoice().creditNote("INV-000002", LocalDate.of(2026, 12, 5)),
            invoice.issuerAddress(),
            invoice.issuerBankAccount(),
            "staff",
            Instant.now());
    try (var pdf = Loader.loadPDF(new InvoicePdf(Optional.empty()).render(credit))) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("東京都千代田区丸の内1-1-1", "INV-000001")
          .doesNotContain("お振込先");
    }
  }

  @Test
  void thePreviewIsTheDocumentsPageAsAnImageWithInkOnIt() throws IOException {
    byte[] png = new InvoicePdf(Optional.empty()).preview(issued());

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a PNG").isNotNull();
    assertThat(image.getWidth()).as("A4 at 108 dpi").isBetween(880, 900);
    assertThat(image.getHeight()).isGreaterThan(image.getWidth());
    long dark = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        if ((image.getRGB(x, y) & 0xFF) < 128) {
          dark++;
        }
      }
    }
    assertThat(dark).as("text was drawn, not a blank page").isGreaterThan(500);
  }
}
