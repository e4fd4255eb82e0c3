package io.proxima.tenancy.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** An agency or company workspace on the platform, with its white-label branding and plan. */
@Entity
@Table(name = "tenant")
public class Tenant {

  @Id private UUID id;

  @Column(nullable = false, updatable = false)
  private String slug;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private TenantType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TenantStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Plan plan;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "logo_url")
  private String logoUrl;

  @Column(name = "primary_color", nullable = false)
  private String primaryColor;

  @Column(name = "accent_color", nullable = false)
  private String accentColor;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "tenant_host", joinColumns = @JoinColumn(name = "tenant_id"))
  @Column(name = "host")
  private Set<String> hostNames = new LinkedHashSet<>();

  @Column(name = "mfa_required", nullable = false)
  private boolean mfaRequired;

  // Null: the platform's default purpose (ConsentTerms.DEFAULT_PURPOSE).
  @Column(name = "sharing_purpose")
  private String sharingPurpose;

  @Column(name = "keycloak_organization_id")
  private String keycloakOrganizationId;

  @Column(name = "keycloak_client_id")
  private String keycloakClientId;

  @Column(name = "keycloak_client_uuid")
  private String keycloakClientUuid;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "status_changed_at", nullable = false)
  private Instant statusChangedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  // Written by erase_tenant() only (V73).
  @Column(name = "personal_data_erased_at", insertable = false, updatable = false)
  private Instant personalDataErasedAt;

  @Version private long version;

  protected Tenant() {
    // for JPA
  }

  public static Tenant register(
      TenantSlug slug, TenantType type, Branding branding, Plan plan, Instant now) {
    Tenant tenant = new Tenant();
    tenant.id = UUID.randomUUID();
    tenant.slug = slug.value();
    tenant.type = Objects.requireNonNull(type);
    tenant.plan = Objects.requireNonNull(plan);
    tenant.status = TenantStatus.ACTIVE;
    tenant.createdAt = now;
    tenant.statusChangedAt = now;
    tenant.rebrand(branding);
    return tenant;
  }

  /** Records what the identity provider made for this tenant. */
  public void linkIdentity(IdentityProvisioning.ProvisionedTenant provisioned) {
    this.keycloakOrganizationId = provisioned.organizationId();
    this.keycloakClientId = provisioned.clientId();
    this.keycloakClientUuid = provisioned.clientUuid();
  }

  public void rebrand(Branding branding) {
    this.displayName = branding.displayName();
    this.logoUrl = branding.logoUrl();
    this.primaryColor = branding.primaryColor();
    this.accentColor = branding.accentColor();
    this.hostNames.clear();
    this.hostNames.addAll(branding.hostNames());
  }

  public void changePlan(Plan plan) {
    this.plan = Objects.requireNonNull(plan);
  }

  /**
   * States the purpose of use a freelancer is shown before sharing with this tenant; null goes back
   * to the platform's default. Consents already given keep the purpose they were given for.
   */
  public void stateSharingPurpose(String purpose) {
    this.sharingPurpose = purpose == null ? null : ConsentTerms.purpose(purpose);
  }

  /** The purpose of use a freelancer sharing now is shown and agrees to. */
  public String sharingPurpose() {
    return sharingPurpose == null ? ConsentTerms.DEFAULT_PURPOSE : sharingPurpose;
  }

  /** Whether the tenant stated its own purpose rather than the platform's default. */
  public boolean statesOwnSharingPurpose() {
    return sharingPurpose != null;
  }

  /** What a consent given to this tenant now covers. */
  public ConsentTerms sharingTerms() {
    return ConsentTerms.today(sharingPurpose());
  }

  /**
   * The terms a consent given now covers, provided they are still the version the freelancer was
   * shown ({@code seenVersion}; null when the caller does not say, and then today's terms apply).
   *
   * @throws ConsentTermsChanged when the terms changed since that version was shown
   */
  public ConsentTerms sharingTermsAsSeen(String seenVersion) {
    ConsentTerms now = sharingTerms();
    if (!now.agreeWith(seenVersion)) {
      throw new ConsentTermsChanged(slug, branding().displayName(), now);
    }
    return now;
  }

  public void requireMfa(boolean required) {
    this.mfaRequired = required;
  }

  public void suspend(Instant now) {
    if (status == TenantStatus.SUSPENDED) {
      throw new DomainException.Conflict("tenant " + slug + " is already suspended");
    }
    if (status == TenantStatus.CLOSED) {
      throw new DomainException.Conflict("tenant " + slug + " is closed");
    }
    status = TenantStatus.SUSPENDED;
    statusChangedAt = now;
  }

  public void resume(Instant now) {
    if (status == TenantStatus.ACTIVE) {
      throw new DomainException.Conflict("tenant " + slug + " is not suspended");
    }
    if (personalDataErasedAt != null) {
      throw new DomainException.Conflict(
          "tenant " + slug + " was closed and its personal data erased; it cannot come back");
    }
    status = TenantStatus.ACTIVE;
    statusChangedAt = now;
    closedAt = null;
  }

  /**
   * The platform closes the tenant: refused to everyone at once like a suspension; once it has been
   * closed for the retention period, its personal data is erased.
   */
  public void close(Instant now) {
    if (status == TenantStatus.CLOSED) {
      throw new DomainException.Conflict("tenant " + slug + " is already closed");
    }
    status = TenantStatus.CLOSED;
    statusChangedAt = now;
    closedAt = now;
  }

  /** When the tenant was closed, if it is. */
  public java.util.Optional<Instant> closedAt() {
    return java.util.Optional.ofNullable(closedAt);
  }

  /** When its personal data was erased after closing, if it was. */
  public java.util.Optional<Instant> personalDataErasedAt() {
    return java.util.Optional.ofNullable(personalDataErasedAt);
  }

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }

  public Branding branding() {
    return new Branding(displayName, logoUrl, primaryColor, accentColor, List.copyOf(hostNames));
  }

  public IdentityProvisioning.ProvisionedTenant identity() {
    return new IdentityProvisioning.ProvisionedTenant(
        keycloakOrganizationId, keycloakClientId, keycloakClientUuid, null);
  }

  public UUID id() {
    return id;
  }

  public TenantSlug slug() {
    return new TenantSlug(slug);
  }

  public TenantType type() {
    return type;
  }

  public TenantStatus status() {
    return status;
  }

  public Plan plan() {
    return plan;
  }

  public boolean mfaRequired() {
    return mfaRequired;
  }

  public String keycloakClientId() {
    return keycloakClientId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant statusChangedAt() {
    return statusChangedAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tenant tenant && Objects.equals(id, tenant.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
