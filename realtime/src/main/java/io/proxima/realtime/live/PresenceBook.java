package io.proxima.realtime.live;

import io.proxima.realtime.CborSerializable;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.LWWMapKey;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;

/**
 * Who is online, readable on every node without waking anyone: a freelancer entity records its
 * presence here when it comes online or goes offline and erases it when it stops; Pekko Distributed
 * Data replicates the book to every node, and this node's actor keeps a plain-Java {@link View} of
 * its replica. Matching reads the view, so ranking a hundred candidates wakes no entity and opens
 * no database transaction. Only freelancers with a running entity are in the book (an entity stops
 * after a while without connections), so it stays as small as the live part of the cluster. Split
 * over {@value #KEYS} keys: a change replicates one small map, not the whole book.
 */
public final class PresenceBook {

  static final int KEYS = 32;

  private static final String KEY_PREFIX = "presence-";

  /** A freelancer's presence as their entity last recorded it. */
  public record Mark(boolean online, int devices, Instant lastSeen) implements CborSerializable {}

  public sealed interface Command extends CborSerializable {}

  public record Record(String freelancerId, Mark mark) implements Command {}

  public record Erase(String freelancerId) implements Command {}

  /** This node's replica of one key changed (from the replicator, never sent by anyone else). */
  record KeyChanged(int key, Map<String, Mark> entries) implements Command {}

  /** This node's copy of the book, kept by its actor, read by anyone without asking. */
  public static final class View {
    private final Map<Integer, Map<String, Mark>> byKey = new ConcurrentHashMap<>();

    /** The marks of those of {@code freelancerIds} who are in the book. */
    public Map<String, Mark> of(Collection<String> freelancerIds) {
      Map<String, Mark> found = new HashMap<>();
      for (String id : freelancerIds) {
        Mark mark = byKey.getOrDefault(keyOf(id), Map.of()).get(id);
        if (mark != null) {
          found.put(id, mark);
        }
      }
      return found;
    }
  }

  public static Behavior<Command> create(View view) {
    return Behaviors.setup(
        context -> {
          ActorRef<Replicator.Command> replicator =
              DistributedData.get(context.getSystem()).replicator();
          // One adapter for every key: an actor has one message adapter per message class.
          @SuppressWarnings({"unchecked", "rawtypes"})
          ActorRef<Replicator.SubscribeResponse<LWWMap<String, Mark>>> changes =
              context.messageAdapter(
                  (Class) Replicator.SubscribeResponse.class,
                  response ->
                      changed((Replicator.SubscribeResponse<LWWMap<String, Mark>>) response));
          for (int key = 0; key < KEYS; key++) {
            replicator.tell(new Replicator.Subscribe<>(key(key), changes));
          }
          SelfUniqueAddress self = DistributedData.get(context.getSystem()).selfUniqueAddress();
          ActorRef<Replicator.UpdateResponse<LWWMap<String, Mark>>> ignore =
              context.getSystem().ignoreRef();
          return Behaviors.receive(Command.class)
              .onMessage(
                  Record.class,
                  record -> {
                    replicator.tell(
                        new Replicator.Update<>(
                            key(keyOf(record.freelancerId())),
                            LWWMap.create(),
                            Replicator.writeLocal(),
                            ignore,
                            book -> book.put(self, record.freelancerId(), record.mark())));
                    return Behaviors.same();
                  })
              .onMessage(
                  Erase.class,
                  erase -> {
                    replicator.tell(
                        new Replicator.Update<>(
                            key(keyOf(erase.freelancerId())),
                            LWWMap.create(),
                            Replicator.writeLocal(),
                            ignore,
                            book -> book.remove(self, erase.freelancerId())));
                    return Behaviors.same();
                  })
              .onMessage(
                  KeyChanged.class,
                  changed -> {
                    view.byKey.put(changed.key(), changed.entries());
                    return Behaviors.same();
                  })
              .build();
        });
  }

  private PresenceBook() {}

  private static Command changed(Replicator.SubscribeResponse<LWWMap<String, Mark>> response) {
    int index = Integer.parseInt(response.key().id().substring(KEY_PREFIX.length()));
    return response instanceof Replicator.Changed<LWWMap<String, Mark>> changed
        ? new KeyChanged(index, Map.copyOf(changed.dataValue().getEntries()))
        : new KeyChanged(index, Map.of());
  }

  static int keyOf(String freelancerId) {
    return Math.floorMod(freelancerId.hashCode(), KEYS);
  }

  private static Key<LWWMap<String, Mark>> key(int index) {
    return LWWMapKey.create(KEY_PREFIX + index);
  }
}
