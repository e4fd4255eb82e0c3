package io.proxima.realtime.freelancer;

import io.proxima.realtime.freelancer.Freelancer.Command;
import io.proxima.realtime.freelancer.Freelancer.Connect;
import io.proxima.realtime.freelancer.Freelancer.Connection;
import io.proxima.realtime.freelancer.Freelancer.Heartbeat;
import io.proxima.realtime.freelancer.Freelancer.SessionEnded;
import io.proxima.realtime.live.LiveEvent;
import io.proxima.realtime.live.PresenceBook;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * Whether the freelancer is online, from their open connections. Never stored: an entity restarted
 * elsewhere learns its connections again from their heartbeats. Boards hear only the moments the
 * freelancer comes online or goes offline, not every connection.
 */
final class Presence {

  private final Freelancer freelancer;

  Presence(Freelancer freelancer) {
    this.freelancer = freelancer;
  }

  Behavior<Command> onConnect(Connect connect) {
    register(connect.connectionId(), connect.device(), connect.session());
    connect.replyTo().tell(StatusReply.success(freelancer.snapshot()));
    return Behaviors.same();
  }

  Behavior<Command> onHeartbeat(Heartbeat heartbeat) {
    if (!freelancer.connections.containsKey(heartbeat.connectionId())) {
      register(heartbeat.connectionId(), heartbeat.device(), heartbeat.session());
    }
    return Behaviors.same();
  }

  private void register(String connectionId, String device, ActorRef<LiveEvent> session) {
    boolean wasOnline = !freelancer.connections.isEmpty();
    freelancer.connections.put(connectionId, new Connection(device, session));
    freelancer.context.watchWith(session, new SessionEnded(connectionId));
    freelancer.lastSeen = freelancer.now();
    if (!wasOnline) {
      LiveEvent.PresenceChanged changed = changed();
      freelancer.publishToBoards(changed);
      record(changed);
    }
  }

  Behavior<Command> onConnectionGone(String connectionId) {
    Connection gone = freelancer.connections.remove(connectionId);
    if (gone == null) {
      return Behaviors.same();
    }
    if (freelancer.connections.values().stream()
        .noneMatch(c -> c.session().equals(gone.session()))) {
      freelancer.context.unwatch(gone.session());
    }
    freelancer.lastSeen = freelancer.now();
    if (freelancer.connections.isEmpty()) {
      LiveEvent.PresenceChanged changed = changed();
      freelancer.publishToBoards(changed);
      record(changed);
    }
    return Behaviors.same();
  }

  /** Out of the book with the entity: a restarted one records itself again on a heartbeat. */
  Behavior<Command> onStopped(PostStop stopped) {
    if (freelancer.lastSeen != null) {
      freelancer.presenceBook.tell(new PresenceBook.Erase(freelancer.id));
    }
    return Behaviors.same();
  }

  /** Readable on every node without asking this entity (matching reads it, for instance). */
  private void record(LiveEvent.PresenceChanged changed) {
    freelancer.presenceBook.tell(
        new PresenceBook.Record(
            freelancer.id,
            new PresenceBook.Mark(changed.online(), changed.devices(), changed.lastSeen())));
  }

  private LiveEvent.PresenceChanged changed() {
    return new LiveEvent.PresenceChanged(
        freelancer.id,
        !freelancer.connections.isEmpty(),
        freelancer.devices(),
        freelancer.lastSeen,
        freelancer.availability);
  }
}
