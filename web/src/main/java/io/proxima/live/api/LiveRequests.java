package io.proxima.live.api;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.RateBand;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.DomainException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/** Request bodies of the live API, as clients send them, and their checked conversions. */
public final class LiveRequests {

  private LiveRequests() {}

  public record RateRequest(Integer minManYen, Integer maxManYen) {}

  /** {@code expectedVersion}: the version the client edited; omit it to overwrite. */
  public record AvailabilityRequest(
      String status,
      LocalDate availableFrom,
      Integer daysPerWeek,
      Integer hoursPerDay,
      String workStyle,
      RateRequest rate,
      String note,
      Long expectedVersion) {

    public Availability.Change toChange() {
      if (daysPerWeek == null || hoursPerDay == null) {
        throw new DomainException.InvalidValue("daysPerWeek and hoursPerDay are required");
      }
      RateBand band = null;
      if (rate != null) {
        if (rate.minManYen() == null || rate.maxManYen() == null) {
          throw new DomainException.InvalidValue("rate needs minManYen and maxManYen");
        }
        band = new RateBand(rate.minManYen(), rate.maxManYen());
      }
      return new Availability.Change(
          parse(AvailabilityStatus.class, "status", status),
          availableFrom,
          daysPerWeek,
          hoursPerDay,
          parse(WorkStyle.class, "workStyle", workStyle),
          band,
          note);
    }
  }

  public record MessageRequest(String clientMessageId, String body) {}

  /** Moves the caller's side's mark: {@code read} false means "received". */
  public record ReceiptRequest(Long upToSeq, Boolean read) {
    public long upTo() {
      if (upToSeq == null || upToSeq < 0) {
        throw new DomainException.InvalidValue("upToSeq is required and cannot be negative");
      }
      return upToSeq;
    }

    public boolean isRead() {
      return read == null || read;
    }
  }

  static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    if (value == null) {
      throw new DomainException.InvalidValue(field + " is required");
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DomainException.InvalidValue(
          field + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  static int limit(Integer limit) {
    if (limit == null) {
      return 50;
    }
    if (limit < 1 || limit > 200) {
      throw new DomainException.InvalidValue("limit must be between 1 and 200");
    }
    return limit;
  }

  static long before(Long before) {
    if (before == null) {
      return Long.MAX_VALUE;
    }
    if (before < 1) {
      throw new DomainException.InvalidValue("before must be a positive sequence number");
    }
    return before;
  }
}
