package io.proxima.realtime.infrastructure;

import io.proxima.notifications.domain.NotificationPosted;
import io.proxima.realtime.cluster.RealtimeNode;
import io.proxima.realtime.live.LiveEvent;
import io.proxima.realtime.live.TenantTopics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Rings the recipient's bell on every node holding one of their notification sockets, once the
 * notification is committed. If this tell is lost (a node going down), the notification is still in
 * the centre and shows at the next read of the count.
 */
@ApplicationScoped
public class NotificationRelay {

  private final RealtimeNode node;

  protected NotificationRelay() {
    this(null);
  }

  @Inject
  public NotificationRelay(RealtimeNode node) {
    this.node = node;
  }

  void onPosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationPosted posted) {
    node.topics()
        .tell(
            new TenantTopics.Publish(
                TenantTopics.personKey(posted.recipient()),
                new LiveEvent.Notified(
                    posted.recipient(),
                    posted.tenantId(),
                    posted.notificationId(),
                    posted.kind())));
  }
}
