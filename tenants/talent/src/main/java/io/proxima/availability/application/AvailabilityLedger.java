package io.proxima.availability.application;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityRepository;
import io.proxima.availability.domain.AvailabilityRepository.BoardEntry;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
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

  protected AvailabilityLedger() {
    this(null);
  }

  @Inject
  public AvailabilityLedger(AvailabilityRepository availabilities) {
    this.availabilities = availabilities;
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
    return next;
  }

  /** The current tenant's board: every freelancer sharing with it. */
  @Transactional
  public List<BoardEntry> boardOfCurrentTenant() {
    return availabilities.boardOfCurrentTenant();
  }
}
