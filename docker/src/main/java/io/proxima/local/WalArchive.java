package io.proxima.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The backups folder of one PostgreSQL cluster: {@code wal/} holds every completed WAL segment
 * (gzip'd, one file per segment, never overwritten), {@code base/} the base backups that replaying
 * those segments starts from. Together they restore the database to any moment after the oldest
 * base backup.
 *
 * <p>PostgreSQL itself copies the segments, through the two shell scripts written here: a JVM per
 * segment would take longer to start than the copy takes, and the archiver must keep working while
 * no JVM of ours runs a backup.
 */
public final class WalArchive {

  private static final Logger LOG = Logger.getLogger(WalArchive.class.getName());

  /**
   * The longest a committed transaction waits before its WAL reaches the archive when the server is
   * otherwise quiet: PostgreSQL switches to a new segment after this long if anything was written.
   * It bounds what a lost data directory loses (the RPO). PostgreSQL's documentation calls "a
   * minute or so" usually reasonable: a shorter bound ships a mostly empty 16 MiB segment more
   * often (gzip'd to about 72 KiB here, so at most ~100 MiB a day) and lengthens a restore, which
   * replays every shipped segment (~0.3 s each here).
   */
  public static final String ARCHIVE_TIMEOUT = "60s";

  static final String ARCHIVE_SCRIPT = "archive-wal.sh";
  static final String RESTORE_SCRIPT = "restore-wal.sh";
  static final String CLUSTER_FILE = "cluster-id";

  private final Path directory;
  private final Optional<Path> stateDirectory;

  /**
   * @param stateDirectory the state folder whose configuration files each base backup copies
   */
  public WalArchive(Path directory, Optional<Path> stateDirectory) {
    this.directory = directory.toAbsolutePath().normalize();
    this.stateDirectory = stateDirectory.map(path -> path.toAbsolutePath().normalize());
  }

  /**
   * Where the run command keeps its backups: {@code PROXIMA_BACKUPS} if set (another disk is a
   * better place), otherwise {@code backups/} in the state folder.
   */
  public static WalArchive of(Path stateDirectory) {
    String configured = System.getenv("PROXIMA_BACKUPS");
    if (configured == null || configured.isBlank()) {
      configured = System.getProperty("PROXIMA_BACKUPS", "");
    }
    return new WalArchive(
        configured.isBlank() ? stateDirectory.resolve("backups") : Path.of(configured),
        Optional.of(stateDirectory));
  }

  public Optional<Path> stateDirectory() {
    return stateDirectory;
  }

  public Path directory() {
    return directory;
  }

  public Path segments() {
    return directory.resolve("wal");
  }

  public Path baseBackups() {
    return directory.resolve("base");
  }

  /** The {@code restore_command} that reads segments back from this archive. */
  public String restoreCommand() {
    return "/bin/sh " + shellQuoted(directory.resolve(RESTORE_SCRIPT)) + " %f %p";
  }

  /** The {@code archive_command} that copies a completed segment into this archive. */
  public String archiveCommand() {
    return "/bin/sh " + shellQuoted(directory.resolve(ARCHIVE_SCRIPT)) + " %p %f";
  }

  /**
   * Points a running server (started with {@code archive_mode=on}) at this archive. Segments of
   * another cluster — the data directory was deleted and made anew, so the new one would name its
   * segments like the old one's — are moved aside first rather than mixed in.
   *
   * @return the cluster's system identifier
   */
  public String attach(DataSource superuser) {
    try (Connection connection = superuser.getConnection();
        Statement statement = connection.createStatement()) {
      String cluster = systemIdentifier(statement);
      setAside(cluster);
      writeScripts();
      statement.execute("ALTER SYSTEM SET archive_command = " + sqlLiteral(archiveCommand()) + "");
      statement.execute("SELECT pg_reload_conf()");
      LOG.info(() -> "WAL of cluster " + cluster + " is archived to " + segments());
      return cluster;
    } catch (SQLException e) {
      throw new IllegalStateException("could not turn WAL archiving on", e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare the WAL archive in " + directory, e);
    }
  }

  static String systemIdentifier(Statement statement) throws SQLException {
    try (ResultSet row =
        statement.executeQuery("SELECT system_identifier::text FROM pg_control_system()")) {
      row.next();
      return row.getString(1);
    }
  }

  private void setAside(String cluster) throws IOException {
    Files.createDirectories(directory);
    Path clusterFile = directory.resolve(CLUSTER_FILE);
    if (Files.exists(clusterFile)) {
      String archived = Files.readString(clusterFile).strip();
      if (archived.equals(cluster)) {
        return;
      }
      Path aside = directory.resolve("other-cluster-" + archived);
      Files.createDirectories(aside);
      for (Path part : new Path[] {segments(), baseBackups()}) {
        if (Files.exists(part)) {
          Files.move(part, aside.resolve(part.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
      }
      LOG.warning(() -> "the archive held another cluster's backups; they are now in " + aside);
    }
    Files.createDirectories(segments());
    Files.createDirectories(baseBackups());
    writeDurably(clusterFile, cluster + "\n");
  }

  void writeScripts() throws IOException {
    writeDurably(directory.resolve(ARCHIVE_SCRIPT), ARCHIVE);
    writeDurably(directory.resolve(RESTORE_SCRIPT), RESTORE);
  }

  /**
   * PostgreSQL retries a segment whose archiving it did not see succeed, so finding the segment
   * already archived is success only when it is byte for byte the same; anything else is refused,
   * because replacing an archived segment would silently change history. The copy is written under
   * a temporary name, fsync'd, renamed, and the folder fsync'd, so a crash never leaves a partial
   * segment under a real name.
   */
  private static final String ARCHIVE =
      """
      #!/bin/sh
      # Written by Proxima (WalArchive) on every start; PostgreSQL runs it as archive_command.
      # usage: archive-wal.sh <path of the segment> <file name of the segment>
      src="$1"
      name="$2"
      dir="$(dirname "$0")/wal"
      dest="$dir/$name.gz"
      if [ -f "$dest" ]; then
        if gzip -dc "$dest" | cmp -s - "$src"; then
          exit 0
        fi
        echo "archive-wal: $dest holds a different $name; not overwriting it" >&2
        exit 1
      fi
      tmp="$dir/.$name.$$.tmp"
      if gzip -1 -c "$src" > "$tmp" && sync "$tmp" && mv "$tmp" "$dest" && sync "$dir"; then
        exit 0
      fi
      rm -f "$tmp"
      exit 1
      """;

  private static final String RESTORE =
      """
      #!/bin/sh
      # Written by Proxima (WalArchive); PostgreSQL runs it as restore_command during a restore.
      # usage: restore-wal.sh <file name of the segment> <path to write it to>
      src="$(dirname "$0")/wal/$1.gz"
      [ -f "$src" ] || exit 1
      gzip -dc "$src" > "$2"
      """;

  static void writeDurably(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, content);
    fsync(tmp);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    fsync(file.getParent());
  }

  /** Flushes a file or a folder (Linux lets a folder be opened for reading and synced). */
  static void fsync(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /**
   * Puts a freshly copied tree on disk. A data directory is a thousand and more small files, and
   * one fsync each took seconds here; Linux's syncfs (coreutils' {@code sync -f}) flushes the whole
   * file system in one call. Elsewhere, or if that fails, every file and folder is fsync'd.
   */
  static void fsyncTree(Path root) throws IOException {
    if (syncFileSystem(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        fsync(path);
      }
    }
  }

  private static boolean syncFileSystem(Path root) {
    try {
      Process sync =
          new ProcessBuilder("sync", "-f", root.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return sync.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String shellQuoted(Path path) {
    return "'" + path.toString().replace("'", "'\\''") + "'";
  }

  static String sqlLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
