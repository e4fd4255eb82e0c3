package io.proxima.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 *
 * <p>With {@code -Dproxima.nodes=N} (or {@code PROXIMA_NODES}) it starts N nodes as one cluster
 * (Hazelcast on loopback, one Pekko cluster) behind a {@link LocalBalancer} on the usual port, so a
 * person can kill a node and watch the boards carry on through the others.
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
    int nodeCount =
        Integer.parseInt(setting("PROXIMA_NODES", System.getProperty("proxima.nodes", "1")));
    if (nodeCount < 1 || nodeCount > MAX_NODES) {
      System.err.println("proxima.nodes must be 1 to " + MAX_NODES + ", not " + nodeCount);
      System.exit(2);
    }
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
      List<PayaraMicroNode> nodes = nodes(nodeCount, httpPort, Path.of(args[0]), config, home);
      running.nodes = nodes;
      PayaraMicroNode first = nodes.get(0);
      start(progress, first);
      try {
        keycloak.join();
      } catch (CompletionException e) {
        throw (RuntimeException) e.getCause();
      }
      // One after the other: deployments side by side on two cores starve each other.
      for (PayaraMicroNode node : nodes.subList(1, nodes.size())) {
        start(progress, node);
      }
      if (nodeCount > 1) {
        running.balancer =
            new LocalBalancer(
                httpPort, nodes.stream().map(node -> node.settings().httpPort()).toList());
      }
      String platform = "http://localhost:" + httpPort;
      progress.step(
          "Demo tenant",
          DemoSeed.TENANT,
          () -> {
            new DemoSeed(running.stack, platform).run();
            return null;
          });
    } catch (RuntimeException e) {
      // The shutdown hook stops whatever did start.
      System.err.println("Proxima did not start: " + e.getMessage());
      System.exit(1);
    }
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    printWelcome("http://localhost:" + httpPort, running.stack, home, seconds);
    if (nodeCount > 1) {
      printNodes(running.nodes);
    }
    watch(running);
    System.err.println("Every platform node stopped; see " + home.resolve("logs"));
    System.exit(1);
  }

  private static final int MAX_NODES = 5;

  private static void start(StartProgress progress, PayaraMicroNode node) {
    progress.step(
        "Payara Micro node " + node.settings().name(),
        "port " + node.settings().httpPort() + ", log " + node.settings().logFile(),
        () -> node.start(Duration.ofMinutes(8)));
  }

  /**
   * The nodes of this run. One node runs alone on the usual port; several form a cluster on the
   * ports after it, each with its own Pekko port, behind the balancer on the usual one.
   */
  private static List<PayaraMicroNode> nodes(
      int count, int httpPort, Path war, Path config, Path home) {
    if (count == 1) {
      return List.of(
          new PayaraMicroNode(
              new PayaraMicroNode.Settings(
                  "proxima-1",
                  httpPort,
                  war,
                  config,
                  home.resolve("payara/proxima-1"),
                  home.resolve("logs/proxima-1.log"),
                  List.of("-Xmx1g"),
                  List.of())));
    }
    List<Integer> hazelcastPorts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      hazelcastPorts.add(LocalStack.freePort());
    }
    List<PayaraMicroNode> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "proxima-" + (i + 1);
      nodes.add(
          new PayaraMicroNode(
              new PayaraMicroNode.Settings(
                  name,
                  httpPort + i + 1,
                  war,
                  config,
                  home.resolve("payara/" + name),
                  home.resolve("logs/" + name + ".log"),
                  List.of(
                      "-Xmx768m",
                      "-Dproxima.realtime.port=" + LocalStack.freePort(),
                      "-Dproxima.node.name=" + name),
                  PayaraMicroNode.loopbackCluster(
                      "proxima-local-" + ProcessHandle.current().pid(),
                      hazelcastPorts.get(i),
                      hazelcastPorts))));
    }
    return nodes;
  }

  /**
   * Waits while any node lives. A node that stops (killed to watch the others take over) is
   * reported once; the run ends when none is left.
   */
  private static void watch(Running running) throws InterruptedException {
    List<PayaraMicroNode> reported = new ArrayList<>();
    while (running.stopping || running.nodes.stream().anyMatch(PayaraMicroNode::isAlive)) {
      for (PayaraMicroNode node : running.nodes) {
        if (!node.isAlive() && !reported.contains(node) && !running.stopping) {
          reported.add(node);
          long left = running.nodes.stream().filter(PayaraMicroNode::isAlive).count();
          if (left > 0) {
            System.out.printf(
                "Node %s stopped; %d node(s) carry on. Log: %s%n",
                node.settings().name(), left, node.settings().logFile());
          }
        }
      }
      Thread.sleep(1000);
    }
  }

  private static void printNodes(List<PayaraMicroNode> nodes) {
    System.out.println("Nodes (one cluster, behind the balancer on the port above):");
    for (PayaraMicroNode node : nodes) {
      System.out.printf(
          "  %-12s %s   pid %d   log %s%n",
          node.settings().name(), node.baseUrl(), node.process().pid(), node.settings().logFile());
    }
    System.out.printf(
        "Kill one (kill -9 %d) and watch a board carry on through the others.%n",
        nodes.get(nodes.size() - 1).process().pid());
  }

  /**
   * What has started so far, stopped by the shutdown hook in reverse order whenever it comes: after
   * Ctrl-C, SIGTERM, a failed start, or a start interrupted half-way.
   */
  private static final class Running {
    volatile LocalStack stack;
    volatile List<PayaraMicroNode> nodes = List.of();
    volatile LocalBalancer balancer;
    volatile boolean stopping;

    void stop() {
      stopping = true;
      System.out.println("Stopping Proxima…");
      if (balancer != null) {
        balancer.close();
      }
      List<PayaraMicroNode> started = new ArrayList<>(nodes);
      java.util.Collections.reverse(started);
      for (PayaraMicroNode node : started) {
        timed("Payara Micro node " + node.settings().name(), node::close);
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
