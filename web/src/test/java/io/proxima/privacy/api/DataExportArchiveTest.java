package io.proxima.privacy.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class DataExportArchiveTest {

  private static final UUID SHEET = UUID.fromString("4f6c2a9e-1b7d-4c3e-9a51-2d8e6f0b7c13");

  @Test
  void theArchiveIsNamedForTheDayInJapan() {
    // 23:30 UTC on the 5th is already the 6th in Tokyo.
    assertThat(DataExportArchive.fileName(Instant.parse("2026-12-05T23:30:00Z")))
        .isEqualTo("proxima-export-2026-12-06.zip");
    assertThat(DataExportArchive.fileName(Instant.parse("2026-12-05T14:59:59Z")))
        .isEqualTo("proxima-export-2026-12-05.zip");
  }

  @Test
  void anUploadedFileKeepsItsNameButNeverLeavesItsFolder() {
    assertThat(DataExportArchive.sheetEntry(SHEET, "職務経歴書_山田.xlsx"))
        .isEqualTo("skill-sheets/" + SHEET + "-職務経歴書_山田.xlsx");
    assertThat(DataExportArchive.sheetEntry(SHEET, "../../etc/passwd"))
        .isEqualTo("skill-sheets/" + SHEET + "-passwd");
    assertThat(DataExportArchive.sheetEntry(SHEET, "C:\\Users\\me\\sheet.pdf"))
        .isEqualTo("skill-sheets/" + SHEET + "-sheet.pdf");
    assertThat(DataExportArchive.sheetEntry(SHEET, ".."))
        .isEqualTo("skill-sheets/" + SHEET + "-skill-sheet");
    assertThat(DataExportArchive.sheetEntry(SHEET, "a\u0000b\u202Ecod.exe\n"))
        .isEqualTo("skill-sheets/" + SHEET + "-abcod.exe");
    assertThat(DataExportArchive.sheetEntry(SHEET, null)).endsWith("-skill-sheet");
    assertThat(DataExportArchive.sheetEntry(SHEET, "x".repeat(300)))
        .hasSize("skill-sheets/".length() + 36 + 1 + 100);
    assertThat(DataExportArchive.sheetTextEntry(SHEET)).isEqualTo("skill-sheets/" + SHEET + ".txt");
  }

  @Test
  void theReadmeSaysForWhomAndWhenInBothLanguagesAndExplainsEveryFile() {
    String readme = DataExportArchive.readme("山田 太郎", Instant.parse("2026-12-06T01:02:03Z"));
    assertThat(readme)
        .contains("対象: 山田 太郎 様", "For: 山田 太郎")
        .contains("作成日時: 2026-12-06 10:02:03 (JST)", "Made: 2026-12-06 10:02:03 (JST)")
        .contains("Proxima 登録データ一式", "Proxima data export");
    for (Map.Entry<String, String[]> file : DataExportArchive.FILES.entrySet()) {
      assertThat(readme).contains(file.getKey(), file.getValue()[0], file.getValue()[1]);
    }
    assertThat(DataExportArchive.FILES)
        .containsKeys(
            "profile.json",
            "availability.json",
            "consents.json",
            "skill-sheets/skill-sheets.json",
            "messages.json",
            "applications.json",
            "interviews.json",
            "scouts.json",
            "contracts.json",
            "notifications.json",
            "saved-searches.json",
            "favourites.json",
            "talent-invitations.json",
            "access-log.json");
    // Japanese first: it is the primary language of the portal.
    assertThat(readme.indexOf("ファイル一覧")).isLessThan(readme.indexOf("Files\n"));
  }

  @Test
  void partsArePagedIntoValidJsonAndFilesKeptByteForByte() throws IOException {
    byte[] original = {0x50, 0x4b, 0x03, 0x04, (byte) 0xff, 0x00, 0x7f};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataExportArchive archive = new DataExportArchive(out)) {
      archive.json("profile.json", Map.of("name", "山田 太郎"));
      archive.bytes(DataExportArchive.sheetEntry(SHEET, "sheet.bin"), original);
      archive.jsonArray(
          "notifications.json",
          List.of(List.of("a", "b"), List.<String>of(), List.of("c")).iterator());
      archive.jsonArray("saved-searches.json", List.<List<String>>of().iterator());
      Map<String, Object> withTenant = new LinkedHashMap<>();
      withTenant.put("tenantSlug", "acme");
      archive.groupedJsonArray(
          "messages.json",
          List.<Map<String, Object>>of(withTenant, Map.of()),
          group -> group,
          "messages",
          group -> pagesOf(group.isEmpty() ? List.of() : List.of(List.of(1, 2), List.of(3))));
    }
    Map<String, byte[]> entries = unzip(out.toByteArray());
    assertThat(entries)
        .containsOnlyKeys(
            "profile.json",
            "skill-sheets/" + SHEET + "-sheet.bin",
            "notifications.json",
            "saved-searches.json",
            "messages.json");
    assertThat(entries.get("skill-sheets/" + SHEET + "-sheet.bin")).isEqualTo(original);
    assertThat(parse(entries.get("profile.json"))).isEqualTo(Map.of("name", "山田 太郎"));
    assertThat(parse(entries.get("notifications.json"))).isEqualTo(List.of("a", "b", "c"));
    assertThat(parse(entries.get("saved-searches.json"))).isEqualTo(List.of());
    assertThat(parse(entries.get("messages.json")))
        .isEqualTo(
            List.of(
                Map.of("tenantSlug", "acme", "messages", List.of(1, 2, 3)),
                Map.of("messages", List.of())));
  }

  private static Iterator<List<?>> pagesOf(List<List<?>> pages) {
    return pages.iterator();
  }

  private static Object parse(byte[] json) {
    // Numbers as Java numbers of the smallest kind, so they compare with the literals above.
    Object value =
        jakarta.json.bind.JsonbBuilder.create()
            .fromJson(new String(json, StandardCharsets.UTF_8), Object.class);
    return normalise(value);
  }

  private static Object normalise(Object value) {
    if (value instanceof java.math.BigDecimal number) {
      return number.intValueExact();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(DataExportArchiveTest::normalise).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, normalise(v)));
      return copy;
    }
    return value;
  }

  private static Map<String, byte[]> unzip(byte[] archive) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    return entries;
  }
}
