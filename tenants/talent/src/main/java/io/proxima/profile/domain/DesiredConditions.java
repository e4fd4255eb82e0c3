package io.proxima.profile.domain;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the freelancer wants from the next engagement (希望条件).
 *
 * @param monthlyRateMinYen monthly rate floor in JPY (tax excluded); null when open
 * @param monthlyRateMaxYen null when open
 * @param daysPerWeek 1–5; null when open
 * @param paymentTermsDays the 支払いサイト accepted, e.g. 30 and 45 (days after month end)
 */
public record DesiredConditions(
    Integer monthlyRateMinYen,
    Integer monthlyRateMaxYen,
    Integer daysPerWeek,
    WorkStyle workStyle,
    List<String> locations,
    LocalDate startDate,
    Set<ContractType> contractTypes,
    Set<Integer> paymentTermsDays) {

  public static final DesiredConditions OPEN =
      new DesiredConditions(null, null, null, null, List.of(), null, Set.of(), Set.of());

  public DesiredConditions {
    if (monthlyRateMinYen != null
        && (monthlyRateMinYen < 10_000 || monthlyRateMinYen > 10_000_000)) {
      throw new DomainException.InvalidValue(
          "monthly rate must be between 10,000 and 10,000,000 JPY");
    }
    if (monthlyRateMaxYen != null
        && (monthlyRateMaxYen < 10_000 || monthlyRateMaxYen > 10_000_000)) {
      throw new DomainException.InvalidValue(
          "monthly rate must be between 10,000 and 10,000,000 JPY");
    }
    if (monthlyRateMinYen != null
        && monthlyRateMaxYen != null
        && monthlyRateMinYen > monthlyRateMaxYen) {
      throw new DomainException.InvalidValue("the monthly rate floor is above its ceiling");
    }
    if (daysPerWeek != null && (daysPerWeek < 1 || daysPerWeek > 5)) {
      throw new DomainException.InvalidValue("days per week must be between 1 and 5");
    }
    locations =
        locations == null
            ? List.of()
            : locations.stream().map(l -> Texts.required(l, "location", 100)).distinct().toList();
    if (locations.size() > 20) {
      throw new DomainException.InvalidValue("at most 20 locations");
    }
    contractTypes = contractTypes == null ? Set.of() : Set.copyOf(contractTypes);
    paymentTermsDays = paymentTermsDays == null ? Set.of() : Set.copyOf(paymentTermsDays);
    for (int days : paymentTermsDays) {
      if (days < 0 || days > 120) {
        throw new DomainException.InvalidValue("payment terms must be between 0 and 120 days");
      }
    }
  }
}
