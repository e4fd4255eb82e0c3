package io.proxima.matching.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ranking a plain full-text search gives, kept as the yardstick the matcher must beat: Okapi
 * BM25 of one side's text as the query against the other side's texts as documents. It knows
 * nothing of skills, years, rates or availability, which is the point of the comparison.
 */
public final class KeywordBaseline {

  /** One ranked document: a freelancer id or a job id, with its BM25 score (unbounded, ≥ 0). */
  public record Hit(String id, double score) {}

  // The usual defaults of Lucene and Elasticsearch.
  private static final double K1 = 1.2;
  private static final double B = 0.75;

  /** Candidates for a job: the job's title, description and skill names against each profile. */
  public List<Hit> rankCandidates(JobOpening job, Collection<Candidate> candidates, int limit) {
    return rank(job.text(), candidates, Candidate::freelancerId, Candidate::text, limit);
  }

  /** Jobs for a freelancer: the profile's title, summary and skill names against each job. */
  public List<Hit> rankJobs(Candidate candidate, Collection<JobOpening> jobs, int limit) {
    return rank(candidate.text(), jobs, JobOpening::jobId, JobOpening::text, limit);
  }

  private static <T> List<Hit> rank(
      String query,
      Collection<T> documents,
      Function<T, String> id,
      Function<T, String> text,
      int limit) {
    Map<T, Map<String, Integer>> frequencies = new HashMap<>();
    Map<String, Integer> documentFrequency = new HashMap<>();
    long totalLength = 0;
    for (T doc : documents) {
      List<String> terms = Terms.of(text.apply(doc));
      totalLength += terms.size();
      Map<String, Integer> tf = new HashMap<>();
      terms.forEach(t -> tf.merge(t, 1, Integer::sum));
      tf.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
      frequencies.put(doc, tf);
    }
    int n = documents.size();
    double averageLength = n == 0 ? 0 : (double) totalLength / n;
    List<String> queryTerms = Terms.of(query);
    return documents.stream()
        .map(
            doc -> {
              Map<String, Integer> tf = frequencies.get(doc);
              int length = tf.values().stream().mapToInt(Integer::intValue).sum();
              double score = 0;
              for (String term : queryTerms) {
                int f = tf.getOrDefault(term, 0);
                if (f > 0) {
                  int df = documentFrequency.get(term);
                  double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                  double norm = K1 * (1 - B + B * length / Math.max(1e-9, averageLength));
                  score += idf * f * (K1 + 1) / (f + norm);
                }
              }
              return new Hit(id.apply(doc), score);
            })
        .sorted(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::id))
        .limit(limit)
        .toList();
  }
}
