package io.proxima.profile.infrastructure.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.profile.domain.SkillSheetText;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TikaSkillSheetReaderTest {

  private static final TikaSkillSheetReader READER = new TikaSkillSheetReader();

  @AfterAll
  static void close() {
    READER.close();
  }

  @Test
  void spreadsheetRowsAreLinesWithTabSeparatedCells() {
    byte[] xlsx =
        SkillSheetFixtures.xlsx(
            "氏名\t山田 太郎\n\nスキル\t経験年数\t評価\nJava\t5年\t◎\n期間\t\t業務内容\n2023/08～現在\t\t要件定義\\n基本設計");
    SkillSheetText text = READER.read(xlsx, "sheet.xlsx", "application/octet-stream");
    assertThat(text.mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(text.text()).contains("氏名\t山田 太郎\n").contains("Java\t5年\t◎\n");
    assertThat(text.text()).contains("2023/08～現在\t\t要件定義 / 基本設計");
  }

  @Test
  void japaneseDateFormatsOfExcelReadAsExcelShowsThem() {
    byte[] xlsx =
        SkillSheetFixtures.xlsx(
            "期間\t自\t至\n1\t@date:2024-01:yyyy\"年\"m\"月\"\t現在\n2\t@date:2019-10\t@date:2022-03");
    String text = READER.read(xlsx, "sheet.xlsx", null).text();
    assertThat(text).contains("1\t2024年1月\t現在").contains("2\t2019/10\t2022/03");
    assertThat(text).doesNotContain("\"");
  }

  @Test
  void wordTablesKeepTheirCellsOnOneLine() {
    byte[] docx =
        SkillSheetFixtures.docx(
            "# 職務経歴書\n氏名：鈴木 花子\n| 期間 | 業務内容 | 役割 |\n| 2021年4月～2023年3月 | 証券会社向け\\nJava | PG |");
    SkillSheetText text = READER.read(docx, "cv.docx", null);
    assertThat(text.mediaType()).endsWith("wordprocessingml.document");
    assertThat(text.text()).contains("氏名：鈴木 花子").contains("2021年4月～2023年3月\t証券会社向け / Java\tPG");
  }

  @Test
  void japanesePdfTextIsExtractedWithItsPageCount() {
    byte[] pdf = SkillSheetFixtures.pdf("# スキルシート\n氏名: 佐藤 一郎\n---page---\nPostgreSQL 3年");
    SkillSheetText text = READER.read(pdf, "sheet.pdf", "application/pdf");
    assertThat(text.mediaType()).isEqualTo("application/pdf");
    assertThat(text.pages()).isEqualTo(2);
    assertThat(text.text()).contains("氏名: 佐藤 一郎").contains("PostgreSQL 3年");
  }

  @Test
  void shiftJisTextIsDecoded() {
    String sheet = "氏名：高橋 健\n①Java 3年\n自己PR：よろしくお願いいたします。\n".repeat(3);
    SkillSheetText text =
        READER.read(sheet.getBytes(Charset.forName("windows-31j")), "sheet.txt", "text/plain");
    assertThat(text.text()).contains("氏名：高橋 健").contains("①Java 3年");
    assertThat(text.mediaType()).isEqualTo("text/plain");
  }

  @Test
  void utf16WithBomAndMarkdownAreRead() {
    String sheet = "# 経歴\n氏名：伊藤 翔\nGo 2年\n";
    byte[] utf16 = ("\uFEFF" + sheet).getBytes(StandardCharsets.UTF_16LE);
    assertThat(READER.read(utf16, "sheet.txt", null).text()).contains("氏名：伊藤 翔");
    SkillSheetText md = READER.read(sheet.getBytes(StandardCharsets.UTF_8), "sheet.md", null);
    assertThat(md.mediaType()).isEqualTo("text/markdown");
    assertThat(md.text()).startsWith("# 経歴");
  }
}
