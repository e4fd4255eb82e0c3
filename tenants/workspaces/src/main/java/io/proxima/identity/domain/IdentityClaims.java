package io.proxima.identity.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Who the identity provider says the caller is, taken from a verified token.
 *
 * @param subject Keycloak's stable user id ({@code sub})
 * @param username {@code preferred_username}
 * @param email may be absent
 * @param displayName {@code name}, may be absent
 */
public record IdentityClaims(
    @NotBlank @Size(max = 255) String subject,
    @NotBlank @Size(max = 255) String username,
    @Size(max = 320) String email,
    @Size(max = 255) String displayName) {}
