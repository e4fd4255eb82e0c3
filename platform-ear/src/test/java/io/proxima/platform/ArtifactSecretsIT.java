package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when one of the artifacts it ships (the EAR, the WARs inside it and our own jars
 * inside those, and the module jars) carries a password or secret with a value. Configuration keys
 * may be named; their values come from the environment or the config file at run time, and the
 * local stack generates its own into the state folder.
 */
class ArtifactSecretsIT {

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|secret|credential|api[-_.]?key|private[-_.]?key).*");
  private static final Pattern JSON_SECRET =
      Pattern.compile(
          "\"(?i:(?:client)?secret|password|passwd|apiKey|privateKey)\"\\s*:\\s*\"([^\"]*)\"");

  @Test
  void noArtifactCarriesAPasswordOrSecret() throws IOException {
    List<Path> artifacts = new ArrayList<>();
    artifacts.add(RunningPlatform.BUILD.resolve("proxima-platform.ear"));
    Path root = RunningPlatform.BUILD.toAbsolutePath().getParent().getParent();
    for (String module :
        List.of(
            "tenants/kernel",
            "tenants/workspaces",
            "tenants/talent",
            "tenants/hiring",
            "tenants/billing",
            "realtime",
            "web",
            "admin",
            "keycloak",
            "docker")) {
      try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
        files
            .filter(f -> f.toString().endsWith(".jar") || f.toString().endsWith(".war"))
            .forEach(artifacts::add);
      }
    }
    List<String> findings = new ArrayList<>();
    int scanned = 0;
    for (Path artifact : artifacts) {
      assertThat(artifact).exists();
      try (InputStream in = Files.newInputStream(artifact)) {
        scanned += scan(artifact.getFileName().toString(), in, findings);
      }
    }
    System.out.printf(
        "ArtifactSecretsIT: %d configuration files in %d artifacts scanned%n",
        scanned, artifacts.size());
    assertThat(scanned).as("configuration files found").isGreaterThan(5);
    assertThat(findings).isEmpty();
  }

  /** Scans an archive; nested archives of our own are opened, third-party jars are not. */
  private static int scan(String where, InputStream archive, List<String> findings)
      throws IOException {
    int scanned = 0;
    ZipInputStream zip = new ZipInputStream(archive);
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      String name = entry.getName();
      String path = where + "!" + name;
      if (name.endsWith(".war") || (name.endsWith(".jar") && isOurs(name))) {
        scanned += scan(path, new ByteArrayInputStream(zip.readAllBytes()), findings);
      } else if (name.endsWith(".properties")) {
        scanned++;
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(zip.readAllBytes()));
        for (String key : properties.stringPropertyNames()) {
          String value = properties.getProperty(key).strip();
          if (SECRET_NAME.matcher(key).matches() && !value.isEmpty() && !isPlaceholder(value)) {
            findings.add(path + ": " + key + " has a value");
          }
        }
      } else if (name.endsWith(".json") && !name.contains("node_modules")) {
        scanned++;
        String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        Matcher matcher = JSON_SECRET.matcher(text);
        while (matcher.find()) {
          if (!matcher.group(1).isEmpty() && !isPlaceholder(matcher.group(1))) {
            findings.add(path + ": " + matcher.group() + " has a value");
          }
        }
      }
    }
    return scanned;
  }

  private static boolean isOurs(String jar) {
    String file = jar.substring(jar.lastIndexOf('/') + 1);
    return file.startsWith("proxima-");
  }

  private static boolean isPlaceholder(String value) {
    return value.startsWith("${") && value.endsWith("}");
  }
}
