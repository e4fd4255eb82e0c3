package io.proxima.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes a new data directory from a base backup and the WAL archive, replayed up to a chosen moment
 * (or to the end of what was archived), and leaves it promoted — a server of its own, on a new
 * timeline — and stopped. Nothing is written outside the new directory except the new timeline's
 * history file, which the server archives so a later restore can tell the two histories apart.
 */
public final class PointInTimeRestore {

  /** PostgreSQL's WAL segment file names: timeline, log and segment, 8 hex digits each. */
  private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");

  private static final DateTimeFormatter TARGET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

  /** What a restore did. */
  public record Outcome(
      BaseBackup from,
      Optional<Instant> target,
      String timeline,
      String replayedUpTo,
      Instant lastReplayedCommit,
      Duration took) {}

  private PointInTimeRestore() {}

  /**
   * The newest base backup from which {@code target} (empty: the end of the archive) is reached.
   */
  public static BaseBackup choose(WalArchive archive, Optional<Instant> target) {
    List<BaseBackup> backups = BaseBackup.list(archive);
    Optional<BaseBackup> chosen =
        backups.stream()
            .filter(backup -> target.isEmpty() || !backup.consistentAt().isAfter(target.get()))
            .reduce((older, newer) -> newer);
    return chosen.orElseThrow(
        () ->
            new IllegalArgumentException(
                backups.isEmpty()
                    ? "there is no base backup in " + archive.baseBackups()
                    : "the oldest base backup is consistent from "
                        + backups.get(0).consistentAt()
                        + "; a restore cannot reach an earlier moment"));
  }

  /**
   * @param newDataDirectory must not exist yet
   * @param target the last commit kept is the last one at or before this moment; empty replays all
   *     archived WAL
   * @param unarchivedWal the {@code pg_wal} of the data directory being replaced, if it survived:
   *     its segments the archiver had not shipped yet (at most {@link WalArchive#ARCHIVE_TIMEOUT}
   *     of commits) are replayed too
   * @param log where the restoring server writes its log
   */
  public static Outcome restore(
      BaseBackup backup,
      WalArchive archive,
      Path newDataDirectory,
      Optional<Instant> target,
      Optional<Path> unarchivedWal,
      Path log) {
    long started = System.nanoTime();
    try {
      if (Files.exists(newDataDirectory)) {
        throw new IllegalArgumentException(newDataDirectory + " already exists");
      }
      Files.createDirectories(newDataDirectory.toAbsolutePath().getParent());
      BaseBackup.copyBackup(backup.dataDirectory(), newDataDirectory);
      if (unarchivedWal.isPresent()) {
        copyUnarchivedSegments(unarchivedWal.get(), archive, newDataDirectory.resolve("pg_wal"));
      }
      StringBuilder recovery =
          new StringBuilder("\n# restore of ").append(backup.label()).append('\n');
      recovery.append("restore_command = ").append(sql(archive.restoreCommand())).append('\n');
      recovery.append("recovery_target_timeline = 'latest'\n");
      if (target.isPresent()) {
        recovery
            .append("recovery_target_time = ")
            .append(sql(TARGET.format(target.get())))
            .append('\n');
        recovery.append("recovery_target_inclusive = on\n");
      }
      recovery.append("recovery_target_action = 'promote'\n");
      Files.writeString(
          newDataDirectory.resolve("postgresql.auto.conf"), recovery, StandardOpenOption.APPEND);
      Files.writeString(newDataDirectory.resolve("recovery.signal"), "");
      Files.createDirectories(log.toAbsolutePath().getParent());
      try (EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setDataDirectory(newDataDirectory)
              .setCleanDataDirectory(false)
              .setServerConfig("fsync", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("synchronous_commit", "on")
              // On, so the new timeline's history file is archived at promotion: a later restore
              // to "latest" follows this history, not the one it branched from.
              .setServerConfig("archive_mode", "on")
              .setServerConfig("archive_timeout", WalArchive.ARCHIVE_TIMEOUT)
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .setPGStartupWait(Duration.ofMinutes(30))
              .start()) {
        Outcome outcome = finishRecovery(server, backup, target, log, started);
        return outcome;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the restore into " + newDataDirectory + " failed", e);
    }
  }

  private static Outcome finishRecovery(
      EmbeddedPostgres server,
      BaseBackup backup,
      Optional<Instant> target,
      Path log,
      long started) {
    // The server answers as soon as the backup is consistent; it is done once it has promoted.
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      while (inRecovery(statement)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the recovery did not finish in 30 minutes; see " + log);
        }
        Thread.sleep(100);
      }
      // The recovery settings did their work; left in place they would confuse the next start
      // of this directory with a recovery.signal of its own.
      for (String setting :
          List.of(
              "restore_command",
              "recovery_target_timeline",
              "recovery_target_time",
              "recovery_target_inclusive",
              "recovery_target_action")) {
        statement.execute("ALTER SYSTEM RESET " + setting);
      }
      statement.execute("CHECKPOINT");
      String timeline;
      String lsn;
      Instant lastCommit;
      try (ResultSet row =
          statement.executeQuery(
              "SELECT timeline_id::text, redo_lsn::text FROM pg_control_checkpoint()")) {
        row.next();
        timeline = row.getString(1);
        lsn = row.getString(2);
      }
      lastCommit = lastReplayedCommit(log).orElse(null);
      return new Outcome(
          backup, target, timeline, lsn, lastCommit, Duration.ofNanos(System.nanoTime() - started));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the restoring server stopped before it finished (a target after the last archived"
              + " commit cannot be reached); see "
              + log,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static boolean inRecovery(Statement statement) throws SQLException {
    try (ResultSet row = statement.executeQuery("SELECT pg_is_in_recovery()")) {
      row.next();
      return row.getBoolean(1);
    }
  }

  /** PostgreSQL logs "last completed transaction was at log time …" when a recovery ends. */
  private static Optional<Instant> lastReplayedCommit(Path log) {
    try (Stream<String> lines = Files.lines(log)) {
      return lines
          .filter(line -> line.contains("last completed transaction was at log time "))
          .reduce((first, second) -> second)
          .map(
              line -> {
                String time =
                    line.substring(
                            line.indexOf("last completed transaction was at log time ")
                                + "last completed transaction was at log time ".length())
                        .strip();
                return parseLogTime(time);
              });
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Instant parseLogTime(String time) {
    // e.g. 2026-12-05 20:41:07.123456+00
    String iso = time.replace(' ', 'T');
    if (iso.endsWith("+00")) {
      iso = iso.substring(0, iso.length() - 3) + "Z";
    }
    return Instant.parse(iso);
  }

  private static void copyUnarchivedSegments(Path oldWal, WalArchive archive, Path newWal)
      throws IOException {
    if (!Files.isDirectory(oldWal)) {
      return;
    }
    try (Stream<Path> files = Files.list(oldWal)) {
      for (Path segment : files.toList()) {
        String name = segment.getFileName().toString();
        if (SEGMENT.matcher(name).matches()
            && !Files.exists(archive.segments().resolve(name + ".gz"))) {
          Files.copy(segment, newWal.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
          WalArchive.fsync(newWal.resolve(name));
        }
      }
    }
  }

  private static String sql(String value) {
    return WalArchive.sqlLiteral(value);
  }
}
