package io.proxima.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the matcher and the recommender against the plain keyword baseline on the labelled set,
 * writes the figures to {@code target/ranking-quality.md}, and fails if the matcher stops beating
 * the baseline.
 */
class RankingQualityTest {

  private static final int K = 10;

  private static LabelledSet set;
  private static final CandidateMatcher matcher = CandidateMatcher.standard();
  private static final KeywordBaseline baseline = new KeywordBaseline();
  private static final List<Row> rows = new ArrayList<>();
  private static final List<String> perQuery = new ArrayList<>();

  /** Mean figures of one system on one split. */
  record Row(
      String task,
      String split,
      String system,
      int queries,
      double precision5,
      double ndcg5,
      double precision,
      double ndcg) {}

  @BeforeAll
  static void evaluate() throws IOException {
    set = LabelledSet.load();
    evaluateCandidateRanking("TUNE", job -> !set.heldOutJobs().contains(job));
    evaluateCandidateRanking("HELD_OUT", job -> set.heldOutJobs().contains(job));
    evaluateRecommendations("TUNE", f -> !set.heldOutFreelancers().contains(f));
    evaluateRecommendations("HELD_OUT", f -> set.heldOutFreelancers().contains(f));
    String report = report();
    Path target = Path.of(System.getProperty("proxima.build.directory", "target"));
    Files.createDirectories(target);
    Files.writeString(target.resolve("ranking-quality.md"), report);
    System.out.println(report);
  }

  @Test
  void matcherBeatsKeywordSearchOnTheTunedJobs() {
    assertThat(ndcg("candidates for a job", "TUNE", "matcher"))
        .isGreaterThan(ndcg("candidates for a job", "TUNE", "keyword (BM25)"));
  }

  @Test
  void matcherBeatsKeywordSearchOnTheHeldOutJobs() {
    assertThat(ndcg("candidates for a job", "HELD_OUT", "matcher"))
        .isGreaterThan(ndcg("candidates for a job", "HELD_OUT", "keyword (BM25)"));
  }

