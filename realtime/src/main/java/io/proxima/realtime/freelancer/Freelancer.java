package io.proxima.realtime.freelancer;

import io.proxima.availability.domain.Availability;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.Side;
import io.proxima.platform.error.DomainException;
import io.proxima.realtime.CborSerializable;
import io.proxima.realtime.live.LiveEvent;
import io.proxima.realtime.live.PresenceBook;
import io.proxima.realtime.live.TenantTopics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;

/**
 * One freelancer, live: availability, presence, conversations and the tenants they share with.
 * Sharded, so exactly one runs in the cluster per freelancer. Writes go through to PostgreSQL
 * ({@link FreelancerStore}) before anything is acknowledged or published; while a write is in
 * flight further commands wait in the stash, so the entity's order is the database's order. A
 * restart on another node reloads everything durable; presence is rebuilt by the connections'
 * heartbeats.
 *
 * <p>Each protocol area's handlers have their own file in this package ({@link
 * AvailabilityChanges}, {@link Presence}, {@link Chat}, {@link Sharing}). They are still one actor:
 * they change this state and go through this write cycle, which is why both are package-visible.
 * The areas do not log: Pekko names an actor's logger after the class that logs first, and the
 * category should stay this class wherever the first line comes from.
 */
public final class Freelancer {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "Freelancer");

  static final int STASH_CAPACITY = 1_000;

  static final Refusal OVERLOADED =
      Refusal.overloaded("the freelancer has too many requests waiting, retry shortly");

  private static final String UNLOADED = "could not load the freelancer, try again";

  public static void init(
      ActorSystem<?> system,
      FreelancerStore store,
      ActorRef<TenantTopics.Command> topics,
      ActorRef<PresenceBook.Command> presenceBook) {
    ClusterSharding.get(system)
        .init(
            Entity.of(
                TYPE_KEY,
                entity ->
                    create(entity.getEntityId(), store, topics, presenceBook, Clock.systemUTC())));
  }

  // ---- protocol ------------------------------------------------------------------------------

  public sealed interface Command extends CborSerializable {}

  /** The freelancer as a board, a chat or the freelancer's own app sees them right now. */
  public record Snapshot(
      String freelancerId,
      String displayName,
      Availability availability,
      boolean online,
      int devices,
      Instant lastSeen,
      Set<UUID> sharedWith,
      List<Conversation> conversations)
      implements CborSerializable {}

  public record GetSnapshot(ActorRef<Snapshot> replyTo) implements Command {}

  /** {@code expectedVersion} null means "whatever is current" (last writer wins). */
  public record ChangeAvailability(
      Availability.Change change, Long expectedVersion, ActorRef<StatusReply<Availability>> replyTo)
      implements Command {}

  /** One of the freelancer's devices opened a connection; the reply is the state to start from. */
  public record Connect(
      String connectionId,
      String device,
      ActorRef<LiveEvent> session,
      ActorRef<StatusReply<Snapshot>> replyTo)
      implements Command {}

  /**
   * Sent by every open connection periodically: keeps the entity from passivating, and teaches an
   * entity restarted elsewhere which connections are still open.
   */
  public record Heartbeat(String connectionId, String device, ActorRef<LiveEvent> session)
      implements Command {}

  public record Disconnect(String connectionId) implements Command {}

  public record SendMessage(ChatMessage.Draft draft, ActorRef<StatusReply<ChatMessage>> replyTo)
      implements Command {}

  /** {@code side} received ({@code read} false) or read the conversation up to {@code upToSeq}. */
  public record Acknowledge(
      UUID tenantId,
      Side side,
      boolean read,
      long upToSeq,
      ActorRef<StatusReply<Conversation>> replyTo)
      implements Command {}

  public record SetTyping(UUID tenantId, Side side, String who, boolean typing)
      implements Command {}

  /** The freelancer gave or revoked consent for a tenant. */
  public record SharingChanged(UUID tenantId, boolean shared) implements Command {}

  /**
   * The freelancer's account was erased (committed): every board drops them, their own sockets hear
   * it, and the entity stops, so nothing of them stays in memory. A later command starts a fresh
   * entity from the erased rows.
   */
  public record Erased() implements Command {}

  /**
   * A message already committed by someone else's transaction (a scout, stored with the allowance
   * it spent): the entity only brings its conversation up to date and pushes it live.
   */
  public record Deliver(ChatMessage message) implements Command {}

  // The entity's messages to itself (pipeToSelf, watchWith): nobody else sends them.

  record Loaded(FreelancerStore.Stored stored) implements Command {}

  record LoadFailed(String reason, boolean overloaded) implements Command {}

  record AvailabilityStored(
      Availability availability, Refusal failure, ActorRef<StatusReply<Availability>> replyTo)
      implements Command {}

  /** A batch of sends committed together: {@code messages} in the order of {@code replyTo}. */
  /**
   * The availability read back after a refused or lost write ({@code read} false when the read
   * failed too), and the refusal the caller still gets.
   */
  record AvailabilityReloaded(
      Availability availability,
      boolean read,
      Refusal failure,
      ActorRef<StatusReply<Availability>> replyTo)
      implements Command {}

  record MessagesStored(
      List<ChatMessage> messages, Refusal failure, List<ActorRef<StatusReply<ChatMessage>>> replyTo)
      implements Command {}

  record AcknowledgeStored(
      Conversation conversation, Refusal failure, ActorRef<StatusReply<Conversation>> replyTo)
      implements Command {}

  record SessionEnded(String connectionId) implements Command {}

  // ---- behaviour -----------------------------------------------------------------------------

  public static Behavior<Command> create(
      String freelancerId,
      FreelancerStore store,
      ActorRef<TenantTopics.Command> topics,
      ActorRef<PresenceBook.Command> presenceBook,
      Clock clock) {
    return Behaviors.withStash(
        STASH_CAPACITY,
        stash ->
            Behaviors.setup(
                context -> {
                  context.pipeToSelf(
                      store.load(freelancerId),
                      (stored, failure) ->
                          failure == null
                              ? new Loaded(stored)
                              : new LoadFailed(
                                  reason(failure).message(),
                                  reason(failure).reason() == Refusal.Reason.OVERLOADED));
                  return new Freelancer(
                          context, stash, freelancerId, store, topics, presenceBook, clock)
                      .loading();
                }));
  }

  final ActorContext<Command> context;
  final StashBuffer<Command> stash;
  // Sends that arrived during a write, before anything else waited; committed as the next batch.
  final List<SendMessage> waitingSends = new ArrayList<>();
  final String id;
  final FreelancerStore store;
  final ActorRef<TenantTopics.Command> topics;
  final ActorRef<PresenceBook.Command> presenceBook;
  private final Clock clock;

  String displayName;
  Availability availability;
  final Set<UUID> sharedWith = new HashSet<>();
  final Map<UUID, Conversation> conversations = new HashMap<>();
  final Map<String, Connection> connections = new HashMap<>();
  Instant lastSeen;

  record Connection(String device, ActorRef<LiveEvent> session) {}

  private final AvailabilityChanges availabilityChanges;
  private final Presence presence;
  private final Chat chat;
  private final Sharing sharing;

  private Freelancer(
      ActorContext<Command> context,
      StashBuffer<Command> stash,
      String freelancerId,
      FreelancerStore store,
      ActorRef<TenantTopics.Command> topics,
      ActorRef<PresenceBook.Command> presenceBook,
      Clock clock) {
    this.context = context;
    this.stash = stash;
    this.id = freelancerId;
    this.store = store;
    this.topics = topics;
    this.presenceBook = presenceBook;
    this.clock = clock;
    this.availabilityChanges = new AvailabilityChanges(this);
    this.presence = new Presence(this);
    this.chat = new Chat(this);
    this.sharing = new Sharing(this);
  }

  private Behavior<Command> loading() {
    return Behaviors.receive(Command.class)
        .onMessage(Loaded.class, this::onLoaded)
        .onMessage(
            LoadFailed.class,
            failed -> {
              // The waiting commands are answered, not dropped: their senders retry at once
              // instead of timing out, and the next message starts a fresh entity that tries the
              // database again.
              context.getLog().error("freelancer {} could not load: {}", id, failed);
              Refusal refusal = failed.overloaded() ? OVERLOADED : Refusal.unavailable(UNLOADED);
              stash.forEach(command -> refuse(command, refusal));
              return Behaviors.stopped();
            })
        .onAnyMessage(this::stashOrDrop)
        .build();
  }

  private Behavior<Command> onLoaded(Loaded loaded) {
    displayName = loaded.stored().displayName();
    availability = loaded.stored().availability();
    sharedWith.addAll(loaded.stored().sharedWith());
    loaded.stored().conversations().forEach(c -> conversations.put(c.tenantId(), c));
    // Where each freelancer lives is what operators (and the cluster test) look for after a crash.
    context.getLog().info("Freelancer {} live on {}", id, context.getSystem().address());
    return stash.unstashAll(ready());
  }

  private Behavior<Command> ready() {
    return Behaviors.receive(Command.class)
        .onMessage(GetSnapshot.class, this::onGetSnapshot)
        .onMessage(ChangeAvailability.class, availabilityChanges::onChangeAvailability)
        .onMessage(Connect.class, presence::onConnect)
        .onMessage(Heartbeat.class, presence::onHeartbeat)
        .onMessage(Disconnect.class, d -> presence.onConnectionGone(d.connectionId()))
        .onMessage(SessionEnded.class, e -> presence.onConnectionGone(e.connectionId()))
        .onMessage(SendMessage.class, chat::onSendMessage)
        .onMessage(Acknowledge.class, chat::onAcknowledge)
        .onMessage(SetTyping.class, chat::onSetTyping)
        .onMessage(SharingChanged.class, sharing::onSharingChanged)
        .onMessage(Deliver.class, chat::onDeliver)
        .onMessage(Erased.class, erased -> sharing.onErased())
        .onSignal(PostStop.class, presence::onStopped)
        .build();
  }

  /** A write is in flight: only its outcome is handled, everything else waits its turn. */
  Behavior<Command> writing() {
    return Behaviors.receive(Command.class)
        .onMessage(AvailabilityStored.class, availabilityChanges::onAvailabilityStored)
        .onMessage(AvailabilityReloaded.class, availabilityChanges::onAvailabilityReloaded)
        .onMessage(MessagesStored.class, chat::onMessagesStored)
        .onMessage(SendMessage.class, chat::onSendWhileWriting)
        .onMessage(AcknowledgeStored.class, chat::onAcknowledgeStored)
        .onAnyMessage(this::stashOrDrop)
        .onSignal(PostStop.class, presence::onStopped)
        .build();
  }

  /** A write is done: the messages that gathered meanwhile go next, then whatever waits. */
  Behavior<Command> afterWrite() {
    if (!waitingSends.isEmpty()) {
      List<SendMessage> next = List.copyOf(waitingSends);
      waitingSends.clear();
      return chat.appendAll(next);
    }
    return stash.unstashAll(ready());
  }

  Behavior<Command> stashOrDrop(Command command) {
    if (stash.isFull()) {
      // The caller hears it now; a command nobody waits for (a heartbeat, typing) is dropped.
      context.getLog().warn("freelancer {} is overloaded, refusing {}", id, command);
      refuse(command, OVERLOADED);
      return Behaviors.same();
    }
    stash.stash(command);
    return Behaviors.same();
  }

  /** Answers a command that waits for a reply with {@code refusal}; others have nobody to tell. */
  static void refuse(Command command, Refusal refusal) {
    // GetSnapshot replies with data only; its asker has a deadline of its own.
    if (command instanceof ChangeAvailability change) {
      change.replyTo().tell(StatusReply.error(refusal.asError()));
    } else if (command instanceof Connect connect) {
      connect.replyTo().tell(StatusReply.error(refusal.asError()));
    } else if (command instanceof SendMessage send) {
      send.replyTo().tell(StatusReply.error(refusal.asError()));
    } else if (command instanceof Acknowledge acknowledge) {
      acknowledge.replyTo().tell(StatusReply.error(refusal.asError()));
    }
  }

  private Behavior<Command> onGetSnapshot(GetSnapshot get) {
    get.replyTo().tell(snapshot());
    return Behaviors.same();
  }

  // ---- shared by the areas --------------------------------------------------------------------

  void publishToBoards(LiveEvent event) {
    sharedWith.forEach(tenant -> topics.tell(new TenantTopics.Publish(tenant, event)));
    pushToOwnConnections(event);
  }

  void publish(UUID tenantId, LiveEvent event) {
    topics.tell(new TenantTopics.Publish(tenantId, event));
    pushToOwnConnections(event);
  }

  void pushToOwnConnections(LiveEvent event) {
    connections.values().stream()
        .map(Connection::session)
        .distinct()
        .forEach(session -> session.tell(event));
  }

  int devices() {
    return (int) connections.values().stream().map(Connection::device).distinct().count();
  }

  Snapshot snapshot() {
    return new Snapshot(
        id,
        displayName,
        availability,
        !connections.isEmpty(),
        devices(),
        lastSeen,
        Set.copyOf(sharedWith),
        conversations.values().stream()
            .sorted(Comparator.comparing(Conversation::lastSeq).reversed())
            .toList());
  }

  Instant now() {
    return clock.instant();
  }

  static Refusal reason(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof DomainException.Conflict) {
      return Refusal.conflict(cause.getMessage());
    }
    if (cause instanceof DomainException && !(cause instanceof DomainException.Unavailable)) {
      return Refusal.invalid(cause.getMessage());
    }
    if (cause instanceof RejectedExecutionException) {
      return Refusal.overloaded("the store has too many writes waiting, retry shortly");
    }
    return Refusal.unavailable("could not store the change, try again");
  }
}
