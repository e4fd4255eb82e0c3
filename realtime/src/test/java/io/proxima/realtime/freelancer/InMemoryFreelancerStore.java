package io.proxima.realtime.freelancer;

import io.proxima.availability.domain.Availability;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store port kept in memory for the entity's unit tests; the PostgreSQL adapter has its own
 * integration test. Writes can be held back ({@link #holdWrites}) to prove the entity acknowledges
 * only after the store completes, or failed ({@link #failNextWrite}).
 */
public final class InMemoryFreelancerStore implements FreelancerStore {

  final Map<String, Availability> availabilities = new ConcurrentHashMap<>();
  final Map<String, Set<UUID>> sharing = new ConcurrentHashMap<>();
  final List<ChatMessage> messages = new ArrayList<>();
  final Map<String, Conversation> conversations = new HashMap<>();
  private final List<CompletableFuture<Void>> held = new ArrayList<>();
  private boolean holdWrites;
  private boolean failNextWrite;
  private boolean loseNextAnswer;
  private boolean rejectNextWrite;
  private CompletableFuture<Stored> failingLoad;
  private boolean failNextLoad;
  private final List<Integer> batches = new java.util.ArrayList<>();
  private int acknowledgements;

  public synchronized void holdWrites() {
    holdWrites = true;
  }

  public synchronized void releaseWrites() {
    holdWrites = false;
    held.forEach(gate -> gate.complete(null));
    held.clear();
  }

  synchronized void failNextWrite() {
    failNextWrite = true;
  }

  /** The next write commits, but its answer is lost (the database restarted under the commit). */
  synchronized void loseNextAnswer() {
    loseNextAnswer = true;
  }

  /** The next write is refused as a full executor refuses it, without being tried. */
  synchronized void rejectNextWrite() {
    rejectNextWrite = true;
  }

  /**
   * The next load fails, once {@link #releaseLoad} is called: commands sent meanwhile wait in the
   * entity's stash.
   */
  synchronized void failNextLoad() {
    failingLoad = new CompletableFuture<>();
    failNextLoad = true;
  }

  synchronized void releaseLoad() {
    failingLoad.completeExceptionally(new IllegalStateException("database went away"));
  }

  public void share(String freelancerId, UUID tenantId) {
    sharing.computeIfAbsent(freelancerId, id -> new HashSet<>()).add(tenantId);
  }

  @Override
  public CompletionStage<Stored> load(String freelancerId) {
    synchronized (this) {
      if (failNextLoad) {
        failNextLoad = false;
        return failingLoad;
      }
      return CompletableFuture.completedFuture(
          new Stored(
              "Freelancer " + freelancerId,
              availabilities.get(freelancerId),
              Set.copyOf(sharing.getOrDefault(freelancerId, Set.of())),
              conversations.values().stream()
                  .filter(c -> c.freelancerSubject().equals(freelancerId))
                  .toList()));
    }
  }

  @Override
  public CompletionStage<Availability> saveAvailability(String freelancerId, Availability next) {
    return write(
        () -> {
          // As the ledger does: a version is stored once, after the one before it.
          Availability stored = availabilities.get(freelancerId);
          long expected = stored == null ? 0 : stored.version();
          if (next.version() != expected + 1) {
            throw new io.proxima.platform.error.DomainException.Conflict(
                "availability changed elsewhere; version " + next.version() + " is taken");
          }
          availabilities.put(freelancerId, next);
          return next;
        });
  }

  @Override
  public CompletionStage<List<ChatMessage>> appendAll(List<ChatMessage.Draft> drafts) {
    return write(
        () -> {
          batches.add(drafts.size());
          return drafts.stream().map(this::appendOne).toList();
        });
  }

  /** The size of every batch appended, in order: how the entity grouped its commits. */
  synchronized List<Integer> batches() {
    return List.copyOf(batches);
  }

  /** How many receipts reached the store. */
  synchronized int acknowledgements() {
    return acknowledgements;
  }

  private ChatMessage appendOne(ChatMessage.Draft draft) {
    {
      {
        String key = draft.tenantId() + "/" + draft.freelancerSubject();
        for (ChatMessage stored : messages) {
          if (stored.tenantId().equals(draft.tenantId())
              && stored.senderSubject().equals(draft.senderSubject())
              && stored.clientMessageId().equals(draft.clientMessageId())) {
            return stored;
          }
        }
        Conversation before =
            conversations.getOrDefault(
                key,
                new Conversation(draft.tenantId(), draft.freelancerSubject(), 0, 0, 0, 0, 0, null));
        long seq = before.lastSeq() + 1;
        Instant now = Instant.now();
        ChatMessage message = draft.placedAt(UUID.randomUUID(), seq, now);
        messages.add(message);
        conversations.put(key, Chat.afterMessage(before, message));
        return message;
      }
    }
  }

  @Override
  public CompletionStage<Conversation> acknowledge(
      UUID tenantId, String freelancerId, Side side, boolean read, long upToSeq) {
    return write(
        () -> {
          acknowledgements++;
          String key = tenantId + "/" + freelancerId;
          Conversation c = conversations.get(key);
          long upTo = Math.min(upToSeq, c.lastSeq());
          long delivered = Math.max(c.deliveredTo(side), upTo);
          long readMark = read ? Math.max(c.readBy(side), upTo) : c.readBy(side);
          Conversation next =
              side == Side.FREELANCER
                  ? new Conversation(
                      tenantId,
                      freelancerId,
                      c.lastSeq(),
                      delivered,
                      readMark,
                      c.tenantDeliveredSeq(),
                      c.tenantReadSeq(),
                      c.updatedAt())
                  : new Conversation(
                      tenantId,
                      freelancerId,
                      c.lastSeq(),
                      c.freelancerDeliveredSeq(),
                      c.freelancerReadSeq(),
                      delivered,
                      readMark,
                      c.updatedAt());
          conversations.put(key, next);
          return next;
        });
  }

  private <T> CompletionStage<T> write(java.util.function.Supplier<T> work) {
    CompletableFuture<Void> gate;
    synchronized (this) {
      if (rejectNextWrite) {
        rejectNextWrite = false;
        return CompletableFuture.failedFuture(
            new java.util.concurrent.RejectedExecutionException("ten thousand writes waiting"));
      }
      if (failNextWrite) {
        failNextWrite = false;
        return CompletableFuture.failedFuture(new IllegalStateException("database went away"));
      }
      gate = holdWrites ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
      if (holdWrites) {
        held.add(gate);
      }
    }
    return gate.thenApply(
        ignored -> {
          synchronized (this) {
            T done = work.get();
            if (loseNextAnswer) {
              loseNextAnswer = false;
              throw new IllegalStateException("the connection broke during the commit");
            }
            return done;
          }
        });
  }
}
