package io.proxima.realtime.infrastructure;

import io.proxima.realtime.cluster.RealtimeNode;
import io.proxima.realtime.live.LiveEvent;
import io.proxima.realtime.live.TenantTopics;
import io.proxima.tenancy.domain.TenantSuspended;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tells every node holding the tenant's live sockets that it was suspended, once the suspension is
 * committed: the tenant's topic reaches each node with a board or chat of the tenant open.
 */
@ApplicationScoped
public class SuspensionRelay {

  private final RealtimeNode node;

  protected SuspensionRelay() {
    this(null);
  }

  @Inject
  public SuspensionRelay(RealtimeNode node) {
    this.node = node;
  }

  void onSuspended(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantSuspended suspended) {
    node.topics()
        .tell(
            new TenantTopics.Publish(
                suspended.tenantId(), new LiveEvent.TenantSuspended(suspended.tenantId())));
  }
}
