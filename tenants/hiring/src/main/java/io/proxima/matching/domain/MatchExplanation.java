package io.proxima.matching.domain;

/** Why a candidate and a job fit or do not, part by part, for the recruiter reading the ranking. */
public record MatchExplanation(
    SkillFit skills,
    RateFit rate,
    DaysFit days,
    WorkStyleFit workStyle,
    AvailabilityFit availability) {}
