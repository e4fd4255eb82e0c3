package io.proxima.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class JapaneseDocumentTest {

  @Test
  void theTextLayerReadsAsWrittenInEnglishAndJapanese() throws Exception {
    byte[] pdf;
    try (JapaneseDocument document =
        JapaneseDocument.open(JapaneseDocument.findFont(null), "proxima.pdf.font")) {
      document.paragraph("Defined SLOs; certified firm; configuration files — 山田 太郎", 10);
      pdf = document.toPdf();
    }
    try (PDDocument read = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(read);
      assertThat(text)
          .as("no ligature glyph swallows fi or fl")
          .contains("Defined SLOs; certified firm; configuration files")
          .contains("山田 太郎");
    }
  }

  @Test
  void onlyTheSubstitutionTableOfAFontIsHidden() {
    byte[] font = new byte[12 + 32];
    font[1] = 1; // sfnt version 1.0
    font[5] = 2; // two tables
    System.arraycopy("GSUB".getBytes(), 0, font, 12, 4);
    System.arraycopy("glyf".getBytes(), 0, font, 28, 4);
    byte[] changed = JapaneseFont.withoutLigatures(font);
    assertThat(new String(changed, 12, 4)).isEqualTo("GSUb");
    assertThat(new String(changed, 28, 4)).isEqualTo("glyf");
    assertThat(new String(font, 12, 4)).as("the shared bytes are left alone").isEqualTo("GSUB");
    assertThat(JapaneseFont.withoutLigatures(new byte[] {'t', 't', 'c', 'f', 0, 0, 0, 0}))
        .as("a collection is left to PDFBox")
        .containsExactly('t', 't', 'c', 'f', 0, 0, 0, 0);
  }
}
