package io.proxima.live.socket;

import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.Side;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.platform.text.PlainText;
import io.proxima.realtime.application.FreelancerGateway;
import io.proxima.realtime.application.LiveDesk;
import io.proxima.realtime.cluster.RealtimeNode;
import io.proxima.realtime.freelancer.Freelancer;
import io.proxima.realtime.live.LiveEvent;
import io.proxima.tenancy.application.TenantEdge;
import io.proxima.tenancy.domain.Tenant;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Live messaging: {@code /ws/chat?tenant=<slug>} for a tenant's staff (every conversation of the
 * tenant), {@code /ws/chat} for a freelancer (their conversations with every tenant they share
 * with; the connection also makes them "online"). Sending answers with an {@code ack} carrying the
 * stored message once it is durable, or an {@code error} problem; a message is never dropped
 * silently, and anything a client missed is in the REST history.
 */
@ServerEndpoint(value = "/ws/chat", configurator = LiveHandshake.class)
public class ChatSocket {

  /** Messages one connection may have in flight before it must wait for acknowledgements. */
  static final int UNACKNOWLEDGED_LIMIT = 64;

  /** Freelancers a staff socket remembers as sharing; a hostile client cannot grow it further. */
  static final int KNOWN_SHARING_LIMIT = 1_000;

