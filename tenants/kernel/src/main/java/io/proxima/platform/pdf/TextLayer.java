package io.proxima.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Japanese fonts draw a Kangxi radical and its ideograph with one glyph (⼭ and 山), and PDFBox
 * writes the text layer from the first code point the font lists for a glyph — the radical. A skill
 * sheet whose "山田" copies out as "⼭⽥" cannot be searched by the agency that receives it, so the
 * text layer is rewritten with the ideographs (NFKC) after the document is saved.
 */
final class TextLayer {

  private static final Pattern SECTION =
      Pattern.compile("\\d+\\s+begin(bfchar|bfrange)(.*?)end\\1", Pattern.DOTALL);
  private static final Pattern CHAR = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>");
  private static final Pattern RANGE =
      Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>");

  private TextLayer() {}

  static byte[] unifyIdeographs(byte[] pdf) throws IOException {
    boolean changed = false;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          if (font instanceof PDType0Font
              && font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE)
                  instanceof COSStream toUnicode) {
            changed |= rewrite(toUnicode);
          }
        }
      }
      if (!changed) {
        return pdf;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static boolean rewrite(COSStream toUnicode) throws IOException {
    String cmap;
    try (var in = toUnicode.createInputStream()) {
      cmap = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    Matcher section = SECTION.matcher(cmap);
    if (!section.find()) {
      return false;
    }
    int start = section.start();
    int end;
    Map<String, String> mappings = new TreeMap<>();
    do {
      end = section.end();
      String body = section.group(2);
      if (section.group(1).equals("bfchar")) {
        Matcher entry = CHAR.matcher(body);
        while (entry.find()) {
          mappings.put(entry.group(1), text(entry.group(2)));
        }
      } else {
        Matcher entry = RANGE.matcher(body);
        while (entry.find()) {
          int width = entry.group(1).length();
          int low = Integer.parseInt(entry.group(1), 16);
          int high = Integer.parseInt(entry.group(2), 16);
          String first = text(entry.group(3));
          for (int code = low; code <= high; code++) {
            String source = String.format("%0" + width + "X", code);
            int last = first.codePointAt(first.length() - 1) + (code - low);
            mappings.put(
                source,
                first.substring(
                        0,
                        first.length() - Character.charCount(first.codePointAt(first.length() - 1)))
                    + new String(Character.toChars(last)));
          }
        }
      }
    } while (section.find());
    boolean changed = false;
    for (Map.Entry<String, String> mapping : mappings.entrySet()) {
      String unified = Normalizer.normalize(mapping.getValue(), Normalizer.Form.NFKC);
      if (!unified.equals(mapping.getValue()) && radicalOrCompatibility(mapping.getValue())) {
        mapping.setValue(unified);
        changed = true;
      }
    }
    if (!changed) {
      return false;
    }
    StringBuilder rebuilt = new StringBuilder(cmap.substring(0, start));
    List<Map.Entry<String, String>> entries = new ArrayList<>(mappings.entrySet());
    for (int i = 0; i < entries.size(); i += 100) {
      List<Map.Entry<String, String>> block = entries.subList(i, Math.min(i + 100, entries.size()));
      rebuilt.append(block.size()).append(" beginbfchar\n");
      for (Map.Entry<String, String> entry : block) {
        rebuilt
            .append('<')
            .append(entry.getKey())
            .append("> <")
            .append(hex(entry.getValue()))
            .append(">\n");
      }
      rebuilt.append("endbfchar\n");
    }
    rebuilt.append(cmap.substring(end));
    try (OutputStream out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(rebuilt.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
    return true;
  }

  // Only the look-alike blocks: NFKC would also turn full-width letters half-width, which the
  // sheet prints on purpose.
  private static boolean radicalOrCompatibility(String text) {
    return text.codePoints()
        .anyMatch(cp -> (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0xF900 && cp <= 0xFAFF));
  }

  private static String text(String utf16Hex) {
    byte[] bytes = new byte[utf16Hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(utf16Hex.substring(2 * i, 2 * i + 2), 16);
    }
    return new String(bytes, StandardCharsets.UTF_16BE);
  }

  private static String hex(String text) {
    StringBuilder hex = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_16BE)) {
      hex.append(String.format("%02X", b & 0xff));
    }
    return hex.toString();
  }
}
