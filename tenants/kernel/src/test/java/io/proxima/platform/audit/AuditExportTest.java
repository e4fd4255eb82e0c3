package io.proxima.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditExportTest {

  private static String csv(boolean excel, String... values) throws IOException {
    StringWriter out = new StringWriter();
    AuditExport.row(out, Arrays.asList(values), excel);
    return out.toString();
  }

  @Test
  void csvQuotesOnlyWhatRfc4180Requires() throws IOException {
    assertThat(csv(false, "plain", null, "", "東京")).isEqualTo("plain,,,東京\r\n");
    assertThat(csv(false, "a,b", "say \"hi\"", "two\nlines", " padded"))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\"\r\n");
  }

  @Test
  void excelModeKeepsFormulasAsText() throws IOException {
    assertThat(csv(true, "=HYPERLINK(\"x\")", "-1", "@SUM(A1)", "safe"))
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'-1,'@SUM(A1),safe\r\n");
    assertThat(csv(false, "=1+1")).as("exact data without excel").isEqualTo("=1+1\r\n");
  }

  @Test
  void jsonEscapesEverythingRfc8259Requires() throws IOException {
    UUID tenant = UUID.fromString("00000000-0000-0000-0000-000000000001");
    AuditEvent event =
        new AuditEvent(
            Instant.parse("2026-04-01T09:00:00.123456Z"),
            "subject",
            null,
            "profile.read",
            tenant,
            "freelancer\"1\\",
            "203.0.113.7",
            "req",
            "line\nbreak\u0001\u2028");
    StringWriter out = new StringWriter();
    AuditExport.json(out, event);
    assertThat(out.toString())
        .contains("\"occurredAt\":\"2026-04-01T09:00:00.123456Z\"")
        .contains("\"actorName\":null")
        .contains("\"tenantId\":\"" + tenant + "\"")
        .contains("\"target\":\"freelancer\\\"1\\\\\"")
        .contains("\"details\":\"line\\nbreak\\u0001\\u2028\"");
  }

  @Test
  void badFiltersAreProblemsNotCrashes() {
    for (String[] bad :
        new String[][] {
          {"nope", null, null, null, null},
          {null, "yesterday", null, null, null},
          {null, null, "2026-13-01", null, null},
          {null, "2026-04-02", "2026-04-01", null, null},
          {null, null, null, "-3", null},
          {null, null, null, "abc", null},
        }) {
      assertThatThrownBy(() -> AuditQuery.parse(bad[0], null, null, bad[1], bad[2], bad[3], 10))
          .as(Arrays.toString(bad))
          .isInstanceOf(DomainException.InvalidValue.class);
    }
    assertThatThrownBy(() -> AuditQuery.parse(null, null, null, null, null, null, 0))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> AuditExport.Format.parse("xml"))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> AuditQuery.flag("excel", "maybe"))
        .isInstanceOf(DomainException.InvalidValue.class);
    AuditLog.Filter filter =
        AuditQuery.parse("PLATFORM", "a", "tenant.", "2026-04-01", null, "42", 10);
    assertThat(filter.chainKey()).isEqualTo("platform");
    assertThat(filter.from()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(filter.before()).isEqualTo(42L);
  }

  @Test
  void actionPrefixTreatsWildcardsLiterally() {
    assertThat(AuditLog.likePrefix("job_x%!")).isEqualTo("job!_x!%!!%");
  }

  @Test
  void canonicalEncodingIsLengthPrefixed() {
    assertThat(AuditChainVerifier.canonical("ab", "c"))
        .isNotEqualTo(AuditChainVerifier.canonical("a", "bc"));
    assertThat(AuditChainVerifier.canonical((String) null))
        .isNotEqualTo(AuditChainVerifier.canonical(""));
  }
}
