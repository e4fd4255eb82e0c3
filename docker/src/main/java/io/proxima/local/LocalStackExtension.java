package io.proxima.local;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one PostgreSQL and one Keycloak for the whole test JVM, before any container test class
 * deploys, and writes the configuration file named by {@code proxima.config.file} that the Payara
 * Micro test container reads. Register it before Arquillian's extension.
 */
public final class LocalStackExtension implements BeforeAllCallback {

  private static LocalStack stack;

  @Override
  public void beforeAll(ExtensionContext context) {
    stack();
  }

  /** The shared stack, started on first use and stopped when the JVM exits. */
  public static synchronized LocalStack stack() {
    if (stack == null) {
      Path build = Path.of(System.getProperty("proxima.build.directory", "target"));
      Path keycloakInstall =
          Path.of(System.getProperty("user.home"), ".cache", "proxima", "keycloak-test");
      stack =
          LocalStack.start(
              build.resolve("localstack"), keycloakInstall, LocalStack.Ports.anyFree(), false);
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
      String configFile = System.getProperty("proxima.config.file");
      if (configFile != null) {
        stack.writePlatformConfiguration(Path.of(configFile));
      }
    }
    return stack;
  }
}
