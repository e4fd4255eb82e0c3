package io.proxima.realtime.infrastructure;

import io.proxima.realtime.cluster.RealtimeNode;
import io.proxima.realtime.freelancer.Freelancer;
import io.proxima.scouts.domain.ScoutSent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Hands a committed scout's message to the freelancer's entity, wherever it runs, which pushes it
 * to the freelancer's open sessions and the tenant's. If this tell is lost (a node going down), the
 * message is still in the conversation and arrives with the next history read.
 */
@ApplicationScoped
public class ScoutRelay {

  private final RealtimeNode node;

  protected ScoutRelay() {
    this(null);
  }

  @Inject
  public ScoutRelay(RealtimeNode node) {
    this.node = node;
  }

  void onScoutSent(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScoutSent sent) {
    ClusterSharding.get(node.system())
        .entityRefFor(Freelancer.TYPE_KEY, sent.scout().freelancerSubject())
        .tell(new Freelancer.Deliver(sent.message()));
  }
}
