package io.proxima.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A copy of a running server's data directory taken with PostgreSQL's low-level backup API ({@code
 * pg_backup_start} / {@code pg_backup_stop}, the documented way without {@code pg_basebackup},
 * which zonky's bundle does not ship): the files may change while they are copied, and replaying
 * the archived WAL from the backup's start to its end makes them consistent again. A backup is one
 * folder {@code base/<UTC time>/} with {@code data/}, the state folder's configuration files, and
 * {@code backup.properties} — written last, so a folder without it is not a backup.
 */
public record BaseBackup(
    Path folder,
    String label,
    Instant startedAt,
    Instant consistentAt,
    String startLsn,
    String stopLsn,
    String cluster,
    long bytes,
    Duration took) {

  static final String MANIFEST = "backup.properties";

  /**
   * State-folder files a restore brings back with the database (Keycloak is rebuilt from Maven).
   */
  static final List<String> STATE_FILES = List.of(LocalSecrets.FILE, "platform.properties");

  /** Contents PostgreSQL rebuilds or does not need; the folders themselves are kept, empty. */
  private static final Set<String> EMPTIED_FOLDERS =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_stat_tmp",
          "pg_subtrans");

  private static final Set<String> SKIPPED_FILES =
      Set.of(
          "postmaster.pid",
          "postmaster.opts",
          "backup_label",
          "backup_label.old",
          "tablespace_map",
          "tablespace_map.old",
          "pg_internal.init",
          "epg-lock" /* zonky's lock of the running server */);

  private static final DateTimeFormatter FOLDER_NAME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public Path dataDirectory() {
    return folder.resolve("data");
  }

  /**
   * Takes a base backup of the running server behind {@code superuser} (whose WAL goes to {@code
   * archive}) and copies {@link #STATE_FILES} from the archive's state folder, if it has one.
   */
  public static BaseBackup take(DataSource superuser, WalArchive archive) {
    Optional<Path> stateDirectory = archive.stateDirectory();
    long started = System.nanoTime();
    Path partial = null;
    try (Connection connection = superuser.getConnection();
        Statement statement = connection.createStatement()) {
      // The copy must be of the very directory the server runs on, whatever the caller thinks.
      Path data = Path.of(single(statement, "SHOW data_directory"));
      String cluster = WalArchive.systemIdentifier(statement);
      Instant startedAt = Instant.parse(single(statement, "SELECT " + UTC_NOW));
      String label = "proxima " + FOLDER_NAME.format(startedAt);
      Files.createDirectories(archive.baseBackups());
      Path folder = archive.baseBackups().resolve(FOLDER_NAME.format(startedAt));
      partial = archive.baseBackups().resolve(".partial-" + folder.getFileName());
      deleteRecursively(partial);
      Files.createDirectories(partial);

      String startLsn;
      try (PreparedStatement start =
          connection.prepareStatement("SELECT pg_backup_start(?, true)::text")) {
        // fast: an immediate checkpoint instead of waiting for the next one (up to 5 minutes).
        start.setString(1, label);
        try (ResultSet row = start.executeQuery()) {
          row.next();
          startLsn = row.getString(1);
        }
      }
      long bytes = copyDataDirectory(data, partial.resolve("data"));
      // pg_backup_stop waits until the last segment the backup needs is archived; if archiving
      // is broken that would be forever, so the wait is bounded and the failure says why.
      statement.execute("SET statement_timeout = '5min'");
      String stopLsn;
      String labelFile;
      String tablespaceMap;
      try (ResultSet row =
          statement.executeQuery(
              "SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(true)")) {
        row.next();
        stopLsn = row.getString(1);
        labelFile = row.getString(2);
        tablespaceMap = row.getString(3);
      }
      Instant consistentAt = Instant.parse(single(statement, "SELECT " + UTC_NOW));
      WalArchive.writeDurably(partial.resolve("data/backup_label"), labelFile);
      if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
        WalArchive.writeDurably(partial.resolve("data/tablespace_map"), tablespaceMap);
      }
      if (stateDirectory.isPresent()) {
        for (String name : STATE_FILES) {
          Path file = stateDirectory.get().resolve(name);
          if (Files.exists(file)) {
            Files.copy(file, partial.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            WalArchive.fsync(partial.resolve(name));
          }
        }
      }
      BaseBackup backup =
          new BaseBackup(
              folder,
              label,
              startedAt,
              consistentAt,
              startLsn,
              stopLsn,
              cluster,
              bytes,
              Duration.ofNanos(System.nanoTime() - started));
      backup.writeManifest(partial.resolve(MANIFEST));
      Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
      WalArchive.fsync(archive.baseBackups());
      partial = null;
      return backup;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the base backup failed (is WAL archiving working? see the PostgreSQL log)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("the base backup could not be written", e);
    } finally {
      // Closing the connection without pg_backup_stop aborts the backup on the server side.
      if (partial != null) {
        try {
          deleteRecursively(partial);
        } catch (IOException ignored) {
          // a leftover .partial- folder is never taken for a backup
        }
      }
    }
  }

  private static final String UTC_NOW =
      "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

  /** The complete base backups in {@code archive}, oldest first. */
  public static List<BaseBackup> list(WalArchive archive) {
    if (!Files.isDirectory(archive.baseBackups())) {
      return List.of();
    }
    List<BaseBackup> backups = new ArrayList<>();
    try (Stream<Path> folders = Files.list(archive.baseBackups())) {
      for (Path folder : folders.toList()) {
        if (Files.isRegularFile(folder.resolve(MANIFEST))) {
          backups.add(read(folder));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    backups.sort(Comparator.comparing(BaseBackup::consistentAt));
    return backups;
  }

  static BaseBackup read(Path folder) throws IOException {
    Properties manifest = new Properties();
    try (InputStream in = Files.newInputStream(folder.resolve(MANIFEST))) {
      manifest.load(in);
    }
    return new BaseBackup(
        folder,
        manifest.getProperty("label"),
        Instant.parse(manifest.getProperty("started-at")),
        Instant.parse(manifest.getProperty("consistent-at")),
        manifest.getProperty("start-lsn"),
        manifest.getProperty("stop-lsn"),
        manifest.getProperty("cluster"),
        Long.parseLong(manifest.getProperty("bytes")),
        Duration.parse(manifest.getProperty("took")));
  }

  private void writeManifest(Path file) throws IOException {
    Properties manifest = new Properties();
    manifest.setProperty("label", label);
    manifest.setProperty("started-at", startedAt.toString());
    manifest.setProperty("consistent-at", consistentAt.toString());
    manifest.setProperty("start-lsn", startLsn);
    manifest.setProperty("stop-lsn", stopLsn);
    manifest.setProperty("cluster", cluster);
    manifest.setProperty("bytes", Long.toString(bytes));
    manifest.setProperty("took", took.toString());
    try (OutputStream out = Files.newOutputStream(file)) {
      manifest.store(
          out,
          "A restore may target any moment after consistent-at (the WAL archive covers the rest)");
    }
    WalArchive.fsync(file);
  }

  /**
   * Copies a running server's data directory as PostgreSQL's backup documentation says (without the
   * files a server rebuilds or must not find); every file is fsync'd.
   */
  static long copyDataDirectory(Path data, Path target) throws IOException {
    return copy(data, target, true);
  }

  /** Copies a base backup's data directory as it is (its backup_label included), on disk. */
  static long copyBackup(Path backupData, Path target) throws IOException {
    return copy(backupData, target, false);
  }

  private static long copy(Path data, Path target, boolean live) throws IOException {
    long[] bytes = {0};
    Files.walkFileTree(
        data,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Path relative = data.relativize(dir);
            Path copy = target.resolve(relative.toString());
            if (live && relative.getNameCount() > 0 && isTemporary(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.copy(dir, copy, StandardCopyOption.COPY_ATTRIBUTES);
            if (live
                && relative.getNameCount() == 1
                && EMPTIED_FOLDERS.contains(relative.toString())) {
              if (relative.toString().equals("pg_wal")) {
                Files.createDirectories(copy.resolve("archive_status"));
              }
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (live
                && (SKIPPED_FILES.contains(file.getFileName().toString()) || isTemporary(file))) {
              return FileVisitResult.CONTINUE;
            }
            Path copy = target.resolve(data.relativize(file).toString());
            try {
              Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (NoSuchFileException dropped) {
              // A table dropped (or a temporary file removed) during the copy: the WAL replay
              // that follows a restore drops it again, so its absence is consistent.
              return FileVisitResult.CONTINUE;
            }
            bytes[0] += attrs.size();
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
    WalArchive.fsyncTree(target);
    return bytes[0];
  }

  private static boolean isTemporary(Path path) {
    return path.getFileName().toString().startsWith("pgsql_tmp");
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
