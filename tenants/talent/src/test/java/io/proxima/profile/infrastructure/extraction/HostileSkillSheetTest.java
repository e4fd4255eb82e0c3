package io.proxima.profile.infrastructure.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Files built to break or exhaust the reader: each ends in a clear 4xx, none hangs. */
@Timeout(60)
class HostileSkillSheetTest {

  private static final TikaSkillSheetReader READER = new TikaSkillSheetReader();
  private static final String SHEET = "# スキルシート\n氏名：山田 太郎\n| Java | 5年 | ◎ |";

  @AfterAll
  static void close() {
    READER.close();
  }

  @Test
  void zipBombSpreadsheetIsRefused() {
    byte[] bomb = SkillSheetFixtures.zipBomb(false, 300);
    assertThatThrownBy(() -> READER.read(bomb, "sheet.xlsx", null))
        .isInstanceOf(DomainException.UnreadableFile.class)
        .hasMessageContaining("exhaust the reader");
  }

  @Test
  void zipBombWordDocumentIsRefused() {
    byte[] bomb = SkillSheetFixtures.zipBomb(true, 50);
    assertThatThrownBy(() -> READER.read(bomb, "sheet.docx", null))
        .isInstanceOf(DomainException.UnreadableFile.class)
        .hasMessageContaining("exhaust the reader");
  }

  @Test
  void pdfWhosePageInflatesHugelyIsRefused() {
    byte[] bomb = SkillSheetFixtures.pdfBomb(300);
    assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
    assertThatThrownBy(() -> READER.read(bomb, "sheet.pdf", null))
        .isInstanceOf(DomainException.UnreadableFile.class)
        .hasMessageContaining("exhaust the reader");
  }

  @Test
  void oldExcelFormatGetsAHint() {
    byte[] xls;
    try (var book = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
        var out = new java.io.ByteArrayOutputStream()) {
      book.createSheet("s").createRow(0).createCell(0).setCellValue("Java");
      book.write(out);
      xls = out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThatThrownBy(() -> READER.read(xls, "sheet.xls", null))
        .isInstanceOf(DomainException.UnsupportedFile.class)
        .hasMessageContaining(".xlsx");
  }

  @Test
  void passwordProtectedPdfAsksToRemoveThePassword() {
    byte[] pdf = SkillSheetFixtures.pdf(SHEET, "secret");
    assertThatThrownBy(() -> READER.read(pdf, "sheet.pdf", "application/pdf"))
        .isInstanceOf(DomainException.UnreadableFile.class)
        .hasMessageContaining("remove the password");
  }

  @Test
  void encryptedExcelAndWordAskToRemoveThePassword() {
    byte[] xlsx = SkillSheetFixtures.encryptOoxml(SkillSheetFixtures.xlsx("Java\t5年"), "secret");
    assertThatThrownBy(() -> READER.read(xlsx, "sheet.xlsx", null))
        .isInstanceOf(DomainException.UnreadableFile.class)
        .hasMessageContaining("remove the password");
    byte[] docx = SkillSheetFixtures.encryptOoxml(SkillSheetFixtures.docx(SHEET), "secret");
    assertThatThrownBy(() -> READER.read(docx, "sheet.docx", null))
        .isInstanceOf(DomainException.UnreadableFile.class)
        .hasMessageContaining("remove the password");
  }

  @Test
  void truncatedFilesAreUnreadable() {
    byte[] pdf = SkillSheetFixtures.pdf(SHEET);
    byte[] halfPdf = Arrays.copyOf(pdf, pdf.length / 2);
    assertThatThrownBy(() -> READER.read(halfPdf, "sheet.pdf", null))
        .isInstanceOf(DomainException.UnreadableFile.class)
        .hasMessageContaining("damaged or truncated");
    byte[] xlsx = SkillSheetFixtures.xlsx("Java\t5年\n".repeat(200));
    byte[] halfXlsx = Arrays.copyOf(xlsx, xlsx.length / 2);
    assertThatThrownBy(() -> READER.read(halfXlsx, "sheet.xlsx", null))
        .isInstanceOf(DomainException.UnreadableFile.class);
  }

  @Test
  void randomBytesNamedPdfAreNotAccepted() {
    byte[] noise = new byte[64 * 1024];
    new Random(42).nextBytes(noise);
    assertThatThrownBy(() -> READER.read(noise, "sheet.pdf", "application/pdf"))
        .isInstanceOf(DomainException.UnsupportedFile.class)
        .hasMessageContaining("not a skill sheet format");
    assertThatThrownBy(() -> READER.read(noise, "sheet.txt", "text/plain"))
        .isInstanceOf(DomainException.UnsupportedFile.class);
  }

  @Test
  void renamedExecutableAndImageAreUnsupported() {
    byte[] exe = new byte[4096];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exe, 0x80, 4);
    assertThatThrownBy(() -> READER.read(exe, "sheet.xlsx", "application/vnd.ms-excel"))
        .isInstanceOf(DomainException.UnsupportedFile.class);
    byte[] png =
        Base64.getDecoder()
            .decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    assertThatThrownBy(() -> READER.read(png, "sheet.xlsx", null))
        .isInstanceOf(DomainException.UnsupportedFile.class)
        .hasMessageContaining("image/png");
  }

  @Test
  void emptyFileIsAnInvalidValue() {
    assertThatThrownBy(() -> READER.read(new byte[0], "sheet.pdf", null))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("empty");
  }

  @Test
  void oversizeFileIsTooLarge() {
    TikaSkillSheetReader small =
        new TikaSkillSheetReader(1024, 30, 200_000, Duration.ofSeconds(10));
    byte[] pdf = SkillSheetFixtures.pdf(SHEET);
    assertThatThrownBy(() -> small.read(pdf, "sheet.pdf", null))
        .isInstanceOf(DomainException.TooLarge.class);
  }

  @Test
  void tooManyPagesIsTooLarge() {
    byte[] pdf = SkillSheetFixtures.pdfWithPages(31);
    assertThatThrownBy(() -> READER.read(pdf, "sheet.pdf", null))
        .isInstanceOf(DomainException.TooLarge.class)
        .hasMessageContaining("31 pages");
  }

  @Test
  void tooMuchTextIsTooLarge() {
    byte[] xlsx = SkillSheetFixtures.xlsx("Java\tSpring Boot\tPostgreSQL\tDocker\n".repeat(10_000));
    assertThatThrownBy(() -> READER.read(xlsx, "sheet.xlsx", null))
        .isInstanceOf(DomainException.TooLarge.class)
        .hasMessageContaining("characters");
  }

  @Test
  void slowParseIsStoppedAtTheTimeLimit() {
    TikaSkillSheetReader hasty =
        new TikaSkillSheetReader(10L << 20, 30, 5_000_000, Duration.ofMillis(1));
    byte[] xlsx = SkillSheetFixtures.xlsx("Java\tSpring Boot\tPostgreSQL\tDocker\n".repeat(20_000));
    try {
      assertThatThrownBy(() -> hasty.read(xlsx, "sheet.xlsx", null))
          .isInstanceOf(DomainException.TooLarge.class)
          .hasMessageContaining("within");
    } finally {
      hasty.close();
    }
  }
}
