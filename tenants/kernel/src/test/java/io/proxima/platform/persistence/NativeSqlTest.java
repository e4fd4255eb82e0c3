package io.proxima.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.platform.tenancy.TenancyContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Native rows read by alias and type, as PostgreSQL 17 and Hibernate hand them over. */
class NativeSqlTest {

  private final PersistenceTestKit kit = PersistenceTestKit.shared();

  record Row(
      UUID id,
      String text,
      long count,
      Integer small,
      BigDecimal money,
      Boolean flag,
      Instant at,
      LocalDate day,
      List<String> words) {}

  @Test
  void eachColumnIsReadByItsAliasWhateverTheOrderOfTheSelect() {
    UUID id = UUID.randomUUID();
    List<Row> rows =
        kit.in(
            TenancyContext.platform("test"),
            () ->
                NativeSql.list(
                    kit.entityManager(),
                    "SELECT ARRAY['java', 'kotlin'] AS words, DATE '2026-12-01' AS day,"
                        + " TIMESTAMPTZ '2026-12-01 09:00:00+09' AS at, true AS flag,"
                        + " CAST(12.50 AS numeric) AS money, CAST(7 AS integer) AS small,"
                        + " count(*) AS count, CAST(?2 AS text) AS text, CAST(?1 AS uuid) AS id",
                    row ->
                        new Row(
                            row.uuid("id"),
                            row.string("text"),
                            row.count("count"),
                            row.integer("small"),
                            row.bigDecimal("money"),
                            row.flag("flag"),
                            row.instant("at"),
                            row.date("day"),
                            row.strings("words")),
                    id.toString(),
                    "ジャワ"));

    assertThat(rows)
        .containsExactly(
            new Row(
                id,
                "ジャワ",
                1,
                7,
                new BigDecimal("12.50"),
                true,
                Instant.parse("2026-12-01T00:00:00Z"),
                LocalDate.parse("2026-12-01"),
                List.of("java", "kotlin")));
  }

  @Test
  void nullsReadAsNullAndCountsAsZero() {
    List<String> seen =
        kit.in(
            TenancyContext.platform("test"),
            () ->
                NativeSql.list(
                    kit.entityManager(),
                    "SELECT CAST(NULL AS uuid) AS id, CAST(NULL AS bigint) AS n,"
                        + " CAST(NULL AS date) AS day, CAST(NULL AS text[]) AS words",
                    row ->
                        row.uuid("id")
                            + "/"
                            + row.count("n")
                            + "/"
                            + row.wholeNumber("n")
                            + "/"
                            + row.date("day")
                            + "/"
                            + row.strings("words")));

    assertThat(seen).containsExactly("null/0/null/null/[]");
  }
}
