package io.proxima.profile.infrastructure.extraction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a PDF with its tables put back together. A PDF exported from an Excel or Word skill
 * sheet keeps no cells, only glyphs at positions; a cell too narrow for its text wraps, so reading
 * line by line interleaves the lines of neighbouring cells ("令和5年10月 大手製薬会社 インフラ チー" / "～現在
 * ・Intune導入 リーダ ム5"). Here the words of a run of table-like lines are placed in columns by their x
 * position, lines close together are one row, and each row is written as one tab-separated line,
 * the way a spreadsheet's rows read.
 */
final class PdfTableText {

  /** One run of glyphs without a wide gap. */
  private record Fragment(float x0, float x1, String text) {}

  private record PdfLine(float y, float height, List<Fragment> fragments) {}

  private PdfTableText() {}

  static String of(PDDocument document, int maxPages) throws IOException {
    StringBuilder out = new StringBuilder();
    int pages = Math.min(document.getNumberOfPages(), maxPages);
    for (int page = 1; page <= pages; page++) {
      Collector collector = new Collector();
      collector.setStartPage(page);
      collector.setEndPage(page);
      collector.setSortByPosition(true);
      collector.getText(document);
      collector.endLine();
      write(collector.lines, out);
      out.append('\n');
    }
    return out.toString();
  }

  private static final class Collector extends PDFTextStripper {
    final List<PdfLine> lines = new ArrayList<>();
    private final List<TextPosition> current = new ArrayList<>();

    Collector() throws IOException {}

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      current.addAll(positions);
    }

    @Override
    protected void writeLineSeparator() {
      endLine();
    }

    void endLine() {
      if (current.isEmpty()) {
        return;
      }
      List<Fragment> fragments = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      float x0 = current.get(0).getXDirAdj();
      float x1 = x0;
      float height = 0;
      float y = current.get(0).getYDirAdj();
      for (TextPosition p : current) {
        float size = Math.max(p.getFontSizeInPt(), 1);
        height = Math.max(height, p.getHeightDir());
        float gap = p.getXDirAdj() - x1;
        if (text.length() > 0 && gap > size * 0.45f) {
          if (!text.toString().isBlank()) {
            fragments.add(new Fragment(x0, x1, text.toString().strip()));
          }
          text.setLength(0);
          x0 = p.getXDirAdj();
        } else if (text.length() > 0 && gap > size * 0.2f) {
          text.append(' ');
        }
        text.append(p.getUnicode());
        x1 = p.getXDirAdj() + p.getWidthDirAdj();
      }
      if (!text.toString().isBlank()) {
        fragments.add(new Fragment(x0, x1, text.toString().strip()));
      }
      if (!fragments.isEmpty()) {
        lines.add(new PdfLine(y, height, fragments));
      }
      current.clear();
    }
  }

  private static void write(List<PdfLine> lines, StringBuilder out) {
    int i = 0;
    while (i < lines.size()) {
      int end = tableEnd(lines, i);
      if (end - i >= 2) {
        table(lines.subList(i, end), out);
        i = end;
      } else {
        out.append(plain(lines.get(i))).append('\n');
        i++;
      }
    }
  }

  // A table starts at a line of three or more fragments and goes on while lines follow closely
  // and are not one fragment starting at the left margin (a paragraph after the table).
  private static int tableEnd(List<PdfLine> lines, int start) {
    if (lines.get(start).fragments().size() < 3) {
      return start;
    }
    float left = lines.get(start).fragments().get(0).x0();
    int end = start + 1;
    while (end < lines.size()) {
      PdfLine previous = lines.get(end - 1);
      PdfLine line = lines.get(end);
      float gap = line.y() - previous.y();
      float lineHeight = Math.max(previous.height(), 6) * 1.2f;
      if (gap <= 0 || gap > lineHeight * 2.6f) {
        break;
      }
      boolean paragraph =
          line.fragments().size() == 1
              && Math.abs(line.fragments().get(0).x0() - left) < 2
              && line.fragments().get(0).x1() - line.fragments().get(0).x0() > 300;
      if (paragraph) {
        break;
      }
      end++;
    }
    return end;
  }

  private static void table(List<PdfLine> lines, StringBuilder out) {
    List<Float> starts = columnStarts(lines);
    float step = Float.MAX_VALUE;
    for (int i = 1; i < lines.size(); i++) {
      step = Math.min(step, lines.get(i).y() - lines.get(i - 1).y());
    }
    List<StringBuilder> row = null;
    for (int i = 0; i < lines.size(); i++) {
      PdfLine line = lines.get(i);
      boolean newRow = i == 0 || line.y() - lines.get(i - 1).y() > step * 1.15f;
      if (newRow) {
        flush(row, out);
        row = new ArrayList<>();
        for (int c = 0; c < starts.size(); c++) {
          row.add(new StringBuilder());
        }
      }
      for (Fragment f : line.fragments()) {
        int column = column(starts, f.x0());
        StringBuilder cell = row.get(column);
        if (cell.length() > 0) {
          char last = cell.charAt(cell.length() - 1);
          char first = f.text().charAt(0);
          // Latin text wraps at a space; a number or Japanese text wraps anywhere.
          boolean digits = Character.isDigit(last) && Character.isDigit(first);
          if (last < 128
              && first < 128
              && !digits
              && Character.isLetterOrDigit(last)
              && Character.isLetterOrDigit(first)) {
            cell.append(' ');
          } else if (!newRow && isWrapPoint(last)) {
            cell.append(" / ");
          }
        }
        cell.append(f.text());
      }
    }
    flush(row, out);
  }

  // A wrapped cell whose line ended in 。 or a list marker starts a new item on the next line.
  private static boolean isWrapPoint(char last) {
    return last == '。';
  }

  private static void flush(List<StringBuilder> row, StringBuilder out) {
    if (row == null) {
      return;
    }
    int used = row.size();
    while (used > 0 && row.get(used - 1).length() == 0) {
      used--;
    }
    for (int c = 0; c < used; c++) {
      if (c > 0) {
        out.append('\t');
      }
      out.append(row.get(c));
    }
    out.append('\n');
  }

  // Column starts: the left edges of fragments, close ones taken as one.
  private static List<Float> columnStarts(List<PdfLine> lines) {
    List<Float> xs = new ArrayList<>();
    for (PdfLine line : lines) {
      for (Fragment f : line.fragments()) {
        xs.add(f.x0());
      }
    }
    xs.sort(Float::compare);
    List<Float> starts = new ArrayList<>();
    for (float x : xs) {
      if (starts.isEmpty() || x - starts.get(starts.size() - 1) > 6) {
        starts.add(x);
      }
    }
    return starts;
  }

  private static int column(List<Float> starts, float x) {
    int column = 0;
    for (int c = 0; c < starts.size(); c++) {
      if (starts.get(c) <= x + 3) {
        column = c;
      }
    }
    return column;
  }

  private static String plain(PdfLine line) {
    StringBuilder text = new StringBuilder();
    for (Fragment f : line.fragments()) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(f.text());
    }
    return text.toString();
  }
}
