package io.proxima.platform.privacy;

import java.util.Objects;
import java.util.UUID;

/**
 * Whose data key seals a piece of personal data: a freelancer's own (their skill sheets, contact
 * details) or a tenant's (its bank details). Destroying the owner's key is how their data is erased
 * everywhere it was copied.
 */
public record KeyOwner(String value) {

  public KeyOwner {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 300) {
      throw new IllegalArgumentException("a key owner is a short, non-blank name");
    }
  }

  public static KeyOwner freelancer(String subject) {
    return new KeyOwner("freelancer:" + Objects.requireNonNull(subject, "subject"));
  }

  public static KeyOwner tenant(UUID tenantId) {
    return new KeyOwner("tenant:" + Objects.requireNonNull(tenantId, "tenantId"));
  }

  @Override
  public String toString() {
    return value;
  }
}
