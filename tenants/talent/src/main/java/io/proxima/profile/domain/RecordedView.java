package io.proxima.profile.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/**
 * The trace one look at a profile leaves: written once by the tenant whose staff looked (stamped
 * with that tenant), never changed, so it needs no version. The freelancer reads these across
 * tenants as {@link ProfileView}s, with the names joined in.
 */
@Entity
@Immutable
@Table(name = "profile_view")
public class RecordedView {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "freelancer_subject", nullable = false)
  private String freelancerSubject;

  @Column(name = "viewer_subject", nullable = false)
  private String viewerSubject;

  @Enumerated(EnumType.STRING)
  @Column(name = "what", nullable = false)
  private ProfileView.Kind what;

  @Column(name = "viewed_at", nullable = false)
  private Instant viewedAt;

  protected RecordedView() {
    // for JPA
  }

  /** The view as the current tenant records it; the tenant id is the tenancy context's. */
  public static RecordedView of(ProfileView view) {
    RecordedView recorded = new RecordedView();
    recorded.freelancerSubject = Objects.requireNonNull(view.freelancerSubject());
    recorded.viewerSubject = Objects.requireNonNull(view.viewerSubject());
    recorded.what = Objects.requireNonNull(view.what());
    recorded.viewedAt = Objects.requireNonNull(view.viewedAt());
    return recorded;
  }

  public Long id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordedView view && id != null && id.equals(view.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
