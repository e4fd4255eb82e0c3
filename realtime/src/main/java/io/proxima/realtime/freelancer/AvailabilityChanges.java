package io.proxima.realtime.freelancer;

import io.proxima.availability.domain.Availability;
import io.proxima.platform.error.DomainException;
import io.proxima.realtime.freelancer.Freelancer.AvailabilityStored;
import io.proxima.realtime.freelancer.Freelancer.ChangeAvailability;
import io.proxima.realtime.freelancer.Freelancer.Command;
import io.proxima.realtime.live.LiveEvent;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/** The freelancer's availability: changed only once the store has it, then shown on every board. */
final class AvailabilityChanges {

  private final Freelancer freelancer;

  AvailabilityChanges(Freelancer freelancer) {
    this.freelancer = freelancer;
  }

  Behavior<Command> onChangeAvailability(ChangeAvailability change) {
    Availability next;
    try {
      next =
          Availability.next(
              freelancer.availability, change.change(), change.expectedVersion(), freelancer.now());
    } catch (DomainException.Conflict e) {
      change.replyTo().tell(StatusReply.error(Refusal.conflict(e.getMessage()).asError()));
      return Behaviors.same();
    } catch (DomainException e) {
      change.replyTo().tell(StatusReply.error(Refusal.invalid(e.getMessage()).asError()));
      return Behaviors.same();
    }
    freelancer.context.pipeToSelf(
        freelancer.store.saveAvailability(freelancer.id, next),
        (stored, failure) ->
            new AvailabilityStored(
                stored, failure == null ? null : Freelancer.reason(failure), change.replyTo()));
    return freelancer.writing();
  }

  Behavior<Command> onAvailabilityStored(AvailabilityStored stored) {
    if (stored.failure() != null) {
      stored.replyTo().tell(StatusReply.error(stored.failure().asError()));
      return freelancer.afterWrite();
    }
    Availability previous = freelancer.availability;
    freelancer.availability = stored.availability();
    stored.replyTo().tell(StatusReply.success(freelancer.availability));
    freelancer.publishToBoards(
        new LiveEvent.AvailabilityChanged(freelancer.id, freelancer.availability, previous));
    return freelancer.afterWrite();
  }
}
