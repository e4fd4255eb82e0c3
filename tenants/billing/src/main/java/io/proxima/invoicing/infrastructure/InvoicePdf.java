package io.proxima.invoicing.infrastructure;

import static io.proxima.platform.pdf.JapaneseFormats.date;
import static io.proxima.platform.pdf.JapaneseFormats.yen;

import io.proxima.invoicing.application.InvoiceDocuments;
import io.proxima.invoicing.domain.Invoice;
import io.proxima.invoicing.domain.InvoiceLine;
import io.proxima.invoicing.domain.IssuedInvoice;
import io.proxima.invoicing.domain.TaxSummary;
import io.proxima.platform.pdf.JapaneseDocument;
import io.proxima.platform.pdf.JapaneseDocument.Column;
import io.proxima.platform.pdf.JapaneseFont;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The qualified invoice (適格請求書) as a document, with every item the system requires: the issuer and
 * its registration number, the date, the transactions with the rate each falls under, the amount
 * and the consumption tax per rate, and the recipient.
 */
@ApplicationScoped
public class InvoicePdf implements InvoiceDocuments {

  private final JapaneseFont font;

  protected InvoicePdf() {
    this.font = null;
  }

  @Inject
  public InvoicePdf(@ConfigProperty(name = "proxima.pdf.font") Optional<String> font) {
    this.font = JapaneseDocument.findFont(font.orElse(null));
  }

  @Override
  public byte[] preview(IssuedInvoice issued) {
    return PagePreview.png(render(issued));
  }

  @Override
  public byte[] render(IssuedInvoice issued) {
    Invoice invoice = issued.invoice();
    boolean credit = invoice.kind() == Invoice.Kind.CREDIT_NOTE;
    try (JapaneseDocument pdf = JapaneseDocument.open(font, "proxima.pdf.font")) {
      pdf.title(credit ? "適格返還請求書（赤伝）" : "適格請求書", invoice.recipientName() + " 御中", null);
      pdf.field("請求書番号", invoice.number());
      if (credit) {
        pdf.field("取消対象", invoice.corrects() + " の全額を取り消します");
      }
      pdf.field("発行日", date(invoice.issueDate()));
      if (invoice.dueDate() != null) {
        pdf.field("お支払期限", date(invoice.dueDate()));
      }
      if (invoice.periodFrom() != null) {
        pdf.field("対象期間", date(invoice.periodFrom()) + " 〜 " + date(invoice.periodTo()));
      }
      pdf.field("発行者", invoice.issuerName());
      if (issued.issuerAddress() != null) {
        pdf.field("所在地", issued.issuerAddress());
      }
      pdf.field("登録番号", invoice.issuerRegistration().value());
      pdf.gap(6);
      pdf.rightAligned("ご請求金額（税込）　" + yen(invoice.totalYen()), 14);
      pdf.heading("取引内容");
      pdf.table(
          List.of(
              new Column("品目", 5, false),
              new Column("数量", 1.2f, true),
              new Column("単位", 1, false),
              new Column("単価", 1.8f, true),
              new Column("金額（税抜）", 2, true),
              new Column("税率", 1.6f, false)),
          invoice.lines().stream().map(InvoicePdf::row).toList());
      pdf.heading("税率ごとの合計");
      pdf.table(
          List.of(
              new Column("税率", 3, false),
              new Column("対象金額（税抜）", 2, true),
              new Column("消費税額", 2, true),
              new Column("合計", 2, true)),
          invoice.taxSummaries().stream().map(InvoicePdf::row).toList());
      pdf.rightAligned("消費税額合計　" + yen(invoice.taxYen()), 10);
      pdf.rightAligned("合計（税込）　" + yen(invoice.totalYen()), 12);
      if (!credit && issued.issuerBankAccount() != null) {
        pdf.gap(6);
        pdf.field("お振込先", issued.issuerBankAccount());
        pdf.paragraph("お振込の際は、振込依頼人名の前後または摘要に請求書番号をご記入ください。", 8.5f);
      }
      pdf.gap(8);
      pdf.paragraph("消費税額は税率ごとに合計した金額に対して一回のみ端数処理（切り捨て）しています。", 8.5f);
      return pdf.toPdf();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> row(InvoiceLine line) {
    return List.of(
        line.description(),
        line.quantity().stripTrailingZeros().toPlainString(),
        line.unit() == null ? "" : line.unit(),
        yen(line.unitPriceYen()),
        yen(line.amountYen()),
        line.taxRate().label());
  }

  private static List<String> row(TaxSummary summary) {
    return List.of(
        summary.rate().label() + " 対象",
        yen(summary.taxableYen()),
        yen(summary.taxYen()),
        yen(summary.totalYen()));
  }
}
