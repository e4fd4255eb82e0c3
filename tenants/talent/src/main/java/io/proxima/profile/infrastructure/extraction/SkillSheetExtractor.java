package io.proxima.profile.infrastructure.extraction;

import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.SkillSheetText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The extraction itself: reads the text out of a skill sheet's bytes. It runs inside a {@link
 * SkillSheetWorker} process, never in the application server, because PDFBox and POI ignore thread
 * interruption: only killing the process stops a parse that runs away.
 *
 * <p>The type is taken from the bytes, never from the name or the declared type, so a renamed
 * executable is refused; every failure is a {@link DomainException} with a message the freelancer
 * can act on. Hostile files are bounded on pages, bytes inflated from an Office package and
 * characters out here; bytes in, wall-clock time and memory by the worker pool.
 */
final class SkillSheetExtractor {

  static final MediaType PDF = MediaType.application("pdf");
  static final MediaType DOCX =
      MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document");
  static final MediaType XLSX =
      MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType DOC = MediaType.application("msword");
  static final MediaType XLS = MediaType.application("vnd.ms-excel");
  static final MediaType OOXML_ENCRYPTED = MediaType.application("x-tika-ooxml-protected");
  static final MediaType TEXT = MediaType.TEXT_PLAIN;
  static final MediaType MARKDOWN = MediaType.text("markdown");

  private static final Logger LOG = Logger.getLogger(SkillSheetExtractor.class.getName());
  private static final String SUPPORTED =
      "PDF, Word (.docx, .doc), Excel (.xlsx), Markdown or text";
  // The detectors only, never TikaConfig's default: that would load every parser on the class
  // path, and the modules' Access and Outlook parsers are deliberately left without their
  // libraries.
  private static final Detector DETECTOR = new DefaultDetector();
  private static final EncodingDetector ENCODINGS = new DefaultEncodingDetector();

  private final long maxBytes;
  private final int maxPages;
  private final int maxChars;

  SkillSheetExtractor(long maxBytes, int maxPages, int maxChars) {
    this.maxBytes = maxBytes;
    this.maxPages = maxPages;
    this.maxChars = maxChars;
  }

  /**
   * @param filename the name the browser sent; only tells Markdown from plain text
   * @param declaredType the content type the browser sent; only a hint for text files
   */
  SkillSheetText extract(byte[] bytes, String filename, String declaredType) throws IOException {
    MediaType type = detect(bytes);
    if (type.equals(OOXML_ENCRYPTED)) {
      throw encrypted();
    }
    if (type.equals(PDF) || type.equals(DOCX) || type.equals(XLSX) || type.equals(DOC)) {
      return readDocument(bytes, type);
    }
    if (type.equals(TEXT) || looksLikeTextUpload(type, filename, declaredType)) {
      return readText(bytes, filename);
    }
    if (type.equals(XLS)) {
      throw new DomainException.UnsupportedFile(
          "Excel 97-2003 files (.xls) are not read; save the sheet as .xlsx and upload it again.");
    }
    throw new DomainException.UnsupportedFile(
        "This file is not a skill sheet format Proxima reads ("
            + SUPPORTED
            + "); its content is "
            + type.getBaseType()
            + ".");
  }

