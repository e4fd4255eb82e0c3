package io.proxima.payments.domain;

import io.proxima.platform.text.Digests;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a bank statement CSV as Japanese banks export it: UTF-8 (with or without BOM) or Shift_JIS
 * (Windows-31J, which also covers the vendor characters 髙 and ①), a header row naming the columns
 * in Japanese or English, quoted fields, and amounts like {@code ¥1,234} or full-width digits.
 * Every problem is reported with its line; a statement with any problem is not imported.
 */
public final class BankStatementParser {

  public static final int MAX_BYTES = 2 * 1024 * 1024;
  public static final int MAX_LINES = 10_000;
  static final int MAX_TEXT = 500;

  /** Windows-31J is Microsoft's Shift_JIS, what Excel and Japanese online banking write. */
  public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

  private static final Map<String, Column> HEADERS = new HashMap<>();

  static {
    names(Column.DATE, "date", "日付", "取引日", "お取引日", "入金日", "年月日", "勘定日");
    names(
        Column.PAYER,
        "payer",
        "payername",
        "name",
        "振込依頼人",
        "振込依頼人名",
        "依頼人",
        "依頼人名",
        "振込人",
        "名義",
        "お名前");
    names(Column.AMOUNT, "amount", "金額", "入金額", "入金金額", "預入金額", "お預入金額", "お預り金額");
    names(Column.MEMO, "memo", "reference", "description", "摘要", "備考", "メモ", "内容", "お取引内容");
  }

