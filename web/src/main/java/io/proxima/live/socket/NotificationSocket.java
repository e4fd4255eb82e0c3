package io.proxima.live.socket;

import io.proxima.platform.error.DomainException;
import io.proxima.realtime.live.LiveEvent;
import io.proxima.realtime.live.TenantTopics;
import io.proxima.tenancy.application.TenantEdge;
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
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bell: {@code /ws/notifications}, one per open portal page, for anyone signed in. It carries
 * only the caller's own notifications ({@code notification} frames: which one, of which kind, in
 * which tenant); the page reads the count and the list over REST in its own scope, so a staff
 * member's tenant portal counts that tenant's only. An open socket also means "here": messages to
 * someone here are not mailed (see {@link LiveNotificationPresence}). Opened in a tenant's scope
 * ({@code ?tenant=} or its host name) only by that tenant's staff or a freelancer sharing with it;
 * anyone else is closed with 1008, as every live socket closes a stranger to its tenant.
 */
@ServerEndpoint(value = "/ws/notifications", configurator = LiveHandshake.class)
public class NotificationSocket {

  private static final Logger LOG = Logger.getLogger(NotificationSocket.class.getName());

  @Inject TenantEdge edge;
  @Inject LiveStreams streams;
  @Inject LiveNotificationPresence presence;

  @Inject LiveOpenings openings;

  // Set on the container thread, read on the ones that deliver frames and the close.
  private volatile LiveOpenings.LiveOpening<Bell> opening = new LiveOpenings.LiveOpening<>();

  /** What a notification frame says; the text is read over REST in the page's language. */
  public record Notice(UUID id, String kind, UUID tenantId) {}

  public record Hello(String stream) {}

  private final class Bell implements LiveStreams.Registration, Consumer<LiveEvent> {
    final LiveStream stream;
    final UUID topic;
    final FrameBudget budget = new FrameBudget(5, 10);

    Bell(String subject) {
      this.stream = new LiveStream(subject);
      this.topic = TenantTopics.personKey(subject);
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
    public void end() {
      streams.unlisten(topic, this);
      presence.left(stream.subject);
      stream.end();
    }

    @Override
    public void accept(LiveEvent event) {
      // The topic is the person's own; the check keeps a mixed-up key from leaking anything.
      if (event instanceof LiveEvent.Notified notified
          && notified.recipient().equals(stream.subject)) {
        stream.offer(
            "notification",
            null,
            LiveFrames.frame(
                "notification",
                new Notice(notified.notificationId(), notified.type(), notified.tenantId())));
      }
    }
  }

  /** Returns at once: the bell opens on {@link LiveOpenings}' threads, never on this one. */
  @OnOpen
  public void open(Session session) {
    LiveFrames.tune(session);
    opening = openings.open(session, "notification", () -> openBell(session));
  }

  private Bell openBell(Session session) {
    String subject =
        LiveCaller.subjectOf(session)
            .orElseThrow(() -> new DomainException.Refused("a bearer token is required"));
    LiveCaller.ownScope(session, subject, edge, "There are no such notifications.");
    var resumed = streams.resumable(LiveCaller.parameter(session, "resume"), subject);
    if (resumed.isPresent() && resumed.get() instanceof Bell previous) {
      if (previous.stream.attach(session, LiveCaller.lastSeq(session))) {
        return previous;
      }
      streams.end(previous);
    }
    Bell fresh = new Bell(subject);
    streams.register(fresh);
    presence.arrived(subject);
    streams.listen(fresh.topic, fresh);
    fresh.stream.attach(session, 0);
    fresh.stream.offer("hello", null, LiveFrames.frame("hello", new Hello(fresh.stream.id)));
    return fresh;
  }

  @OnMessage(maxMessageSize = LiveFrames.MAX_CLIENT_FRAME)
  public void message(Session session, String text) {
    Bell bell = opening.await();
    if (bell == null || !bell.budget.admit(bell.stream, session)) {
      return;
    }
    try {
      LiveFrames.ClientFrame frame = LiveFrames.parse(LiveProtocol.NOTIFICATIONS, text);
      if (!"ping".equals(frame.type())) {
        throw new DomainException.InvalidValue("unknown frame type");
      }
      bell.stream.offer("pong", null, LiveFrames.frame("pong", Map.of()));
    } catch (DomainException e) {
      bell.stream.offer("error", null, LiveFrames.problem(null, e));
    } catch (RuntimeException e) {
      bell.stream.offer(
          "error", null, LiveFrames.problem(null, LiveFrames.failed("notification frame", e)));
    }
  }

  @OnMessage
  public void pong(PongMessage pong) {
    Bell bell = opening.now();
    if (bell != null) {
      bell.stream.heard();
    }
  }

  @OnClose
  public void close(Session session, CloseReason reason) {
    Bell bell = opening.now();
    if (bell != null) {
      bell.stream.detach(session);
    }
  }

  @OnError
  public void error(Session session, Throwable failure) {
    LOG.log(Level.FINE, "notification socket failed", failure);
  }
}
