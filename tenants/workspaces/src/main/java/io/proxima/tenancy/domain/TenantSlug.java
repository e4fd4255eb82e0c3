package io.proxima.tenancy.domain;

import io.proxima.platform.error.DomainException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tenant's name in host names and paths ({@code acme.proxima.example}, {@code /t/acme/}):
 * lower-case letters, digits and inner hyphens, 3 to 40 characters, and not a word the platform
 * needs itself.
 */
public record TenantSlug(String value) {

  private static final Pattern FORM = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]");
  private static final Set<String> RESERVED =
      Set.of(
          "admin",
          "api",
          "www",
          "app",
          "auth",
          "login",
          "static",
          "assets",
          "health",
          "ws",
          "proxima",
          "platform",
          "keycloak",
          "mail",
          "status",
          "support",
          "t");

  public TenantSlug {
    if (value == null || !FORM.matcher(value).matches() || value.contains("--")) {
      throw new DomainException.InvalidValue(
          "slug", "a tenant slug is 3-40 lower-case letters, digits and single inner hyphens");
    }
    if (RESERVED.contains(value)) {
      throw new DomainException.InvalidValue("slug", "'" + value + "' is reserved");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
