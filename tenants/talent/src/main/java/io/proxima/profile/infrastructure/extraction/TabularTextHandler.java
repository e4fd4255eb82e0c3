package io.proxima.profile.infrastructure.extraction;

import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML into the plain text the parser reads: a table row becomes one line with its
 * cells separated by tabs, so the columns of an Excel or Word project table stay together. A line
 * break inside a cell (multi-line cells are the norm in Japanese sheets) becomes " / " for the same
 * reason.
 */
final class TabularTextHandler extends DefaultHandler {

  static final String IN_CELL_BREAK = " / ";

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "br",
          "title",
          "blockquote",
          "pre",
          "dt",
          "dd",
          "table",
          "tr");

  private final StringBuilder out = new StringBuilder();
  private final StringBuilder cell = new StringBuilder();
  private final int maxChars;
  private int cellDepth;
  private int cellsInRow;
  private int rowDepth;
  // Tika follows a block's end with a newline of its own; one line end per block is enough.
  private boolean lineJustEnded;

  TabularTextHandler(int maxChars) {
    this.maxChars = maxChars;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts)
      throws SAXException {
    checkInterrupted();
    String name = localName.isEmpty() ? qName : localName;
    switch (name) {
      case "tr":
        if (cellDepth == 0) {
          rowDepth++;
          cellsInRow = 0;
        }
        break;
      case "td":
      case "th":
        if (cellDepth == 0) {
          cell.setLength(0);
        } else {
          cell.append(' ');
        }
        cellDepth++;
        break;
      default:
        break;
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    String name = localName.isEmpty() ? qName : localName;
    if ((name.equals("td") || name.equals("th")) && cellDepth > 0) {
      cellDepth--;
      if (cellDepth == 0) {
        if (cellsInRow++ > 0) {
          append("\t");
        }
        append(cleanCell(cell));
      }
      return;
    }
    if (cellDepth > 0) {
      if (BLOCKS.contains(name)) {
        cell.append('\n');
      }
      return;
    }
    if (name.equals("tr")) {
      rowDepth = Math.max(0, rowDepth - 1);
      append("\n");
      lineJustEnded = true;
    } else if (BLOCKS.contains(name) && rowDepth == 0) {
      append("\n");
      lineJustEnded = true;
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    checkInterrupted();
    if (cellDepth > 0) {
      cell.append(ch, start, length);
      if (cell.length() > maxChars) {
        throw new TextLimitException(maxChars);
      }
    } else if (rowDepth == 0) {
      append(new String(ch, start, length));
      lineJustEnded = false;
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    // Tika signals line ends (PDF lines among them) as ignorable whitespace; inside a table row
    // only the cell structure counts.
    if (cellDepth > 0) {
      cell.append(ch, start, length);
    } else if (rowDepth == 0) {
      String text = new String(ch, start, length);
      if (lineJustEnded && text.isBlank()) {
        lineJustEnded = false;
        return;
      }
      append(text);
    }
  }

  private void append(String text) throws SAXException {
    out.append(text);
    if (out.length() > maxChars) {
      throw new TextLimitException(maxChars);
    }
  }

  private static String cleanCell(StringBuilder raw) {
    String[] lines = raw.toString().replace('\t', ' ').split("\\R");
    StringBuilder joined = new StringBuilder();
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      if (joined.length() > 0) {
        joined.append(IN_CELL_BREAK);
      }
      joined.append(l);
    }
    return joined.toString();
  }

  private static void checkInterrupted() throws SAXException {
    // Parsers rarely check for interruption themselves; failing the next SAX event stops a
    // timed-out parse instead of letting it run on in the background.
    if (Thread.currentThread().isInterrupted()) {
      throw new SAXException("interrupted: the time limit was reached");
    }
  }

  String text() {
    String[] lines = out.toString().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder text = new StringBuilder();
    int blank = 0;
    for (String line : lines) {
      String l = line.stripTrailing();
      if (l.isBlank()) {
        if (++blank > 1) {
          continue;
        }
        l = "";
      } else {
        blank = 0;
      }
      text.append(l).append('\n');
    }
    return text.toString().strip();
  }

  /** The sheet holds more text than the reader accepts. */
  static final class TextLimitException extends SAXException {
    TextLimitException(int limit) {
      super("more than " + limit + " characters of text");
    }
  }
}
