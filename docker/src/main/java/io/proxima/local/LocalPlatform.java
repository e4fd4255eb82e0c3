package io.proxima.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The run command: PostgreSQL, Keycloak and one Payara Micro node on this machine, with data kept
 * under {@code PROXIMA_HOME} (default {@code ./.proxima}) so it survives a restart. It runs in a
 * small JVM of its own ({@link RunCommand} starts it from Maven); every part is a child process.
 * Ctrl-C, SIGTERM, or the end of the process that started it stop everything in reverse order.
 */
public final class LocalPlatform {

  /** The parts report their own progress; their INFO lines would only repeat it. */
  private static final Logger QUIET = Logger.getLogger("io.proxima");

  private LocalPlatform() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: LocalPlatform <web.war>");
      System.exit(2);
    }
    Path home = Path.of(setting("PROXIMA_HOME", "./.proxima")).toAbsolutePath().normalize();
    int httpPort = Integer.parseInt(setting("PROXIMA_HTTP_PORT", "8080"));
    LocalStack.Ports ports =
        new LocalStack.Ports(
            Integer.parseInt(setting("PROXIMA_DB_PORT", "5433")),
            Integer.parseInt(setting("PROXIMA_KEYCLOAK_PORT", "8180")),
            Integer.parseInt(setting("PROXIMA_KEYCLOAK_MANAGEMENT_PORT", "9100")),
            Integer.parseInt(setting("PROXIMA_SMTP_PORT", "2525")),
            Integer.parseInt(setting("PROXIMA_MAILBOX_PORT", "8025")));

    QUIET.setLevel(Level.WARNING);
    Running running = new Running();
    Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "stop-proxima"));
    stopWhenStarterEnds();
    long started = System.nanoTime();
    StartProgress progress = StartProgress.printingTo(System.out, Duration.ofSeconds(10));
    System.out.println("Starting Proxima (data and logs in " + home + ")");
    try {
      LocalStack stack =
          LocalStack.startPostgres(home, home.resolve("keycloak"), ports, true, progress);
      running.stack = stack;
      Path config = home.resolve("platform.properties");
      stack.writePlatformConfiguration(config);
      // Keycloak and the node start side by side: the node needs Keycloak for requests only, and
      // each spends much of its start waiting on its own I/O and class loading.
      CompletableFuture<Void> keycloak = new CompletableFuture<>();
      Thread keycloakStart =
          new Thread(
              () -> {
                try {
                  stack.startKeycloak(progress);
                  keycloak.complete(null);
                } catch (RuntimeException e) {
                  keycloak.completeExceptionally(e);
                }
              },
              "keycloak-start");
      keycloakStart.setDaemon(true);
      keycloakStart.start();
      PayaraMicroNode node =
          new PayaraMicroNode(
              new PayaraMicroNode.Settings(
                  "proxima-1",
                  httpPort,
                  Path.of(args[0]),
                  config,
                  home.resolve("payara/proxima-1"),
                  home.resolve("logs/proxima-1.log"),
                  List.of("-Xmx1g"),
                  List.of()));
      running.node = node;
      progress.step(
          "Payara Micro node proxima-1",
          "port " + httpPort + ", log " + home.resolve("logs/proxima-1.log"),
          () -> node.start(Duration.ofMinutes(8)));
      try {
        keycloak.join();
      } catch (CompletionException e) {
        throw (RuntimeException) e.getCause();
      }
      progress.step(
          "Demo tenant",
          DemoSeed.TENANT,
          () -> {
            new DemoSeed(running.stack, node.baseUrl()).run();
            return null;
          });
    } catch (RuntimeException e) {
      // The shutdown hook stops whatever did start.
      System.err.println("Proxima did not start: " + e.getMessage());
      System.exit(1);
    }
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    printWelcome(running.node.baseUrl(), running.stack, home, seconds);
    // While the shutdown hook stops the node, its end is no news.
    while (running.node.isAlive() || running.stopping) {
      Thread.sleep(1000);
    }
    System.err.println("The platform node stopped; see " + home.resolve("logs/proxima-1.log"));
    System.exit(1);
  }

  /**
   * What has started so far, stopped by the shutdown hook in reverse order whenever it comes: after
   * Ctrl-C, SIGTERM, a failed start, or a start interrupted half-way.
   */
  private static final class Running {
    volatile LocalStack stack;
    volatile PayaraMicroNode node;
    volatile boolean stopping;

    void stop() {
      stopping = true;
      System.out.println("Stopping Proxima…");
      if (node != null) {
        timed("Payara Micro node proxima-1", node::close);
      }
      if (stack != null) {
        timed("Keycloak", stack.keycloak()::close);
        timed("PostgreSQL", stack.postgres()::close);
        timed("Mail", stack.mail()::close);
      }
      // A part interrupted while it was starting is in no field yet; its process must not outlive
      // the run command either.
      List<ProcessHandle> left = ProcessHandle.current().descendants().toList();
      left.forEach(ProcessHandle::destroy);
      for (ProcessHandle process : left) {
        try {
          process.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
          process.destroyForcibly();
        }
      }
      System.out.println("Proxima stopped.");
    }

    private static void timed(String part, Runnable stop) {
      long begun = System.nanoTime();
      stop.run();
      System.out.printf(
          "  %-28s … stopped in %d s%n",
          part, Duration.ofNanos(System.nanoTime() - begun).toSeconds());
    }
  }

  /**
   * The launcher's own process group gets no Ctrl-C from the terminal ({@link RunCommand} starts it
   * in a session of its own, so the parts are not all interrupted at once): when the process that
   * started it ends — Maven after Ctrl-C or SIGTERM, or killed outright — the launcher exits, and
   * its shutdown hook stops the parts in order.
   */
  private static void stopWhenStarterEnds() {
    ProcessHandle.current()
        .parent()
        .ifPresent(
            starter ->
                starter
                    .onExit()
                    .thenRun(
                        () -> {
                          System.out.println("The run command ended; stopping Proxima.");
                          System.exit(0);
                        }));
  }

  private static void printWelcome(String platform, LocalStack stack, Path home, long seconds) {
    String keycloak = stack.keycloak().baseUrl();
    String tokenUrl = stack.keycloak().issuer() + "/protocol/openid-connect/token";
    System.out.printf(
        """

        Proxima is running (started in %d s).
          Portal           %s/
          Tenant console   %s/admin/
          Demo tenant      %s/t/%s/   (株式会社デモエージェント, also http://%s.proxima.localhost:%d/)
          API              %s/api/v1/me
          OpenAPI          %s/openapi
          Health           %s/health/ready
          Keycloak         %s/admin/   (master admin: admin / %s)
          PostgreSQL       %s   (proxima_app / %s)
          Mail             %s   (SMTP localhost:%d; everything sent is kept here, nothing leaves)
        Demo logins (realm proxima):
          demo / demo                             freelancer, shares with the demo tenant
          %s / %s   the demo tenant's agency admin
          platform-admin / admin                  platform admin (tenant console)
        Call the API as the demo user:
          TOKEN=$(curl -s -d client_id=proxima-portal -d grant_type=password \\
                  -d username=demo -d password=demo %s \\
                  | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
          curl -H "Authorization: Bearer $TOKEN" %s/api/v1/me
        Data and logs: %s   ·   Ctrl-C stops everything.
        """,
        seconds,
        platform,
        platform,
        platform,
        DemoSeed.TENANT,
        DemoSeed.TENANT,
        java.net.URI.create(platform).getPort(),
        platform,
        platform,
        platform,
        keycloak,
        stack.secrets().keycloakAdminPassword(),
        stack.postgres().jdbcUrl(LocalPostgres.PLATFORM_DATABASE),
        stack.secrets().appPassword(),
        stack.mail().mailboxUrl(),
        stack.mail().smtpPort(),
        DemoSeed.TENANT_ADMIN,
        DemoSeed.TENANT_ADMIN_PASSWORD,
        tokenUrl,
        platform,
        home);
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = System.getProperty(name, fallback);
    }
    return value;
  }
}
