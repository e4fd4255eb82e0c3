package io.proxima.privacy.domain;

import java.time.Instant;
import java.util.List;

/**
 * Keycloak users queued for removal in a database transaction (a closed tenant's staff, queued by
 * its erasure, V75) and not removed yet: the durable half of a removal Keycloak may refuse while it
 * is down.
 */
public interface PendingIdentityRemovals {

  /** Subjects still to remove, oldest first. */
  List<String> awaiting(int limit);

  /** Keycloak no longer has the user. */
  void removed(String subject, Instant at);
}
