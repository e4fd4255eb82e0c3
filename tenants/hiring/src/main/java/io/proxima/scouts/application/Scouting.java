package io.proxima.scouts.application;

import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobRepository;
import io.proxima.jobs.domain.JobStatus;
import io.proxima.messaging.application.MessageLedger;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Side;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.events.PlatformEvent;
import io.proxima.platform.events.PlatformEventType;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.scouts.domain.Scout;
import io.proxima.scouts.domain.ScoutAllowance;
import io.proxima.scouts.domain.ScoutRepository;
import io.proxima.scouts.domain.ScoutSent;
import io.proxima.scouts.domain.ScoutStatus;
import io.proxima.tenancy.application.Consents;
import io.proxima.tenancy.application.StaffOnly;
import io.proxima.tenancy.application.TenantEdge;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Scouts: a tenant's staff write to a freelancer who shares with them, within the plan's monthly
 * allowance. The allowance, the scout and its message in the conversation are one transaction, so a
 * refused or failed send leaves nothing behind and spends nothing; the live core pushes the message
 * to the freelancer once it has committed.
 */
@ApplicationScoped
public class Scouting {

  public static final int MAX_LIMIT = 200;
  private static final String NO_SUCH_SCOUT = "There is no such scout.";

  private final ScoutRepository scouts;
  private final MessageLedger messages;
  private final Consents consents;
  private final JobRepository jobs;
  private final TenantEdge edge;
  private final TenantRepository tenants;
  private final Event<ScoutSent> sent;
  private final AuditLog audit;
  private final Event<PlatformEvent> events;
  private final Clock clock;

  protected Scouting() {
    this(null, null, null, null, null, null, null, null, null, null);
  }

  @Inject
  public Scouting(
      ScoutRepository scouts,
      MessageLedger messages,
      Consents consents,
      JobRepository jobs,
      TenantEdge edge,
      TenantRepository tenants,
      Event<ScoutSent> sent,
      AuditLog audit,
      Event<PlatformEvent> events) {
    this(scouts, messages, consents, jobs, edge, tenants, sent, audit, events, Clock.systemUTC());
  }

