package io.proxima.profile.infrastructure.extraction;

import io.proxima.platform.error.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Inflates every entry of a Word or Excel (OOXML) package once, counting, before a parser sees it.
 * Declared sizes in a zip can lie, so only the inflated byte count is trusted; the walk stops at
 * the first entry that inflates past the limits.
 */
final class ZipBombGuard {

  private final long maxTotalBytes;
  private final long maxRatio;
  private final int maxEntries;

  ZipBombGuard(long maxTotalBytes, long maxRatio, int maxEntries) {
    this.maxTotalBytes = maxTotalBytes;
    this.maxRatio = maxRatio;
    this.maxEntries = maxEntries;
  }

  void check(byte[] zip) {
    long total = 0;
    int entries = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipFile file =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
      Enumeration<ZipArchiveEntry> all = file.getEntries();
      while (all.hasMoreElements()) {
        ZipArchiveEntry entry = all.nextElement();
        if (++entries > maxEntries) {
          throw bomb("it has more than " + maxEntries + " parts");
        }
        if (entry.isDirectory()) {
          continue;
        }
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long inflated = 0;
        try (InputStream in = file.getInputStream(entry)) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            inflated += n;
            total += n;
            if (total > maxTotalBytes) {
              throw bomb("it inflates to more than " + maxTotalBytes / (1024 * 1024) + " MiB");
            }
            // Small parts compress well legitimately; only a large part with a huge ratio is a
            // bomb.
            if (inflated > 1024 * 1024 && inflated / compressed > maxRatio) {
              throw bomb(
                  "its part " + entry.getName() + " inflates more than " + maxRatio + " times");
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DomainException) {
        throw (DomainException) e;
      }
      throw new DomainException.UnreadableFile(
          "The file could not be read: it is damaged or truncated.");
    }
  }

  private static DomainException bomb(String why) {
    return new DomainException.UnreadableFile(
        "The file was refused because " + why + "; it looks built to exhaust the reader.");
  }
}
