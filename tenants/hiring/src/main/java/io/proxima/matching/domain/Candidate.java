package io.proxima.matching.domain;

import io.proxima.availability.domain.WorkStyle;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A freelancer as matching reads them: the profile's skills and desired conditions, and the live
 * availability when the freelancer has ever set one.
 *
 * @param skillYears canonical skill name to years of experience; years may be null (not stated)
 * @param availability null when the freelancer never set a live availability
 */
public record Candidate(
    String freelancerId,
    String title,
    String summary,
    Map<String, BigDecimal> skillYears,
    Integer desiredRateMinYen,
    Integer desiredRateMaxYen,
    Integer desiredDaysPerWeek,
    WorkStyle desiredWorkStyle,
    List<String> locations,
    LiveAvailability availability) {

  public Candidate {
    Objects.requireNonNull(freelancerId, "freelancerId");
    // Map.copyOf rejects null values, and unknown years are legitimately null.
    skillYears =
        skillYears == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(skillYears));
    locations = locations == null ? List.of() : List.copyOf(locations);
  }

  /**
   * The conditions that hold now: the live availability where it states something, the profile's
   * desired conditions elsewhere.
   */
  WorkingConditions conditions() {
    LiveAvailability live = availability;
    if (live == null) {
      return new WorkingConditions(
          desiredRateMinYen, desiredRateMaxYen, desiredDaysPerWeek, desiredWorkStyle);
    }
    boolean liveRate = live.rateMinYen() != null || live.rateMaxYen() != null;
    return new WorkingConditions(
        liveRate ? live.rateMinYen() : desiredRateMinYen,
        liveRate ? live.rateMaxYen() : desiredRateMaxYen,
        live.daysPerWeek() > 0 ? Integer.valueOf(live.daysPerWeek()) : desiredDaysPerWeek,
        live.workStyle() != null ? live.workStyle() : desiredWorkStyle);
  }

  /** Title, summary and skill names: the free text a keyword search would index. */
  String text() {
    return String.join(
        " ",
        Objects.toString(title, ""),
        Objects.toString(summary, ""),
        String.join(" ", skillYears.keySet()));
  }

  /** The effective conditions; any part may be null when neither source states it. */
  record WorkingConditions(
      Integer rateMinYen, Integer rateMaxYen, Integer daysPerWeek, WorkStyle workStyle) {}
}
