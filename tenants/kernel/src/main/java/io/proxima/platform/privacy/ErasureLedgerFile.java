package io.proxima.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The erasure ledger kept outside the database, beside the master keys: one line per erased
 * freelancer, {@code <pseudonym> <erased-at>}, appended and synced before the erasure's answer.
 *
 * <p>Why a file: a restore of the database to a moment before an erasure brings the erased rows and
 * the wrapped data key back (and with the master key, the key opens again). The file is not part of
 * the database backup, so on the next start {@link ReapplyErasures} finds the pseudonyms the
 * restored database does not know and erases those people again before anything is served. Only
 * pseudonyms are written (SHA-256 of the data-key owner): the file names nobody.
 */
@ApplicationScoped
public class ErasureLedgerFile {

  private static final Pattern LINE = Pattern.compile("^([0-9a-f]{64}) (\\S+)$");

  private final Path file;

  /** For the CDI client proxy only. */
  protected ErasureLedgerFile() {
    this.file = null;
  }

  @Inject
  public ErasureLedgerFile(
      @ConfigProperty(name = "proxima.privacy.master-key-file") String masterKeyFile) {
    this(Path.of(masterKeyFile).toAbsolutePath().resolveSibling("erasure-ledger.txt"));
  }

  public ErasureLedgerFile(Path file) {
    this.file = file.toAbsolutePath();
  }

  public Path file() {
    return file;
  }

  /** Appends an erasure, unless the file already has it; on disk when this returns. */
  public synchronized void append(String pseudonym, Instant erasedAt) {
    if (!LINE.matcher(pseudonym + " " + erasedAt).matches()) {
      throw new IllegalArgumentException("not a pseudonym: " + pseudonym);
    }
    try {
      Files.createDirectories(file.getParent());
      // Nodes on one machine share the file: the lock keeps their lines whole.
      try (FileChannel channel =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        if (read().containsKey(pseudonym)) {
          return;
        }
        // After a line a crash cut short, start a new one rather than extend it.
        String start = endsMidLine(channel) ? "\n" : "";
        channel.write(
            ByteBuffer.wrap(
                (start + pseudonym + " " + erasedAt + "\n").getBytes(StandardCharsets.UTF_8)),
            channel.size());
        channel.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the erasure ledger " + file, e);
    }
  }

  /** Every erasure on record, oldest first; empty when none was ever made. */
  public synchronized Map<String, Instant> entries() {
    try {
      return read();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the erasure ledger " + file, e);
    }
  }

  private static boolean endsMidLine(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0) {
      return false;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    channel.read(last, size - 1);
    return last.get(0) != '\n';
  }

  private Map<String, Instant> read() throws IOException {
    Map<String, Instant> entries = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return entries;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      var match = LINE.matcher(line.strip());
      // A line cut short by a crash mid-write is skipped, not fatal: its erasure is also in the
      // database, whose ledger is written back here on the next start.
      if (match.matches()) {
        entries.putIfAbsent(match.group(1), Instant.parse(match.group(2)));
      }
    }
    return entries;
  }
}
