package io.proxima.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: PostgreSQL, Keycloak and one Payara Micro node on this machine, with data kept
 * under {@code PROXIMA_HOME} (default {@code ./.proxima}) so it survives a restart. Ctrl-C stops
 * everything in reverse order.
 */
public final class LocalPlatform {

  private LocalPlatform() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: LocalPlatform <web.war> <admin.war>");
      System.exit(2);
    }
    Path home = Path.of(setting("PROXIMA_HOME", "./.proxima")).toAbsolutePath().normalize();
    int httpPort = Integer.parseInt(setting("PROXIMA_HTTP_PORT", "8080"));
    LocalStack.Ports ports =
        new LocalStack.Ports(
            Integer.parseInt(setting("PROXIMA_DB_PORT", "5433")),
            Integer.parseInt(setting("PROXIMA_KEYCLOAK_PORT", "8180")),
            Integer.parseInt(setting("PROXIMA_KEYCLOAK_MANAGEMENT_PORT", "9100")));

    long started = System.nanoTime();
    LocalStack stack = LocalStack.start(home, home.resolve("keycloak"), ports, true);
    Path config = home.resolve("platform.properties");
    stack.writePlatformConfiguration(config);
    PayaraMicroNode node;
    try {
      node =
          new PayaraMicroNode(
                  new PayaraMicroNode.Settings(
                      "proxima-1",
                      httpPort,
                      Path.of(args[0]),
                      Path.of(args[1]),
                      config,
                      home.resolve("payara/proxima-1"),
                      home.resolve("logs/proxima-1.log"),
                      List.of("-Xmx1g"),
                      List.of()))
              .start(Duration.ofMinutes(4));
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    try {
      new DemoSeed(stack, node.baseUrl()).run();
    } catch (RuntimeException e) {
      node.close();
      stack.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping Proxima…");
                  node.close();
                  stack.close();
                  stopped.countDown();
                }));
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    printWelcome(node.baseUrl(), stack, home, seconds);
    while (node.isAlive()) {
      Thread.sleep(1000);
    }
    System.err.println("The platform node stopped; see " + home.resolve("logs/proxima-1.log"));
    System.exit(1);
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
