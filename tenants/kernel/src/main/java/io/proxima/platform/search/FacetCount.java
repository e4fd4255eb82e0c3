package io.proxima.platform.search;

/** A value of a facet and how many matching results have it. */
public record FacetCount(String value, long count) {}
