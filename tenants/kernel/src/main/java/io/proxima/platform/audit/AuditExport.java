package io.proxima.platform.audit;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes audit entries as CSV (RFC 4180) or JSON, page by page, so an export of millions of entries
 * holds one page in memory and no transaction open while the client reads. Each page is read in the
 * caller's tenancy context, captured before the response starts: the request's own context is gone
 * by the time a streamed body is written.
 */
@ApplicationScoped
public class AuditExport {

  /** Entries read per transaction. */
  static final int PAGE = 500;

  private static final HexFormat HEX = HexFormat.of();
  private static final List<String> COLUMNS =
      List.of(
          "id",
          "occurred_at",
          "actor_subject",
          "actor_name",
          "action",
          "tenant_id",
          "target",
          "source_ip",
          "request_id",
          "details",
          "chain_key",
          "chain_seq",
          "hash");

  public enum Format {
    CSV("text/csv; charset=UTF-8", "csv"),
    JSON("application/json", "json");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    public String mediaType() {
      return mediaType;
    }

    public String extension() {
      return extension;
    }

    /** The {@code format} query parameter; csv when absent. */
    public static Format parse(String value) {
      if (value == null || value.isBlank()) {
        return CSV;
      }
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "csv" -> CSV;
        case "json" -> JSON;
        default -> throw new DomainException.InvalidValue("format", "format must be csv or json");
      };
    }
  }

  /**
   * For spreadsheet users: a UTF-8 byte-order mark, without which Excel (notably Japanese Excel)
   * reads the file as Shift_JIS, and cells that would start a formula get a leading apostrophe so
   * an audited value such as {@code =HYPERLINK(...)} stays text. Off, the export is the exact data.
   */
  public record Options(Format format, boolean excel) {}

  private final AuditLog audit;

  /** For the CDI client proxy only. */
  protected AuditExport() {
    this(null);
  }

  @Inject
  public AuditExport(AuditLog audit) {
    this.audit = audit;
  }

  /**
   * Puts the export itself on the record before any entry is written: an export copies personal
   * data (subjects, addresses) out of the platform. {@code tenantId} is the chain it goes to.
   */
  @Transactional
  public void announce(UUID tenantId, AuditLog.Filter filter, Options options) {
    audit.record(
        "audit.exported",
        tenantId,
        filter.chainKey() == null ? "all" : filter.chainKey(),
        "format="
            + options.format().extension()
            + (filter.actionPrefix() == null ? "" : " action=" + filter.actionPrefix())
            + (filter.actorSubject() == null ? "" : " actor=" + filter.actorSubject())
            + (filter.from() == null ? "" : " from=" + filter.from())
            + (filter.to() == null ? "" : " to=" + filter.to()));
  }

  /**
   * Streams every entry the filter selects (its limit is ignored; pages are {@link #PAGE}), newest
   * first, reading as {@code context}.
   */
  public void write(
      AuditLog.Filter filter, Options options, TenancyContext context, OutputStream out)
      throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    boolean csv = options.format() == Format.CSV;
    if (csv) {
      if (options.excel()) {
        writer.write('\uFEFF');
      }
      row(writer, COLUMNS, false);
    } else {
      writer.write('[');
    }
    AuditLog.Filter page =
        new AuditLog.Filter(
            filter.chainKey(),
            filter.actionPrefix(),
            filter.actorSubject(),
            filter.from(),
            filter.to(),
            filter.before(),
            PAGE);
    boolean first = true;
    while (true) {
      AuditLog.Filter current = page;
      List<AuditEvent> events = TenancyContext.callIn(context, () -> audit.find(current));
      for (AuditEvent event : events) {
        if (csv) {
          row(writer, values(event), options.excel());
        } else {
          if (!first) {
            writer.write(',');
          }
          json(writer, event);
        }
        first = false;
      }
      writer.flush();
      if (events.size() < PAGE) {
        break;
      }
      page = page.after(events.get(events.size() - 1).id());
    }
    if (!csv) {
      writer.write("]\n");
    }
    writer.flush();
  }

  static List<String> values(AuditEvent event) {
    return java.util.Arrays.asList(
        String.valueOf(event.id()),
        instant(event.occurredAt()),
        event.actorSubject(),
        event.actorName(),
        event.action(),
        event.tenantId() == null ? null : event.tenantId().toString(),
        event.target(),
        event.sourceIp(),
        event.requestId(),
        event.details(),
        event.chainKey(),
        event.chainSeq() == null ? null : event.chainSeq().toString(),
        event.hash() == null ? null : HEX.formatHex(event.hash()));
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** One CSV record, CRLF-terminated; null and empty are both an empty field. */
  static void row(Writer writer, List<String> values, boolean excel) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      String value = values.get(i);
      if (value == null || value.isEmpty()) {
        continue;
      }
      if (excel && startsFormula(value)) {
        value = "'" + value;
      }
      if (needsQuotes(value)) {
        writer.write('"');
        writer.write(value.replace("\"", "\"\""));
        writer.write('"');
      } else {
        writer.write(value);
      }
    }
    writer.write("\r\n");
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    // Leading or trailing spaces survive spreadsheet imports only inside quotes.
    return value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
  }

  private static boolean startsFormula(String value) {
    char c = value.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  static void json(Writer writer, AuditEvent event) throws IOException {
    List<String> values = values(event);
    writer.write('{');
    for (int i = 0; i < COLUMNS.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      string(writer, camel(COLUMNS.get(i)));
      writer.write(':');
      String value = values.get(i);
      boolean number = (i == 0 || COLUMNS.get(i).equals("chain_seq")) && value != null;
      if (value == null) {
        writer.write("null");
      } else if (number) {
        writer.write(value);
      } else {
        string(writer, value);
      }
    }
    writer.write('}');
  }

  private static String camel(String column) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }

  /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped. */
  static void string(Writer writer, String value) throws IOException {
    writer.write('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> writer.write("\\\"");
        case '\\' -> writer.write("\\\\");
        case '\n' -> writer.write("\\n");
        case '\r' -> writer.write("\\r");
        case '\t' -> writer.write("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            writer.write(String.format("\\u%04x", (int) c));
          } else {
            writer.write(c);
          }
        }
      }
    }
    writer.write('"');
  }
}
