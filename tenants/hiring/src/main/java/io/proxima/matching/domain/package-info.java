/**
 * Matching: which freelancers fit a job opening and which openings to recommend to a freelancer.
 *
 * <p>Pure domain: plain records in (filled by the application layer from SQL), scores and
 * explanations out. No persistence and no container, so ranking quality can be measured in a plain
 * unit test against labelled data.
 */
package io.proxima.matching.domain;
