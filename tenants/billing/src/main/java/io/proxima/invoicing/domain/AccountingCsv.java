package io.proxima.invoicing.domain;

import io.proxima.platform.error.DomainException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issued invoices as the sales entries an accountant imports into a cloud ledger: one row per tax
 * rate of each invoice, because both ledgers book consumption tax per 税区分 and a qualified invoice
 * states its tax per rate (rounded once per rate, so the rows add up to the invoice exactly).
 *
 * <p>Amounts are tax-included (税込) with the tax stated beside them, as both importers take them
 * when the tax amount column is filled. A credit note (返還インボイス) books the reverse entry with
 * positive amounts rather than negative ones, which neither importer accepts on a sales row.
 *
 * <p>Text the chosen encoding cannot carry is refused, not replaced: a "?" in a customer's name
 * would reach the books unnoticed, so the problem names the invoice and field and suggests UTF-8.
 */
public final class AccountingCsv {

  /** Windows-31J (Microsoft's Shift_JIS): what Excel and both ledgers' Shift_JIS import read. */
  public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/MM/dd");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** The account sales are credited to, and the receivable they are owed on. */
  static final String SALES = "売上高";

  static final String RECEIVABLE = "売掛金";

  private AccountingCsv() {}

  /** Which ledger's import the columns follow. */
  public enum Layout {
    /**
     * freee会計's 取引 import ("取引（収入・支出）をインポートする", support.freee.co.jp; the template's leading
     * columns): 収支区分, 管理番号, 発生日, 決済期日, 取引先, 勘定科目, 税区分, 金額, 税計算区分, 税額, 備考. Rows after the first of
     * one transaction leave the transaction columns (収支区分 … 取引先) empty and add a 明細 to it. 税区分 uses
     * freee's names 課税売上10% and 課税売上8%（軽）. A credit note is a 支出 on 売上高, freee's way of reversing a
     * sale.
     */
    FREEE,
    /**
     * マネーフォワード クラウド会計's 仕訳帳 import in its own format ("仕訳帳のインポート" → MF会計形式,
     * biz.moneyforward.com/support/account): 取引No, 取引日, 借方/貸方 each with 勘定科目, 補助科目, 部門, 取引先, 税区分,
     * インボイス, 金額(円), 税額, then 摘要, 仕訳メモ, タグ, MF仕訳タイプ, 決算整理仕訳. Rows sharing a 取引No form one compound
     * entry. 税区分 uses 課税売上 10% and 課税売上 (軽)8%; the receivable side is 対象外. A credit note swaps
     * debit and credit.
     */
    MONEYFORWARD;

