package io.proxima.calendar.api;

import io.proxima.availability.domain.Availability;
import io.proxima.calendar.application.FreelancerCalendar;
import io.proxima.calendar.domain.BusyBlock;
import io.proxima.calendar.domain.CalendarSource;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the calendar API sends and takes. */
public final class CalendarViews {

  private CalendarViews() {}

  /** Whether the caller has a feed; its address is shown only when it is made. */
  public record FeedStatusView(boolean exists) {}

  /**
   * A new feed address. {@code token} is shown this once: only its hash is kept, so a lost address
   * is replaced by rotating, never recovered.
   */
  public record FeedView(String token, String url, String webcalUrl) {}

  public record SourceRequest(
      @Schema(
              required = true,
              format = "uri",
              description = "an iCalendar (or CalDAV collection) address; https, http or webcal")
          @NotBlank(message = "url is required")
          String url,
      @Schema(example = "Work") String label) {}

  public record SourceView(
      UUID id, String url, String label, Instant createdAt, Instant refreshedAt, String lastError) {
    static SourceView of(CalendarSource source) {
      return new SourceView(
          source.id(),
          source.address().toString(),
          source.label(),
          source.createdAt(),
          source.refreshedAt(),
          source.lastError());
    }
  }

  /**
   * @param availability the caller's availability after the busy time moved it, null when it did
   *     not
   */
  public record ImportView(SourceView source, int busyBlocks, Availability availability) {
    static ImportView of(FreelancerCalendar.Imported imported) {
      return new ImportView(
          SourceView.of(imported.source()), imported.busyBlocks(), imported.availability());
    }
  }

  public record BusyView(UUID sourceId, Instant start, Instant end, boolean allDay) {
    static BusyView of(BusyBlock block) {
      return new BusyView(
          block.sourceId(),
          block.interval().start(),
          block.interval().end(),
          block.interval().allDay());
    }
  }
}
