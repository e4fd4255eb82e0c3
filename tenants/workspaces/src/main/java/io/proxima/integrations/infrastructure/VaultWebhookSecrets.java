package io.proxima.integrations.infrastructure;

import io.proxima.integrations.domain.WebhookSecrets;
import io.proxima.platform.privacy.KeyOwner;
import io.proxima.platform.privacy.PersonalDataVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Webhook secrets in the personal-data vault, under the tenant's own data key. */
@ApplicationScoped
public class VaultWebhookSecrets implements WebhookSecrets {

  private final PersonalDataVault vault;

  protected VaultWebhookSecrets() {
    this(null);
  }

  @Inject
  public VaultWebhookSecrets(PersonalDataVault vault) {
    this.vault = vault;
  }

  @Override
  public byte[] seal(UUID tenantId, String purpose, String secret) {
    return vault.sealText(KeyOwner.tenant(tenantId), purpose, secret);
  }

  @Override
  public String open(UUID tenantId, String purpose, byte[] sealed) {
    return vault.openText(KeyOwner.tenant(tenantId), purpose, sealed);
  }
}
