package io.proxima.platform;

import io.proxima.local.KeycloakTestAdmin;
import io.proxima.local.LocalMail;
import io.proxima.local.LocalStack;
import io.proxima.local.PayaraMicroNode;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One platform for every test class of this module: the local stack and a Payara Micro node with
 * the platform WAR, started on first use and stopped when the JVM exits (a node start costs ~30 s).
 */
final class RunningPlatform {

  static final Path BUILD = Path.of(System.getProperty("proxima.build.directory", "target"));
  static final Path MICRO = Path.of(System.getProperty("proxima.micro.directory", "target/micro"));

  private static RunningPlatform instance;

  final LocalStack stack;
  final PayaraMicroNode node;
  final KeycloakTestAdmin keycloakAdmin;
  final StripeStub stripe;
  private OidcStub oidc;
  // HTTP/1.1 as browsers speak it: an h2c upgrade would hand Grizzly an :authority instead of
  // the Host header the tenant is resolved from.
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private Runnable stopper = () -> {};
  private boolean closed;

  /** Stops the node, the stack and the stubs; a platform of a test's own stops in its AfterAll. */
  synchronized void close() {
    if (!closed) {
      closed = true;
      stopper.run();
    }
  }

  private RunningPlatform(LocalStack stack, PayaraMicroNode node, StripeStub stripe) {
    this.stack = stack;
    this.node = node;
    this.stripe = stripe;
    this.keycloakAdmin = new KeycloakTestAdmin(stack.keycloak());
  }

  static synchronized RunningPlatform get() {
    if (instance == null) {
      instance = start(BUILD.resolve("platform-it"), List.of("-Xmx768m"), List.of());
      // The shared platform's stub: a test that starts a platform of its own (DatabaseOutageIT)
      // must not redirect ContractsIT to its stub.
      esignStub = lastStartedEsign;
    }
    return instance;
  }

  /**
   * A platform of its own in {@code home}, stopped when the JVM exits: the local stack and one node
   * with these JVM and Payara Micro options.
   */
  /** The e-signature provider the last started platform talks to. */
  static ESignStub esignStub;

  private static ESignStub lastStartedEsign;

  /** The OpenID Connect provider this platform's Keycloak brokers to. */
  OidcStub oidcStub() {
    return oidc;
  }