  private static MediaType detect(byte[] bytes) {
    // No name and no declared type: only the bytes decide, so a lying extension cannot.
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      return DETECTOR.detect(in, new Metadata()).getBaseType();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "type detection failed", e);
      return MediaType.OCTET_STREAM;
    }
  }

  // Magic detection calls Shift_JIS or EUC-JP text without a BOM "octet-stream", as it is neither
  // ASCII nor UTF-8; the declared name or type lets such text be tried, and readText refuses it
  // when it does not decode to text.
  private static boolean looksLikeTextUpload(MediaType type, String filename, String declared) {
    if (!type.equals(MediaType.OCTET_STREAM)) {
      return false;
    }
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    boolean textName = name.endsWith(".txt") || name.endsWith(".text") || isMarkdownName(name);
    boolean textType = declared != null && declared.toLowerCase(Locale.ROOT).startsWith("text/");
    return textName || textType;
  }

  private static boolean isMarkdownName(String lowerName) {
    return lowerName.endsWith(".md") || lowerName.endsWith(".markdown");
  }

  private SkillSheetText readDocument(byte[] bytes, MediaType type) {
    if (type.equals(PDF)) {
      checkPdf(bytes);
    } else if (type.equals(DOCX) || type.equals(XLSX)) {
      new ZipBombGuard(Math.max(100L * 1024 * 1024, maxBytes * 10), 100, 10_000).check(bytes);
    }
    Metadata metadata = new Metadata();
    TabularTextHandler text = new TabularTextHandler(maxChars);
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      parserFor(type).parse(in, new BodyContentHandler(text), metadata, context());
    } catch (EncryptedDocumentException e) {
      throw encrypted();
    } catch (TabularTextHandler.TextLimitException e) {
      throw tooMuchText();
    } catch (Exception | StackOverflowError e) {
      if (hasCause(e, TabularTextHandler.TextLimitException.class)) {
        throw tooMuchText();
      }
      if (hasCause(e, EncryptedDocumentException.class)
          || hasCause(e, org.apache.poi.EncryptedDocumentException.class)) {
        throw encrypted();
      }
      LOG.log(Level.INFO, "unreadable " + type, e);
      throw damaged();
    }
    int pages = pages(metadata);
    if (pages > maxPages) {
      throw tooManyPages(pages);
    }
    String extracted =
        type.equals(PDF)
            ? pdfText(bytes, text.text())
            : type.equals(XLSX) ? formatLiterals(text.text()) : text.text();
    return withText(extracted, type, pages);
  }

  // Tika has read the PDF (and refused what it cannot read); the layout pass puts its tables back
  // together from the glyphs' positions. Should that pass fail, Tika's line-by-line text serves.
  private String pdfText(byte[] bytes, String tikaText) {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      return kangxiToUnified(PdfTableText.of(pdf, maxPages));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.INFO, "PDF layout pass failed; reading it line by line", e);
      return kangxiToUnified(tikaText);
    }
  }

  // Japanese Excel shows a typed month through a format such as yyyy"年"m"月"; POI's formatter
  // keeps the format's quotes, so the cell would read 2024"年"1"月". Excel shows 2024年1月.
  private static final java.util.regex.Pattern QUOTED_LITERAL =
      java.util.regex.Pattern.compile("(?<=\\d)\"([^\"\\t\\n\\d]{1,8})\"");

  static String formatLiterals(String text) {
    return QUOTED_LITERAL.matcher(text).replaceAll("$1");
  }

  // Japanese fonts map some kanji glyphs to the look-alike Kangxi radicals (U+2F00–U+2FDF), so a
  // PDF's "氏名" extracts as "⽒名"; NFKC maps each radical back to its ideograph.
  static String kangxiToUnified(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u2F00' && c <= '\u2FDF') {
        out.append(
            java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKC));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private SkillSheetText withText(String text, MediaType type, int pages) {
    if (text.isBlank()) {
      throw new DomainException.UnreadableFile(
          "The file contains no text. A scanned sheet (an image) cannot be read; upload the"
              + " original document.");
    }
    return new SkillSheetText(text, type.toString(), pages);
  }

  // Loading the document once up front refuses a password or a page count before any text is
  // extracted; PDFBox parses lazily, so this costs little next to the extraction.
  private void checkPdf(byte[] bytes) {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      int pages = pdf.getNumberOfPages();
      if (pages > maxPages) {
        throw tooManyPages(pages);
      }
      checkPdfContentSize(pdf);
    } catch (InvalidPasswordException e) {
      throw encrypted();
    } catch (IOException | RuntimeException e) {
      if (e instanceof DomainException) {
        throw (DomainException) e;
      }
      LOG.log(Level.INFO, "unreadable PDF", e);
      throw damaged();
    }
  }

  // A page's content stream can be a deflate bomb like any zip entry: decode each one once,
  // counting, before the text extraction decodes it into memory.
  private void checkPdfContentSize(PDDocument pdf) throws IOException {
    long limit = Math.max(100L * 1024 * 1024, maxBytes * 10);
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    for (var page : pdf.getPages()) {
      var streams = page.getContentStreams();
      while (streams.hasNext()) {
        try (var in = streams.next().createInputStream()) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
              throw new DomainException.UnreadableFile(
                  "The file was refused because its pages inflate to more than "
                      + limit / (1024 * 1024)
                      + " MiB; it looks built to exhaust the reader.");
            }
          }
        }
      }
    }
  }

  private static Parser parserFor(MediaType type) {
    if (type.equals(PDF)) {
      return new PDFParser();
    }
    if (type.equals(DOC)) {
      return new OfficeParser();
    }
    return new OOXMLParser();
  }

  private static ParseContext context() {
    ParseContext context = new ParseContext();
    PDFParserConfig pdf = new PDFParserConfig();
    // Table cells of a PDF sheet come out in reading order only when sorted by position.
    pdf.setSortByPosition(true);
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdf.setExtractInlineImages(false);
    pdf.setExtractAcroFormContent(false);
    pdf.setExtractBookmarksText(false);
    context.set(PDFParserConfig.class, pdf);
    OfficeParserConfig office = new OfficeParserConfig();
    // Japanese Excel keeps the furigana of a cell next to it; appended, "田中太郎" would read
    // "田中太郎タナカタロウ".
    office.setConcatenatePhoneticRuns(false);
    office.setIncludeDeletedContent(false);
    office.setIncludeMoveFromContent(false);
    office.setExtractMacros(false);
    // The streaming Word extractor never holds the document as a DOM, so a package that passed
    // the zip check but inflates to 100 MiB of XML costs no more memory than a small one.
    office.setUseSAXDocxExtractor(true);
    context.set(OfficeParserConfig.class, office);
    return context;
  }

  private static int pages(Metadata metadata) {
    for (String key : new String[] {PagedText.N_PAGES.getName(), Office.PAGE_COUNT.getName()}) {
      String value = metadata.get(key);
      if (value != null) {
        try {
          return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
          // a damaged statistic is not worth refusing the sheet for
        }
      }
    }
    return 0;
  }

  private SkillSheetText readText(byte[] bytes, String filename) throws IOException {
    Metadata metadata = new Metadata();
    String text;
    Charset charset;
    try (AutoDetectReader reader =
        new AutoDetectReader(new ByteArrayInputStream(bytes), metadata, ENCODINGS)) {
      charset = reader.getCharset();
      text = readAll(reader);
    } catch (org.apache.tika.exception.TikaException e) {
      throw new DomainException.UnsupportedFile(
          "This file is not a skill sheet format Proxima reads (" + SUPPORTED + ").");
    }
    // Shift_JIS proper lacks the Windows characters (①, ㈱, ～) Japanese sheets use; Windows-31J
    // is the superset every Japanese Windows writes.
    if (charset.name().equalsIgnoreCase("Shift_JIS")) {
      text = new String(bytes, Charset.forName("windows-31j"));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!looksLikeText(text)) {
      throw new DomainException.UnsupportedFile(
          "This file is not a skill sheet format Proxima reads (" + SUPPORTED + ").");
    }
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    MediaType type = isMarkdownName(name) ? MARKDOWN : TEXT;
    return withText(text.replace("\r\n", "\n").replace('\r', '\n').strip(), type, 0);
  }

  private String readAll(AutoDetectReader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    int n;
    while ((n = reader.read(buffer)) > 0) {
      text.append(buffer, 0, n);
      if (text.length() > maxChars) {
        throw tooMuchText();
      }
    }
    return text.toString();
  }

  // Binary data decodes to control characters and replacement marks; text has almost none.
  private static boolean looksLikeText(String text) {
    long odd =
        text.chars()
            .filter(c -> c == 0xFFFD || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
            .count();
    return odd <= Math.max(2, text.length() / 200);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static DomainException encrypted() {
    return new DomainException.UnreadableFile(
        "The file is encrypted (password-protected); remove the password and upload it again.");
  }

  private static DomainException damaged() {
    return new DomainException.UnreadableFile(
        "The file could not be read: it is damaged or truncated.");
  }

  private DomainException tooMuchText() {
    return new DomainException.TooLarge(
        "The file holds more than " + maxChars + " characters of text; a skill sheet is shorter.");
  }

  private DomainException tooManyPages(int pages) {
    return new DomainException.TooLarge(
        "The file has " + pages + " pages; a skill sheet may have at most " + maxPages + ".");
  }
}
