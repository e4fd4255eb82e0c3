package io.proxima.matching.domain;

import static io.proxima.matching.domain.Fixtures.START;
import static io.proxima.matching.domain.Fixtures.TODAY;
import static io.proxima.matching.domain.Fixtures.availableFrom;
import static io.proxima.matching.domain.Fixtures.availableNow;
import static io.proxima.matching.domain.Fixtures.candidate;
import static io.proxima.matching.domain.Fixtures.javaJob;
import static io.proxima.matching.domain.Fixtures.unavailable;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.matching.domain.MatchedSkill.Evidence;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateMatcherTest {

  private final CandidateMatcher matcher = CandidateMatcher.standard();

  private final JobOpening job =
      javaJob(
          "J1",
          List.of(SkillNeed.of("ＪＡＶＡ", 3), SkillNeed.of("Spring Boot", 2)),
          List.of(SkillNeed.of("postgres"), SkillNeed.of("AWS")));

  @Test
  void aMissingRequiredSkillIsShownAsMissingAndWeighsHeavily() {
    Candidate noSpring = candidate("A", Map.of("Java", 8.0, "PostgreSQL", 5.0), availableNow());
    Candidate full =
        candidate("B", Map.of("Java", 4.0, "Spring Boot", 2.0, "PostgreSQL", 1.0), availableNow());

    CandidateMatch match = matcher.assess(job, noSpring, TODAY);

    assertThat(match.explanation().skills().missingRequired()).containsExactly("Spring Boot");
    assertThat(match.explanation().skills().missingPreferred()).containsExactly("AWS");
    assertThat(match.explanation().skills().matched())
        .extracting(MatchedSkill::skill)
        .containsExactly("Java", "PostgreSQL");
    assertThat(match.score()).isLessThan(0.6 * matcher.assess(job, full, TODAY).score());
  }

  @Test
  void fullWidthCaseAndAliasesMatchTheCanonicalSkill() {
    CandidateMatch match =
        matcher.assess(
            job,
            candidate("A", Map.of("Java", 5.0, "Spring Boot", 3.0, "PostgreSQL", 2.0), null),
            TODAY);

    MatchedSkill java = match.explanation().skills().matched().get(0);
    assertThat(java.skill()).isEqualTo("Java");
    assertThat(java.years()).isEqualByComparingTo("5");
    assertThat(java.minYears()).isEqualByComparingTo("3");
    assertThat(java.meetsYears()).isTrue();
    assertThat(match.explanation().skills().matched())
        .extracting(MatchedSkill::skill)
        .contains("PostgreSQL");
  }

  @Test
  void springBootOnAProfileSatisfiesAJavaNeedThroughItsImpliedParent() {
    CandidateMatch match =
        matcher.assess(job, candidate("A", Map.of("Spring Boot", 5.0), availableNow()), TODAY);

    assertThat(match.explanation().skills().missingRequired()).isEmpty();
    MatchedSkill java = match.explanation().skills().matched().get(0);
    assertThat(java.skill()).isEqualTo("Java");
    assertThat(java.evidence()).isEqualTo(Evidence.IMPLIED);
    assertThat(java.via()).isEqualTo("Spring Boot");
    assertThat(java.years()).isEqualByComparingTo(new BigDecimal("5"));
  }

  @Test
  void aCloudServiceSatisfiesItsProviderThroughTheTaxonomy() {
    JobOpening aws = javaJob("J2", List.of(SkillNeed.of("AWS", 2)), List.of());
    CandidateMatch match =
        matcher.assess(aws, candidate("A", Map.of("Amazon EC2", 4.0), availableNow()), TODAY);

    assertThat(match.explanation().skills().matched())
        .singleElement()
        .satisfies(m -> assertThat(m.via()).isEqualTo("Amazon EC2"));
  }

  @Test
  void aSkillOnlyNamedInTheSummaryCountsWithoutYears() {
    Candidate mentioned =
        new Candidate(
            "A",
            "フルスタック",
            "以前は Java (Spring Boot) で3年開発",
            Map.of("TypeScript", BigDecimal.ONE),
            null,
            null,
            null,
            null,
            List.of(),
            null);
    MatchedSkill java =
        matcher.assess(job, mentioned, TODAY).explanation().skills().matched().get(0);

    assertThat(java.evidence()).isEqualTo(Evidence.MENTIONED);
    assertThat(java.years()).isNull();
    assertThat(java.meetsYears()).isFalse();
  }

  @Test
  void aRateAboveTheRangeSaysByHowMuch() {
    Candidate expensive =
        candidate("A", Map.of("Java", 5.0, "Spring Boot", 3.0), 850_000, 950_000, availableNow());

    RateFit rate = matcher.assess(job, expensive, TODAY).explanation().rate();

    assertThat(rate.verdict()).isEqualTo(RateFit.Verdict.ABOVE);
    assertThat(rate.byYen()).isEqualTo(50_000);
    assertThat(rate.describe()).isEqualTo("above the range by ¥50,000");
  }

  @Test
  void theLiveAvailabilityRateWinsOverTheProfile() {
    LiveAvailability live =
        new LiveAvailability(
            AvailabilityStatus.AVAILABLE, null, 5, WorkStyle.HYBRID, 600_000, 600_000);
    Candidate cheapNow =
        candidate("A", Map.of("Java", 5.0, "Spring Boot", 3.0), 900_000, 950_000, live);

    RateFit rate = matcher.assess(job, cheapNow, TODAY).explanation().rate();

    assertThat(rate.verdict()).isEqualTo(RateFit.Verdict.BELOW);
    assertThat(rate.byYen()).isEqualTo(50_000);
  }

  @Test
  void availableFromAfterTheStartDateIsShownAsLate() {
    Candidate late =
        candidate("A", Map.of("Java", 5.0, "Spring Boot", 3.0), availableFrom(START.plusDays(31)));
    Candidate onTime =
        candidate("B", Map.of("Java", 5.0, "Spring Boot", 3.0), availableFrom(START.minusDays(10)));

    AvailabilityFit lateFit = matcher.assess(job, late, TODAY).explanation().availability();
    AvailabilityFit onTimeFit = matcher.assess(job, onTime, TODAY).explanation().availability();

    assertThat(lateFit.status()).isEqualTo(AvailabilityFit.Status.AVAILABLE_FROM);
    assertThat(lateFit.availableFrom()).isEqualTo(START.plusDays(31));
    assertThat(lateFit.beforeStart()).isFalse();
    assertThat(lateFit.daysLate()).isEqualTo(31);
    assertThat(onTimeFit.beforeStart()).isTrue();
    assertThat(matcher.rank(job, List.of(late, onTime), TODAY, 2))
        .extracting(CandidateMatch::freelancerId)
        .containsExactly("B", "A");
  }

  @Test
  void unavailableCandidatesRankBelowSimilarOnesButStayOnTheList() {
    Map<String, Double> skills = Map.of("Java", 6.0, "Spring Boot", 4.0);
    Candidate busyButBetter =
        candidate("A", Map.of("Java", 9.0, "Spring Boot", 6.0, "AWS", 3.0), unavailable());
    Candidate free = candidate("B", skills, availableNow());
    Candidate unknown = candidate("C", skills, null);

    List<CandidateMatch> ranked =
        matcher.rank(job, List.of(busyButBetter, free, unknown), TODAY, 10);

    assertThat(ranked).extracting(CandidateMatch::freelancerId).containsExactly("B", "C", "A");
    assertThat(ranked.get(2).explanation().availability().status())
        .isEqualTo(AvailabilityFit.Status.UNAVAILABLE);
    assertThat(ranked.get(1).explanation().availability().status())
        .isEqualTo(AvailabilityFit.Status.UNKNOWN);
  }

  @Test
  void equalScoresAreOrderedByFreelancerIdAndScoresStayInTheUnitInterval() {
    Map<String, Double> skills = Map.of("Java", 6.0, "Spring Boot", 4.0);
    List<CandidateMatch> ranked =
        matcher.rank(
            job,
            List.of(
                candidate("Z", skills, availableNow()),
                candidate("M", skills, availableNow()),
                candidate("A", skills, availableNow()),
                candidate("Q", Map.of("COBOL", 20.0), unavailable())),
            TODAY,
            3);

    assertThat(ranked).extracting(CandidateMatch::freelancerId).containsExactly("A", "M", "Z");
    assertThat(ranked).allSatisfy(m -> assertThat(m.score()).isBetween(0.0, 1.0));
  }

  @Test
  void daysAndWorkStyleAreExplained() {
    Candidate remoteThreeDays =
        new Candidate(
            "A",
            "",
            "",
            Map.of("Java", BigDecimal.TEN, "Spring Boot", BigDecimal.TEN),
            700_000,
            800_000,
            3,
            WorkStyle.REMOTE,
            List.of("大阪"),
            null);

    MatchExplanation why = matcher.assess(job, remoteThreeDays, TODAY).explanation();

    assertThat(why.days().verdict()).isEqualTo(DaysFit.Verdict.FEWER);
    assertThat(why.days().byDays()).isEqualTo(2);
    assertThat(why.workStyle().fits()).isFalse();
    assertThat(why.workStyle().reachesOffice()).isFalse();
  }
}
