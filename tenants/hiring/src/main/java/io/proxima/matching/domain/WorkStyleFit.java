package io.proxima.matching.domain;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.profile.domain.SkillTaxonomy;
import java.util.List;

/**
 * The job's work style against the candidate's wish, and whether the candidate can reach the office
 * when the job needs one.
 *
 * @param candidateStyle null when the candidate never said
 * @param reachesOffice null when it does not matter (remote job) or is not known
 */
public record WorkStyleFit(WorkStyle jobStyle, WorkStyle candidateStyle, Boolean reachesOffice) {

  static WorkStyleFit of(JobOpening job, WorkStyle wish, List<String> candidateLocations) {
    Boolean reaches = null;
    boolean office = job.workStyle() != null && job.workStyle() != WorkStyle.REMOTE;
    if (office && job.location() != null && !candidateLocations.isEmpty()) {
      reaches = candidateLocations.stream().anyMatch(l -> sameArea(l, job.location()));
    }
    return new WorkStyleFit(job.workStyle(), wish, reaches);
  }

  /** Whether the candidate would take the job as it is worked. */
  public boolean fits() {
    return score() >= 0.99;
  }

  /**
   * In [0,1]. A remote job suits everyone; someone who wants remote rarely takes 常駐; an office the
   * candidate cannot reach is nearly a no whatever they wish.
   */
  double score() {
    double style = styleScore();
    return Boolean.FALSE.equals(reachesOffice) ? style * 0.3 : style;
  }

  private double styleScore() {
    if (jobStyle == null || jobStyle == WorkStyle.REMOTE) {
      return 1.0;
    }
    if (candidateStyle == null) {
      return 0.7;
    }
    return switch (jobStyle) {
      case HYBRID -> candidateStyle == WorkStyle.REMOTE ? 0.5 : 1.0;
      case ON_SITE ->
          switch (candidateStyle) {
            case ON_SITE -> 1.0;
            case HYBRID -> 0.6;
            case REMOTE -> 0.2;
          };
      case REMOTE -> 1.0;
    };
  }

  // "東京" and "東京都港区" are the same area for commuting purposes.
  private static boolean sameArea(String a, String b) {
    String x = SkillTaxonomy.normalize(a).strip();
    String y = SkillTaxonomy.normalize(b).strip();
    return !x.isEmpty() && !y.isEmpty() && (x.contains(y) || y.contains(x));
  }
}
