package io.proxima.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 17 server started by the project (zonky's binaries from Maven Central; as root
 * it runs through {@code unshare -U}). It creates the three roles the platform needs: the schema
 * owner that runs migrations, the application role that is neither owner nor superuser (so
 * row-level security applies to it), and Keycloak's own role and database.
 */
public final class LocalPostgres implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LocalPostgres.class.getName());

  public static final String PLATFORM_DATABASE = "proxima";
  public static final String KEYCLOAK_DATABASE = "keycloak";

  private final EmbeddedPostgres server;
  private final Credentials credentials;
  private final Path dataDirectory;

  /** Passwords of the roles this server creates (see {@link LocalSecrets}). */
  public record Credentials(String ownerPassword, String appPassword, String keycloakPassword) {}

  private LocalPostgres(EmbeddedPostgres server, Credentials credentials, Path dataDirectory) {
    this.server = server;
    this.credentials = credentials;
    this.dataDirectory = dataDirectory;
  }

  /**
   * @param dataDirectory kept between runs when {@code keepData}; otherwise wiped
   * @param port 0 for any free port
   */
  public static LocalPostgres start(
      Path dataDirectory, int port, boolean keepData, Credentials credentials) {
    return start(dataDirectory, port, keepData, credentials, null);
  }

  /**
   * @param archive where completed WAL is archived and base backups are kept; null turns archiving
   *     off (the test stack, whose data is wiped anyway)
   */
  public static LocalPostgres start(
      Path dataDirectory, int port, boolean keepData, Credentials credentials, WalArchive archive) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(!keepData)
              .setServerConfig("max_connections", "300")
              .setServerConfig("shared_buffers", "256MB")
              .setServerConfig("fsync", "on")
              // zonky's defaults turn synchronous_commit off, which lets a crash lose commits the
              // platform already acknowledged (and hand their sequence numbers out again).
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setPGStartupWait(java.time.Duration.ofSeconds(60));
      if (archive != null) {
        // archive_mode only takes effect at start; the command is set once the server is up
        // (WalArchive.attach), when it is known which cluster the archive belongs to.
        builder
            .setServerConfig("archive_mode", "on")
            .setServerConfig("archive_timeout", WalArchive.ARCHIVE_TIMEOUT);
      }
      if (port > 0) {
        builder.setPort(port);
      }
      LocalPostgres postgres = new LocalPostgres(builder.start(), credentials, dataDirectory);
      postgres.bootstrap();
      if (archive != null) {
        try {
          StateBackup.attach(postgres, archive);
        } catch (RuntimeException e) {
          postgres.close();
          throw e;
        }
      }
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  public int port() {
    return server.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  public Credentials credentials() {
    return credentials;
  }

  /** A superuser connection, for tests that must look under the application's guards. */
  public DataSource superuserDataSource(String database) {
    return server.getDatabase("postgres", database);
  }

  private void bootstrap() {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      ensureRole(connection, "proxima_owner", credentials.ownerPassword());
      ensureRole(connection, "proxima_app", credentials.appPassword());
      ensureRole(connection, "keycloak", credentials.keycloakPassword());
      if (!databaseExists(connection, PLATFORM_DATABASE)) {
        statement.execute("CREATE DATABASE " + PLATFORM_DATABASE + " OWNER proxima_owner");
      }
      if (!databaseExists(connection, KEYCLOAK_DATABASE)) {
        statement.execute("CREATE DATABASE " + KEYCLOAK_DATABASE + " OWNER keycloak");
      }
      statement.execute("GRANT CONNECT ON DATABASE " + PLATFORM_DATABASE + " TO proxima_app");
      // Durable before acknowledged, whatever the server's own configuration says: a session of
      // the platform's roles cannot have a commit answered before it is on disk.
      for (String role : List.of("proxima_app", "proxima_owner")) {
        statement.execute("ALTER ROLE " + role + " SET synchronous_commit = on");
      }
      markSearchOperatorsLeakproof();
    } catch (SQLException e) {
      throw new IllegalStateException("could not prepare the local databases", e);
    }
    LOG.info(() -> "PostgreSQL ready on port " + port());
  }

  /**
   * Row-level security makes PostgreSQL check a policy before any condition that is not LEAKPROOF,
   * so full-text (@@) and array containment (@>) could not use their GIN indexes on the tables
   * under RLS: every search would read every visible row. Neither function reveals anything about a
   * row through an error or a side effect; only a superuser may say so, so it happens here, the one
   * place the platform is a superuser (README has the statements for a managed PostgreSQL).
   */
  private void markSearchOperatorsLeakproof() throws SQLException {
    try (Connection connection = server.getDatabase("postgres", PLATFORM_DATABASE).getConnection();
        Statement statement = connection.createStatement()) {
      for (String function : SEARCH_FUNCTIONS) {
        statement.execute("ALTER FUNCTION " + function + " LEAKPROOF");
      }
    }
  }

  /** The functions behind {@code tsvector @@ tsquery} and {@code anyarray @> anyarray}. */
  public static final List<String> SEARCH_FUNCTIONS =
      List.of("ts_match_vq(tsvector, tsquery)", "arraycontains(anyarray, anyarray)");

  private static void ensureRole(Connection connection, String role, String password)
      throws SQLException {
    boolean exists;
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      query.setString(1, role);
      try (ResultSet rows = query.executeQuery()) {
        exists = rows.next();
      }
    }
    try (Statement statement = connection.createStatement()) {
      String verb = exists ? "ALTER" : "CREATE";
      // Role names are our constants; the password is quoted as a literal.
      statement.execute(
          verb
              + " ROLE "
              + role
              + " LOGIN NOSUPERUSER NOCREATEROLE PASSWORD '"
              + password.replace("'", "''")
              + "'");
    }
  }

  private static boolean databaseExists(Connection connection, String name) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  /**
   * Kills the server the way a crash of its machine would: SIGKILL to the postmaster and every
   * backend at once, nothing flushed, no shutdown checkpoint. For outage tests.
   */
  public void crash() {
    long postmaster = postmasterPid();
    ProcessHandle handle =
        ProcessHandle.of(postmaster)
            .orElseThrow(() -> new IllegalStateException("no postmaster " + postmaster));
    List<ProcessHandle> backends = handle.descendants().toList();
    handle.destroyForcibly();
    backends.forEach(ProcessHandle::destroyForcibly);
    try {
      handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("PostgreSQL " + postmaster + " did not die", e);
    }
    LOG.info(() -> "PostgreSQL killed (postmaster " + postmaster + ")");
  }

  /**
   * Starts the server again on the same data directory and port after {@link #crash()}, with the
   * command line it last ran with ({@code postmaster.opts}); PostgreSQL replays its WAL first, so
   * what it acknowledged before the crash must be there.
   */
  public void recover() {
    try {
      List<String> recorded = postmasterOptions();
      int data = recorded.indexOf("-D");
      // pg_ctl hands -o to a shell: every option keeps the double quotes postmaster.opts has.
      String options =
          String.join(
              " ",
              java.util.stream.IntStream.range(1, recorded.size())
                  .filter(i -> i != data && i != data + 1)
                  .mapToObj(i -> '"' + recorded.get(i) + '"')
                  .toList());
      pgCtl(
          Path.of(recorded.get(0)),
          "-o",
          options,
          "-l",
          dataDirectory.resolve("recovered.log").toString(),
          "-w",
          "-t",
          "60",
          "start");
      LOG.info(() -> "PostgreSQL recovered on port " + port());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Restarts the server the way an operator would for a minor upgrade: a fast shutdown (open
   * transactions are rolled back, connections cut), then a start on the same data and port.
   */
  public void restart() {
    try {
      pgCtl(Path.of(postmasterOptions().get(0)), "-m", "fast", "-w", "-t", "60", "stop");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    recover();
  }

  /** Runs pg_ctl beside {@code postgres} on this data directory, as zonky runs it. */
  private void pgCtl(Path postgres, String... arguments) {
    List<String> command = new java.util.ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      // The same user namespace zonky starts it in: PostgreSQL refuses to run as root.
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(
        List.of(postgres.resolveSibling("pg_ctl").toString(), "-D", dataDirectory.toString()));
    command.addAll(List.of(arguments));
    try {
      Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(pgCtl.getInputStream().readAllBytes());
      if (pgCtl.waitFor() != 0) {
        throw new IllegalStateException("pg_ctl " + String.join(" ", arguments) + ": " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long postmasterPid() {
    try {
      return Long.parseLong(
          Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code postmaster.opts}: the binary, then each argument in double quotes. */
  private List<String> postmasterOptions() throws IOException {
    String line = Files.readString(dataDirectory.resolve("postmaster.opts")).trim();
    List<String> parts = new java.util.ArrayList<>();
    int space = line.indexOf(' ');
    parts.add(space < 0 ? line : line.substring(0, space));
    java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(line);
    while (quoted.find()) {
      parts.add(quoted.group(1));
    }
    return parts;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      LOG.warning(() -> "PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
