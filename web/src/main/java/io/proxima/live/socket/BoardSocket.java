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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
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

  /** Freelancers per snapshot frame: about 60 KB of JSON. */
  static final int PAGE = 200;

  /** Pages read at most for one frame when the filter passes few of them. */
  private static final int READS_PER_FRAME = 10;

  @Inject TenantEdge edge;
  @Inject LiveDesk desk;
  @Inject LiveStreams streams;

  @Inject LiveOpenings openings;

  // Set on the container thread, read on the ones that deliver frames and the close.
  private volatile LiveOpenings.LiveOpening<Board> opening = new LiveOpenings.LiveOpening<>();

  /**
   * One board stream: its filter and its tenant subscription. It keeps nothing per freelancer: each
   * event says whether its freelancer matched before and matches now.
   */
  private final class Board implements LiveStreams.Registration, Consumer<LiveEvent> {
    final LiveStream stream;
    final LiveCaller caller;
    final FrameBudget budget = new FrameBudget(10, 20);
    final AtomicLong snapshots = new AtomicLong();
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

    /**
     * The snapshot the client starts from, and after every filter change, in pages: each page is
     * read when the one before it has been written, so a board of 100,000 freelancers holds two
     * pages on the heap at a time, not the whole pool, and a slow client slows its own reads. Page
     * 0 tells the client to start over; the last says {@code last}. A change that happens while
     * pages are still coming is sent as it happens; the client keeps the higher version.
     */
    void snapshot() {
      offerPage(snapshots.incrementAndGet(), filter, null, 0);
    }

    private void offerPage(long generation, BoardFilter current, String after, int page) {
      if (generation != snapshots.get()) {
        return; // a filter change started a newer snapshot
      }
      List<BoardEntryView> visible = new ArrayList<>();
      String cursor = after;
      boolean last = false;
      // A narrow filter may pass few of a page's rows: read on, but not without end per frame.
      for (int reads = 0; reads < READS_PER_FRAME && !last && visible.size() < PAGE; reads++) {
        String from = cursor;
        List<BoardEntry> read =
            TenancyContext.callIn(caller.context(), () -> desk.boardPage(from, PAGE));
        for (BoardEntry entry : read) {
          if (current.matches(entry.availability())) {
            visible.add(BoardEntryView.of(entry));
          }
        }
        last = read.size() < PAGE;
        if (!read.isEmpty()) {
          cursor = read.get(read.size() - 1).freelancerSubject();
        }
      }
      Function<Long, String> frame =
          LiveFrames.frameForOne(
              "snapshot",
              new Snapshot(
                  stream.id, caller.tenant().slug().value(), current, visible, page, last));
      String next = cursor;
      boolean more = !last;
      // Checked and offered at once: a page of a snapshot a filter change replaced is never sent.
      synchronized (this) {
        if (generation != snapshots.get()) {
          return;
        }
        stream.offerUnkept(
            "snapshot",
            seq -> {
              if (more) {
                openings.nextPage(() -> offerNextPage(generation, current, next, page + 1));
              }
              return frame.apply(seq);
            });
      }
    }

    private void offerNextPage(long generation, BoardFilter current, String after, int page) {
      try {
        offerPage(generation, current, after, page);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "board snapshot page " + page + " could not be read", e);
        stream.restart("the board could not be read, try again");
      }
    }

    @Override
    public void accept(LiveEvent event) {
      String id = event.freelancerId();
      if (event instanceof LiveEvent.TenantSuspended) {
        stream.revoke(LiveFrames.TENANT_SUSPENDED);
      } else if (event instanceof LiveEvent.AvailabilityChanged changed) {
        BoardFilter current = filter;
        boolean shows = current.matches(changed.availability());
        boolean showed = changed.previous() != null && current.matches(changed.previous());
        if (shows) {
          // One that appears is never merged into a later change: the client has no row to update.
          String key = showed ? "availability:" + id : null;
          stream.offer("availability", key, LiveFrames.frame("availability", changed));
        } else if (showed) {
          stream.offer("hidden", null, LiveFrames.frame("hidden", Map.of("freelancerId", id)));
        }
      } else if (event instanceof LiveEvent.FreelancerJoined joined) {
        if (filter.matches(joined.availability())) {
          // Joins are never merged away: they carry the name a later change does not.
          stream.offer("joined", null, LiveFrames.frame("joined", joined));
        }
      } else if (event instanceof LiveEvent.FreelancerLeft left) {
        stream.offer("left", null, LiveFrames.frame("left", left));
      } else if (event instanceof LiveEvent.PresenceChanged presence
          && filter.matches(presence.availability())) {
        stream.offer("presence", "presence:" + id, LiveFrames.frame("presence", presence));
      }
      // chat events belong to the chat socket
    }
  }

  /**
   * One page of a snapshot. {@code page} 0 replaces what the client shows; later ones add to it;
   * {@code last} ends the snapshot.
   */
  public record Snapshot(
      String stream,
      String tenant,
      BoardFilter filter,
      List<BoardEntryView> entries,
      int page,
      boolean last) {}

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
