package io.proxima.tenancy.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A client company's space inside an agency tenant: its people, jobs and board. */
@Entity
@Table(name = "company_workspace")
public class CompanyWorkspace {

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected CompanyWorkspace() {
    // for JPA
  }

  /** The tenant is stamped by Hibernate from the request's tenancy context. */
  public static CompanyWorkspace open(String name, Instant now) {
    CompanyWorkspace workspace = new CompanyWorkspace();
    workspace.id = UUID.randomUUID();
    workspace.name = validName(name);
    workspace.createdAt = now;
    return workspace;
  }

  public void rename(String name) {
    this.name = validName(name);
  }

  private static String validName(String name) {
    if (name == null || name.isBlank() || name.strip().length() > 120) {
      throw new DomainException.InvalidValue("a workspace name is 1-120 characters");
    }
    return name.strip();
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CompanyWorkspace workspace && Objects.equals(id, workspace.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
