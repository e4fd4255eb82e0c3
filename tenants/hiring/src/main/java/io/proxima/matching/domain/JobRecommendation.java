package io.proxima.matching.domain;

/**
 * A job recommended to a freelancer.
 *
 * @param score the blend ranked on, in [0,1]
 * @param contentScore how well the job fits the freelancer's profile (the matcher's score)
 * @param collaborativeScore how strongly similar freelancers' interest points at it, in [0,1]
 */
public record JobRecommendation(
    String jobId,
    double score,
    double contentScore,
    double collaborativeScore,
    RecommendationExplanation explanation) {}
