package io.proxima.live.socket;

import io.proxima.availability.domain.AvailabilityRepository.BoardEntry;
import io.proxima.live.api.BoardResource.BoardEntryView;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.realtime.application.LiveDesk;
import io.proxima.realtime.live.LiveEvent;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live availability board: {@code /ws/board?tenant=<slug>} with a bearer token on the upgrade
 * request. Sends a snapshot of every freelancer sharing with the tenant (matching the filter), then
 * deltas as they happen. Only the tenant's staff may open it; anyone else is told the board does
 * not exist (close 1008), exactly as the REST API answers 404.
 */
@ServerEndpoint(value = "/ws/board", configurator = LiveHandshake.class)
public class BoardSocket {

  private static final Logger LOG = Logger.getLogger(BoardSocket.class.getName());

  @Inject TenantEdge edge;
  @Inject LiveDesk desk;
  @Inject LiveStreams streams;

  @Inject LiveOpenings openings;

  // Set on the container thread, read on the ones that deliver frames and the close.
  private volatile LiveOpenings.LiveOpening<Board> opening = new LiveOpenings.LiveOpening<>();

  /** One board stream: its filter, what the client shows, and its tenant subscription. */
  private final class Board implements LiveStreams.Registration, Consumer<LiveEvent> {
    final LiveStream stream;
    final LiveCaller caller;
    final FrameBudget budget = new FrameBudget(10, 20);
    final Set<String> shown = ConcurrentHashMap.newKeySet();
    volatile BoardFilter filter = BoardFilter.EVERYTHING;

    Board(LiveCaller caller) {
      this.caller = caller;
      this.stream = new LiveStream(caller.subject());
    }

    @Override
    public LiveStream stream() {
      return stream;
    }

    private int heartbeats;

    @Override
    public void heartbeat() {
      if (++heartbeats % LiveStreams.RECHECK_EVERY == 0 && !caller.stillAllowed(edge)) {
        stream.revoke(
            caller.suspended(edge) ? LiveFrames.TENANT_SUSPENDED : "There is no such board.");
        return;
      }
      stream.ping(LiveStreams.HEARTBEAT.multipliedBy(3).toNanos());
    }

    @Override
    public void end() {
      streams.unlisten(caller.tenant().id(), this);
      stream.end();
    }

    /** The snapshot the client starts from, and after every filter change. */
    void snapshot() {
      List<BoardEntry> entries = TenancyContext.callIn(caller.context(), () -> desk.board());
      BoardFilter current = filter;
      List<BoardEntryView> visible =
          entries.stream()
              .filter(entry -> current.matches(entry.availability()))
              .map(BoardEntryView::of)
              .toList();
      shown.clear();
      visible.forEach(entry -> shown.add(entry.freelancerId()));
      stream.offer(
          "snapshot",
          null,
          LiveFrames.frame(
              "snapshot",
              new Snapshot(stream.id, caller.tenant().slug().value(), current, visible)));
    }

    @Override
    public void accept(LiveEvent event) {
      String id = event.freelancerId();
      if (event instanceof LiveEvent.TenantSuspended) {
        stream.revoke(LiveFrames.TENANT_SUSPENDED);
      } else if (event instanceof LiveEvent.AvailabilityChanged changed) {
        show(id, changed.availability(), "availability", changed);
      } else if (event instanceof LiveEvent.FreelancerJoined joined) {
        show(id, joined.availability(), "joined", joined);
      } else if (event instanceof LiveEvent.FreelancerLeft left) {
        shown.remove(id);
        stream.offer("left", null, LiveFrames.frame("left", left));
      } else if (event instanceof LiveEvent.PresenceChanged presence && shown.contains(id)) {
        stream.offer("presence", "presence:" + id, LiveFrames.frame("presence", presence));
      }
      // chat events belong to the chat socket
    }

    private void show(
        String id,
        io.proxima.availability.domain.Availability availability,
        String type,
        Object data) {
      if (filter.matches(availability)) {
        boolean fresh = shown.add(id);
        // Joins are never merged away: they carry the name a later change does not.
        String key = fresh || "joined".equals(type) ? null : "availability:" + id;
        stream.offer(type, key, LiveFrames.frame(type, data));
      } else if (shown.remove(id)) {
        stream.offer("hidden", null, LiveFrames.frame("hidden", Map.of("freelancerId", id)));
      }
    }
  }

  public record Snapshot(
      String stream, String tenant, BoardFilter filter, List<BoardEntryView> entries) {}

  /** Returns at once: the board opens on {@link LiveOpenings}' threads, never on this one. */
  @OnOpen
  public void open(Session session) {
    LiveFrames.tune(session);
    opening = openings.open(session, "board", () -> openBoard(session));
  }

  private Board openBoard(Session session) {
    String subject =
        LiveCaller.subjectOf(session)
            .orElseThrow(() -> new DomainException.Refused("a bearer token is required"));
    LiveCaller caller = LiveCaller.staff(session, subject, edge, "There is no such board.");
    String resume = LiveCaller.parameter(session, "resume");
    Optional<LiveStreams.Registration> resumed = streams.resumable(resume, caller.subject());
    if (resumed.isPresent() && resumed.get() instanceof Board previous) {
      long lastSeq = LiveCaller.lastSeq(session);
      if (previous.caller.tenant().id().equals(caller.tenant().id())
          && previous.stream.attach(session, lastSeq)) {
        return previous;
      }
      streams.end(previous);
    }
    Board board = new Board(caller);
    streams.register(board);
    try {
      // Subscribe before reading the snapshot: a change in between arrives after it, never lost.
      streams.listen(caller.tenant().id(), board);
      board.stream.attach(session, 0);
      board.snapshot();
      return board;
    } catch (RuntimeException e) {
      streams.end(board);
      throw e;
    }
  }

  @OnMessage(maxMessageSize = LiveFrames.MAX_CLIENT_FRAME)
  public void message(Session session, String text) {
    Board board = opening.await();
    if (board == null) {
      return;
    }
    if (!board.budget.admit(board.stream, session)) {
      return;
    }
    try {
      LiveFrames.ClientFrame frame = LiveFrames.parse(LiveProtocol.BOARD, text);
      switch (frame.type()) {
        case "filter" -> {
          board.filter = BoardFilter.of(frame);
          board.snapshot();
        }
        case "ping" -> board.stream.offer("pong", null, LiveFrames.frame("pong", Map.of()));
        default -> throw new DomainException.InvalidValue("unknown frame type");
      }
    } catch (DomainException e) {
      board.stream.offer("error", null, LiveFrames.problem(null, e));
    } catch (RuntimeException e) {
      board.stream.offer(
          "error", null, LiveFrames.problem(null, LiveFrames.failed("board frame", e)));
    }
  }

  @OnMessage
  public void pong(PongMessage pong) {
    Board board = opening.now();
    if (board != null) {
      board.stream.heard();
    }
  }

  @OnClose
  public void close(Session session, CloseReason reason) {
    Board board = opening.now();
    if (board != null) {
      board.stream.detach(session);
    }
  }

  @OnError
  public void error(Session session, Throwable failure) {
    LOG.log(Level.FINE, "board socket failed", failure);
  }
}
