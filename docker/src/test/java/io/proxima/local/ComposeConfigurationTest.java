package io.proxima.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docker/compose/compose.yaml} in step with the configuration the platform reads. No
 * Docker daemon runs where the build runs, so the file cannot be started here; what can be checked
 * is that it speaks the platform's language: every {@code PROXIMA_*} variable it sets is a key some
 * code reads, every key without a default is set, and nothing that must be reached from inside a
 * container is left on a developer machine's {@code localhost} default.
 */
class ComposeConfigurationTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Keys injected or read by name, with whether a default exists where they are read. */
  private static final Pattern INJECTED =
      Pattern.compile(
          "@ConfigProperty\\(\\s*name\\s*=\\s*\"(proxima\\.[^\"]+)\"\\s*(,\\s*defaultValue)?[^)]*\\)"
              + "\\s*(?:final\\s+)?([\\w.<>]+)");

  private static final Pattern READ =
      Pattern.compile("get(Optional)?Value\\(\\s*\"(proxima\\.[^\"]+)\"");

  /** Keys whose value is where people's browsers go: localhost is right for a local compose run. */
  private static final Set<String> BROWSER_FACING =
      Set.of("proxima.oidc.issuer", "proxima.portal.base-url", "proxima.tenancy.base-domain");

  private static final Map<String, Boolean> read = new TreeMap<>();
  private static final Map<String, String> defaults = new TreeMap<>();
  private static Map<String, String> platform;
  private static Map<String, String> keycloak;

  @BeforeAll
  static void readSourcesAndComposeFile() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      List<Path> sources =
          files
              .filter(path -> path.toString().contains("/src/main/"))
              .filter(path -> !path.toString().contains("/node_modules/"))
              .filter(
                  path ->
                      path.toString().endsWith(".java")
                          || path.getFileName().toString().equals("microprofile-config.properties"))
              .toList();
      for (Path source : sources) {
        String text = Files.readString(source);
        if (source.toString().endsWith(".properties")) {
          for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
              defaults.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
          }
          continue;
        }
        Matcher injected = INJECTED.matcher(text);
        while (injected.find()) {
          boolean required = injected.group(2) == null && !injected.group(3).contains("Optional");
          read.merge(injected.group(1), required, Boolean::logicalOr);
        }
        Matcher named = READ.matcher(text);
        while (named.find()) {
          read.merge(named.group(2), named.group(1) == null, Boolean::logicalOr);
        }
      }
    }
    List<String> compose = Files.readAllLines(ROOT.resolve("docker/compose/compose.yaml"));
    platform = environment(compose, "platform");
    keycloak = environment(compose, "keycloak");
  }

  /** The {@code environment:} block of one service, as written (no YAML library needed). */
  private static Map<String, String> environment(List<String> compose, String service) {
    Map<String, String> environment = new LinkedHashMap<>();
    boolean inService = false;
    boolean inEnvironment = false;
    for (String line : compose) {
      if (line.matches("  [a-z-]+:\\s*")) {
        inService = line.strip().equals(service + ":");
        inEnvironment = false;
      } else if (inService && line.matches("    environment:\\s*")) {
        inEnvironment = true;
      } else if (inService && line.matches("    [a-z_]+:.*")) {
        inEnvironment = false;
      } else if (inEnvironment && line.matches("      [A-Z0-9_]+:.*")) {
        int colon = line.indexOf(':');
        environment.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    assertThat(environment).as("environment of " + service).isNotEmpty();
    return environment;
  }

  /** MicroProfile Config's environment name for a key: PROXIMA_DB_URL for proxima.db.url. */
  private static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  @Test
  void theScanFindsTheKeysThePlatformIsKnownToRead() {
    // A scan that finds nothing would make every other check here pass.
    assertThat(read)
        .containsKeys(
            "proxima.db.password", "proxima.keycloak.provisioner.secret", "proxima.realtime.port");
    assertThat(read).hasSizeGreaterThan(40);
  }

  @Test
  void everyProximaVariableOfThePlatformIsAKeyThePlatformReads() {
    Map<String, String> known = new TreeMap<>();
    read.keySet().forEach(key -> known.put(environmentName(key), key));
    Set<String> unknown = new TreeSet<>();
    platform.keySet().stream()
        .filter(name -> name.startsWith("PROXIMA_"))
        .filter(name -> !known.containsKey(name))
        .forEach(unknown::add);
    assertThat(unknown).as("variables no code reads (misspelt or left over)").isEmpty();
  }

  @Test
  void everyKeyWithoutADefaultIsSet() {
    Set<String> missing = new TreeSet<>();
    read.forEach(
        (key, required) -> {
          if (required
              && !defaults.containsKey(key)
              && !platform.containsKey(environmentName(key))) {
            missing.add(key);
          }
        });
    assertThat(missing).as("required keys the compose file does not set").isEmpty();
  }

  @Test
  void nothingANodeMustReachIsLeftOnALocalhostDefault() {
    Set<String> local = new TreeSet<>();
    defaults.forEach(
        (key, value) -> {
          if (value.contains("localhost")
              && !BROWSER_FACING.contains(key)
              && read.containsKey(key)
              && !platform.containsKey(environmentName(key))) {
            local.add(key + "=" + value);
          }
        });
    assertThat(local).as("defaults that point a container at itself").isEmpty();
    assertThat(platform.get("PROXIMA_REALTIME_HOST"))
        .as("each replica must advertise its own address to the Pekko cluster")
        .isEqualTo("auto");
  }

  @Test
  void keycloakImportsTheProvisionerWithTheSecretTheNodesUse() throws IOException {
    String realm =
        Files.readString(
            ROOT.resolve("keycloak/src/main/resources/io/proxima/keycloak/proxima-realm.json"));
    Matcher placeholders = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(realm);
    while (placeholders.find()) {
      assertThat(keycloak)
          .as("the realm file's ${%s}", placeholders.group(1))
          .containsKey(placeholders.group(1));
    }
    assertThat(keycloak.get("PROXIMA_PROVISIONER_SECRET"))
        .isEqualTo(platform.get("PROXIMA_KEYCLOAK_PROVISIONER_SECRET"));
  }

  static {
    if (!Files.isDirectory(ROOT.resolve("docker/compose"))) {
      throw new UncheckedIOException(
          new IOException("run from the docker module: no " + ROOT.resolve("docker/compose")));
    }
  }
}
