package io.proxima.matching.application;

import io.proxima.availability.domain.Availability;
import io.proxima.matching.domain.Candidate;
import io.proxima.matching.domain.LiveAvailability;
import io.proxima.profile.domain.DesiredConditions;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.Skill;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Freelancers as matching reads them. */
final class Candidates {

  private static final int YEN_PER_MAN = 10_000;

  private Candidates() {}

  static Candidate of(Profile profile, Availability availability) {
    Map<String, BigDecimal> skillYears = new LinkedHashMap<>();
    for (Skill skill : profile.skills()) {
      skillYears.putIfAbsent(skill.name(), skill.years());
    }
    DesiredConditions desired =
        profile.desired() == null ? DesiredConditions.OPEN : profile.desired();
    return new Candidate(
        profile.subject(),
        profile.title(),
        profile.summary(),
        skillYears,
        desired.monthlyRateMinYen(),
        desired.monthlyRateMaxYen(),
        desired.daysPerWeek(),
        desired.workStyle(),
        desired.locations(),
        live(availability));
  }

  /** The same freelancer with what their live entity holds now. */
  static Candidate withLive(Candidate candidate, Availability availability) {
    return new Candidate(
        candidate.freelancerId(),
        candidate.title(),
        candidate.summary(),
        candidate.skillYears(),
        candidate.desiredRateMinYen(),
        candidate.desiredRateMaxYen(),
        candidate.desiredDaysPerWeek(),
        candidate.desiredWorkStyle(),
        candidate.locations(),
        live(availability));
  }

  static LiveAvailability live(Availability availability) {
    if (availability == null) {
      return null;
    }
    return new LiveAvailability(
        availability.status(),
        availability.availableFrom(),
        availability.daysPerWeek(),
        availability.workStyle(),
        availability.rate() == null ? null : availability.rate().minManYen() * YEN_PER_MAN,
        availability.rate() == null ? null : availability.rate().maxManYen() * YEN_PER_MAN);
  }
}
