package io.proxima.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

  private final JsonLogFormatter formatter = new JsonLogFormatter();

  @AfterEach
  void clear() {
    LogContext.clear();
  }

  @Test
  void writesOneJsonObjectPerLineWithRequestAndTenant() {
    LogContext.begin("req-1");
    LogContext.tenant("acme");
    LogRecord record = new LogRecord(Level.INFO, "hello {0}");
    record.setParameters(new Object[] {"世界"});
    record.setLoggerName("io.proxima.test");

    String line = formatter.format(record);

    assertThat(line).endsWith("}\n").doesNotContain("\n{");
    assertThat(line)
        .contains("\"level\":\"INFO\"")
        .contains("\"logger\":\"io.proxima.test\"")
        .contains("\"requestId\":\"req-1\"")
        .contains("\"tenant\":\"acme\"")
        .contains("\"message\":\"hello 世界\"");
  }

  @Test
  void escapesQuotesNewlinesAndControlCharacters() {
    LogRecord record = new LogRecord(Level.WARNING, "a \"quoted\"\nline\u0001");

    String line = formatter.format(record);

    assertThat(line).contains("a \\\"quoted\\\"\\nline\\u0001");
    assertThat(line.trim()).doesNotContain("\n");
  }

  @Test
  void includesTheStackTraceAsOneField() {
    LogRecord record = new LogRecord(Level.SEVERE, "failed");
    record.setThrown(new IllegalStateException("boom"));

    String line = formatter.format(record);

    assertThat(line).contains("\"error\":\"java.lang.IllegalStateException: boom\\n");
    assertThat(line).doesNotContain("requestId");
  }
}
