package io.proxima.realtime.infrastructure;

import io.proxima.privacy.domain.AccountErased;
import io.proxima.realtime.cluster.RealtimeNode;
import io.proxima.realtime.freelancer.Freelancer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Tells the freelancer's entity, wherever it runs, that their account was erased. Its state is
 * written through to PostgreSQL (no Pekko journal or snapshots exist to delete): once the erasure
 * has committed, stopping the entity is what leaves nothing of the person in memory.
 */
@ApplicationScoped
public class ErasureRelay {

  private final RealtimeNode node;

  protected ErasureRelay() {
    this(null);
  }

  @Inject
  public ErasureRelay(RealtimeNode node) {
    this.node = node;
  }

  void onErased(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountErased erased) {
    ClusterSharding.get(node.system())
        .entityRefFor(Freelancer.TYPE_KEY, erased.subject())
        .tell(new Freelancer.Erased());
  }
}
