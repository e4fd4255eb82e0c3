package io.proxima.integrations.domain;

import java.util.UUID;

/**
 * Seals and opens endpoints' signing secrets with their tenant's data key: a dump of the database
 * (or a backup) must not let anyone sign requests a tenant's systems would trust.
 */
public interface WebhookSecrets {

  byte[] seal(UUID tenantId, String purpose, String secret);

  String open(UUID tenantId, String purpose, byte[] sealed);
}