    public static Layout parse(String text) {
      if (text == null || text.isBlank()) {
        throw new DomainException.InvalidValue("layout", "layout: freee or moneyforward");
      }
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "freee" -> FREEE;
        case "moneyforward", "mf" -> MONEYFORWARD;
        default ->
            throw new DomainException.InvalidValue("layout", "layout: freee or moneyforward");
      };
    }
  }

  /** How the bytes are written. */
  public enum Encoding {
    /** UTF-8 with a byte order mark, so Excel opens it as UTF-8 rather than as Shift_JIS. */
    UTF_8_BOM("utf-8-bom", StandardCharsets.UTF_8),
    SHIFT_JIS("shift_jis", AccountingCsv.SHIFT_JIS);

    private final String label;
    private final Charset charset;

    Encoding(String label, Charset charset) {
      this.label = label;
      this.charset = charset;
    }

    public String label() {
      return label;
    }

    public Charset charset() {
      return charset;
    }

    public static Encoding parse(String text) {
      if (text == null || text.isBlank()) {
        return UTF_8_BOM;
      }
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "utf-8-bom", "utf-8", "utf8" -> UTF_8_BOM;
        case "shift_jis", "shift-jis", "sjis", "windows-31j", "cp932" -> SHIFT_JIS;
        default ->
            throw new DomainException.InvalidValue("encoding", "encoding: utf-8-bom or shift_jis");
      };
    }
  }

  static final List<String> FREEE_HEADER =
      List.of("収支区分", "管理番号", "発生日", "決済期日", "取引先", "勘定科目", "税区分", "金額", "税計算区分", "税額", "備考");

  static final List<String> MONEYFORWARD_HEADER =
      List.of(
          "取引No", "取引日", "借方勘定科目", "借方補助科目", "借方部門", "借方取引先", "借方税区分", "借方インボイス", "借方金額(円)", "借方税額",
          "貸方勘定科目", "貸方補助科目", "貸方部門", "貸方取引先", "貸方税区分", "貸方インボイス", "貸方金額(円)", "貸方税額", "摘要", "仕訳メモ",
          "タグ", "MF仕訳タイプ", "決算整理仕訳");

  /** The invoices, in the order given, as the ledger's CSV in the chosen encoding. */
  public static byte[] write(List<Invoice> invoices, Layout layout, Encoding encoding) {
    List<List<Field>> rows = new ArrayList<>();
    List<String> header = layout == Layout.FREEE ? FREEE_HEADER : MONEYFORWARD_HEADER;
    rows.add(header.stream().map(h -> new Field(null, "header", h)).toList());
    int entry = 0;
    for (Invoice invoice : invoices) {
      entry++;
      List<TaxSummary> summaries = invoice.taxSummaries();
      for (int i = 0; i < summaries.size(); i++) {
        rows.add(
            layout == Layout.FREEE
                ? freeeRow(invoice, summaries.get(i), i == 0)
                : moneyForwardRow(invoice, summaries.get(i), entry));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (encoding == Encoding.UTF_8_BOM) {
      out.writeBytes(BOM);
    }
    CharsetEncoder encoder =
        encoding
            .charset()
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (List<Field> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.writeBytes(encode(encoder, row.get(i), encoding));
      }
      // RFC 4180 ends every record, the last included, with CRLF.
      out.write('\r');
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** One cell, with the invoice and field it came from for a problem that must name them. */
  private record Field(String invoiceNumber, String name, String value) {}

  private static List<Field> freeeRow(Invoice invoice, TaxSummary summary, boolean first) {
    boolean credit = invoice.kind() == Invoice.Kind.CREDIT_NOTE;
    String n = invoice.number();
    List<Field> row = new ArrayList<>();
    row.add(new Field(n, "kind", first ? (credit ? "支出" : "収入") : ""));
    row.add(new Field(n, "number", first ? n : ""));
    row.add(new Field(n, "issueDate", first ? date(invoice.issueDate()) : ""));
    row.add(new Field(n, "dueDate", first ? date(invoice.dueDate()) : ""));
    row.add(new Field(n, "recipientName", first ? invoice.recipientName() : ""));
    row.add(new Field(n, "account", SALES));
    row.add(new Field(n, "taxRate", freeeTax(summary.rate())));
    row.add(new Field(n, "amount", Long.toString(Math.abs(summary.totalYen()))));
    row.add(new Field(n, "taxCalculation", "内税"));
    row.add(new Field(n, "tax", Long.toString(Math.abs(summary.taxYen()))));
    row.add(new Field(n, "memo", memo(invoice)));
    return row;
  }

  private static List<Field> moneyForwardRow(Invoice invoice, TaxSummary summary, int entry) {
    boolean credit = invoice.kind() == Invoice.Kind.CREDIT_NOTE;
    String n = invoice.number();
    String amount = Long.toString(Math.abs(summary.totalYen()));
    String tax = Long.toString(Math.abs(summary.taxYen()));
    List<Field> receivable =
        List.of(
            new Field(n, "account", RECEIVABLE),
            new Field(n, "subAccount", ""),
            new Field(n, "department", ""),
            new Field(n, "recipientName", invoice.recipientName()),
            new Field(n, "taxRate", "対象外"),
            new Field(n, "invoice", ""),
            new Field(n, "amount", amount),
            new Field(n, "tax", ""));
    List<Field> sales =
        List.of(
            new Field(n, "account", SALES),
            new Field(n, "subAccount", ""),
            new Field(n, "department", ""),
            new Field(n, "recipientName", invoice.recipientName()),
            new Field(n, "taxRate", moneyForwardTax(summary.rate())),
            new Field(n, "invoice", ""),
            new Field(n, "amount", amount),
            new Field(n, "tax", tax));
    List<Field> row = new ArrayList<>();
    row.add(new Field(n, "entry", Integer.toString(entry)));
    row.add(new Field(n, "issueDate", date(invoice.issueDate())));
    row.addAll(credit ? sales : receivable);
    row.addAll(credit ? receivable : sales);
    row.add(new Field(n, "memo", memo(invoice)));
    for (String empty : List.of("note", "tags", "type", "closing")) {
      row.add(new Field(n, empty, ""));
    }
    return row;
  }

  private static String memo(Invoice invoice) {
    String base =
        invoice.kind() == Invoice.Kind.CREDIT_NOTE
            ? invoice.number() + "（" + invoice.corrects() + " の取消）"
            : invoice.number();
    return base + " " + invoice.recipientName();
  }

  private static String freeeTax(TaxRate rate) {
    return rate == TaxRate.STANDARD ? "課税売上10%" : "課税売上8%（軽）";
  }

  private static String moneyForwardTax(TaxRate rate) {
    return rate == TaxRate.STANDARD ? "課税売上 10%" : "課税売上 (軽)8%";
  }

  private static String date(LocalDate date) {
    return date == null ? "" : SLASHED.format(date);
  }

  /**
   * RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled. A leading =,
   * +, - or @ is quoted too and prefixed with an apostrophe in text fields, so a customer name
   * never runs as a formula when the file is opened in Excel first (amounts are never text).
   */
  static String quote(String value) {
    String text = value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9]+")) {
      text = "'" + text;
    }
    if (text.contains(",")
        || text.contains("\"")
        || text.contains("\r")
        || text.contains("\n")
        || !text.equals(value)) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static byte[] encode(CharsetEncoder encoder, Field field, Encoding encoding) {
    String text = quote(field.value());
    try {
      ByteBuffer bytes = encoder.reset().encode(CharBuffer.wrap(text));
      byte[] out = new byte[bytes.remaining()];
      bytes.get(out);
      return out;
    } catch (CharacterCodingException e) {
      String bad = firstUnmappable(encoding.charset(), field.value());
      throw new DomainException.InvalidValue(
          "encoding",
          "invoice "
              + field.invoiceNumber()
              + ", "
              + field.name()
              + ": \""
              + bad
              + "\" cannot be written in "
              + encoding.label()
              + "; export with encoding=utf-8-bom instead");
    }
  }

  private static String firstUnmappable(Charset charset, String text) {
    CharsetEncoder encoder = charset.newEncoder();
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      String one = new String(Character.toChars(codePoint));
      if (!encoder.canEncode(one)) {
        return one;
      }
      i += Character.charCount(codePoint);
    }
    return text;
  }
}