  private static void evaluateCandidateRanking(String split, Predicate<String> inSplit) {
    List<JobOpening> jobs = set.jobs().stream().filter(j -> inSplit.test(j.jobId())).toList();
    Map<String, Function<JobOpening, List<String>>> systems =
        Map.of(
            "matcher",
            job ->
                matcher.rank(job, set.candidates(), LabelledSet.TODAY, K).stream()
                    .map(CandidateMatch::freelancerId)
                    .toList(),
            "keyword (BM25)",
            job ->
                baseline.rankCandidates(job, set.candidates(), K).stream()
                    .map(KeywordBaseline.Hit::id)
                    .toList());
    for (String system : List.of("matcher", "keyword (BM25)")) {
      double precision5 = 0;
      double ndcg5 = 0;
      double precision = 0;
      double ndcg = 0;
      for (JobOpening job : jobs) {
        List<String> ranking = systems.get(system).apply(job);
        Map<String, Integer> grades = set.candidateGrades().get(job.jobId());
        precision5 += RankingMetrics.precisionAtK(ranking, grades, 5);
        ndcg5 += RankingMetrics.ndcgAtK(ranking, grades, 5);
        precision += RankingMetrics.precisionAtK(ranking, grades, K);
        double n = RankingMetrics.ndcgAtK(ranking, grades, K);
        ndcg += n;
        perQuery.add(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %.3f | %s |",
                job.jobId(),
                split,
                system,
                n,
                String.join(" ", ranking)));
      }
      rows.add(
          new Row(
              "candidates for a job",
              split,
              system,
              jobs.size(),
              precision5 / jobs.size(),
              ndcg5 / jobs.size(),
              precision / jobs.size(),
              ndcg / jobs.size()));
    }
  }

  private static void evaluateRecommendations(String split, Predicate<String> inSplit) {
    CollaborativeSignals signals = CollaborativeSignals.from(set.interactions());
    JobRecommender hybrid = new JobRecommender(matcher);
    List<String> freelancers = set.jobGrades().keySet().stream().filter(inSplit).sorted().toList();
    Map<String, Function<Candidate, List<String>>> systems =
        Map.of(
            "hybrid",
            c -> ids(hybrid.recommend(c, set.jobs(), signals, LabelledSet.TODAY, K)),
            "content only",
            c ->
                ids(
                    new JobRecommender(matcher, 0.0)
                        .recommend(c, set.jobs(), signals, LabelledSet.TODAY, K)),
            "keyword (BM25)",
            c ->
                baseline.rankJobs(c, set.jobs(), set.jobs().size()).stream()
                    .map(KeywordBaseline.Hit::id)
                    // the same exclusion the recommender applies, for a fair comparison
                    .filter(j -> !signals.engagedJobs(c.freelancerId()).contains(j))
                    .limit(K)
                    .toList());
    for (String system : List.of("hybrid", "content only", "keyword (BM25)")) {
      double precision5 = 0;
      double ndcg5 = 0;
      double precision = 0;
      double ndcg = 0;
      for (String freelancer : freelancers) {
        List<String> ranking = systems.get(system).apply(set.candidate(freelancer));
        Map<String, Integer> grades = set.jobGrades().get(freelancer);
        precision5 += RankingMetrics.precisionAtK(ranking, grades, 5);
        ndcg5 += RankingMetrics.ndcgAtK(ranking, grades, 5);
        precision += RankingMetrics.precisionAtK(ranking, grades, K);
        double n = RankingMetrics.ndcgAtK(ranking, grades, K);
        ndcg += n;
        perQuery.add(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %.3f | %s |",
                freelancer,
                split,
                system,
                n,
                String.join(" ", ranking)));
      }
      rows.add(
          new Row(
              "jobs for a freelancer",
              split,
              system,
              freelancers.size(),
              precision5 / freelancers.size(),
              ndcg5 / freelancers.size(),
              precision / freelancers.size(),
              ndcg / freelancers.size()));
    }
  }

  private static List<String> ids(List<JobRecommendation> recommendations) {
    return recommendations.stream().map(JobRecommendation::jobId).toList();
  }

  private static double ndcg(String task, String split, String system) {
    return rows.stream()
        .filter(r -> r.task().equals(task) && r.split().equals(split) && r.system().equals(system))
        .findFirst()
        .orElseThrow()
        .ndcg();
  }

  private static String report() {
    StringBuilder md = new StringBuilder();
    md.append("# Ranking quality: matcher vs keyword baseline\n\n")
        .append("Labelled set: ")
        .append(set.jobs().size())
        .append(" jobs (")
        .append(set.heldOutJobs().size())
        .append(" held out), ")
        .append(set.candidates().size())
        .append(" candidates, ")
        .append(set.jobGrades().size())
        .append(" freelancers with labelled recommendations (")
        .append(set.heldOutFreelancers().size())
        .append(" held out), ")
        .append(set.interactions().size())
        .append(" interactions. Relevant for precision = grade >= ")
        .append(RankingMetrics.RELEVANT_GRADE)
        .append("; nDCG gain 2^grade - 1, log2 discount.\n\n")
        .append("| task | split | system | queries | P@5 | nDCG@5 | P@10 | nDCG@10 |\n")
        .append("|---|---|---|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %d | %.3f | %.3f | %.3f | %.3f |%n",
              r.task(),
              r.split(),
              r.system(),
              r.queries(),
              r.precision5(),
              r.ndcg5(),
              r.precision(),
              r.ndcg()));
    }
    md.append(
        "\n## Per query\n\n| query | split | system | nDCG@10 | top 10 |\n|---|---|---|---:|---|\n");
    perQuery.forEach(line -> md.append(line).append('\n'));
    return md.toString();
  }
}
