package io.proxima.matching.domain;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.profile.domain.ContractType;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An open job as matching reads it. Monthly rates in yen; any condition may be null when the client
 * left it open.
 *
 * @param startDate null means "as soon as possible" (即日)
 */
public record JobOpening(
    String jobId,
    String title,
    String description,
    List<SkillNeed> required,
    List<SkillNeed> preferred,
    Integer rateMinYen,
    Integer rateMaxYen,
    Integer daysPerWeekMin,
    Integer daysPerWeekMax,
    WorkStyle workStyle,
    String location,
    LocalDate startDate,
    Set<ContractType> contractTypes) {

  public JobOpening {
    Objects.requireNonNull(jobId, "jobId");
    required = required == null ? List.of() : List.copyOf(required);
    preferred = preferred == null ? List.of() : List.copyOf(preferred);
    contractTypes = contractTypes == null ? Set.of() : Set.copyOf(contractTypes);
  }

  /** Title, description and the skill names asked for: the free text a keyword search indexes. */
  String text() {
    StringBuilder text = new StringBuilder();
    text.append(Objects.toString(title, "")).append(' ').append(Objects.toString(description, ""));
    required.forEach(n -> text.append(' ').append(n.skill()));
    preferred.forEach(n -> text.append(' ').append(n.skill()));
    return text.toString();
  }

  /** The day the work starts, reading an open start date as today. */
  LocalDate startsOn(LocalDate today) {
    return startDate == null ? today : startDate;
  }
}
