package io.proxima.tenancy.domain;

import java.util.Objects;

/**
 * The terms a freelancer was shown are no longer the tenant's: its purpose of use (or what sharing
 * covers) changed between reading and sharing. Consenting now would be consent to a purpose the
 * person never saw, so the share is refused and the current terms travel with the refusal for the
 * page to show them again.
 *
 * @param tenantSlug the tenant being shared with
 * @param tenantName its display name, as the terms page shows it
 * @param current the terms in force now
 */
public final class ConsentTermsChanged extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String tenantSlug;
  private final String tenantName;
  private final transient ConsentTerms current;

  public ConsentTermsChanged(String tenantSlug, String tenantName, ConsentTerms current) {
    super(
        "The purpose of use or what is shared with "
            + tenantSlug
            + " changed after it was shown; read the current terms and share again.");
    this.tenantSlug = Objects.requireNonNull(tenantSlug);
    this.tenantName = tenantName;
    this.current = Objects.requireNonNull(current);
  }

  public String tenantSlug() {
    return tenantSlug;
  }

  public String tenantName() {
    return tenantName;
  }

  public ConsentTerms current() {
    return current;
  }
}
