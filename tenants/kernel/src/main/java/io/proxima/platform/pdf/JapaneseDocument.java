package io.proxima.platform.pdf;

import io.proxima.platform.error.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An A4 document in Japanese, written top to bottom: a new page starts when one is full, pages are
 * numbered at the end, and the Japanese font is embedded as a subset so the document prints the
 * same anywhere. Skill sheets, contracts and invoices share it.
 */
public final class JapaneseDocument implements AutoCloseable {

  private static final float MARGIN = 48;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final String LINE_START_FORBIDDEN = "。、，．・：；？！）」』】〕〉》ー〜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ,.)]";

  /** The configured font file, or else the one the build bundles (see {@link JapaneseFont}). */
  public static JapaneseFont findFont(String configured) {
    return JapaneseFont.configuredOrBundled(configured);
  }

  /**
   * A new document in {@code font}; a server whose font cannot be read (a configured file that is
   * not there) answers 503, since the document cannot be printed correctly without it.
   */
  public static JapaneseDocument open(JapaneseFont font, String configKey) {
    if (font == null || !font.available()) {
      throw new DomainException.Unavailable(
          "the Japanese font for PDF documents cannot be read on this server ("
              + (font == null ? "none" : font.origin())
              + "; check "
              + configKey
              + ")");
    }
    PDDocument document = new PDDocument();
    try {
      return new JapaneseDocument(document, font.embedIn(document));
    } catch (IOException e) {
      try {
        document.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException(e);
    }
  }

  /** The finished document's bytes, pages numbered, its text layer searchable. */
  public byte[] toPdf() throws IOException {
    finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return TextLayer.unifyIdeographs(out.toByteArray());
  }

  @Override
  public void close() throws IOException {
    document.close();
  }

  private final PDDocument document;
  private final PDType0Font font;
  private PDPageContentStream content;
  private float y;

  private JapaneseDocument(PDDocument document, PDType0Font font) throws IOException {
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

  public void title(String title, String name, String role) throws IOException {
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

  public void heading(String heading) throws IOException {
    room(40);
    y -= 8;
    content.setNonStrokingColor(0.90f, 0.93f, 0.97f);
    content.addRect(MARGIN, y - 16, WIDTH, 18);
    content.fill();
    content.setNonStrokingColor(0f, 0f, 0f);
    text(heading, MARGIN + 4, y - 12, 11);
    y -= 24;
  }

  public void subheading(String text) throws IOException {
    room(30);
    for (String part : wrap(text, 10.5f, WIDTH)) {
      text(part, MARGIN, y - 11, 10.5f);
      y -= 15;
    }
  }

  public void field(String label, String value) throws IOException {
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

  public void paragraph(String value, float size) throws IOException {
    for (String paragraph : value.split("\\R")) {
      for (String part : wrap(paragraph, size, WIDTH - 12)) {
        room(size + 5);
        text(part, MARGIN + 6, y - size, size);
        y -= size + 5;
      }
    }
  }

  /** A column of a {@link #table}: its header, its share of the width, and its alignment. */
  public record Column(String header, float share, boolean alignRight) {}

  /**
   * A ruled table with a shaded header row, repeated on each new page; cells wrap within their
   * column, numbers align right.
   */
  public void table(List<Column> columns, List<List<String>> rows) throws IOException {
    float total = (float) columns.stream().mapToDouble(Column::share).sum();
    float[] widths = new float[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = WIDTH * columns.get(i).share() / total;
    }
    float size = 9;
    room(2 * (size + 8));
    tableHeader(columns, widths, size);
    for (List<String> row : rows) {
      List<List<String>> cells = new ArrayList<>();
      int height = 1;
      for (int i = 0; i < widths.length; i++) {
        List<String> wrapped = wrap(row.get(i) == null ? "" : row.get(i), size, widths[i] - 6);
        cells.add(wrapped);
        height = Math.max(height, wrapped.size());
      }
      if (y - height * (size + 4) - 6 < MARGIN + 20) {
        newPage();
        tableHeader(columns, widths, size);
      }
      float x = MARGIN;
      for (int i = 0; i < widths.length; i++) {
        float lineY = y - size - 2;
        for (String part : cells.get(i)) {
          text(part, cellX(columns.get(i), x, widths[i], part, size), lineY, size);
          lineY -= size + 4;
        }
        x += widths[i];
      }
      y -= height * (size + 4) + 4;
      line(y);
    }
    y -= 6;
  }

  private void tableHeader(List<Column> columns, float[] widths, float size) throws IOException {
    content.setNonStrokingColor(0.90f, 0.93f, 0.97f);
    content.addRect(MARGIN, y - size - 6, WIDTH, size + 6);
    content.fill();
    content.setNonStrokingColor(0f, 0f, 0f);
    float x = MARGIN;
    for (int i = 0; i < widths.length; i++) {
      String header = columns.get(i).header();
      text(header, cellX(columns.get(i), x, widths[i], header, size), y - size - 2, size);
      x += widths[i];
    }
    y -= size + 6;
    line(y);
  }

  /** Where a cell's text starts: 3 points in from its left edge, or its right one for numbers. */
  private float cellX(Column column, float left, float width, String text, float size)
      throws IOException {
    return column.alignRight() ? left + width - 3 - widthOf(text, size) : left + 3;
  }

  /** A line of text against the right margin, such as a total or a date. */
  public void rightAligned(String value, float size) throws IOException {
    room(size + 6);
    text(value, MARGIN + WIDTH - widthOf(printable(value), size), y - size, size);
    y -= size + 6;
  }

  public void gap(float points) {
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

  private void finish() throws IOException {
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
