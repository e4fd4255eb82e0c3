package io.proxima.availability.application;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityRepository;
import io.proxima.availability.domain.AvailabilityRepository.BoardEntry;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.events.PlatformEvent;
import io.proxima.platform.events.PlatformEventType;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Consent;
import io.proxima.tenancy.domain.ConsentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;

/**
 * The durable side of availability. Only the freelancer's real-time entity writes here, so it can
 * acknowledge a change once this returns; everyone else reads.
 */
@ApplicationScoped
public class AvailabilityLedger {

  private final AvailabilityRepository availabilities;
  private final ConsentRepository consents;
  private final Event<PlatformEvent> events;

  protected AvailabilityLedger() {
    this(null, null, null);
  }

  @Inject
  public AvailabilityLedger(
      AvailabilityRepository availabilities,
      ConsentRepository consents,
      Event<PlatformEvent> events) {
    this.availabilities = availabilities;
    this.consents = consents;
    this.events = events;
  }

  /**
   * The freelancer's current availability. Callers run it as the freelancer ({@link
   * TenancyContext#self}) so row-level security lets the row through.
   */
  @Transactional
  public Optional<Availability> current(@NotBlank String freelancerSubject) {
    return availabilities.find(freelancerSubject);
  }

  /** Stores {@code next}, as the freelancer; a 409 when another writer stored it first. */
  @Transactional
  public Availability record(@NotBlank String freelancerSubject, @NotNull Availability next) {
    if (!availabilities.store(freelancerSubject, next)) {
      throw new DomainException.Conflict(
          "availability changed elsewhere; version " + next.version() + " is taken");
    }
    // Every tenant the freelancer shares with hears of it, in this transaction: the status and
    // dates it would see on its board, never the note.
    for (Consent consent : consents.ofFreelancer(freelancerSubject)) {
      if (!consent.isActive()) {
        continue;
      }
      java.util.Map<String, String> data = new java.util.HashMap<>();
      data.put("freelancerId", freelancerSubject);
      data.put("status", next.status().name());
      data.put("daysPerWeek", String.valueOf(next.daysPerWeek()));
      data.put("workStyle", next.workStyle().name());
      if (next.availableFrom() != null) {
        data.put("availableFrom", next.availableFrom().toString());
      }
      events.fire(
          PlatformEvent.toTenant(
              PlatformEventType.AVAILABILITY_CHANGED,
              consent.tenantId(),
              null,
              data,
              next.updatedAt() == null ? java.time.Instant.now() : next.updatedAt()));
    }
    return next;
  }

  /** The current tenant's board: every freelancer sharing with it. */
  @Transactional
  public List<BoardEntry> boardOfCurrentTenant() {
    return availabilities.boardOfCurrentTenant();
  }

  /** One page of the current tenant's board, in freelancer id order after {@code afterSubject}. */
  @Transactional
  public List<BoardEntry> boardPageOfCurrentTenant(String afterSubject, int size) {
    return availabilities.boardPageOfCurrentTenant(afterSubject, size);
  }
}