  static RunningPlatform start(Path home, List<String> jvmOptions, List<String> payaraOptions) {
    LocalStack stack =
        LocalStack.start(
            home,
            // A checkout of its own can name another: the theme and realm file are copied into
            // the install on every start, so two checkouts testing at once overwrite each other's.
            Path.of(
                System.getProperty(
                    "proxima.keycloak.install-root",
                    Path.of(System.getProperty("user.home"), ".cache", "proxima", "keycloak-test")
                        .toString())),
            LocalStack.Ports.anyFree(),
            false);
    Path config = home.resolve("platform.properties");
    stack.writePlatformConfiguration(config);
    GithubStub github = GithubStub.start();
    ESignStub esign = ESignStub.start();
    lastStartedEsign = esign;
    StripeStub stripe = StripeStub.start();
    OidcStub oidc = OidcStub.start();
    int port = LocalStack.freePort();
    String portal = "http://localhost:" + port;
    // Browsers signing in through the realm's own clients come back to this node's port.
    KeycloakTestAdmin realm = new KeycloakTestAdmin(stack.keycloak());
    realm.allowRedirectsTo("proxima-portal", portal);
    realm.allowRedirectsTo("proxima-console", portal);
    try {
      java.nio.file.Files.writeString(
          config,
          // Tenant clients created here send browsers back to this node.
          "\nproxima.portal.base-url="
              + portal
              + "\nproxima.github.base-url="
              + github.baseUrl()
              + esign.configuration(home.resolve("esign"))
              + stripe.configuration()
              // An OpenID Connect provider standing in for Google on the login page (SignUpIT).
              + oidc.configuration()
              // The calendar stubs the tests serve listen on 127.0.0.1.
              + "\nproxima.calendar.allow-private-network=true"
              // Contract end reminders looked for every 2 s instead of hourly (ContractsIT).
              + "\nproxima.contracts.end-reminder-seconds=2"
              // Webhook receivers of the tests listen on localhost, the one private host let
              // through (IntegrationsIT shows 127.0.0.1 and the like refused); retries and the
              // automatic switch-off come within seconds instead of hours.
              + "\nproxima.webhooks.private-hosts=localhost"
              + "\nproxima.webhooks.poll-millis=300"
              + "\nproxima.webhooks.timeout-seconds=2"
              + "\nproxima.webhooks.first-retry-seconds=1"
              + "\nproxima.webhooks.longest-retry-seconds=2"
              + "\nproxima.webhooks.max-attempts=3"
              + "\nproxima.webhooks.disable-after=5"
              // Saved-search alerts every 2 s instead of every minute (JobSearchIT, browser test).
              + "\nproxima.jobs.saved-search-alert-seconds=2"
              + "\nproxima.jobs.saved-search-settle-seconds=1"
              // Notification mail swept every second, and messages summed up over 4 s instead
              // of 10 minutes (NotificationsIT).
              + "\nproxima.notifications.mail.poll-seconds=1"
              + "\nproxima.notifications.mail.batch-seconds=4"
              // IdentityOutageIT stops Keycloak for longer than this and rotates its key.
              + "\nproxima.oidc.signing-keys.refresh-seconds=5"
              // Rate limits raised only for operations tests call in bulk: ProfileIT uploads
              // the 20-sheet corpus and more as one freelancer, SearchBenchmark and JobsIT
              // search thousands of times, ScoutsIT sends 32 scouts at once to hit a quota of
              // 20. The GitHub and live-ticket limits stay at their defaults (ProfileIT shows
              // the 429).
              + "\nproxima.rate-limit.skill-sheet-upload.per-user=1000"
              + "\nproxima.rate-limit.search.per-user=1000000"
              + "\nproxima.rate-limit.search.per-tenant=1000000"
              + "\nproxima.rate-limit.scout-send.per-user=1000"
              + "\nproxima.rate-limit.scout-send.per-tenant=1000\n",
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    PayaraMicroNode node;
    try {
      node =
          new PayaraMicroNode(
                  new PayaraMicroNode.Settings(
                      home.getFileName().toString(),
                      port,
                      MICRO.resolve("proxima-web.war"),
                      config,
                      home.resolve("payara"),
                      home.resolve("logs/node.log"),
                      jvmOptions,
                      payaraOptions))
              .start(Duration.ofMinutes(Long.getLong("proxima.it.start-minutes", 8)));
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    RunningPlatform platform = new RunningPlatform(stack, node, stripe);
    platform.oidc = oidc;
    platform.stopper =
        () -> {
          node.close();
          stack.close();
          github.close();
          esign.close();
          stripe.close();
          oidc.close();
        };
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
    return platform;
  }

  /** A tenant created through the console, with its first admin activated for password logins. */
  record ProvisionedTenant(String id, String slug, String adminEmail, String password) {}

  ProvisionedTenant provisionTenant(String slug, String brandingJson) {
    String adminEmail = "admin-" + slug + "@example.jp";
    HttpResponse<String> created = null;
    // Right after the node reports ready, the console's routes can still answer 404 for a moment.
    for (int attempt = 0; attempt < 5; attempt++) {
      created = createTenant(slug, brandingJson, adminEmail);
      if (created.statusCode() != 404) {
        break;
      }
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (created.statusCode() != 201) {
      throw new IllegalStateException("tenant " + slug + " not created: " + created.body());
    }
    // The first admin gets in as a real one would: through the link in the invitation mail the
    // console sent, which the local SMTP server received.
    if (!created.body().contains("\"status\":\"SENT\"")) {
      throw new IllegalStateException(
          "no invitation mail for " + adminEmail + ": " + created.body());
    }
    String password = "pw-" + UUID.randomUUID();
    activateThroughMail(slug, adminEmail, password);
    return new ProvisionedTenant(field(created.body(), "id"), slug, adminEmail, password);
  }

  /** The token of the latest invitation mail to {@code email}. */
  String invitationToken(String email) {
    LocalMail.Received mail = stack.mail().await(email, "Proxima", Duration.ofSeconds(20));
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("/join#token=([A-Za-z0-9_-]+)").matcher(mail.text());
    if (!token.find()) {
      throw new IllegalStateException("no invitation link in " + mail.text());
    }
    return token.group(1);
  }

  /** Sets the first password of an invited account through its mailed link, as the invitee. */
  void activateThroughMail(String slug, String email, String password) {
    HttpResponse<String> activated =
        send(
            "POST",
            "/t/" + slug + "/api/v1/invitation-link/activate",
            null,
            "{\"token\":\"%s\",\"password\":\"%s\"}".formatted(invitationToken(email), password));
    if (activated.statusCode() != 200) {
      throw new IllegalStateException(email + " not activated: " + activated.body());
    }
  }

  private HttpResponse<String> createTenant(String slug, String brandingJson, String adminEmail) {
    return send(
        "POST",
        "/api/v1/platform/tenants",
        consoleToken(),
        """
            {"slug":"%s","type":"AGENCY","plan":"standard","branding":%s,
             "firstAdmin":{"email":"%s","firstName":"Aki","lastName":"Mori"}}
            """
            .formatted(slug, brandingJson, adminEmail));
  }

  String consoleToken() {
    return token("proxima-console", "platform-admin", "admin");
  }

  /**
   * A benchmark node's background work on the production schedules. The test platform's fast ones
   * (webhook outbox every 300 ms, mail and e-signature outboxes every second, saved-search alerts
   * every 2 s) keep tests short, but on two cores they took about a fifth of the node's CPU samples
   * during a search run. System properties outrank the test platform's config file.
   */
  static final List<String> PRODUCTION_SCHEDULES =
      List.of(
          "-Dproxima.webhooks.poll-millis=2000",
          "-Dproxima.notifications.mail.poll-seconds=5",
          "-Dproxima.esign.outbox.poll-seconds=5",
          "-Dproxima.jobs.saved-search-alert-seconds=60",
          "-Dproxima.contracts.end-reminder-seconds=3600",
          "-Dproxima.oidc.signing-keys.refresh-seconds=60");

  /** The machine a benchmark ran on, for its report: "2 cores, 23 GiB RAM, Linux 6.18, Java 17". */
  static String machine() {
    return String.format(
        "%d cores, %d GiB RAM, %s %s, Java %s",
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.OperatingSystemMXBean.class)
                .getTotalMemorySize()
            >> 30,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"));
  }

  static String field(String json, String name) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject().getString(name);
    }
  }

  static jakarta.json.JsonObject json(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  static jakarta.json.JsonArray jsonArray(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }

  static long number(String json, String name) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject().getJsonNumber(name).longValue();
    }
  }

  /** Sends a file as the raw request body, as the portal's upload does. */
  HttpResponse<String> upload(String path, String token, String contentType, byte[] content) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(content));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("upload to " + path + " failed", e);
    }
  }

  /** A GET whose answer is bytes: PDF and JSON downloads. */
  HttpResponse<byte[]> download(String path, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException("download of " + path + " failed", e);
    }
  }

  String baseUrl() {
    return node.baseUrl();
  }

  String token(String client, String user, String password) {
    return stack.keycloak().accessToken(client, user, password);
  }

  HttpResponse<String> send(String method, String path, String token, String jsonBody) {
    return send(method, path, token, jsonBody, null);
  }

  HttpResponse<String> send(
      String method, String path, String token, String jsonBody, String hostHeader) {
    return send(method, path, token, jsonBody, hostHeader, Duration.ofSeconds(30));
  }

  /**
   * With a longer {@code timeout} for the few calls that legitimately take long, such as the first
   * OpenAPI document, which Payara builds by scanning the WAR (a minute on a loaded machine).
   */
  HttpResponse<String> send(
      String method,
      String path,
      String token,
      String jsonBody,
      String hostHeader,
      Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(timeout);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (hostHeader != null) {
      request.header("Host", hostHeader);
    }
    request.header("Accept", "application/json");
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }
}
