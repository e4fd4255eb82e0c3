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
    return PDType0Font.load(document, new RandomAccessReadBuffer(bytes), true, false);
  }

  /** Read on first use, by the class loader's lazy initialisation of this holder. */
  private static final class Bundled {
    static final byte[] BYTES = read();

    private static byte[] read() {
      try (InputStream in =
          JapaneseFont.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
        return in == null ? null : in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
