package io.proxima.realtime.live;

import io.proxima.realtime.CborSerializable;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * This node's handle on the per-tenant topics: one Pekko distributed pub-sub topic per tenant,
 * started on first use. Entities publish through it; this node's boards and chats subscribe through
 * it. Topics on other nodes find each other through the receptionist, so a publish here reaches
 * every node with a subscriber and no node without one.
 */
public final class TenantTopics {

  public sealed interface Command extends CborSerializable {}

  public record Publish(UUID tenantId, LiveEvent event) implements Command {}

  public record Subscribe(UUID tenantId, ActorRef<LiveEvent> subscriber) implements Command {}

  public record Unsubscribe(UUID tenantId, ActorRef<LiveEvent> subscriber) implements Command {}

  public static Behavior<Command> create() {
    return Behaviors.setup(context -> running(context, new HashMap<>()));
  }

  private TenantTopics() {}

  private static Behavior<Command> running(
      ActorContext<Command> context, Map<UUID, ActorRef<Topic.Command<LiveEvent>>> topics) {
    return Behaviors.receive(Command.class)
        .onMessage(
            Publish.class,
            publish -> {
              topic(context, topics, publish.tenantId()).tell(Topic.publish(publish.event()));
              return Behaviors.same();
            })
        .onMessage(
            Subscribe.class,
            subscribe -> {
              topic(context, topics, subscribe.tenantId())
                  .tell(Topic.subscribe(subscribe.subscriber()));
              return Behaviors.same();
            })
        .onMessage(
            Unsubscribe.class,
            unsubscribe -> {
              topic(context, topics, unsubscribe.tenantId())
                  .tell(Topic.unsubscribe(unsubscribe.subscriber()));
              return Behaviors.same();
            })
        .build();
  }

  /**
   * The topic key of one person's own events (their notifications), whatever tenants they are in: a
   * name-based id, so every node derives the same topic from the subject.
   */
  public static UUID personKey(String subject) {
    return UUID.nameUUIDFromBytes(
        ("person:" + subject).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static String topicName(UUID tenantId) {
    return "tenant-" + tenantId;
  }

  private static ActorRef<Topic.Command<LiveEvent>> topic(
      ActorContext<Command> context,
      Map<UUID, ActorRef<Topic.Command<LiveEvent>>> topics,
      UUID tenantId) {
    return topics.computeIfAbsent(
        tenantId, id -> context.spawn(Topic.create(LiveEvent.class, topicName(id)), topicName(id)));
  }
}
