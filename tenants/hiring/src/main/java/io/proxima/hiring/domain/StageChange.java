package io.proxima.hiring.domain;

import java.time.Instant;

/**
 * One step of an application's history.
 *
 * @param from null for the application itself
 */
public record StageChange(
    ApplicationStage from, ApplicationStage to, Actor by, String reason, Instant at) {}
