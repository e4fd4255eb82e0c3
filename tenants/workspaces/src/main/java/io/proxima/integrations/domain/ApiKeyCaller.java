package io.proxima.integrations.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * How a call made with an API key is written down wherever a person's Keycloak subject would be
 * (audit entries, "moved by", rate-limit buckets): {@code api-key:<id>}. Keycloak subjects are
 * UUIDs, so the two never meet.
 */
public final class ApiKeyCaller {

  public static final String SUBJECT_PREFIX = "api-key:";

  private ApiKeyCaller() {}

  public static String subject(UUID keyId) {
    return SUBJECT_PREFIX + keyId;
  }

  public static boolean isKey(String subject) {
    return subject != null && subject.startsWith(SUBJECT_PREFIX);
  }

  public static Optional<UUID> keyId(String subject) {
    if (!isKey(subject)) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(subject.substring(SUBJECT_PREFIX.length())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
