package io.proxima.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFileTest {

  @TempDir Path folder;

  private final KeyOwner owner = KeyOwner.freelancer("f-1");

  @Test
  void theFirstUseMakesAFileOnlyItsOwnerReads() throws Exception {
    Path file = folder.resolve("keys/master-keys.properties");
    MasterKeyFile keys = new MasterKeyFile(file, Clock.systemUTC());
    String first = keys.currentId();
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(new MasterKeyFile(file, Clock.systemUTC()).currentId())
        .as("a second node reads the same key instead of making its own")
        .isEqualTo(first);
  }

  @Test
  void aRotationIsSeenByEveryNodeAndOldDataKeysStillUnwrapUntilRetired() {
    Path file = folder.resolve("master-keys.properties");
    MasterKeyFile node1 = new MasterKeyFile(file, Clock.systemUTC());
    MasterKeyFile node2 = new MasterKeyFile(file, Clock.systemUTC());
    byte[] dataKey = Envelope.newKey().getEncoded();
    MasterKeys.WrappedDataKey before = node1.wrap(dataKey, owner);

    String next = node2.rotate();

    assertThat(node1.currentId()).as("node 1 reads the rotated file").isEqualTo(next);
    assertThat(node1.unwrap(before, owner)).isEqualTo(dataKey);
    MasterKeys.WrappedDataKey after = node1.wrap(dataKey, owner);
    assertThat(after.masterKeyId()).isEqualTo(next);
    assertThat(node2.unwrap(after, owner)).isEqualTo(dataKey);
    assertThatThrownBy(() -> node1.unwrap(before, KeyOwner.freelancer("f-2")))
        .as("a wrapped key is bound to its owner")
        .isInstanceOf(Envelope.SealBroken.class);

    assertThatThrownBy(() -> node1.retire(next)).isInstanceOf(IllegalArgumentException.class);
    node1.retire(before.masterKeyId());
    assertThat(node2.ids()).containsExactly(next);
    assertThatThrownBy(() -> node2.unwrap(before, owner)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void changesMadeFasterThanTheFileClockTicksAreStillSeen() {
    Path file = folder.resolve("fast.properties");
    MasterKeyFile node1 = new MasterKeyFile(file, Clock.systemUTC());
    MasterKeyFile node2 = new MasterKeyFile(file, Clock.systemUTC());
    String retired = node1.currentId();
    for (int i = 0; i < 50; i++) {
      String next = node1.rotate();
      assertThat(node2.currentId()).as("rotation %d", i).isEqualTo(next);
      node2.retire(retired);
      assertThat(node1.ids()).as("retirement %d", i).doesNotContain(retired);
      retired = next;
    }
  }

  @Test
  void aFileWithoutItsCurrentKeyIsRefusedClearly() throws Exception {
    Path file = folder.resolve("broken.properties");
    Files.writeString(file, "current=mk-missing\n");
    assertThatThrownBy(() -> new MasterKeyFile(file, Clock.systemUTC()).currentId())
        .hasMessageContaining("no usable current master key");
  }
}
