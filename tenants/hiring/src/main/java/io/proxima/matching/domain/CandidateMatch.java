package io.proxima.matching.domain;

/**
 * One candidate's fit for one job.
 *
 * @param score in [0,1]; comparable across candidates of the same job
 */
public record CandidateMatch(
    String freelancerId, String jobId, double score, MatchExplanation explanation) {}
