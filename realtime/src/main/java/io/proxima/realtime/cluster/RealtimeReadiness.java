package io.proxima.realtime.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when this node is an Up member of the Pekko cluster: before that its freelancer entities
 * cannot be reached, and a load balancer should send it no live traffic.
 */
@Readiness
@ApplicationScoped
public class RealtimeReadiness implements HealthCheck {

  private final RealtimeNode node;

  protected RealtimeReadiness() {
    this(null);
  }

  @Inject
  public RealtimeReadiness(RealtimeNode node) {
    this.node = node;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("realtime");
    if (!node.enabled()) {
      return response.up().withData("enabled", false).build();
    }
    if (!node.running()) {
      return response.down().withData("reason", "the actor system is not running").build();
    }
    Cluster cluster = Cluster.get(node.system());
    long up =
        java.util.stream.StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
            .filter(member -> member.status() == MemberStatus.up())
            .count();
    boolean selfUp = cluster.selfMember().status() == MemberStatus.up();
    return response
        .status(selfUp)
        .withData("address", cluster.selfMember().address().toString())
        .withData("membersUp", up)
        .withData("unreachable", cluster.state().getUnreachable().size())
        .build();
  }
}
