package io.proxima.realtime.live;

import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * This node's bridge from actors to plain Java: each sink is an actor that hands every {@link
 * LiveEvent} it receives to a callback (a WebSocket stream, a tenant's local fan-out). Sinks are
 * children of one parent, so they can be stopped from outside the actor system, and an entity
 * watching a sink learns when its connection is gone.
 */
public final class LiveSinks {

  /** Local only (callbacks do not cross nodes), hence not {@code CborSerializable}. */
  public sealed interface Command {}

  public record Open(
      String name, Consumer<LiveEvent> callback, ActorRef<ActorRef<LiveEvent>> replyTo)
      implements Command {}

  public record Close(ActorRef<LiveEvent> sink) implements Command {}

  public static Behavior<Command> create() {
    return Behaviors.setup(
        context ->
            Behaviors.receive(Command.class)
                .onMessage(
                    Open.class,
                    open -> {
                      open.replyTo().tell(context.spawn(sink(open.callback()), open.name()));
                      return Behaviors.same();
                    })
                .onMessage(
                    Close.class,
                    close -> {
                      // Only our own children; a stale or foreign ref is ignored.
                      context.getChild(close.sink().path().name()).ifPresent(context::stop);
                      return Behaviors.same();
                    })
                .build());
  }

  private LiveSinks() {}

  static Behavior<LiveEvent> sink(Consumer<LiveEvent> callback) {
    return Behaviors.receive(LiveEvent.class)
        .onAnyMessage(
            event -> {
              callback.accept(event);
              return Behaviors.same();
            })
        .build();
  }
}
