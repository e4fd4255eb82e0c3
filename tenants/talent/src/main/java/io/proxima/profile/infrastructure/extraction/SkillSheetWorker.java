package io.proxima.profile.infrastructure.extraction;

import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.SkillSheetText;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The child process a {@link SkillSheetWorkerPool} starts: reads one sheet after another from stdin
 * and answers on stdout. The pool kills it when a parse overruns; it also ends itself when the
 * pool's process is gone (no orphan keeps a CPU busy) and when a parse runs far past the limit the
 * pool should have enforced.
 *
 * <p>Arguments: max pages, max characters, max bytes, time limit in milliseconds.
 */
public final class SkillSheetWorker {

  private SkillSheetWorker() {}

  public static void main(String[] args) throws IOException {
    int maxPages = Integer.parseInt(args[0]);
    int maxChars = Integer.parseInt(args[1]);
    long maxBytes = Long.parseLong(args[2]);
    long timeLimitMillis = Long.parseLong(args[3]);
    // stdout carries the frames; anything a library prints goes to stderr instead.
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(System.err);
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));

    AtomicLong busySince = new AtomicLong();
    watchdog(busySince, timeLimitMillis);
    SkillSheetExtractor extractor = new SkillSheetExtractor(maxBytes, maxPages, maxChars);
    warmUp(extractor);
    out.write(WorkerProtocol.READY);
    out.flush();

    while (true) {
      String fileName;
      String declaredType;
      byte[] content;
      try {
        fileName = WorkerProtocol.readString(in);
        declaredType = WorkerProtocol.readString(in);
        content = WorkerProtocol.readBytes(in);
      } catch (EOFException e) {
        // The pool closed our stdin: it shuts down or replaces us.
        System.exit(0);
        return;
      }
      busySince.set(System.nanoTime());
      try {
        SkillSheetText text = extractor.extract(content, fileName, declaredType);
        out.write(WorkerProtocol.OK);
        WorkerProtocol.writeString(out, text.text());
        WorkerProtocol.writeString(out, text.mediaType());
        out.writeInt(text.pages());
      } catch (DomainException e) {
        out.write(WorkerProtocol.PROBLEM);
        WorkerProtocol.writeString(out, e.getClass().getSimpleName());
        WorkerProtocol.writeString(out, e.getMessage());
      } catch (Exception | StackOverflowError e) {
        out.write(WorkerProtocol.FAILED);
        WorkerProtocol.writeString(out, String.valueOf(e));
      } finally {
        busySince.set(0);
      }
      out.flush();
    }
  }

  // Loads the PDF, Office and text paths once, so the first sheet's time limit is not spent on
  // class loading.
  private static void warmUp(SkillSheetExtractor extractor) {
    try (PDDocument pdf = new PDDocument();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      pdf.addPage(new PDPage());
      pdf.save(bytes);
      tryExtract(extractor, bytes.toByteArray(), "warm-up.pdf");
    } catch (IOException | RuntimeException e) {
      // the point was loading the classes
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      workbook.createSheet().createRow(0).createCell(0).setCellValue("warm-up");
      workbook.write(bytes);
      tryExtract(extractor, bytes.toByteArray(), "warm-up.xlsx");
    } catch (IOException | RuntimeException e) {
      // as above
    }
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("warm-up");
      document.write(bytes);
      tryExtract(extractor, bytes.toByteArray(), "warm-up.docx");
    } catch (IOException | RuntimeException e) {
      // as above
    }
    tryExtract(extractor, "warm-up\n".getBytes(StandardCharsets.UTF_8), "warm-up.txt");
  }

  private static void tryExtract(SkillSheetExtractor extractor, byte[] bytes, String name) {
    try {
      extractor.extract(bytes, name, null);
    } catch (Exception e) {
      // an empty page has no text; the point was loading the classes
    }
  }

  private static void watchdog(AtomicLong busySince, long timeLimitMillis) {
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    long grace = timeLimitMillis * 2 + 10_000;
    Thread watchdog =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(1_000);
                } catch (InterruptedException e) {
                  return;
                }
                long since = busySince.get();
                boolean overran = since != 0 && (System.nanoTime() - since) / 1_000_000 > grace;
                if (overran || (parent != null && !parent.isAlive())) {
                  Runtime.getRuntime().halt(3);
                }
              }
            },
            "skill-sheet-worker-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
