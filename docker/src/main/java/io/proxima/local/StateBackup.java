package io.proxima.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The backup command: a base backup of the run command's PostgreSQL while the platform runs, with
 * the state folder's configuration files, into {@code backups/base/<UTC time>/}. Together with the
 * WAL the server archives continuously, it lets {@link StateRestore} bring the state folder back to
 * any moment since. Run it as {@code ./mvnw -q -Pbackup -pl docker -am process-classes}.
 */
public final class StateBackup {

  private static final Logger LOG = Logger.getLogger(StateBackup.class.getName());

  private StateBackup() {}

  /**
   * Turns archiving on for a server the run command just started, and takes the cluster's first
   * base backup if it has none yet: archived WAL without a base backup before it restores nothing.
   */
  static void attach(LocalPostgres postgres, WalArchive archive) {
    DataSource superuser = postgres.superuserDataSource("postgres");
    String cluster = archive.attach(superuser);
    boolean covered =
        BaseBackup.list(archive).stream().anyMatch(backup -> backup.cluster().equals(cluster));
    if (!covered) {
      BaseBackup first = BaseBackup.take(superuser, archive);
      LOG.info(() -> "first base backup of cluster " + cluster + ": " + first.folder());
    }
  }

  public static void main(String[] args) {
    Path home = StateRestore.home();
    WalArchive archive = WalArchive.of(home);
    try {
      int port = runningPort(home.resolve("postgres"));
      PGSimpleDataSource superuser = new PGSimpleDataSource();
      superuser.setServerNames(new String[] {"localhost"});
      superuser.setPortNumbers(new int[] {port});
      superuser.setDatabaseName("postgres");
      superuser.setUser("postgres");
      requireArchiving(superuser, archive);
      BaseBackup backup = BaseBackup.take(superuser, archive);
      System.out.printf(
          """
          Base backup %s
            PostgreSQL  %,d bytes copied in %.1f s (consistent from %s)
            State files %s
            WAL archive %s (continuous; a quiet server ships its WAL within %s)
          Restore (platform stopped) to any moment from %s on:
            ./mvnw -q -Prestore -pl docker -am process-classes -Dto=<time, e.g. %s | latest>
          """,
          backup.folder(),
          backup.bytes(),
          backup.took().toMillis() / 1000.0,
          backup.consistentAt(),
          String.join(", ", presentStateFiles(backup.folder())),
          archive.segments(),
          WalArchive.ARCHIVE_TIMEOUT,
          backup.consistentAt(),
          backup.consistentAt().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
      System.err.println("backup failed: " + e.getMessage());
      if (e.getCause() != null) {
        System.err.println("  cause: " + e.getCause().getMessage());
      }
      System.exit(1);
    }
  }

  private static List<String> presentStateFiles(Path folder) {
    return BaseBackup.STATE_FILES.stream()
        .filter(name -> Files.exists(folder.resolve(name)))
        .toList();
  }

  /** The port of the server running on {@code dataDirectory}, from its postmaster.pid. */
  static int runningPort(Path dataDirectory) {
    Optional<Long> pid = StateRestore.runningServer(dataDirectory);
    if (pid.isEmpty()) {
      throw new IllegalStateException(
          "no PostgreSQL runs on "
              + dataDirectory
              + "; start the platform first (./mvnw -Prun package): the backup is taken while it"
              + " runs");
    }
    try {
      // postmaster.pid: pid, data directory, start time, port, socket directory, …
      List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
      return Integer.parseInt(lines.get(3).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireArchiving(DataSource superuser, WalArchive archive) {
    try (Connection connection = superuser.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT current_setting('archive_mode'), current_setting('archive_command')")) {
      row.next();
      if (!"on".equals(row.getString(1)) || !archive.archiveCommand().equals(row.getString(2))) {
        throw new IllegalStateException(
            "this server does not archive its WAL to "
                + archive.segments()
                + "; restart the platform with the run command, which turns archiving on");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not reach the platform's PostgreSQL", e);
    }
  }
}
