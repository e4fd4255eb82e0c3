package io.proxima.platform.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The TrueType font that Japanese documents embed: a file an operator names, or else BIZ UDPGothic,
 * which the build puts on the class path (module {@code fonts}, fetched from the npm registry, SIL
 * Open Font License 1.1, its licence at {@code io/proxima/fonts/LICENSE_FONT}). Nothing depends on
 * fonts installed on the machine, so a server, a test and a fixture print the same glyphs.
 */
public final class JapaneseFont {

  /** Where the {@code proxima-fonts} jar puts BIZ UDPGothic on the class path. */
  public static final String BUNDLED_RESOURCE = "io/proxima/fonts/BIZUDPGothic_400Regular.ttf";

  private final Path file;

  private JapaneseFont(Path file) {
    this.file = file;
  }

  /** The font the build bundles. */
  public static JapaneseFont bundled() {
    return new JapaneseFont(null);
  }

  /** The configured TrueType file when one is named, otherwise the bundled font. */
  public static JapaneseFont configuredOrBundled(String configured) {
    return configured == null || configured.isBlank()
        ? bundled()
        : new JapaneseFont(Path.of(configured));
  }

  /** False when a named file cannot be read, or the bundled font is missing from the class path. */
  public boolean available() {
    return file == null ? Bundled.BYTES != null : Files.isReadable(file);
  }

  /** Where the font comes from, for an operator reading an error. */
  public String origin() {
    return file == null ? "class path " + BUNDLED_RESOURCE : file.toString();
  }

  /** The font in {@code document}, embedded as a subset of the glyphs the document uses. */
  public PDType0Font embedIn(PDDocument document) throws IOException {
    // A named file is read on each document, so an operator may replace it without a restart; the
    // bundled one is read once and shared (4.5 MB), as the buffer only wraps it.
    byte[] bytes = file == null ? Bundled.BYTES : Files.readAllBytes(file);
    if (bytes == null) {
      throw new IOException("no font at " + origin());
    }
    if (file != null) {
      bytes = withoutLigatures(bytes);
    }
    return PDType0Font.load(document, new RandomAccessReadBuffer(bytes), true, false);
  }

  /**
   * The font without its glyph substitution table. PDFBox 3 applies a font's Latin ligatures when
   * it writes text, drawing "fi" as one glyph that the text layer maps to nothing: "Defined" copied
   * or searched in our PDFs read "De ned". Horizontal Japanese needs no substitution, so the table
   * is hidden by renaming its tag in the table directory (the glyphs and metrics stay).
   */
  static byte[] withoutLigatures(byte[] font) {
    if (font.length < 12) {
      return font;
    }
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(font);
    int version = in.getInt(0);
    if (version != 0x00010000 && version != 0x74727565 && version != 0x4F54544F) {
      return font; // not a single sfnt font (a collection, or not a font): leave it to PDFBox
    }
    int tables = Short.toUnsignedInt(in.getShort(4));
    for (int i = 0; i < tables && 12 + 16 * i + 4 <= font.length; i++) {
      int at = 12 + 16 * i;
      if (font[at] == 'G' && font[at + 1] == 'S' && font[at + 2] == 'U' && font[at + 3] == 'B') {
        byte[] copy = font.clone();
        copy[at + 3] = 'b';
        return copy;
      }
    }
    return font;
  }

  /** Read on first use, by the class loader's lazy initialisation of this holder. */
  private static final class Bundled {
    static final byte[] BYTES = read();

    private static byte[] read() {
      try (InputStream in =
          JapaneseFont.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
        return in == null ? null : withoutLigatures(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