  private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());

  @Inject TenantEdge edge;
  @Inject LiveDesk desk;
  @Inject FreelancerGateway gateway;
  @Inject RealtimeNode node;
  @Inject LiveStreams streams;
  @Inject LiveNotificationPresence presence;

  @Inject LiveOpenings openings;

  // Set on the container thread, read on the ones that deliver frames and the close.
  private volatile LiveOpenings.LiveOpening<Chat> opening = new LiveOpenings.LiveOpening<>();

  /** A chat stream, either a tenant's staff member or a freelancer. */
  private abstract class Chat implements LiveStreams.Registration, Consumer<LiveEvent> {
    final LiveStream stream;
    final String subject;
    final String name;
    final FrameBudget budget = new FrameBudget(20, 40);
    // Messages sent but not yet acknowledged: bounded, so a client cannot pile up asks.
    final Semaphore unacknowledged = new Semaphore(UNACKNOWLEDGED_LIMIT);
    // Whoever has a chat open reads its messages as they come: while the stream lasts they are not
    // away, and get no summary mail of them (the bell's socket counts the same way).
    private final AtomicBoolean present = new AtomicBoolean();

    Chat(String subject, String name) {
      this.subject = subject;
      this.name = name;
      this.stream = new LiveStream(subject);
    }

    void arrive() {
      if (present.compareAndSet(false, true)) {
        presence.arrived(subject);
      }
    }

    /** Once per stream, and only after {@link #arrive}: another socket of theirs still counts. */
    void leave() {
      if (present.compareAndSet(true, false)) {
        presence.left(subject);
      }
    }

    @Override
    public LiveStream stream() {
      return stream;
    }

    @Override
    public void heartbeat() {
      stream.ping(LiveStreams.HEARTBEAT.multipliedBy(3).toNanos());
    }

    @Override
    public void accept(LiveEvent event) {
      String id = event.freelancerId();
      if (event instanceof LiveEvent.MessagePosted posted) {
        stream.offer("message", null, LiveFrames.frame("message", posted.message()));
      } else if (event instanceof LiveEvent.ReceiptAdvanced receipt) {
        stream.offer("receipt", key("receipt", receipt.conversation()), frame("receipt", receipt));
      } else if (event instanceof LiveEvent.Typing typing) {
        stream.offer("typing", "typing:" + id + ":" + typing.tenantId(), frame("typing", typing));
      } else if (event instanceof LiveEvent.FreelancerLeft left) {
        stream.offer("left", null, frame("left", left));
      } else if (event instanceof LiveEvent.TenantSuspended) {
        // Only staff chats listen to a tenant's topic; a freelancer's own chat carries on.
        stream.revoke(LiveFrames.TENANT_SUSPENDED);
      } else {
        onOther(event);
      }
    }

    void onOther(LiveEvent event) {}

    abstract <T> T as(Supplier<T> work);

    /** Stored and acknowledged later; the socket reads on meanwhile. */
    abstract CompletionStage<ChatMessage> send(String with, String clientMessageId, String body);

    abstract Conversation acknowledge(String with, boolean read, long upToSeq);

    abstract void typing(String with, boolean typing);
  }

  private final class StaffChat extends Chat {
    final LiveCaller caller;

    StaffChat(LiveCaller caller) {
      super(caller.subject(), caller.name());
      this.caller = caller;
    }

    @Override
    public void end() {
      streams.unlisten(caller.tenant().id(), this);
      leave();
      stream.end();
    }

    @Override
    <T> T as(Supplier<T> work) {
      return TenancyContext.callIn(caller.context(), work);
    }

    private int heartbeats;

    @Override
    public void heartbeat() {
      if (++heartbeats % LiveStreams.RECHECK_EVERY == 0 && !caller.stillAllowed(edge)) {
        stream.revoke(
            caller.suspended(edge) ? LiveFrames.TENANT_SUSPENDED : "There is no such chat.");
        return;
      }
      super.heartbeat();
    }

    // Freelancers this socket found sharing with the tenant. Membership was checked when the
    // socket opened (and is re-checked on heartbeats); consent is read once per freelancer here,
    // and checked by the entity on every message, so a consent revoked since still refuses.
    final Set<String> sharing = ConcurrentHashMap.newKeySet();

    // The first message to a freelancer reads their consent before their entity is asked: an id
    // that does not share with the tenant, or names nobody, is refused without waking (and
    // loading from PostgreSQL) an entity for it. Later messages leave one database write, no reads.
    @Override
    CompletionStage<ChatMessage> send(String freelancerId, String clientMessageId, String body) {
      if (sharing.contains(freelancerId)) {
        return gateway.sendLater(
            new ChatMessage.Draft(
                caller.tenant().id(), freelancerId, subject, Side.TENANT, clientMessageId, body));
      }
      CompletionStage<ChatMessage> stored = desk.sendAsTenant(freelancerId, clientMessageId, body);
      if (sharing.size() < KNOWN_SHARING_LIMIT) {
        sharing.add(freelancerId);
      }
      return stored.whenComplete(
          (message, failure) -> {
            if (failure != null
                && FreelancerGateway.refusal(FreelancerGateway.unwrapped(failure))
                    instanceof DomainException.NotFound) {
              sharing.remove(freelancerId);
            }
          });
    }

    // Receipts and typing check consent here as REST does (and the entity again): a tenant the
    // freelancer stopped sharing with must not move their receipts or signal them.
    @Override
    Conversation acknowledge(String freelancerId, boolean read, long upToSeq) {
      return FreelancerGateway.await(desk.acknowledgeAsTenant(freelancerId, read, upToSeq));
    }

    @Override
    void typing(String freelancerId, boolean typing) {
      desk.typingAsTenant(freelancerId, name, typing);
    }
  }

  private final class FreelancerChat extends Chat {
    final String device;
    ActorRef<LiveEvent> sink;

    FreelancerChat(String subject, String name, String device) {
      super(subject, name);
      this.device = device;
    }

    @Override
    void onOther(LiveEvent event) {
      if (event instanceof LiveEvent.PresenceChanged presence) {
        stream.offer("presence", "presence", frame("presence", presence));
      } else if (event instanceof LiveEvent.AvailabilityChanged availability) {
        stream.offer("availability", "availability", frame("availability", availability));
      }
    }

    @Override
    public void heartbeat() {
      super.heartbeat();
      // Keeps the entity awake, and teaches one restarted elsewhere that this device is here.
      gateway.entity(subject).tell(new Freelancer.Heartbeat(stream.id, device, sink));
    }

    @Override
    public void end() {
      gateway.entity(subject).tell(new Freelancer.Disconnect(stream.id));
      node.closeSink(sink);
      leave();
      stream.end();
    }

    @Override
    <T> T as(Supplier<T> work) {
      return TenancyContext.callIn(TenancyContext.self(subject), work);
    }

    @Override
    CompletionStage<ChatMessage> send(String tenantSlug, String clientMessageId, String body) {
      return gateway.sendLater(desk.draftAsFreelancer(tenantSlug, clientMessageId, body));
    }

    @Override
    Conversation acknowledge(String tenantSlug, boolean read, long upToSeq) {
      return FreelancerGateway.await(desk.acknowledgeAsFreelancer(tenantSlug, read, upToSeq));
    }

    @Override
    void typing(String tenantSlug, boolean typing) {
      desk.typingAsFreelancer(tenantSlug, name, typing);
    }
  }

  public record Hello(String stream, String mode, Object state) {}

  /** Returns at once: the chat opens on {@link LiveOpenings}' threads, never on this one. */
  @OnOpen
  public void open(Session session) {
    LiveFrames.tune(session);
    opening = openings.open(session, "chat", () -> openChat(session));
  }

  private Chat openChat(Session session) {
    String subject =
        LiveCaller.subjectOf(session)
            .orElseThrow(() -> new DomainException.Refused("a bearer token is required"));
    String resume = LiveCaller.parameter(session, "resume");
    Optional<LiveStreams.Registration> resumed = streams.resumable(resume, subject);
    if (resumed.isPresent()
        && resumed.get() instanceof Chat previous
        && resumableHere(session, previous)) {
      if (previous.stream.attach(session, LiveCaller.lastSeq(session))) {
        return previous;
      }
      streams.end(previous);
    }
    Optional<Tenant> portal = freelancersPortal(session, subject);
    return portal.isEmpty() && LiveCaller.namesTenant(session, edge)
        ? openStaff(session, subject)
        : openFreelancer(session, subject, portal);
  }

  /**
   * Whether a stream may continue on this connection: the same tenant (or none), asked for from an
   * origin allowed to address it, as a fresh connection would have to be.
   */
  private boolean resumableHere(Session session, Chat previous) {
    try {
      if (previous instanceof StaffChat staff) {
        Optional<Tenant> tenant = LiveCaller.tenantOf(session, edge);
        LiveCaller.requireOrigin(session, tenant, "There is no such chat.");
        return tenant.map(t -> t.id().equals(staff.caller.tenant().id())).orElse(false);
      }
      Optional<Tenant> portal = freelancersPortal(session, previous.subject);
      LiveCaller.requireOrigin(session, portal, "There is no such chat.");
      return portal.isPresent() || !LiveCaller.namesTenant(session, edge);
    } catch (DomainException e) {
      return false;
    }
  }

  private Chat openStaff(Session session, String subject) {
    StaffChat staff =
        new StaffChat(LiveCaller.staff(session, subject, edge, "There is no such chat."));
    streams.register(staff);
    staff.arrive();
    streams.listen(staff.caller.tenant().id(), staff);
    staff.stream.attach(session, 0);
    staff.stream.offer(
        "hello",
        null,
        frame("hello", new Hello(staff.stream.id, "tenant", staff.caller.tenant().slug().value())));
    return staff;
  }

  /**
   * The tenant whose own host name serves the page of a freelancer who shares with it (and is not
   * its staff): their chat opened from that tenant's white-labelled portal. Empty otherwise.
   */
  private Optional<Tenant> freelancersPortal(Session session, String subject) {
    if (LiveCaller.parameter(session, "tenant") != null) {
      return Optional.empty();
    }
    return LiveCaller.tenantOf(session, edge)
        .filter(tenant -> LiveCaller.sharesWithoutStaffRole(subject, tenant, edge));
  }

  private Chat openFreelancer(Session session, String subject, Optional<Tenant> portal) {
    LiveCaller.requireOrigin(session, portal, "There is no such chat.");
    String device = Optional.ofNullable(LiveCaller.parameter(session, "device")).orElse("web");
    if (device.isBlank() || device.length() > 40) {
      throw new DomainException.InvalidValue("device names are 1 to 40 characters");
    }
    PlainText.require(device, "device");
    FreelancerChat mine = new FreelancerChat(subject, LiveCaller.nameOf(session), device);
    mine.sink = node.openSink("chat-" + mine.stream.id, mine);
    streams.register(mine);
    mine.arrive();
    try {
      mine.stream.attach(session, 0);
      Freelancer.Snapshot state = gateway.connect(subject, mine.stream.id, device, mine.sink);
      mine.stream.offer(
          "hello", null, frame("hello", new Hello(mine.stream.id, "freelancer", state)));
      return mine;
    } catch (RuntimeException e) {
      // Not open after all: nothing may keep the sink, the device or the stream.
      streams.end(mine);
      throw e;
    }
  }

  @OnMessage(maxMessageSize = LiveFrames.MAX_CLIENT_FRAME)
  public void message(Session session, String text) {
    Chat chat = opening.await();
    if (chat == null) {
      return;
    }
    if (!chat.budget.admit(chat.stream, session)) {
      return;
    }
    String clientMessageId = null;
    try {
      LiveFrames.ClientFrame frame = LiveFrames.parse(LiveProtocol.CHAT, text);
      String type = frame.type();
      if ("ping".equals(type)) {
        chat.stream.offer("pong", null, frame("pong", Map.of()));
        return;
      }
      String with = frame.text("with");
      switch (type) {
        case "send" -> {
          clientMessageId = frame.text("clientMessageId");
          String id = clientMessageId;
          String body = frame.text("body");
          if (!chat.unacknowledged.tryAcquire()) {
            throw new DomainException.RateLimited(
                UNACKNOWLEDGED_LIMIT + " messages await their acknowledgement; wait for them");
          }
          Chat sender = chat;
          CompletionStage<ChatMessage> stored;
          try {
            stored = chat.as(() -> chat.send(with, id, body));
          } catch (RuntimeException e) {
            sender.unacknowledged.release();
            throw e;
          }
          stored.whenComplete(
              (message, failure) -> {
                sender.unacknowledged.release();
                if (failure == null) {
                  sender.stream.offer(
                      "ack", null, LiveFrames.frameForOne("ack", new Ack(id, message)));
                } else {
                  sender.stream.offer("error", null, LiveFrames.problem(id, problemOf(failure)));
                }
              });
        }
        case "read", "delivered" -> {
          long upTo = frame.number("upToSeq");
          chat.as(() -> chat.acknowledge(with, "read".equals(type), upTo));
        }
        case "typing" -> {
          boolean typing = frame.bool("typing");
          chat.as(
              () -> {
                chat.typing(with, typing);
                return null;
              });
        }
        default -> throw new DomainException.InvalidValue("unknown frame type");
      }
    } catch (DomainException e) {
      chat.stream.offer("error", null, LiveFrames.problem(clientMessageId, e));
    } catch (jakarta.validation.ConstraintViolationException e) {
      chat.stream.offer(
          "error",
          null,
          LiveFrames.problem(clientMessageId, new DomainException.InvalidValue(e.getMessage())));
    } catch (RuntimeException e) {
      // Not the client's fault: said as a problem without details, and the socket lives on.
      chat.stream.offer(
          "error", null, LiveFrames.problem(clientMessageId, LiveFrames.failed("chat frame", e)));
    }
  }

  public record Ack(String clientMessageId, ChatMessage message) {}

  private static DomainException problemOf(Throwable failure) {
    return FreelancerGateway.refusal(
        failure instanceof CompletionException ? failure.getCause() : failure);
  }

  @OnMessage
  public void pong(PongMessage pong) {
    Chat chat = opening.now();
    if (chat != null) {
      chat.stream.heard();
    }
  }

  @OnClose
  public void close(Session session, CloseReason reason) {
    Chat chat = opening.now();
    if (chat != null) {
      chat.stream.detach(session);
    }
  }

  @OnError
  public void error(Session session, Throwable failure) {
    LOG.log(Level.FINE, "chat socket failed", failure);
  }

  private static String key(String kind, Conversation conversation) {
    return kind + ":" + conversation.freelancerSubject() + ":" + conversation.tenantId();
  }

  private static java.util.function.Function<Long, String> frame(String type, Object data) {
    return LiveFrames.frame(type, data);
  }
}
