package io.proxima.keycloak.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Runs the Keycloak distribution from Maven Central as a child process, against the project's own
 * PostgreSQL, with the {@code proxima} realm imported. Used by the local run command and by the
 * integration tests, so both see the same identity provider.
 */
public final class LocalKeycloak implements AutoCloseable {

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Logger LOG = Logger.getLogger(LocalKeycloak.class.getName());
  public static final String REALM = "proxima";

  /**
   * Everything that changes Keycloak's build-time configuration. It must be identical on every
   * start, or Keycloak re-augments itself (about 30 s).
   */
  private static final List<String> BUILD_OPTIONS =
      List.of("--db=postgres", "--health-enabled=true", "--features=organization");

  /** The login theme's files, under {@code io/proxima/keycloak/theme/proxima/} on the classpath. */
  static final List<String> THEME_FILES =
      List.of(
          "login/theme.properties",
          "login/template.ftl",
          "login/resources/css/proxima.css",
          "login/messages/messages_en.properties",
          "login/messages/messages_ja.properties");

  private final Settings settings;
  private Process process;

  /**
   * @param installRoot where the distribution is unpacked (kept between runs)
   * @param httpPort the public port; the issuer is {@code http://localhost:<port>/realms/proxima}
   * @param managementPort health and metrics port
   * @param jdbcUrl Keycloak's own database
   * @param logFile where the server's output goes
   */
  public record Settings(
      Path installRoot,
      int httpPort,
      int managementPort,
      String jdbcUrl,
      String dbUser,
      String dbPassword,
      String adminUser,
      String adminPassword,
      String provisionerSecret,
      Path logFile) {}

  public LocalKeycloak(Settings settings) {
    this.settings = settings;
  }

  public String baseUrl() {
    return "http://localhost:" + settings.httpPort();
  }

  public String issuer() {
    return baseUrl() + "/realms/" + REALM;
  }

  public Settings settings() {
    return settings;
  }

  /** Starts Keycloak and waits until the realm answers. */
  public LocalKeycloak start(Duration timeout) {
    Path home = unpack();
    copyRealm(home);
    installTheme(home);
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/kc.sh").toString());
    command.add("start-dev");
    command.addAll(BUILD_OPTIONS);
    command.add("--http-port=" + settings.httpPort());
    command.add("--http-management-port=" + settings.managementPort());
    command.add("--hostname=" + baseUrl());
    command.add("--db-url=" + settings.jdbcUrl());
    command.add("--db-username=" + settings.dbUser());
    command.add("--db-password=" + settings.dbPassword());
    command.add("--import-realm");
    command.add("--log-level=WARN,org.keycloak.services:INFO");
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUser());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
    // The realm template names the provisioner's secret as ${PROXIMA_PROVISIONER_SECRET}: the
    // value lives in the state folder, never in the template or the jar that carries it.
    builder.environment().put("PROXIMA_PROVISIONER_SECRET", settings.provisionerSecret());
    builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    try {
      Files.createDirectories(settings.logFile().getParent());
      builder.redirectErrorStream(true).redirectOutput(settings.logFile().toFile());
      LOG.info(() -> "Starting Keycloak " + version() + " on " + baseUrl());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Keycloak did not start", e);
    }
    awaitRealm(timeout);
    return this;
  }

  private void awaitRealm(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with " + process.exitValue() + "; see " + settings.logFile());
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still booting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Keycloak", e);
      }
      sleep(500);
    }
    close();
    throw new IllegalStateException(
        "Keycloak did not answer within " + timeout + "; see " + settings.logFile());
  }

  /**
   * A token through the resource-owner password grant, which the local realm allows for scripts and
   * tests only.
   */
  public String accessToken(String clientId, String username, String password) {
    String form =
        "grant_type=password&client_id="
            + encode(clientId)
            + "&username="
            + encode(username)
            + "&password="
            + encode(password);
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      Matcher token = ACCESS_TOKEN.matcher(response.body());
      if (response.statusCode() != 200 || !token.find()) {
        throw new IllegalStateException(
            "no token for " + username + ": " + response.statusCode() + " " + response.body());
      }
      return token.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Unpacks the distribution once; a marker file says the copy is complete. */
  private Path unpack() {
    Path home = settings.installRoot().resolve("keycloak-" + version());
    Path marker = home.resolve(".unpacked");
    if (Files.exists(marker)) {
      return home;
    }
    Path zip = Path.of(distributionProperties().getProperty("keycloak.zip"));
    if (!Files.exists(zip)) {
      throw new IllegalStateException(
          "Keycloak distribution missing at " + zip + "; build the keycloak module first");
    }
    LOG.info(() -> "Unpacking " + zip + " to " + settings.installRoot());
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      Path root = settings.installRoot().toAbsolutePath().normalize();
      for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IllegalStateException("zip entry outside target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (entry.getName().endsWith(".sh")) {
          target.toFile().setExecutable(true);
        }
      }
      Files.writeString(marker, version());
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack Keycloak", e);
    }
    return home;
  }

  private static void copyRealm(Path home) {
    Path target = home.resolve("data/import/proxima-realm.json");
    try (InputStream realm =
        LocalKeycloak.class.getResourceAsStream("/io/proxima/keycloak/proxima-realm.json")) {
      Files.createDirectories(target.getParent());
      Files.copy(realm, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("could not place the realm template", e);
    }
  }

  /**
   * Places the {@code proxima} login theme in the server's themes folder on every start, so an edit
   * to the theme shows at the next start (development mode does not cache themes).
   */
  private static void installTheme(Path home) {
    Path target = home.resolve("themes/proxima");
    try {
      for (String file : THEME_FILES) {
        Path destination = target.resolve(file);
        Files.createDirectories(destination.getParent());
        try (InputStream in =
            LocalKeycloak.class.getResourceAsStream("/io/proxima/keycloak/theme/proxima/" + file)) {
          if (in == null) {
            throw new IllegalStateException("theme file missing from the build: " + file);
          }
          Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not install the login theme", e);
    }
  }

  public static String version() {
    return distributionProperties().getProperty("keycloak.version");
  }

  private static Properties distributionProperties() {
    Properties properties = new Properties();
    try (InputStream in =
        LocalKeycloak.class.getResourceAsStream("/io/proxima/keycloak/distribution.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
