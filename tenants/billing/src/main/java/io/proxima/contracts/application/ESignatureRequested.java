package io.proxima.contracts.application;

import java.util.UUID;

/** A contract's e-signature request was written; its delivery may start once that commits. */
public record ESignatureRequested(UUID tenantId, UUID contractId) {}