  private static final List<DateTimeFormatter> DATES =
      List.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd", "uuuu年M月d日").stream()
          .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT))
          .toList();

  private enum Column {
    DATE,
    PAYER,
    AMOUNT,
    MEMO
  }

  /** A line the statement cannot be imported with, and why. */
  public record LineError(int line, String message) {}

  /** The credits, or — when {@code errors} is not empty — what must be fixed first. */
  public record ParsedStatement(
      Charset charset, List<BankStatementLine> lines, List<LineError> errors) {
    public boolean readable() {
      return errors.isEmpty();
    }
  }

  private BankStatementParser() {}

  private static void names(Column column, String... names) {
    for (String name : names) {
      HEADERS.put(headerKey(name), column);
    }
  }

  public static ParsedStatement parse(byte[] content) {
    if (content == null || content.length == 0) {
      return failed(null, new LineError(0, "the statement is empty"));
    }
    if (content.length > MAX_BYTES) {
      return failed(
          null, new LineError(0, "the statement is larger than " + MAX_BYTES / 1024 + " KiB"));
    }
    Charset charset = StandardCharsets.UTF_8;
    String text = decode(content, StandardCharsets.UTF_8);
    if (text == null) {
      charset = SHIFT_JIS;
      text = decode(content, SHIFT_JIS);
    }
    if (text == null) {
      return failed(null, new LineError(0, "the statement is neither UTF-8 nor Shift_JIS text"));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Record> records;
    try {
      records = records(text);
    } catch (MalformedCsv e) {
      return failed(charset, new LineError(e.line, e.getMessage()));
    }
    records.removeIf(Record::blank);
    if (records.isEmpty()) {
      return failed(charset, new LineError(0, "the statement has no header row"));
    }
    if (records.size() - 1 > MAX_LINES) {
      return failed(
          charset, new LineError(0, "the statement has more than " + MAX_LINES + " lines"));
    }
    Record header = records.get(0);
    Map<Column, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      Column column = HEADERS.get(headerKey(header.fields().get(i)));
      if (column != null) {
        columns.putIfAbsent(column, i);
      }
    }
    List<LineError> errors = new ArrayList<>();
    for (Column required : Set.of(Column.DATE, Column.PAYER, Column.AMOUNT)) {
      if (!columns.containsKey(required)) {
        errors.add(
            new LineError(
                header.line(),
                "the header names no "
                    + required.name().toLowerCase(Locale.ROOT)
                    + " column (e.g. "
                    + example(required)
                    + ")"));
      }
    }
    if (!errors.isEmpty()) {
      return new ParsedStatement(
          charset,
          List.of(),
          errors.stream().sorted(java.util.Comparator.comparing(LineError::message)).toList());
    }
    int needed = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    List<BankStatementLine> lines = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Record record : records.subList(1, records.size())) {
      List<String> f = record.fields();
      if (f.size() < needed) {
        errors.add(
            new LineError(
                record.line(), "expected at least " + needed + " columns, found " + f.size()));
        continue;
      }
      List<String> problems = new ArrayList<>();
      LocalDate date = date(f.get(columns.get(Column.DATE)), problems);
      String payer = text(f.get(columns.get(Column.PAYER)));
      if (payer.isEmpty()) {
        problems.add("the payer name is empty");
      } else if (payer.length() > MAX_TEXT) {
        problems.add("the payer name is longer than " + MAX_TEXT + " characters");
      }
      long amount = amount(f.get(columns.get(Column.AMOUNT)), problems);
      String memo = columns.containsKey(Column.MEMO) ? text(f.get(columns.get(Column.MEMO))) : "";
      if (memo.length() > MAX_TEXT) {
        problems.add("the memo is longer than " + MAX_TEXT + " characters");
      }
      if (!problems.isEmpty()) {
        errors.add(new LineError(record.line(), String.join("; ", problems)));
        continue;
      }
      // Two identical credits on one statement are two transfers; the count keeps them apart
      // while a second import of the same statement reproduces both fingerprints.
      String identity = date + "|" + payer + "|" + amount + "|" + memo;
      int occurrence = seen.merge(identity, 1, Integer::sum);
      lines.add(
          new BankStatementLine(
              record.line(), date, payer, amount, memo, fingerprint(identity + "|" + occurrence)));
    }
    return new ParsedStatement(charset, errors.isEmpty() ? lines : List.of(), errors);
  }

  private static ParsedStatement failed(Charset charset, LineError error) {
    return new ParsedStatement(charset, List.of(), List.of(error));
  }

  private static String example(Column column) {
    return switch (column) {
      case DATE -> "日付 or date";
      case PAYER -> "振込依頼人 or payer";
      case AMOUNT -> "金額 or amount";
      case MEMO -> "摘要 or memo";
    };
  }

  private static String decode(byte[] content, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** NFKC, trimmed, inner white space collapsed: ｶ)ﾌﾟﾛｷｼﾏ and カ)プロキシマ read the same. */
  public static String text(String raw) {
    return Normalizer.normalize(raw, Normalizer.Form.NFKC)
        .replace('\u3000', ' ')
        .strip()
        .replaceAll("\\s+", " ");
  }

  private static String headerKey(String raw) {
    return text(raw).replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static LocalDate date(String raw, List<String> problems) {
    String value = text(raw);
    for (DateTimeFormatter format : DATES) {
      try {
        return LocalDate.parse(value, format);
      } catch (DateTimeParseException e) {
        // the next format may fit
      }
    }
    problems.add("the date '" + value + "' is not a date like 2026-11-30 or 2026/11/30");
    return null;
  }

  private static long amount(String raw, List<String> problems) {
    String value = text(raw).replace("¥", "").replace("円", "").replace(",", "").replace(" ", "");
    if (!value.matches("[0-9]{1,12}")) {
      problems.add("the amount '" + text(raw) + "' is not a positive whole number of yen");
      return 0;
    }
    long amount = Long.parseLong(value);
    if (amount == 0) {
      problems.add("the amount is zero");
    }
    return amount;
  }

  private static String fingerprint(String identity) {
    return "bank:" + HexFormat.of().formatHex(Digests.sha256(identity), 0, 20);
  }

  private static final class MalformedCsv extends RuntimeException {
    final int line;

    MalformedCsv(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  private record Record(int line, List<String> fields) {
    boolean blank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
  private static List<Record> records(String text) {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        field.setLength(0);
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        records.add(new Record(recordLine, List.copyOf(fields)));
        fields.clear();
        field.setLength(0);
        wasQuoted = false;
        line++;
        recordLine = line;
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        throw new MalformedCsv(line, "text after a closing quote; quote the whole field");
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new MalformedCsv(recordLine, "a quoted field is never closed");
    }
    if (!field.isEmpty() || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(new Record(recordLine, List.copyOf(fields)));
    }
    return records;
  }
}
