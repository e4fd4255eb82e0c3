package io.proxima.profile.infrastructure;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.ProblemException;
import io.proxima.profile.domain.Certification;
import io.proxima.profile.domain.ContractType;
import io.proxima.profile.domain.DesiredConditions;
import io.proxima.profile.domain.Education;
import io.proxima.profile.domain.Period;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillCategory;
import io.proxima.profile.domain.WorkHistoryEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The profile as a printable A4 skill sheet (スキルシート) in the layout Japanese agencies expect: basic
 * information, desired conditions, skills by category with years and ◎○△, then each engagement. The
 * Japanese font is embedded as a subset, so the sheet prints the same anywhere.
 */
final class SkillSheetPdf {

  private static final float MARGIN = 48;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final String LINE_START_FORBIDDEN = "。、，．・：；？！）」』】〕〉》ー〜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ,.)]";

  private final Path font;

  SkillSheetPdf(Path font) {
    this.font = font;
  }

  /** The first font found: the configured one, then Debian's IPAex Gothic. */
  static Path findFont(String configured) {
    List<Path> candidates = new ArrayList<>();
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured));
    }
    candidates.add(Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"));
    candidates.add(Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"));
    return candidates.stream().filter(Files::isReadable).findFirst().orElse(null);
  }

  byte[] render(Profile profile) {
    if (font == null) {
      throw new ProblemException.Unavailable(
          "the Japanese font for skill-sheet PDFs is not installed on this server"
              + " (Debian package fonts-ipaexfont-gothic, or set proxima.profile.pdf.font)");
    }
    try (PDDocument document = new PDDocument()) {
      PDType0Font type = PDType0Font.load(document, font.toFile());
      Writer writer = new Writer(document, type);
      writer.title("スキルシート", profile.name(), profile.title());
      writer.heading("基本情報");
      writer.field("氏名", profile.name());
      writer.field("職種", profile.title());
      if (profile.links().githubUsername() != null) {
        writer.field("GitHub", "https://github.com/" + profile.links().githubUsername());
      }
      writer.field("ポートフォリオ", profile.links().portfolioUrl());
      if (profile.summary() != null) {
        writer.heading("自己PR");
        writer.paragraph(profile.summary(), 10);
      }
      desired(writer, profile.desired());
      skills(writer, profile.skills());
      history(writer, profile.workHistory());
      if (!profile.certifications().isEmpty()) {
        writer.heading("資格");
        for (Certification certification : profile.certifications()) {
          writer.paragraph(
              (certification.acquired() == null
                      ? ""
                      : certification.acquired().getYear()
                          + "年"
                          + certification.acquired().getMonthValue()
                          + "月　")
                  + certification.name(),
              10);
        }
      }
      if (!profile.education().isEmpty()) {
        writer.heading("学歴");
        for (Education school : profile.education()) {
          String line =
              (school.period() == null ? "" : period(school.period()) + "　")
                  + school.school()
                  + (school.field() == null ? "" : "　" + school.field())
                  + (school.degree() == null ? "" : "（" + school.degree() + "）");
          writer.paragraph(line, 10);
        }
      }
      writer.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return TextLayer.unifyIdeographs(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("the skill sheet could not be rendered", e);
    }
  }

  private static void desired(Writer writer, DesiredConditions desired) throws IOException {
    writer.heading("希望条件");
    if (desired.monthlyRateMinYen() != null || desired.monthlyRateMaxYen() != null) {
      writer.field(
          "単価",
          manYen(desired.monthlyRateMinYen()) + "〜" + manYen(desired.monthlyRateMaxYen()) + "/月");
    }
    if (desired.daysPerWeek() != null) {
      writer.field("稼働日数", "週" + desired.daysPerWeek() + "日");
    }
    if (desired.workStyle() != null) {
      writer.field("勤務形態", workStyle(desired.workStyle()));
    }
    if (!desired.locations().isEmpty()) {
      writer.field("勤務地", String.join("、", desired.locations()));
    }
    if (desired.startDate() != null) {
      LocalDate start = desired.startDate();
      writer.field(
          "開始可能日",
          start.getYear() + "年" + start.getMonthValue() + "月" + start.getDayOfMonth() + "日");
    }
    if (!desired.contractTypes().isEmpty()) {
      writer.field(
          "契約形態",
          desired.contractTypes().stream()
              .sorted()
              .map(SkillSheetPdf::contractType)
              .collect(Collectors.joining("、")));
    }
    if (!desired.paymentTermsDays().isEmpty()) {
      writer.field(
          "支払いサイト",
          desired.paymentTermsDays().stream()
              .sorted()
              .map(days -> days + "日")
              .collect(Collectors.joining("、")));
    }
  }

  private static void skills(Writer writer, List<Skill> skills) throws IOException {
    if (skills.isEmpty()) {
      return;
    }
    writer.heading("スキル（◎ 指導可能　○ 独力で可能　△ 支援があれば可能）");
    Map<SkillCategory, List<Skill>> byCategory =
        skills.stream()
            .collect(
                Collectors.groupingBy(
                    Skill::category,
                    () -> new java.util.EnumMap<>(SkillCategory.class),
                    Collectors.toList()));
    for (var category : byCategory.entrySet()) {
      String line =
          category.getValue().stream()
              .map(
                  skill ->
                      skill.name()
                          + (skill.years() == null ? "" : " " + skill.years().toPlainString() + "年")
                          + (skill.level() == null ? "" : " " + level(skill)))
              .collect(Collectors.joining("　/　"));
      writer.field(category(category.getKey()), line);
    }
  }

  private static void history(Writer writer, List<WorkHistoryEntry> history) throws IOException {
    if (history.isEmpty()) {
      return;
    }
    writer.heading("職務経歴");
    int number = 1;
    for (WorkHistoryEntry entry : history) {
      writer.subheading(
          number++
              + ".　"
              + period(entry.period())
              + (entry.company() == null ? "" : "　" + entry.company()));
      writer.field("役割", entry.role());
      if (entry.teamSize() != null) {
        writer.field("チーム規模", entry.teamSize() + "名");
      }
      if (!entry.technologies().isEmpty()) {
        writer.field("使用技術", String.join(", ", entry.technologies()));
      }
      if (entry.description() != null) {
        writer.field("業務内容", entry.description());
      }
      writer.gap(6);
    }
  }

  static String period(Period period) {
    String from = period.from().getYear() + "年" + period.from().getMonthValue() + "月";
    String to =
        period.to() == null
            ? "現在"
            : period.to().getYear() + "年" + period.to().getMonthValue() + "月";
    return from + "〜" + to;
  }

  private static String manYen(Integer yen) {
    if (yen == null) {
      return "";
    }
    return yen % 10_000 == 0 ? yen / 10_000 + "万円" : String.format("%,d円", yen);
  }

  private static String level(Skill skill) {
    switch (skill.level()) {
      case EXPERT:
        return "◎";
      case ADVANCED:
        return "○";
      case PRACTICAL:
        return "△";
      default:
        return "（学習中）";
    }
  }

  private static String workStyle(WorkStyle style) {
    switch (style) {
      case REMOTE:
        return "フルリモート";
      case HYBRID:
        return "ハイブリッド（一部出社）";
      default:
        return "常駐";
    }
  }

  private static String contractType(ContractType type) {
    switch (type) {
      case QUASI_MANDATE:
        return "準委任";
      case CONTRACT_FOR_WORK:
        return "請負";
      default:
        return "派遣";
    }
  }

  private static String category(SkillCategory category) {
    switch (category) {
      case LANGUAGE:
        return "言語";
      case FRAMEWORK:
        return "フレームワーク";
      case CLOUD:
        return "クラウド";
      case DATABASE:
        return "データベース";
      case TOOL:
        return "ツール";
      case OS:
        return "OS";
      default:
        return "その他";
    }
  }

  /**
   * Writes lines top to bottom, starting a new page when one is full, numbering pages at the end.
   */
  private static final class Writer {
    private final PDDocument document;
    private final PDType0Font font;
    private PDPageContentStream content;
    private float y;

    Writer(PDDocument document, PDType0Font font) throws IOException {
      this.document = document;
      this.font = font;
      newPage();
    }

    private void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void room(float needed) throws IOException {
      if (y - needed < MARGIN + 20) {
        newPage();
      }
    }

    void title(String title, String name, String role) throws IOException {
      text(title, MARGIN, y - 18, 18);
      String date = LocalDate.now(TOKYO).toString();
      float width = font.getStringWidth("作成日 " + date) / 1000 * 9;
      text("作成日 " + date, MARGIN + WIDTH - width, y - 14, 9);
      y -= 30;
      if (name != null) {
        text(name + (role == null ? "" : "　" + role), MARGIN, y - 12, 12);
        y -= 20;
      }
      line(y);
      y -= 10;
    }

    void heading(String heading) throws IOException {
      room(40);
      y -= 8;
      content.setNonStrokingColor(0.90f, 0.93f, 0.97f);
      content.addRect(MARGIN, y - 16, WIDTH, 18);
      content.fill();
      content.setNonStrokingColor(0f, 0f, 0f);
      text(heading, MARGIN + 4, y - 12, 11);
      y -= 24;
    }

    void subheading(String text) throws IOException {
      room(30);
      for (String part : wrap(text, 10.5f, WIDTH)) {
        text(part, MARGIN, y - 11, 10.5f);
        y -= 15;
      }
    }

    void field(String label, String value) throws IOException {
      if (value == null || value.isBlank()) {
        return;
      }
      float labelWidth = 90;
      List<String> lines = new ArrayList<>();
      for (String paragraph : value.split("\\R")) {
        lines.addAll(wrap(paragraph, 9.5f, WIDTH - labelWidth));
      }
      room(14);
      text(label, MARGIN + 6, y - 10, 9.5f);
      for (String part : lines) {
        room(14);
        text(part, MARGIN + labelWidth, y - 10, 9.5f);
        y -= 14;
      }
    }

    void paragraph(String value, float size) throws IOException {
      for (String paragraph : value.split("\\R")) {
        for (String part : wrap(paragraph, size, WIDTH - 12)) {
          room(size + 5);
          text(part, MARGIN + 6, y - size, size);
          y -= size + 5;
        }
      }
    }

    void gap(float points) {
      y -= points;
    }

    private void line(float at) throws IOException {
      content.setLineWidth(0.8f);
      content.moveTo(MARGIN, at);
      content.lineTo(MARGIN + WIDTH, at);
      content.stroke();
    }

    private void text(String text, float x, float baseline, float size) throws IOException {
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, baseline);
      content.showText(printable(text));
      content.endText();
    }

    // Characters the font lacks (emoji, rare kanji) print as a geta mark instead of failing.
    private String printable(String text) {
      StringBuilder out = new StringBuilder();
      text.codePoints()
          .forEach(
              cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                  font.encode(ch);
                  out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                  out.append('〓');
                }
              });
      return out.toString();
    }

    // Japanese has no spaces to break at: break at any character, but keep an ASCII word whole
    // when it fits on a line of its own.
    private List<String> wrap(String text, float size, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      int i = 0;
      String printable = printable(text.replace('\t', ' '));
      while (i < printable.length()) {
        int end = i + Character.charCount(printable.codePointAt(i));
        if (isAsciiWordChar(printable.charAt(i))) {
          while (end < printable.length() && isAsciiWordChar(printable.charAt(end))) {
            end++;
          }
        }
        String token = printable.substring(i, end);
        // 禁則: closing punctuation never starts a line; it hangs into the margin instead.
        boolean hangs = token.length() == 1 && LINE_START_FORBIDDEN.indexOf(token.charAt(0)) >= 0;
        if (!hangs && widthOf(line + token, size) > width && line.length() > 0) {
          lines.add(line.toString().stripTrailing());
          line.setLength(0);
          if (token.isBlank()) {
            i = end;
            continue;
          }
        }
        if (widthOf(token, size) > width) {
          // A single token longer than the line (a URL): break it by character.
          for (int cp : token.codePoints().toArray()) {
            String ch = new String(Character.toChars(cp));
            if (widthOf(line + ch, size) > width) {
              lines.add(line.toString());
              line.setLength(0);
            }
            line.append(ch);
          }
        } else {
          line.append(token);
        }
        i = end;
      }
      if (line.length() > 0) {
        lines.add(line.toString().stripTrailing());
      }
      return lines;
    }

    private static boolean isAsciiWordChar(char c) {
      return c < 128 && c != ' ';
    }

    private float widthOf(CharSequence text, float size) throws IOException {
      return font.getStringWidth(text.toString()) / 1000 * size;
    }

    void finish() throws IOException {
      content.close();
      int pages = document.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        try (PDPageContentStream footer =
            new PDPageContentStream(
                document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
          String number = (i + 1) + " / " + pages;
          footer.beginText();
          footer.setFont(font, 8);
          footer.newLineAtOffset(
              MARGIN + WIDTH / 2 - font.getStringWidth(number) / 1000 * 4, MARGIN - 10);
          footer.showText(number);
          footer.endText();
        }
      }
    }
  }
}
