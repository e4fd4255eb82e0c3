package io.proxima.matching.application;

import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobDetails;
import io.proxima.jobs.domain.SkillRequirement;
import io.proxima.matching.domain.JobOpening;
import io.proxima.matching.domain.SkillNeed;
import java.util.List;
import java.util.Set;

/** A job as matching reads it. */
final class JobOpenings {

  private JobOpenings() {}

  static JobOpening of(Job job) {
    JobDetails d = job.details();
    return new JobOpening(
        job.id().toString(),
        d.title(),
        d.description(),
        needs(d.requiredSkills()),
        needs(d.preferredSkills()),
        d.rateMinYen(),
        d.rateMaxYen(),
        d.daysMin(),
        d.daysMax(),
        d.workStyle(),
        d.location(),
        d.startDate(),
        d.contractType() == null ? Set.of() : Set.of(d.contractType()));
  }

  private static List<SkillNeed> needs(List<SkillRequirement> requirements) {
    return requirements.stream().map(r -> new SkillNeed(r.skill(), r.years())).toList();
  }
}
