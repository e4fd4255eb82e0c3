package io.proxima.matching.domain;

import java.util.List;

/**
 * How a candidate's skills cover a job's needs.
 *
 * @param matched the needs the candidate covers, required ones first, in the job's order
 * @param missingRequired required skills the candidate shows no evidence of
 * @param missingPreferred preferred skills the candidate shows no evidence of
 */
public record SkillFit(
    List<MatchedSkill> matched, List<String> missingRequired, List<String> missingPreferred) {

  private static final double REQUIRED_SHARE = 0.8;

  public SkillFit {
    matched = List.copyOf(matched);
    missingRequired = List.copyOf(missingRequired);
    missingPreferred = List.copyOf(missingPreferred);
  }

  /** Coverage of the needs in [0,1]: required skills weigh four times the preferred ones. */
  double score() {
    double required = coverage(true, missingRequired.size());
    double preferred = coverage(false, missingPreferred.size());
    return REQUIRED_SHARE * required + (1 - REQUIRED_SHARE) * preferred;
  }

  private double coverage(boolean required, int missing) {
    List<MatchedSkill> covered = matched.stream().filter(m -> m.required() == required).toList();
    int needs = covered.size() + missing;
    if (needs == 0) {
      return 1.0;
    }
    return covered.stream().mapToDouble(MatchedSkill::credit).sum() / needs;
  }
}
