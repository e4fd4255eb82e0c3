package io.proxima.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileSourceTest {

  @Test
  void readsTheNamedFileBetweenPropertiesFilesAndEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("platform.properties");
    Files.writeString(file, "proxima.db.url=jdbc:postgresql://db:5432/proxima\n");

    ConfigFileSource source = new ConfigFileSource(file);

    assertThat(source.getValue("proxima.db.url")).isEqualTo("jdbc:postgresql://db:5432/proxima");
    assertThat(source.getOrdinal()).isGreaterThan(100).isLessThan(300);
  }

  @Test
  void noFileMeansNoValues() {
    ConfigFileSource source = new ConfigFileSource(null);

    assertThat(source.getPropertyNames()).isEmpty();
  }

  @Test
  void aMissingFileIsAnErrorNotASilentDefault(@TempDir Path dir) {
    assertThatThrownBy(() -> new ConfigFileSource(dir.resolve("absent.properties")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("absent.properties");
  }
}
