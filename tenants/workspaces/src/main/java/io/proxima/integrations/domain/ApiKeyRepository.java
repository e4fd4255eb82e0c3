package io.proxima.integrations.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's API keys; row-level security keeps every other tenant's out of reach. */
public interface ApiKeyRepository {

  void add(ApiKey key);

  Optional<ApiKey> find(UUID id);

  /** The key whose current or previous secret has this SHA-256, revoked or not. */
  Optional<ApiKey> findBySecretHash(String sha256);

  List<ApiKey> all();
}
