package io.proxima.matching.domain;

import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.profile.domain.ContractType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small hand-made jobs and candidates for the unit tests. */
final class Fixtures {

  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  static final LocalDate START = LocalDate.of(2025, 7, 1);

  private Fixtures() {}

  static JobOpening javaJob(String id, List<SkillNeed> required, List<SkillNeed> preferred) {
    return new JobOpening(
        id,
        "Java開発",
        "Spring Boot による API 開発",
        required,
        preferred,
        650_000,
        800_000,
        5,
        5,
        WorkStyle.HYBRID,
        "東京",
        START,
        Set.of(ContractType.QUASI_MANDATE));
  }

  static Candidate candidate(String id, Map<String, Double> skills, LiveAvailability live) {
    return candidate(id, skills, 700_000, 800_000, live);
  }

  static Candidate candidate(
      String id, Map<String, Double> skills, int rateMin, int rateMax, LiveAvailability live) {
    Map<String, BigDecimal> years = new LinkedHashMap<>();
    skills.forEach((k, v) -> years.put(k, v == null ? null : BigDecimal.valueOf(v)));
    return new Candidate(
        id, "エンジニア", "", years, rateMin, rateMax, 5, WorkStyle.HYBRID, List.of("東京"), live);
  }

  static LiveAvailability availableNow() {
    return new LiveAvailability(
        AvailabilityStatus.AVAILABLE, null, 5, WorkStyle.HYBRID, null, null);
  }

  static LiveAvailability availableFrom(LocalDate from) {
    return new LiveAvailability(
        AvailabilityStatus.AVAILABLE_FROM, from, 5, WorkStyle.HYBRID, null, null);
  }

  static LiveAvailability unavailable() {
    return new LiveAvailability(AvailabilityStatus.UNAVAILABLE, null, 0, null, null, null);
  }
}
