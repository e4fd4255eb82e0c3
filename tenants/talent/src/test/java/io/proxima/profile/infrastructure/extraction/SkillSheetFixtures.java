package io.proxima.profile.infrastructure.extraction;

import io.proxima.platform.pdf.JapaneseFont;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * Builds the binary skill sheets of the test corpus from their text sources, so the corpus stays
 * reviewable in diffs.
 *
 * <p>Document markup (Word and PDF): {@code # } starts a heading, {@code | a | b |} is a table row,
 * {@code ---page---} a page break, anything else a paragraph; {@code \n} inside a cell is a line
 * break within it. Spreadsheet source: one row a line, cells separated by tabs or written {@code
 * | a | b |}, {@code === name} starts a sheet, {@code \n} a line break inside a cell and {@code
 * @date:2021-04[:format]} a date cell as Excel stores a typed-in month.
 */
public final class SkillSheetFixtures {

  private SkillSheetFixtures() {}

  public static byte[] xlsx(String source) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle wrap = book.createCellStyle();
      wrap.setWrapText(true);
      XSSFSheet sheet = null;
      Merges merges = new Merges();
      int r = 0;
      for (String line : source.split("\n", -1)) {
        if (line.startsWith("=== ")) {
          merges.applyTo(sheet);
          sheet = book.createSheet(line.substring(4).strip());
          r = 0;
          continue;
        }
        if (sheet == null) {
          sheet = book.createSheet("スキルシート");
        }
        XSSFRow row = sheet.createRow(r++);
        String[] cells = line.startsWith("|") ? cells(line) : line.split("\t", -1);
        for (int c = 0; c < cells.length; c++) {
          if (cells[c].isEmpty()) {
            continue;
          }
          if (merges.mark(row.getRowNum(), c, cells[c])) {
            continue;
          }
          XSSFCell cell = row.createCell(c);
          String value = cells[c].replace("\\n", "\n");
          if (value.startsWith("@date:")) {
            // A real date cell, as Excel stores a typed-in month: a number shown through a format.
            String[] parts = value.substring(6).split(":", 2);
            cell.setCellValue(java.time.YearMonth.parse(parts[0]).atDay(1));
            CellStyle date = book.createCellStyle();
            date.setDataFormat(
                book.createDataFormat().getFormat(parts.length > 1 ? parts[1] : "yyyy/mm"));
            cell.setCellStyle(date);
            continue;
          }
          cell.setCellValue(value);
          if (value.contains("\n")) {
            cell.setCellStyle(wrap);
          }
        }
      }
      merges.applyTo(sheet);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Merged regions as the markup writes them: {@code <<} joins a cell to the one on its left,
   * {@code ^^} to the one above; each region is anchored at its top-left cell, which holds the
   * value.
   */
  private static final class Merges {
    private final java.util.Map<Long, Long> anchorOf = new java.util.HashMap<>();

    static boolean isMerge(String cell) {
      return cell.equals("<<") || cell.equals("^^");
    }

    private static long key(int row, int column) {
      return ((long) row << 20) | column;
    }

    boolean mark(int row, int column, String cell) {
      if (!isMerge(cell)) {
        return false;
      }
      long neighbour = cell.equals("<<") ? key(row, column - 1) : key(row - 1, column);
      anchorOf.put(key(row, column), anchorOf.getOrDefault(neighbour, neighbour));
      return true;
    }

    void applyTo(XSSFSheet sheet) {
      if (sheet == null || anchorOf.isEmpty()) {
        anchorOf.clear();
        return;
      }
      java.util.Map<Long, int[]> regions = new java.util.LinkedHashMap<>();
      anchorOf.forEach(
          (cell, anchor) -> {
            int[] box =
                regions.computeIfAbsent(
                    anchor,
                    a -> {
                      int row = (int) (a >> 20);
                      int column = (int) (a & 0xFFFFF);
                      return new int[] {row, row, column, column};
                    });
            int row = (int) (cell >> 20);
            int column = (int) (cell & 0xFFFFF);
            box[0] = Math.min(box[0], row);
            box[1] = Math.max(box[1], row);
            box[2] = Math.min(box[2], column);
            box[3] = Math.max(box[3], column);
          });
      for (int[] box : regions.values()) {
        try {
          sheet.addMergedRegion(
              new org.apache.poi.ss.util.CellRangeAddress(box[0], box[1], box[2], box[3]));
        } catch (IllegalStateException | IllegalArgumentException overlapping) {
          // A hand-written source may draw overlapping regions; Excel would refuse them too.
        }
      }
      anchorOf.clear();
    }
  }

  public static byte[] docx(String markup) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      List<String[]> table = new ArrayList<>();
      for (String line : markup.split("\n", -1)) {
        if (line.startsWith("|")) {
          table.add(cells(line));
          continue;
        }
        flushTable(doc, table);
        if (line.equals("---page---")) {
          doc.createParagraph().setPageBreak(true);
        } else if (line.startsWith("# ")) {
          XWPFRun run = doc.createParagraph().createRun();
          run.setBold(true);
          run.setFontSize(14);
          run.setText(line.substring(2));
        } else if (!line.isBlank()) {
          doc.createParagraph().createRun().setText(line);
        }
      }
      flushTable(doc, table);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void flushTable(XWPFDocument doc, List<String[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(1);
    XWPFTable table = doc.createTable(rows.size(), columns);
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns; c++) {
        XWPFTableCell cell = table.getRow(r).getCell(c);
        String value = c < rows.get(r).length ? rows.get(r)[c] : "";
        if (Merges.isMerge(value)) {
          mergeWordCell(table, r, c, value.equals("<<"));
          continue;
        }
        String[] lines = value.split("\\\\n");
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.createRun().setText(lines[0]);
        for (int i = 1; i < lines.length; i++) {
          cell.addParagraph().createRun().setText(lines[i]);
        }
      }
    }
    rows.clear();
  }

  // Word keeps a merge as a flag on each cell: the first one restarts the region, the rest continue
  // it and hold no text.
  private static void mergeWordCell(XWPFTable table, int row, int column, boolean horizontal) {
    XWPFTableCell anchor =
        horizontal ? table.getRow(row).getCell(column - 1) : table.getRow(row - 1).getCell(column);
    var anchorProps =
        anchor.getCTTc().isSetTcPr() ? anchor.getCTTc().getTcPr() : anchor.getCTTc().addNewTcPr();
    var cellProps = table.getRow(row).getCell(column).getCTTc().addNewTcPr();
    if (horizontal) {
      if (!anchorProps.isSetHMerge()) {
        anchorProps
            .addNewHMerge()
            .setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.RESTART);
      }
      cellProps
          .addNewHMerge()
          .setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.CONTINUE);
    } else {
      if (!anchorProps.isSetVMerge()) {
        anchorProps
            .addNewVMerge()
            .setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.RESTART);
      }
      cellProps
          .addNewVMerge()
          .setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.CONTINUE);
    }
  }

  private static String[] cells(String line) {
    String inner = line.strip();
    inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
    String[] cells = inner.split("\\|", -1);
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i].strip();
    }
    return cells;
  }

  /**
   * The font the platform's own documents embed (BIZ UDPGothic, from the build's {@code fonts}
   * module on the test class path), so fixtures print what the platform prints.
   */
  public static JapaneseFont japaneseFont() {
    JapaneseFont font = JapaneseFont.bundled();
    if (!font.available()) {
      throw new IllegalStateException(
          "The PDF fixtures embed the bundled Japanese font, missing from the class path at "
              + JapaneseFont.BUNDLED_RESOURCE
              + "; build the fonts module first");
    }
    return font;
  }

  public static byte[] pdf(String markup) {
    return pdf(markup, null);
  }

  /** A PDF; with a user password it cannot be opened without it. */
  public static byte[] pdf(String markup, String userPassword) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType0Font font = japaneseFont().embedIn(doc);
      new PdfWriter(doc, font).write(markup);
      if (userPassword != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy(
                "owner-" + userPassword, userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lays out the markup on A4 pages: wrapped paragraphs and tables with content-sized columns. */
  private static final class PdfWriter {
    private static final float MARGIN = 40;
    private static final float SIZE = 9;
    private static final float LEADING = 13;
    private final PDDocument doc;
    private final PDType0Font font;
    private PDPageContentStream content;
    private float y;

    PdfWriter(PDDocument doc, PDType0Font font) {
      this.doc = doc;
      this.font = font;
    }

    void write(String markup) throws IOException {
      newPage();
      List<String[]> table = new ArrayList<>();
      for (String line : markup.split("\n", -1)) {
        if (line.startsWith("|")) {
          table.add(cells(line));
          continue;
        }
        table(table);
        if (line.equals("---page---")) {
          newPage();
        } else if (line.startsWith("# ")) {
          y -= 4;
          paragraph(line.substring(2), 13);
        } else if (!line.isBlank()) {
          paragraph(line, SIZE);
        }
      }
      table(table);
      content.close();
    }

    private float width() {
      return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      content = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void paragraph(String text, float size) throws IOException {
      for (String line : wrap(text, width(), size)) {
        ensure(LEADING * size / SIZE);
        y -= LEADING * size / SIZE;
        show(line, MARGIN, y, size);
      }
    }

    private void table(List<String[]> rows) throws IOException {
      if (rows.isEmpty()) {
        return;
      }
      int columns = rows.stream().mapToInt(r -> r.length).max().orElse(1);
      float[] natural = new float[columns];
      for (String[] cells : rows) {
        for (int c = 0; c < cells.length; c++) {
          if (Merges.isMerge(cells[c])) {
            continue;
          }
          for (String part : cells[c].split("\\\\n")) {
            natural[c] = Math.max(natural[c], Math.min(textWidth(part, SIZE) + 10, width() * 0.6f));
          }
        }
      }
      float sum = 0;
      for (float n : natural) {
        sum += Math.max(n, 20);
      }
      float[] widths = new float[columns];
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(natural[c], 20) * Math.min(1f, width() / sum);
      }
      for (String[] cells : rows) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < columns; c++) {
          List<String> lines = new ArrayList<>();
          if (c < cells.length && !Merges.isMerge(cells[c])) {
            for (String part : cells[c].split("\\\\n")) {
              lines.addAll(wrap(part, widths[c] - 6, SIZE));
            }
          }
          wrapped.add(lines);
          height = Math.max(height, lines.size());
        }
        ensure(height * LEADING + 4);
        float x = MARGIN;
        for (int c = 0; c < columns; c++) {
          List<String> lines = wrapped.get(c);
          for (int i = 0; i < lines.size(); i++) {
            show(lines.get(i), x + 2, y - LEADING * (i + 1), SIZE);
          }
          x += widths[c];
        }
        y -= height * LEADING + 4;
      }
      rows.clear();
    }

    private void ensure(float height) throws IOException {
      if (y - height < MARGIN) {
        newPage();
      }
    }

    private void show(String text, float x, float atY, float size) throws IOException {
      if (text.isEmpty()) {
        return;
      }
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, atY);
      content.showText(text);
      content.endText();
    }

    private float textWidth(String text, float size) throws IOException {
      return font.getStringWidth(text) / 1000 * size;
    }

    private List<String> wrap(String text, float max, float size) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      int i = 0;
      while (i < text.length()) {
        int cp = text.codePointAt(i);
        String ch = new String(Character.toChars(cp));
        if (line.length() > 0 && textWidth(line + ch, size) > max) {
          // Break Latin text at the last space; Japanese breaks anywhere.
          int space = line.lastIndexOf(" ");
          if (cp < 128 && space > 0 && Character.isLetterOrDigit(cp)) {
            lines.add(line.substring(0, space));
            line.delete(0, space + 1);
          } else {
            lines.add(line.toString());
            line.setLength(0);
          }
        }
        line.append(ch);
        i += Character.charCount(cp);
      }
      if (line.length() > 0) {
        lines.add(line.toString());
      }
      return lines;
    }
  }

  /** A PDF with the given number of near-empty pages. */
  public static byte[] pdfWithPages(int pages) {
    StringBuilder markup = new StringBuilder();
    for (int i = 1; i <= pages; i++) {
      if (i > 1) {
        markup.append("---page---\n");
      }
      markup.append("Page ").append(i).append('\n');
    }
    return pdf(markup.toString());
  }

  /** A one-page PDF whose content stream inflates to {@code inflatedMiB} of drawing operators. */
  public static byte[] pdfBomb(int inflatedMiB) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      org.apache.pdfbox.pdmodel.common.PDStream stream =
          new org.apache.pdfbox.pdmodel.common.PDStream(doc);
      try (OutputStream os =
          stream.createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
        byte[] block = new byte[1024 * 1024];
        java.util.Arrays.fill(block, (byte) ' ');
        for (int i = 0; i < inflatedMiB; i++) {
          os.write(block);
        }
      }
      page.setContents(stream);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A small, valid PDF that keeps PDFBox's text extraction busy for hours: its page draws form
   * XObject 1 {@code fanOut} times, which draws form 2 {@code fanOut} times, and so on {@code
   * depth} levels down, so the extractor walks fanOut^depth forms. Nothing is inflated and no text
   * comes out, so no size, page or character limit stops it; only the time limit can.
   */
  public static byte[] pdfFormBomb(int depth, int fanOut) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject below = null;
      for (int level = depth; level >= 1; level--) {
        org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form =
            new org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject(doc);
        form.setBBox(new PDRectangle(100, 100));
        org.apache.pdfbox.pdmodel.PDResources resources =
            new org.apache.pdfbox.pdmodel.PDResources();
        String body = "q 0 0 1 1 re f Q\n";
        if (below != null) {
          resources.put(org.apache.pdfbox.cos.COSName.getPDFName("X"), below);
          body = "/X Do\n".repeat(fanOut);
        }
        form.setResources(resources);
        try (OutputStream os = form.getContentStream().createOutputStream()) {
          os.write(body.getBytes(StandardCharsets.US_ASCII));
        }
        below = form;
      }
      org.apache.pdfbox.pdmodel.PDResources pageResources =
          new org.apache.pdfbox.pdmodel.PDResources();
      pageResources.put(org.apache.pdfbox.cos.COSName.getPDFName("X"), below);
      page.setResources(pageResources);
      org.apache.pdfbox.pdmodel.common.PDStream content =
          new org.apache.pdfbox.pdmodel.common.PDStream(doc);
      try (OutputStream os = content.createOutputStream()) {
        os.write("/X Do\n".repeat(fanOut).getBytes(StandardCharsets.US_ASCII));
      }
      page.setContents(content);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The OOXML package encrypted with a password, as Excel and Word save it. */
  public static byte[] encryptOoxml(byte[] ooxml, String password) {
    try (POIFSFileSystem fs = new POIFSFileSystem();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor encryptor = info.getEncryptor();
      encryptor.confirmPassword(password);
      try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(ooxml));
          OutputStream os = encryptor.getDataStream(fs)) {
        opc.save(os);
      }
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A valid-looking .xlsx or .docx whose main part inflates to {@code inflatedMiB} of XML: a few
   * kilobytes on disk.
   */
  public static byte[] zipBomb(boolean word, int inflatedMiB) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(9);
      String main = word ? "word/document.xml" : "xl/worksheets/sheet1.xml";
      String mainType =
          word
              ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
              : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
      String officeDoc = word ? "word/document.xml" : "xl/workbook.xml";
      put(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
              + " Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
              + " Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/"
              + officeDoc
              + "\" ContentType=\""
              + mainType
              + "\"/></Types>");
      put(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\""
              + officeDoc
              + "\"/></Relationships>");
      zip.putNextEntry(new ZipEntry(main));
      zip.write("<?xml version=\"1.0\"?><root>".getBytes());
      byte[] block = new byte[1024 * 1024];
      java.util.Arrays.fill(block, (byte) 'a');
      for (int i = 0; i < inflatedMiB; i++) {
        zip.write(block);
      }
      zip.write("</root>".getBytes());
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
