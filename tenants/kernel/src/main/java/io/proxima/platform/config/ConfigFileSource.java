package io.proxima.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Reads the properties file named by the system property or environment variable {@code
 * proxima.config.file} / {@code PROXIMA_CONFIG_FILE}. The local stack writes the ports and
 * credentials it chose there, so one node command line works for every environment. Environment
 * variables (ordinal 300) and system properties (400) still override it.
 */
public final class ConfigFileSource implements ConfigSource {

  static final int ORDINAL = 250;

  private final Map<String, String> properties;
  private final String name;

  public ConfigFileSource() {
    this(locate());
  }

  ConfigFileSource(Path file) {
    this.name = "proxima.config.file:" + file;
    this.properties = file == null ? Map.of() : load(file);
  }

  private static Path locate() {
    String location = System.getProperty("proxima.config.file");
    if (location == null || location.isBlank()) {
      location = System.getenv("PROXIMA_CONFIG_FILE");
    }
    return location == null || location.isBlank() ? null : Path.of(location);
  }

  private static Map<String, String> load(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalStateException("proxima.config.file names an unreadable file: " + file);
    }
    Properties loaded = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      loaded.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> values = new TreeMap<>();
    loaded.stringPropertyNames().forEach(key -> values.put(key, loaded.getProperty(key)));
    return Map.copyOf(values);
  }

  @Override
  public Set<String> getPropertyNames() {
    return properties.keySet();
  }

  @Override
  public Map<String, String> getProperties() {
    return properties;
  }

  @Override
  public String getValue(String propertyName) {
    return properties.get(propertyName);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }
}
