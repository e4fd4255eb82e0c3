package io.proxima.contracts.domain;

import java.time.Instant;

/** One step of a contract's audit trail: the move, who made it, why, and when. */
public record ContractChange(
    ContractStatus from, ContractStatus to, String actorSubject, String reason, Instant at) {}
