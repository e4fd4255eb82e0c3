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
 * <p>The score is {@code availability × factor^missingRequired × (skills·w1 + rate·w2 + days·w3 +
 * workStyle·w4)}. The fixed weights ({@link RankingWeights#FIXED}: 0.6 / 0.15 / 0.1 / 0.15, ×0.45
 * per missing must-have) give skills most of the weight because a recruiter shortlists on them and
 * negotiates the rest; a tenant with enough outcomes ranks with weights learned from them instead
 * ({@link #withWeights}). The two multipliers are there because a missing must-have or a candidate
 * who cannot start are things no other strength makes up for.
 */
public final class CandidateMatcher {

  /** Best first; equal scores in freelancer id order, so a ranking never flickers. */
  static final Comparator<CandidateMatch> BEST_FIRST =
      Comparator.comparingDouble(CandidateMatch::score)
          .reversed()
          .thenComparing(CandidateMatch::freelancerId);

  private final SkillVocabulary vocabulary;
  private final RankingWeights weights;

  public CandidateMatcher(SkillTaxonomy taxonomy) {
    this(SkillVocabulary.of(taxonomy), RankingWeights.FIXED);
  }

  private CandidateMatcher(SkillVocabulary vocabulary, RankingWeights weights) {
    this.vocabulary = vocabulary;
    this.weights = weights;
  }

  /** The same matcher weighting the parts of a fit as {@code weights} say. */
  public CandidateMatcher withWeights(RankingWeights weights) {
    return weights.equals(this.weights) ? this : new CandidateMatcher(vocabulary, weights);
  }

  public RankingWeights weights() {
    return weights;
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

  /**
   * The parts of one candidate's fit for one job, before any weighting: what a trainer learns on.
   */
  public MatchFeatures features(JobOpening job, Candidate candidate, LocalDate today) {
    Candidate.WorkingConditions wish = candidate.conditions();
    SkillFit skills =
        SkillEvidence.of(candidate, vocabulary).fit(job.required(), job.preferred(), vocabulary);
    return new MatchFeatures(
        skills.score(),
        RateFit.of(job.rateMinYen(), job.rateMaxYen(), wish.rateMinYen(), wish.rateMaxYen())
            .score(job.rateMaxYen()),
        DaysFit.of(job.daysPerWeekMin(), job.daysPerWeekMax(), wish.daysPerWeek()).score(),
        WorkStyleFit.of(job, wish.workStyle(), candidate.locations()).score(),
        skills.missingRequired().size(),
        AvailabilityFit.of(candidate.availability(), job.startsOn(today), today).factor());
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

    MatchFeatures features =
        new MatchFeatures(
            skills.score(),
            rate.score(job.rateMaxYen()),
            days.score(),
            style.score(),
            skills.missingRequired().size(),
            availability.factor());
    double score = weights.score(features);
    return new CandidateMatch(
        candidate.freelancerId(),
        job.jobId(),
        score,
        new MatchExplanation(skills, rate, days, style, availability));
  }
}
