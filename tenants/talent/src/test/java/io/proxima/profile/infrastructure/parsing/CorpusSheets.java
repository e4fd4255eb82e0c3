package io.proxima.profile.infrastructure.parsing;

import io.proxima.profile.infrastructure.extraction.SkillSheetFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of a labelled corpus: a sheet is the file itself ({@code .md}, {@code .txt}, {@code
 * .doc}) or a reviewable source ({@code .xlsx.src}, {@code .docx.src}, {@code .pdf.src}) built into
 * the binary format here.
 */
final class CorpusSheets {

  private CorpusSheets() {}

  static Path source(Path directory, String base, List<String> suffixes) {
    for (String suffix : suffixes) {
      Path p = directory.resolve(base + suffix);
      if (Files.exists(p)) {
        return p;
      }
    }
    throw new IllegalStateException("no sheet for " + base);
  }

  /** The format the sheet is read as: "xlsx" for {@code a.xlsx.src}, "md" for {@code a.md}. */
  static String extension(Path source) {
    String name = source.getFileName().toString();
    String withoutSrc = name.endsWith(".src") ? name.substring(0, name.length() - 4) : name;
    return withoutSrc.substring(withoutSrc.lastIndexOf('.') + 1);
  }

  static byte[] build(Path source, String ext) throws IOException {
    if (!source.toString().endsWith(".src")) {
      return Files.readAllBytes(source);
    }
    String markup = Files.readString(source, StandardCharsets.UTF_8);
    return switch (ext) {
      case "xlsx" -> SkillSheetFixtures.xlsx(markup);
      // The .doc itself is committed (converted once by LibreOffice); its source documents it.
      case "docx", "doc" -> SkillSheetFixtures.docx(markup);
      case "pdf" -> SkillSheetFixtures.pdf(markup);
      default -> throw new IllegalStateException("no builder for " + ext);
    };
  }
}
