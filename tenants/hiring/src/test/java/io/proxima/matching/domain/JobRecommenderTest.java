package io.proxima.matching.domain;

import static io.proxima.matching.domain.Fixtures.TODAY;
import static io.proxima.matching.domain.Fixtures.availableNow;
import static io.proxima.matching.domain.Fixtures.candidate;
import static io.proxima.matching.domain.Fixtures.javaJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.proxima.matching.domain.CollaborativeSignals.Interaction;
import io.proxima.matching.domain.CollaborativeSignals.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRecommenderTest {

  private final JobRecommender recommender = new JobRecommender(CandidateMatcher.standard());

  private final JobOpening javaSpring =
      javaJob("J1", List.of(SkillNeed.of("Java", 3), SkillNeed.of("Spring Boot", 2)), List.of());
  private final JobOpening javaOnly = javaJob("J2", List.of(SkillNeed.of("Java", 3)), List.of());
  private final JobOpening python = javaJob("J3", List.of(SkillNeed.of("Python", 3)), List.of());
  private final List<JobOpening> jobs = List.of(javaSpring, javaOnly, python);

  private final Candidate me =
      candidate("ME", Map.of("Java", 6.0, "Spring Boot", 4.0), availableNow());

  @Test
  void coldStartRanksByContentAlone() {
    CollaborativeSignals others =
        CollaborativeSignals.from(
            List.of(
                new Interaction("X", "J3", Kind.APPLIED), new Interaction("Y", "J3", Kind.VIEWED)));

    List<JobRecommendation> recommended = recommender.recommend(me, jobs, others, TODAY, 10);

    assertThat(recommended).extracting(JobRecommendation::jobId).containsExactly("J1", "J2", "J3");
    assertThat(recommended)
        .allSatisfy(
            r -> {
              assertThat(r.collaborativeScore()).isZero();
              assertThat(r.score()).isEqualTo(r.contentScore());
              assertThat(r.explanation().coldStart()).isTrue();
            });
  }

  @Test
  void jobsAlreadyAppliedToOrScoutedAreNotRecommendedButViewedOnesAre() {
    CollaborativeSignals signals =
        CollaborativeSignals.from(
            List.of(
                new Interaction("ME", "J1", Kind.APPLIED),
                new Interaction("ME", "J3", Kind.SCOUT_ACCEPTED),
                new Interaction("ME", "J2", Kind.VIEWED)));

    assertThat(recommender.recommend(me, jobs, signals, TODAY, 10))
        .extracting(JobRecommendation::jobId)
        .containsExactly("J2");
  }

  @Test
  void whatSimilarFreelancersEngagedWithLiftsAJob() {
    // Everyone who applied to J1 also applied to J3; nobody who touched J1 touched J2.
    CollaborativeSignals signals =
        CollaborativeSignals.from(
            List.of(
                new Interaction("ME", "J1", Kind.APPLIED),
                new Interaction("A", "J1", Kind.APPLIED),
                new Interaction("A", "J3", Kind.APPLIED),
                new Interaction("B", "J1", Kind.VIEWED),
                new Interaction("B", "J3", Kind.APPLIED),
                new Interaction("C", "J2", Kind.VIEWED)));
    JobRecommender collaborativeOnly = new JobRecommender(CandidateMatcher.standard(), 1.0);

    List<JobRecommendation> recommended = collaborativeOnly.recommend(me, jobs, signals, TODAY, 10);

    assertThat(recommended).extracting(JobRecommendation::jobId).containsExactly("J3", "J2");
    JobRecommendation j3 = recommended.get(0);
    // cos(J1, J3) over freelancers (ME, A, B): J1 = (3, 3, 1), J3 = (0, 3, 3)
    assertThat(j3.collaborativeScore())
        .isCloseTo(12 / (Math.sqrt(19) * Math.sqrt(18)), within(1e-9));
    assertThat(j3.explanation().similarToJobsYouInteractedWith()).containsExactly("J1");
    assertThat(recommended.get(1).collaborativeScore()).isZero();
  }

  @Test
  void theBlendUsesTheDocumentedWeight() {
    CollaborativeSignals signals =
        CollaborativeSignals.from(
            List.of(
                new Interaction("ME", "J2", Kind.VIEWED),
                new Interaction("A", "J2", Kind.VIEWED),
                new Interaction("A", "J1", Kind.VIEWED)));

    for (JobRecommendation r : recommender.recommend(me, jobs, signals, TODAY, 10)) {
      double w = JobRecommender.DEFAULT_COLLABORATIVE_WEIGHT;
      assertThat(r.score())
          .isCloseTo((1 - w) * r.contentScore() + w * r.collaborativeScore(), within(1e-12));
    }
  }

  @Test
  void repeatedViewsCountOnceAtTheStrongestKind() {
    CollaborativeSignals signals =
        CollaborativeSignals.from(
            List.of(
                new Interaction("A", "J1", Kind.VIEWED),
                new Interaction("A", "J1", Kind.VIEWED),
                new Interaction("A", "J1", Kind.APPLIED),
                new Interaction("A", "J2", Kind.VIEWED),
                new Interaction("B", "J2", Kind.VIEWED)));

    // J1 = (A:3), J2 = (A:1, B:1): cosine 3 / (3 * sqrt 2)
    assertThat(signals.similarity("J1", "J2")).isCloseTo(1 / Math.sqrt(2), within(1e-9));
    assertThat(signals.engagedJobs("A")).containsExactly("J1");
  }
}
