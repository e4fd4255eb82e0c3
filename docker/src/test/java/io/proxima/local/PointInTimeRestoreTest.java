package io.proxima.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real PostgreSQL with the run command's archiving: its first base backup, two writes with a
 * moment between them, and restores from the archive — to that moment (the first write only) and to
 * the end of the archive (both).
 */
class PointInTimeRestoreTest {

  @TempDir Path state;

  @Test
  void restoresToAMomentBetweenTwoWritesAndToTheEndOfTheArchive() throws Exception {
    WalArchive archive = WalArchive.of(state);
    Instant moment;
    try (LocalPostgres postgres =
        LocalPostgres.start(
            state.resolve("postgres"),
            0,
            false,
            new LocalPostgres.Credentials("owner-pw", "app-pw", "keycloak-pw"),
            archive)) {
      assertEquals(1, BaseBackup.list(archive).size(), "the first start takes a base backup");
      DataSource proxima = postgres.superuserDataSource(LocalPostgres.PLATFORM_DATABASE);
      execute(proxima, "CREATE TABLE restore_probe (name text PRIMARY KEY, written timestamptz)");
      execute(proxima, "INSERT INTO restore_probe VALUES ('A', clock_timestamp())");
      // The moment comes from the server's clock, strictly after A's commit and before B's.
      Thread.sleep(20);
      moment = Instant.parse(single(proxima, "SELECT " + utc("clock_timestamp()")));
      Thread.sleep(20);
      execute(proxima, "INSERT INTO restore_probe VALUES ('B', clock_timestamp())");
      assertTrue(
          Instant.parse(
                  single(
                      proxima,
                      "SELECT " + utc("written") + " FROM restore_probe " + "WHERE name = 'A'"))
              .isBefore(moment));
      assertTrue(
          Instant.parse(
                  single(
                      proxima,
                      "SELECT " + utc("written") + " FROM restore_probe " + "WHERE name = 'B'"))
              .isAfter(moment));
      // Ship B's segment now rather than after archive_timeout, and wait until it is archived.
      String last = single(proxima, "SELECT pg_walfile_name(pg_switch_wal())");
      awaitArchived(archive, last);
    }

    // The end of the archive first: its new timeline branches after B, so the later restore to
    // the moment (following the latest timeline, as PostgreSQL does by default) still meets A.
    PointInTimeRestore.Outcome toEnd =
        PointInTimeRestore.restore(
            PointInTimeRestore.choose(archive, Optional.empty()),
            archive,
            state.resolve("restored-latest"),
            Optional.empty(),
            Optional.empty(),
            state.resolve("restore-latest.log"));
    assertEquals(List.of("A", "B"), probes(state.resolve("restored-latest")));
    assertEquals("2", toEnd.timeline(), "a restore continues on a timeline of its own");

    PointInTimeRestore.Outcome toMoment =
        PointInTimeRestore.restore(
            PointInTimeRestore.choose(archive, Optional.of(moment)),
            archive,
            state.resolve("restored-moment"),
            Optional.of(moment),
            Optional.empty(),
            state.resolve("restore-moment.log"));
    assertEquals(List.of("A"), probes(state.resolve("restored-moment")));
    assertTrue(
        toMoment.lastReplayedCommit() != null && toMoment.lastReplayedCommit().isBefore(moment),
        "the last replayed commit is A's: " + toMoment.lastReplayedCommit());
    assertTrue(
        Files.exists(archive.segments().resolve("00000002.history.gz")),
        "the branch a restore makes is archived, so a later restore can follow it");
  }

  /** Starts a restored directory as the platform would and reads what it holds. */
  private static List<String> probes(Path dataDirectory) throws Exception {
    try (EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .start()) {
      DataSource proxima = server.getDatabase("postgres", LocalPostgres.PLATFORM_DATABASE);
      assertEquals("f", single(proxima, "SELECT pg_is_in_recovery()"), "promoted, writable");
      List<String> names = new ArrayList<>();
      try (Connection connection = proxima.getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT name FROM restore_probe ORDER BY name")) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      assertFalse(
          Files.exists(dataDirectory.resolve("recovery.signal")), "the recovery has finished");
      String settings = Files.readString(dataDirectory.resolve("postgresql.auto.conf"));
      assertFalse(
          settings.contains("recovery_target") || settings.contains("restore_command"),
          "no recovery setting is left for the next start: " + settings);
      return names;
    }
  }

  private static void awaitArchived(WalArchive archive, String segment)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Files.exists(archive.segments().resolve(segment + ".gz"))) {
      assertTrue(System.nanoTime() < deadline, segment + " was not archived in 30 s");
      Thread.sleep(50);
    }
  }

  private static String utc(String expression) {
    return "to_char(" + expression + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String single(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }
}
