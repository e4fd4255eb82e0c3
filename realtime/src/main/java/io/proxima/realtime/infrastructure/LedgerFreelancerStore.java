package io.proxima.realtime.infrastructure;

import io.proxima.availability.application.AvailabilityLedger;
import io.proxima.availability.domain.Availability;
import io.proxima.identity.application.IdentityService;
import io.proxima.messaging.application.MessageLedger;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.Side;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.realtime.freelancer.FreelancerStore;
import io.proxima.tenancy.application.Consents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The freelancer entity's store on PostgreSQL, through the business core's ledgers. Blocking JDBC
 * runs on container threads of its own, never on Pekko's dispatcher, so JTA and the persistence
 * context work as in a request.
 *
 * <p>Every call runs as the freelancer themselves: row-level security admits the freelancer's
 * availability and both sides of their conversations under that identity. Who may send into a
 * conversation is decided before the entity is asked (membership at the edge, consent in the
 * entity).
 */
@ApplicationScoped
public class LedgerFreelancerStore implements FreelancerStore {

  /** Enough writers for PostgreSQL to group commits; each entity still writes one at a time. */
  static final int WRITERS = 16;

  @Resource private ManagedThreadFactory threadFactory;
  private ExecutorService executor;

  private final AvailabilityLedger availability;
  private final MessageLedger messages;
  private final Consents consents;
  private final IdentityService identity;

  protected LedgerFreelancerStore() {
    this(null, null, null, null);
  }

  @Inject
  public LedgerFreelancerStore(
      AvailabilityLedger availability,
      MessageLedger messages,
      Consents consents,
      IdentityService identity) {
    this.availability = availability;
    this.messages = messages;
    this.consents = consents;
    this.identity = identity;
  }

  /**
   * Container threads, made once: a managed executor would capture the container context for every
   * task, and that capture scans the WAR's class path (measured: it capped chat at a few hundred
   * writes a second). Threads from the managed factory carry the context from birth.
   */
  @PostConstruct
  void startWriters() {
    executor =
        new ThreadPoolExecutor(
            WRITERS,
            WRITERS,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(10_000),
            threadFactory,
            new ThreadPoolExecutor.AbortPolicy());
  }

  @PreDestroy
  void stopWriters() {
    executor.shutdown();
  }

  @Override
  public CompletionStage<Stored> load(String freelancerId) {
    return asFreelancer(
        freelancerId,
        () ->
            new Stored(
                identity.displayNameOf(freelancerId).orElse(null),
                availability.current(freelancerId).orElse(null),
                consents.tenantsSharedBy(freelancerId),
                messages.conversationsOf(freelancerId)));
  }

  @Override
  public CompletionStage<Availability> saveAvailability(String freelancerId, Availability next) {
    return asFreelancer(freelancerId, () -> availability.record(freelancerId, next));
  }

  @Override
  public CompletionStage<List<ChatMessage>> appendAll(List<ChatMessage.Draft> drafts) {
    return asFreelancer(drafts.get(0).freelancerSubject(), () -> messages.appendAll(drafts));
  }

  @Override
  public CompletionStage<Conversation> acknowledge(
      UUID tenantId, String freelancerId, Side side, boolean read, long upToSeq) {
    return asFreelancer(
        freelancerId, () -> messages.acknowledge(tenantId, freelancerId, side, read, upToSeq));
  }

  private <T> CompletionStage<T> asFreelancer(String freelancerId, Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(
          () -> TenancyContext.callIn(TenancyContext.self(freelancerId), work), executor);
    } catch (RejectedExecutionException full) {
      // Ten thousand writes waiting: refuse, the caller retries; never queue without bound.
      return CompletableFuture.failedFuture(full);
    }
  }
}
