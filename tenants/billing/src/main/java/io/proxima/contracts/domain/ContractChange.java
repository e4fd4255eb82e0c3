package io.proxima.contracts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One step of a contract's audit trail: the move, who made it, why, and when. */
@Embeddable
public record ContractChange(
    @Enumerated(EnumType.STRING) @Column(name = "from_status") ContractStatus from,
    @Enumerated(EnumType.STRING) @Column(name = "to_status", nullable = false) ContractStatus to,
    @Column(name = "actor_subject", nullable = false) String actorSubject,
    @Column(name = "reason") String reason,
    @Column(name = "at", nullable = false) Instant at) {}
