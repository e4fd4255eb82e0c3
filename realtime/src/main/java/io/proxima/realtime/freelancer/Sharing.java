package io.proxima.realtime.freelancer;

import io.proxima.realtime.freelancer.Freelancer.Command;
import io.proxima.realtime.freelancer.Freelancer.SharingChanged;
import io.proxima.realtime.live.LiveEvent;
import io.proxima.realtime.live.TenantTopics;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Which tenants the freelancer shares with. The consent itself is stored by whoever recorded it;
 * the entity only follows, and from then on every board and chat event reaches the new set.
 */
final class Sharing {

  private final Freelancer freelancer;

  Sharing(Freelancer freelancer) {
    this.freelancer = freelancer;
  }

  Behavior<Command> onSharingChanged(SharingChanged change) {
    if (change.shared() && freelancer.sharedWith.add(change.tenantId())) {
      freelancer.publish(
          change.tenantId(),
          new LiveEvent.FreelancerJoined(
              freelancer.id, freelancer.displayName, freelancer.availability));
    } else if (!change.shared() && freelancer.sharedWith.remove(change.tenantId())) {
      // Published to the tenant that lost access only; it must drop the freelancer at once.
      freelancer.topics.tell(
          new TenantTopics.Publish(
              change.tenantId(), new LiveEvent.FreelancerLeft(freelancer.id, change.tenantId())));
      freelancer.pushToOwnConnections(
          new LiveEvent.FreelancerLeft(freelancer.id, change.tenantId()));
    }
    return Behaviors.same();
  }

  /** The account is gone: each tenant that had the freelancer on its boards loses them now. */
  Behavior<Command> onErased() {
    for (java.util.UUID tenant : java.util.List.copyOf(freelancer.sharedWith)) {
      freelancer.topics.tell(
          new TenantTopics.Publish(tenant, new LiveEvent.FreelancerLeft(freelancer.id, tenant)));
      freelancer.pushToOwnConnections(new LiveEvent.FreelancerLeft(freelancer.id, tenant));
    }
    freelancer.sharedWith.clear();
    freelancer.conversations.clear();
    freelancer.availability = null;
    freelancer.displayName = null;
    return Behaviors.stopped();
  }
}
