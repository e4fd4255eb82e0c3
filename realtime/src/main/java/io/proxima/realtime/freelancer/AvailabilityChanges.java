package io.proxima.realtime.freelancer;

import io.proxima.availability.domain.Availability;
import io.proxima.platform.error.DomainException;
import io.proxima.realtime.freelancer.Freelancer.AvailabilityReloaded;
import io.proxima.realtime.freelancer.Freelancer.AvailabilityStored;
import io.proxima.realtime.freelancer.Freelancer.ChangeAvailability;
import io.proxima.realtime.freelancer.Freelancer.Command;
import io.proxima.realtime.live.LiveEvent;
import java.util.Objects;
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
      Refusal.Reason reason = stored.failure().reason();
      if (reason == Refusal.Reason.CONFLICT || reason == Refusal.Reason.UNAVAILABLE) {
        // The store may hold a version this entity never saw: a commit whose answer was lost when
        // the database restarted under it, or another writer. Without reading it back every later
        // change would be refused as a conflict until the entity passivated.
        freelancer.context.pipeToSelf(
            freelancer.store.load(freelancer.id),
            (loaded, failure) ->
                new AvailabilityReloaded(
                    failure == null ? loaded.availability() : null,
                    failure == null,
                    stored.failure(),
                    stored.replyTo()));
        return Behaviors.same();
      }
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

  Behavior<Command> onAvailabilityReloaded(AvailabilityReloaded reloaded) {
    if (reloaded.read() && !Objects.equals(reloaded.availability(), freelancer.availability)) {
      Availability previous = freelancer.availability;
      freelancer.availability = reloaded.availability();
      if (freelancer.availability != null) {
        freelancer.publishToBoards(
            new LiveEvent.AvailabilityChanged(freelancer.id, freelancer.availability, previous));
      }
    }
    reloaded.replyTo().tell(StatusReply.error(reloaded.failure().asError()));
    return freelancer.afterWrite();
  }
}
