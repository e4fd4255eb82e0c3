package io.proxima.realtime.infrastructure;

import io.proxima.availability.domain.Availability;
import io.proxima.calendar.application.LiveAvailabilityChanges;
import io.proxima.realtime.application.FreelancerGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Calendar busy time changes availability exactly like the freelancer's own PUT does: the existing
 * {@code ChangeAvailability} command to their entity, with the version it was computed from. No new
 * message, no second writer, and boards get the usual availability event.
 */
@ApplicationScoped
public class GatewayAvailabilityChanges implements LiveAvailabilityChanges {

  private final FreelancerGateway gateway;

  protected GatewayAvailabilityChanges() {
    this(null);
  }

  @Inject
  public GatewayAvailabilityChanges(FreelancerGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public Availability change(
      String freelancerSubject, Availability.Change change, long expectedVersion) {
    return gateway.changeAvailability(freelancerSubject, change, expectedVersion);
  }
}
