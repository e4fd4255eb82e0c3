package io.proxima.realtime.infrastructure;

import io.proxima.matching.application.LiveAvailabilities;
import io.proxima.realtime.cluster.RealtimeNode;
import io.proxima.realtime.live.PresenceBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Presence from this node's replica of the presence book, without asking any entity: a ranking used
 * to wake up to a hundred freelancer entities (each loading itself from PostgreSQL) only to learn
 * who is online. Availability is left to the stored one, which every acknowledged change reached
 * before it was acknowledged. A freelancer not in the book has no running entity, so is offline.
 */
@ApplicationScoped
public class PresenceBookAvailabilities implements LiveAvailabilities {

  private final RealtimeNode node;

  protected PresenceBookAvailabilities() {
    this(null);
  }

  @Inject
  public PresenceBookAvailabilities(RealtimeNode node) {
    this.node = node;
  }

  @Override
  public Map<String, LiveState> of(Collection<String> freelancerIds) {
    if (!node.running()) {
      return Map.of();
    }
    Map<String, PresenceBook.Mark> marks = node.presence().of(freelancerIds);
    Map<String, LiveState> states = new HashMap<>();
    for (String id : freelancerIds) {
      PresenceBook.Mark mark = marks.get(id);
      states.put(
          id,
          mark == null
              ? new LiveState(null, false, null)
              : new LiveState(null, mark.online(), mark.lastSeen()));
    }
    return states;
  }
}
