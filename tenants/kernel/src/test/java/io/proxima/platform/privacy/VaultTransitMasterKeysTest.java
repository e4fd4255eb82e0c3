package io.proxima.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VaultTransitMasterKeysTest {

  private final VaultTransitStub vault = start();
  private final KeyOwner owner = KeyOwner.freelancer("f-1");

  private static VaultTransitStub start() {
    try {
      return new VaultTransitStub("s.test-token", "proxima-master");
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private VaultTransitMasterKeys keys(String token) {
    return new VaultTransitMasterKeys(
        vault.address(), "transit", "proxima-master", token, Duration.ofMillis(10));
  }

  @AfterEach
  void stop() {
    vault.close();
  }

  @Test
  void dataKeysAreWrappedByTheServiceAndBoundToTheirOwner() {
    VaultTransitMasterKeys keys = keys(vault.token);
    byte[] dataKey = Envelope.newKey().getEncoded();
    MasterKeys.WrappedDataKey wrapped = keys.wrap(dataKey, owner);

    assertThat(wrapped.masterKeyId())
        .isEqualTo("vault:proxima-master:v1")
        .isEqualTo(keys.currentId());
    assertThat(new String(wrapped.bytes(), StandardCharsets.US_ASCII))
        .startsWith("vault:v1:")
        .as("the stored form holds nothing of the key")
        .doesNotContain(java.util.Base64.getEncoder().encodeToString(dataKey));
    assertThat(keys.unwrap(wrapped, owner)).isEqualTo(dataKey);
    assertThatThrownBy(() -> keys.unwrap(wrapped, KeyOwner.freelancer("f-2")))
        .as("copied onto another owner's row, it opens nothing")
        .isInstanceOf(Envelope.SealBroken.class);
  }

  @Test
  void rotationKeepsOldKeysOpenUntilTheyAreRetiredOldestFirst() {
    VaultTransitMasterKeys keys = keys(vault.token);
    byte[] dataKey = Envelope.newKey().getEncoded();
    MasterKeys.WrappedDataKey first = keys.wrap(dataKey, owner);
    keys.rotate();
    String third = keys.rotate();

    assertThat(third).isEqualTo("vault:proxima-master:v3");
    assertThat(keys.ids())
        .containsExactly("vault:proxima-master:v1", "vault:proxima-master:v2", third);
    assertThat(keys.unwrap(first, owner)).isEqualTo(dataKey);
    assertThat(keys.wrap(dataKey, owner).masterKeyId()).isEqualTo(third);

    assertThatThrownBy(() -> keys.retire(third)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> keys.retire("vault:proxima-master:v2"))
        .as("Vault raises a minimum version: v1 goes first")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("oldest first");
    keys.retire(first.masterKeyId());
    assertThat(keys.ids()).containsExactly("vault:proxima-master:v2", third);
    assertThatThrownBy(() -> keys.unwrap(first, owner))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("retired");
  }

  @Test
  void aRetiredVersionIsRefusedByTheServiceItselfInOneCall() {
    VaultTransitMasterKeys keys = keys(vault.token);
    byte[] dataKey = Envelope.newKey().getEncoded();
    MasterKeys.WrappedDataKey first = keys.wrap(dataKey, owner);
    keys.rotate();
    MasterKeys.WrappedDataKey second = keys.wrap(dataKey, owner);

    int before = vault.calls.get();
    assertThat(keys.unwrap(second, owner)).isEqualTo(dataKey);
    assertThat(vault.calls.get() - before)
        .as("an unwrap is one decrypt, with no look-up of the key's details")
        .isEqualTo(1);

    keys.retire(first.masterKeyId());
    before = vault.calls.get();
    assertThatThrownBy(() -> keys.unwrap(first, owner))
        .as("the service's 400 'too old' is the retired key, not a broken seal")
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(Envelope.SealBroken.class)
        .hasMessage("master key vault:proxima-master:v1 is retired in the key service");
    assertThat(vault.calls.get() - before).as("a refusal is not retried").isEqualTo(1);
    assertThat(keys.unwrap(second, owner)).isEqualTo(dataKey);
  }

  @Test
  void aSealedServiceIsWaitedForAndARefusalIsReportedAtOnce() {
    VaultTransitMasterKeys keys = keys(vault.token);
    vault.sealedFor.set(2);
    assertThat(keys.currentId())
        .as("two 503s, then an answer")
        .isEqualTo("vault:proxima-master:v1");

    vault.sealedFor.set(10);
    assertThatThrownBy(keys::currentId)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("did not answer")
        .hasRootCauseMessage("the key service answered 503: [\"Vault is sealed\"]");
    vault.sealedFor.set(0);

    int before = vault.calls.get();
    assertThatThrownBy(() -> keys("s.expired").currentId())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("403")
        .hasMessageContaining("permission denied");
    assertThat(vault.calls.get() - before).as("a refusal is not retried").isEqualTo(1);
    assertThatThrownBy(
            () -> keys.unwrap(new MasterKeys.WrappedDataKey("file-key", new byte[3]), owner))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