  Scouting(
      ScoutRepository scouts,
      MessageLedger messages,
      Consents consents,
      JobRepository jobs,
      TenantEdge edge,
      TenantRepository tenants,
      Event<ScoutSent> sent,
      AuditLog audit,
      Event<PlatformEvent> events,
      Clock clock) {
    this.scouts = scouts;
    this.messages = messages;
    this.consents = consents;
    this.jobs = jobs;
    this.edge = edge;
    this.tenants = tenants;
    this.sent = sent;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  // ---- the tenant's staff ----------------------------------------------------------------------

  /**
   * Sends a scout, about one of the tenant's open jobs when {@code jobId} is given.
   *
   * @throws DomainException.QuotaExhausted when this month's allowance is spent
   */
  @StaffOnly
  @Transactional
  public Scout send(@NotBlank String freelancerId, UUID jobId, @NotNull String message) {
    TenancyContext context = TenancyContext.current();
    UUID tenantId = context.requireTenant();
    String text = Scout.checkedMessage(message);
    if (!consents.sharesWithCurrentTenant(freelancerId)) {
      throw new DomainException.NotFound("There is no such freelancer.");
    }
    if (jobId != null) {
      requireOwnOpenJob(tenantId, jobId);
    }
    Instant now = clock.instant();
    LocalDate month = Scout.quotaMonthOf(now);
    int limit = plan(tenantId).monthlyScouts();
    OptionalInt spent = scouts.spend(tenantId, month, limit);
    if (spent.isEmpty()) {
      ScoutAllowance allowance = new ScoutAllowance(month, limit, limit);
      throw new DomainException.QuotaExhausted(
          "this month's "
              + limit
              + " scouts are spent; the allowance renews on "
              + allowance.renewsOn()
              + " (Japan time), or a larger plan allows more");
    }
    UUID id = UUID.randomUUID();
    ChatMessage delivered =
        messages
            .appendUntold(
                List.of(
                    new ChatMessage.Draft(
                        tenantId,
                        freelancerId,
                        context.requireSubject(),
                        Side.TENANT,
                        "scout-" + id,
                        text)))
            .get(0);
    Scout scout =
        new Scout(
            id,
            tenantId,
            freelancerId,
            jobId,
            context.requireSubject(),
            text,
            delivered.seq(),
            ScoutStatus.SENT,
            month,
            now,
            null,
            null);
    if (!scouts.add(scout)) {
      throw new DomainException.Conflict("this freelancer was already scouted for this job");
    }
    audit.record(
        "scout.sent",
        tenantId,
        scout.id().toString(),
        "freelancer " + freelancerId + (jobId == null ? "" : "; job " + jobId));
    sent.fire(new ScoutSent(scout, delivered));
    Map<String, String> facts = new HashMap<>();
    facts.put("scoutId", scout.id().toString());
    facts.put("tenantSlug", context.tenantSlug());
    if (jobId != null) {
      jobs.find(jobId).ifPresent(job -> facts.put("jobTitle", job.details().title()));
    }
    events.fire(
        PlatformEvent.toPerson(
            PlatformEventType.SCOUT_RECEIVED, tenantId, scout.id(), freelancerId, facts, now));
    return scout;
  }

  @StaffOnly
  @Transactional
  public ScoutAllowance allowance() {
    UUID tenantId = TenancyContext.current().requireTenant();
    LocalDate month = Scout.quotaMonthOf(clock.instant());
    return new ScoutAllowance(month, plan(tenantId).monthlyScouts(), scouts.spent(tenantId, month));
  }

  @StaffOnly
  @Transactional
  public List<Scout> sent(UUID jobId, @Min(1) @Max(MAX_LIMIT) int limit) {
    return scouts.sentByTenant(TenancyContext.current().requireTenant(), jobId, limit);
  }

  // ---- the freelancer --------------------------------------------------------------------------

  /** A received scout and who sent it. */
  public record Received(Scout scout, String tenantSlug, String tenantName) {}

  @Transactional
  public List<Received> received(@Min(1) @Max(MAX_LIMIT) int limit) {
    String me = TenancyContext.current().requireSubject();
    return scouts.receivedBy(me, limit).stream().map(this::received).toList();
  }

  @Transactional
  public Received accept(@NotNull UUID scoutId, String answer) {
    return answer(scoutId, scout -> scout.accept(answer, clock.instant()));
  }

  @Transactional
  public Received decline(@NotNull UUID scoutId, String answer) {
    return answer(scoutId, scout -> scout.decline(answer, clock.instant()));
  }

  private Received answer(UUID scoutId, UnaryOperator<Scout> answering) {
    String me = TenancyContext.current().requireSubject();
    Scout scout =
        scouts
            .find(scoutId)
            .filter(found -> found.freelancerSubject().equals(me))
            .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_SCOUT));
    Scout answered = answering.apply(scout);
    if (!scouts.answer(answered)) {
      throw new DomainException.Conflict("the scout was answered meanwhile");
    }
    audit.record(
        "scout." + answered.status().name().toLowerCase(java.util.Locale.ROOT),
        answered.tenantId(),
        answered.id().toString(),
        null);
    java.util.Map<String, String> data = new java.util.HashMap<>();
    data.put("scoutId", answered.id().toString());
    data.put("status", answered.status().name());
    if (answered.jobId() != null) {
      data.put("jobId", answered.jobId().toString());
    }
    events.fire(
        PlatformEvent.toTenant(
            PlatformEventType.SCOUT_ANSWERED,
            answered.tenantId(),
            answered.id(),
            data,
            clock.instant()));
    return received(answered);
  }

  private Received received(Scout scout) {
    Tenant tenant =
        tenants
            .findById(scout.tenantId())
            .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_SCOUT));
    return new Received(scout, tenant.slug().value(), tenant.branding().displayName());
  }

  private Plan plan(UUID tenantId) {
    return tenants
        .findById(tenantId)
        .map(Tenant::plan)
        .orElseThrow(() -> new DomainException.NotFound("There is no such workspace."));
  }

  private void requireOwnOpenJob(UUID tenantId, UUID jobId) {
    Job job =
        jobs.find(jobId)
            .filter(found -> found.tenantId().equals(tenantId))
            .orElseThrow(() -> new DomainException.NotFound("There is no such job."));
    if (job.status() != JobStatus.OPEN) {
      throw new DomainException.Conflict("a scout can only be about an open job");
    }
  }
}
