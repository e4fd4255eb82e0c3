package io.proxima.platform.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: time, level, logger, thread, message, request id, tenant, and the stack
 * trace when there is one. Log shippers read it as it is.
 */
public final class JsonLogFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    StringBuilder json = new StringBuilder(256).append('{');
    field(json, "ts", Instant.ofEpochMilli(record.getMillis()).toString());
    json.append(',');
    field(json, "level", record.getLevel().getName());
    json.append(',');
    field(json, "logger", record.getLoggerName());
    json.append(',');
    field(json, "thread", Thread.currentThread().getName());
    LogContext.requestId()
        .ifPresent(
            id -> {
              json.append(',');
              field(json, "requestId", id);
            });
    LogContext.tenant()
        .ifPresent(
            tenant -> {
              json.append(',');
              field(json, "tenant", tenant);
            });
    json.append(',');
    field(json, "message", formatMessage(record));
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      json.append(',');
      field(json, "error", trace.toString());
    }
    return json.append("}\n").toString();
  }

  private static void field(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\":");
    if (value == null) {
      json.append("null");
      return;
    }
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
