package io.proxima.matching.api;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.jobs.api.JobViews.PostingView;
import io.proxima.jobs.application.JobBoard;
import io.proxima.matching.application.Matchmaking;
import io.proxima.matching.domain.AvailabilityFit;
import io.proxima.matching.domain.DaysFit;
import io.proxima.matching.domain.MatchExplanation;
import io.proxima.matching.domain.MatchedSkill;
import io.proxima.matching.domain.RateFit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What matching answers, shaped for reading: every part of a fit with its verdict and a sentence.
 */
public final class MatchViews {

  private MatchViews() {}

  public record SkillMatchView(
      String skill,
      boolean required,
      BigDecimal years,
      BigDecimal minYears,
      boolean meetsYears,
      String via,
      MatchedSkill.Evidence evidence) {}

  public record SkillsView(
      List<SkillMatchView> matched, List<String> missingRequired, List<String> missingPreferred) {}

  public record RateView(RateFit.Verdict verdict, int byYen, String text) {}

  public record DaysView(DaysFit.Verdict verdict, int byDays, String text) {}

  public record WorkStyleView(
      WorkStyle job, WorkStyle candidate, Boolean reachesOffice, boolean fits) {}

  /**
   * @param source LIVE when the real-time core said whether the freelancer is online (from its
   *     presence book, without waking anyone), STORED when it could not (a node without the core);
   *     the availability is the last acknowledged change either way
   */
  public record AvailabilityView(
      AvailabilityFit.Status status,
      LocalDate availableFrom,
      long daysLate,
      String text,
      String source,
      Boolean online,
      Instant lastSeen) {}

  public record ExplanationView(
      SkillsView skills,
      RateView rate,
      DaysView days,
      WorkStyleView workStyle,
      AvailabilityView availability) {}

  public record CandidateMatchView(
      String freelancerId,
      String displayName,
      String title,
      BigDecimal score,
      ExplanationView explanation) {

    static CandidateMatchView of(Matchmaking.RankedCandidate ranked) {
      return new CandidateMatchView(
          ranked.match().freelancerId(),
          ranked.displayName(),
          ranked.title(),
          rounded(ranked.match().score()),
          explain(ranked.match().explanation(), ranked.liveness()));
    }
  }

  /**
   * @param similarToJobsYouInteractedWith the caller's own jobs that led here through other
   *     freelancers' interest; empty on a cold start
   */
  public record RecommendationView(
      PostingView job,
      BigDecimal score,
      BigDecimal contentScore,
      BigDecimal collaborativeScore,
      boolean coldStart,
      List<String> similarToJobsYouInteractedWith,
      ExplanationView fit) {

    static RecommendationView of(Matchmaking.RecommendedJob recommended) {
      var r = recommended.recommendation();
      return new RecommendationView(
          PostingView.of(
              new JobBoard.Posting(
                  recommended.job(), recommended.tenantSlug(), recommended.tenantName())),
          rounded(r.score()),
          rounded(r.contentScore()),
          rounded(r.collaborativeScore()),
          r.explanation().coldStart(),
          r.explanation().similarToJobsYouInteractedWith(),
          explain(r.explanation().fit(), recommended.liveness()));
    }
  }

  private static BigDecimal rounded(double value) {
    return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
  }

  private static ExplanationView explain(MatchExplanation e, Matchmaking.Liveness liveness) {
    AvailabilityFit a = e.availability();
    return new ExplanationView(
        new SkillsView(
            e.skills().matched().stream()
                .map(
                    m ->
                        new SkillMatchView(
                            m.skill(),
                            m.required(),
                            m.years(),
                            m.minYears(),
                            m.meetsYears(),
                            m.via(),
                            m.evidence()))
                .toList(),
            e.skills().missingRequired(),
            e.skills().missingPreferred()),
        new RateView(e.rate().verdict(), e.rate().byYen(), e.rate().describe()),
        new DaysView(e.days().verdict(), e.days().byDays(), e.days().describe()),
        new WorkStyleView(
            e.workStyle().jobStyle(),
            e.workStyle().candidateStyle(),
            e.workStyle().reachesOffice(),
            e.workStyle().fits()),
        new AvailabilityView(
            a.status(),
            a.availableFrom(),
            a.daysLate(),
            a.describe(),
            liveness.answered() ? "LIVE" : "STORED",
            liveness.online(),
            liveness.lastSeen()));
  }
}
