package io.proxima.privacy.domain;

/**
 * A freelancer's account was erased. Fired in the erasure's transaction and observed after it
 * commits, so the real-time core drops the freelancer's live state and boards only once the
 * database has.
 */
public record AccountErased(String subject, String pseudonym) {}
