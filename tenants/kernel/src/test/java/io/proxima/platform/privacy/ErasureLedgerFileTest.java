package io.proxima.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasureLedgerFileTest {

  private static final String ONE = "a".repeat(64);
  private static final String TWO = "b".repeat(64);

  @TempDir Path folder;

  @Test
  void livesBesideTheMasterKeysAndKeepsEachErasureOnce() {
    ErasureLedgerFile ledger =
        new ErasureLedgerFile(folder.resolve("master-keys.properties").toString());
    assertThat(ledger.file()).isEqualTo(folder.resolve("erasure-ledger.txt"));
    assertThat(ledger.entries()).isEmpty();

    Instant first = Instant.parse("2026-12-06T10:00:00Z");
    ledger.append(ONE, first);
    ledger.append(TWO, first.plusSeconds(5));
    ledger.append(ONE, first.plusSeconds(60));

    assertThat(ledger.entries())
        .containsExactly(
            java.util.Map.entry(ONE, first), java.util.Map.entry(TWO, first.plusSeconds(5)));
    // A second node of the machine reads what the first wrote.
    assertThat(new ErasureLedgerFile(ledger.file()).entries()).containsKeys(ONE, TWO);
  }

  @Test
  void aLineCutShortByACrashIsSkippedAndOnlyPseudonymsAreWritten() throws Exception {
    ErasureLedgerFile ledger = new ErasureLedgerFile(folder.resolve("erasure-ledger.txt"));
    ledger.append(ONE, Instant.parse("2026-12-06T10:00:00Z"));
    Files.writeString(
        ledger.file(), "bbbbbbbb 2026-12", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertThat(ledger.entries()).containsOnlyKeys(ONE);
    ledger.append(TWO, Instant.parse("2026-12-06T11:00:00Z"));
    assertThat(ledger.entries()).containsOnlyKeys(ONE, TWO);

    assertThatThrownBy(() -> ledger.append("freelancer:someone", Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
