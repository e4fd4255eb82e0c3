package io.proxima.realtime.infrastructure;

import io.proxima.matching.application.LiveAvailabilities;
import io.proxima.realtime.application.FreelancerGateway;
import io.proxima.realtime.freelancer.Freelancer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Asks each freelancer's entity for its snapshot, all at once, and waits for them together: a page
 * of matches costs one round trip to the cluster, not one per candidate.
 */
@ApplicationScoped
public class ActorLiveAvailabilities implements LiveAvailabilities {

  private static final Logger LOG = Logger.getLogger(ActorLiveAvailabilities.class.getName());
  static final Duration DEADLINE = Duration.ofSeconds(2);

  private final FreelancerGateway gateway;

  protected ActorLiveAvailabilities() {
    this(null);
  }

  @Inject
  public ActorLiveAvailabilities(FreelancerGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public Map<String, LiveState> of(Collection<String> freelancerIds) {
    Map<String, CompletableFuture<Freelancer.Snapshot>> asks = new LinkedHashMap<>();
    for (String id : freelancerIds) {
      asks.put(
          id,
          gateway
              .entity(id)
              .<Freelancer.Snapshot>ask(Freelancer.GetSnapshot::new, DEADLINE)
              .toCompletableFuture());
    }
    try {
      CompletableFuture.allOf(asks.values().toArray(CompletableFuture[]::new))
          .get(DEADLINE.toMillis() + 200, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.fine(() -> "some freelancers did not answer in time: " + e);
    }
    Map<String, LiveState> states = new HashMap<>();
    asks.forEach(
        (id, ask) -> {
          if (ask.isDone() && !ask.isCompletedExceptionally()) {
            Freelancer.Snapshot snapshot = ask.join();
            states.put(
                id, new LiveState(snapshot.availability(), snapshot.online(), snapshot.lastSeen()));
          }
        });
    return states;
  }
}
