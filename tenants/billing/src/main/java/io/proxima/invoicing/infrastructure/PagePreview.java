package io.proxima.invoicing.infrastructure;

import io.proxima.platform.error.DomainException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF's pages as one PNG, top to bottom, for showing a document inside the portal. The portal's
 * content security policy lets no plugin or framed blob run (object-src 'none', frame-src without
 * blob:), so the browser's PDF viewer cannot show it inline; an image it can.
 */
final class PagePreview {

  /** Enough for any invoice; the rest is in the PDF itself. */
  static final int MAX_PAGES = 5;

  /** 108 dpi: an A4 page 893 px wide, readable on a laptop without zooming. */
  private static final float SCALE = 1.5f;

  private PagePreview() {}

  static byte[] png(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      List<BufferedImage> pages = new ArrayList<>();
      for (int i = 0; i < Math.min(document.getNumberOfPages(), MAX_PAGES); i++) {
        pages.add(renderer.renderImage(i, SCALE, ImageType.RGB));
      }
      if (pages.isEmpty()) {
        throw new DomainException.UnreadableFile("the document has no pages");
      }
      int width = pages.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
      int gap = 12;
      int height =
          pages.stream().mapToInt(BufferedImage::getHeight).sum() + gap * (pages.size() - 1);
      BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = sheet.createGraphics();
      try {
        g.setColor(new Color(0xE6E8EC));
        g.fillRect(0, 0, width, height);
        int y = 0;
        for (BufferedImage page : pages) {
          g.drawImage(page, 0, y, null);
          y += page.getHeight() + gap;
        }
      } finally {
        g.dispose();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(sheet, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
