package io.proxima.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts PostgreSQL runs as archive_command and restore_command, run the way it runs them
 * (/bin/sh, the segment's path and name): archiving twice is harmless, archiving different content
 * under an archived name is refused and leaves the archived segment as it was.
 */
class WalArchiveScriptsTest {

  @TempDir Path root;

  @Test
  void archivesOnceRefusesADifferentSegmentUnderTheSameNameAndRestoresIt() throws Exception {
    WalArchive archive = new WalArchive(root.resolve("backups"), Optional.empty());
    Files.createDirectories(archive.segments());
    archive.writeScripts();
    byte[] segment = new byte[16 * 1024 * 1024];
    new Random(17).nextBytes(segment);
    Path pgWal = Files.createDirectories(root.resolve("pg_wal"));
    String name = "000000010000000000000003";
    Files.write(pgWal.resolve(name), segment);

    assertEquals(0, archive(archive, pgWal.resolve(name), name));
    Path archived = archive.segments().resolve(name + ".gz");
    assertArrayEquals(segment, gunzip(archived));
    assertEquals(0, archive(archive, pgWal.resolve(name), name), "a retry of the same segment");

    byte[] other = segment.clone();
    other[12345] ^= 1;
    Path impostor = root.resolve("impostor");
    Files.write(impostor, other);
    assertNotEquals(0, archive(archive, impostor, name), "different content, same name");
    assertArrayEquals(segment, gunzip(archived), "the archived segment is unchanged");
    try (var left = Files.list(archive.segments())) {
      assertEquals(1, left.count(), "no temporary file left behind");
    }

    Path restored = root.resolve("restored");
    assertEquals(0, run(archive.directory().resolve(WalArchive.RESTORE_SCRIPT), name, restored));
    assertArrayEquals(segment, Files.readAllBytes(restored));
    assertNotEquals(
        0,
        run(
            archive.directory().resolve(WalArchive.RESTORE_SCRIPT),
            "000000010000000000000004",
            root.resolve("missing")),
        "a segment the archive does not have is reported missing, as PostgreSQL expects");
    assertTrue(Files.notExists(root.resolve("missing")));
  }

  private static int archive(WalArchive archive, Path segment, String name) throws Exception {
    return run(archive.directory().resolve(WalArchive.ARCHIVE_SCRIPT), segment.toString(), name);
  }

  private static int run(Path script, String first, Object second) throws Exception {
    Process process =
        new ProcessBuilder("/bin/sh", script.toString(), first, second.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return process.waitFor();
  }

  private static byte[] gunzip(Path file) throws IOException {
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      return in.readAllBytes();
    }
  }
}
