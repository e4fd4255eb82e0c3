package io.proxima.realtime.infrastructure;

import io.proxima.realtime.cluster.RealtimeNode;
import io.proxima.realtime.freelancer.Freelancer;
import io.proxima.tenancy.domain.ConsentChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** Tells the freelancer's entity about a committed consent change, wherever the entity runs. */
@ApplicationScoped
public class ConsentRelay {

  private final RealtimeNode node;

  protected ConsentRelay() {
    this(null);
  }

  @Inject
  public ConsentRelay(RealtimeNode node) {
    this.node = node;
  }

  void onConsentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConsentChanged change) {
    ClusterSharding.get(node.system())
        .entityRefFor(Freelancer.TYPE_KEY, change.freelancerSubject())
        .tell(new Freelancer.SharingChanged(change.tenantId(), change.shared()));
  }
}
