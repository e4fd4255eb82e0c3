package io.proxima.tenancy.infrastructure.keycloak;

/**
 * A Keycloak object that exists now, and whether this call made it: only what a call made may be
 * undone when a later step of the same call fails.
 */
record Ensured(String id, boolean created) {}
