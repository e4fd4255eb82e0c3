package io.proxima.matching.domain;

import io.proxima.profile.domain.SkillTaxonomy;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Ranks candidates for a job by skills first, then conditions, then availability, and says why.
 *
 * <p>The score is {@code availability × missingRequired × (skills·0.6 + rate·0.15 + days·0.1 +
 * workStyle·0.15)}. Skills carry most of the weight because a recruiter shortlists on them and
 * negotiates the rest; the two multipliers are there because a missing must-have or a candidate who
 * cannot start are things no other strength makes up for.
 */
public final class CandidateMatcher {

  private static final double SKILLS = 0.6;
  private static final double RATE = 0.15;
  private static final double DAYS = 0.1;
  private static final double WORK_STYLE = 0.15;

  /** Best first; equal scores in freelancer id order, so a ranking never flickers. */
  static final Comparator<CandidateMatch> BEST_FIRST =
      Comparator.comparingDouble(CandidateMatch::score)
          .reversed()
          .thenComparing(CandidateMatch::freelancerId);

  private final SkillVocabulary vocabulary;

  public CandidateMatcher(SkillTaxonomy taxonomy) {
    this.vocabulary = SkillVocabulary.of(taxonomy);
  }

  /** A matcher over the taxonomy shipped with Proxima. */
  public static CandidateMatcher standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final CandidateMatcher STANDARD = new CandidateMatcher(SkillTaxonomy.standard());
  }

  /** The best {@code limit} candidates for the job, best first, each with its explanation. */
  public List<CandidateMatch> rank(
      JobOpening job, Collection<Candidate> candidates, LocalDate today, int limit) {
    return candidates.stream()
        .map(c -> assess(job, c, today))
        .sorted(BEST_FIRST)
        .limit(limit)
        .toList();
  }

  /**
   * The skill names a candidate must list at least one of to be worth assessing for a job that asks
   * for {@code jobSkills}: those skills and every skill implying one of them.
   */
  public Set<String> candidateSkillsFor(Collection<String> jobSkills) {
    return vocabulary.standingFor(jobSkills);
  }

  /** The skill names a job may ask for and credit a freelancer listing {@code listed}. */
  public Set<String> jobSkillsFor(Collection<String> listed) {
    return vocabulary.withParents(listed);
  }

  /** One candidate's fit for one job; the same score ranks jobs for a freelancer. */
  public CandidateMatch assess(JobOpening job, Candidate candidate, LocalDate today) {
    Candidate.WorkingConditions wish = candidate.conditions();
    SkillFit skills =
        SkillEvidence.of(candidate, vocabulary).fit(job.required(), job.preferred(), vocabulary);
    RateFit rate =
        RateFit.of(job.rateMinYen(), job.rateMaxYen(), wish.rateMinYen(), wish.rateMaxYen());
    DaysFit days = DaysFit.of(job.daysPerWeekMin(), job.daysPerWeekMax(), wish.daysPerWeek());
    WorkStyleFit style = WorkStyleFit.of(job, wish.workStyle(), candidate.locations());
    AvailabilityFit availability =
        AvailabilityFit.of(candidate.availability(), job.startsOn(today), today);

    double fit =
        SKILLS * skills.score()
            + RATE * rate.score(job.rateMaxYen())
            + DAYS * days.score()
            + WORK_STYLE * style.score();
    double score = fit * skills.missingRequiredPenalty() * availability.factor();
    return new CandidateMatch(
        candidate.freelancerId(),
        job.jobId(),
        score,
        new MatchExplanation(skills, rate, days, style, availability));
  }
}
