package io.proxima.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The vault against a real PostgreSQL: data keys stored only wrapped, and a rotation. */
class PersonalDataVaultIT {

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final PersonalDataVault vault = kit.vault();
  private final KeyOwner owner = KeyOwner.freelancer("vault-" + UUID.randomUUID());
  private final TenancyContext self = TenancyContext.self(owner.value());

  @Test
  void valuesSealedInOneTransactionOpenInAnotherAndTheDatabaseHoldsOnlyAWrappedKey()
      throws Exception {
    byte[] sealed = kit.in(self, () -> vault.sealText(owner, "contact:1", "090-1234-5678"));
    byte[] second = kit.in(self, () -> vault.sealText(owner, "contact:2", "hanako@example.jp"));

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("090");
    assertThat(kit.in(self, () -> vault.openText(owner, "contact:1", sealed)))
        .isEqualTo("090-1234-5678");
    assertThat(kit.in(self, () -> vault.openText(owner, "contact:2", second)))
        .isEqualTo("hanako@example.jp");
    assertThatThrownBy(() -> kit.in(self, () -> vault.openText(owner, "contact:2", sealed)))
        .isInstanceOf(Envelope.SealBroken.class);

    try (Connection owner = kit.ownerDataSource().getConnection();
        PreparedStatement select =
            owner.prepareStatement(
                "SELECT count(*), min(master_key_id), min(octet_length(wrapped))"
                    + " FROM data_key WHERE owner = ?")) {
      select.setString(1, this.owner.value());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        assertThat(row.getInt(1)).as("one data key per owner").isEqualTo(1);
        assertThat(row.getString(2)).isEqualTo(kit.masterKeys().currentId());
        assertThat(row.getInt(3))
            .as("version, nonce, 32 key bytes and the tag: wrapped, never the raw 32 bytes")
            .isEqualTo(1 + 12 + 32 + 16);
      }
    }
  }

  @Test
  void aMasterKeyRotationRewrapsEveryDataKeyWhileValuesKeepOpening() {
    byte[] sealed = kit.in(self, () -> vault.sealText(owner, "bank", "三井住友 普通 1234567"));
    String old = kit.masterKeys().currentId();

    String next = kit.masterKeys().rotate();
    assertThat(kit.in(self, () -> vault.openText(owner, "bank", sealed)))
        .as("between rotation and rewrap, the old master key still unwraps")
        .isEqualTo("三井住友 普通 1234567");
    int rewrapped = 0;
    for (int batch; (batch = kit.in(self, () -> vault.rewrap(2))) > 0; ) {
      rewrapped += batch;
    }
    assertThat(rewrapped).isPositive();
    assertThat(kit.in(self, () -> vault.wrappedPerMasterKey())).containsOnlyKeys(next);
    kit.masterKeys().retire(old);

    PersonalDataVault freshNode = kit.vault();
    assertThat(kit.in(self, () -> freshNode.openText(owner, "bank", sealed)))
        .as("a node that never cached the key opens with the new master key alone")
        .isEqualTo("三井住友 普通 1234567");
  }
}
