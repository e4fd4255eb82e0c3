package io.proxima.tenancy.api;

import io.proxima.tenancy.application.Consents;
import io.proxima.tenancy.application.MemberInvitations;
import io.proxima.tenancy.domain.CompanyWorkspace;
import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.interfaces.BrandingView;
import java.time.Instant;
import java.util.UUID;

/** The portal's JSON shapes for tenancy. */
public final class TenantViews {

  private TenantViews() {}

  /** What a login screen needs before anyone is signed in. */
  public record PublicBranding(
      String slug, String status, BrandingView branding, String issuer, String clientId) {}

  public record TenantView(
      String slug,
      String type,
      String status,
      String plan,
      boolean mfaRequired,
      BrandingView branding,
      String yourRole,
      boolean youShareYourProfile) {}

  public record WorkspaceView(UUID id, String name, Instant createdAt) {
    public static WorkspaceView of(CompanyWorkspace workspace) {
      return new WorkspaceView(workspace.id(), workspace.name(), workspace.createdAt());
    }
  }

  /**
   * @param status {@code ACTIVE}, or {@code INVITED} while a person who already had an account has
   *     not accepted
   * @param invitationPending whether the person still has to accept or to set their first password
   * @param invitationMailedAt when the mail server took the latest invitation mail; null while it
   *     has not
   */
  public record MemberView(
      UUID id,
      String email,
      String displayName,
      String role,
      UUID workspaceId,
      Instant since,
      String status,
      boolean invitationPending,
      Instant invitationMailedAt,
      Instant invitationExpiresAt) {
    public static MemberView of(Membership membership) {
      return new MemberView(
          membership.id(),
          membership.email(),
          membership.displayName(),
          membership.role().wireName(),
          membership.workspaceId(),
          membership.createdAt(),
          membership.status().name(),
          membership.invitationPending(),
          membership.invitationMailedAt().orElse(null),
          membership.invitationExpiresAt().orElse(null));
    }
  }

  /**
   * Whether an invitation mail left: {@code SENT}, {@code NOT_SENT} (send again) or {@code
   * NOT_NEEDED}.
   */
  public record MailDeliveryView(String status, Instant sentAt, String problem) {
    public static MailDeliveryView of(MemberInvitations.Delivery delivery) {
      return new MailDeliveryView(delivery.status().name(), delivery.sentAt(), delivery.problem());
    }
  }

  /** A member with the fate of the invitation mail just sent for them. */
  public record InvitedMemberView(MemberView member, MailDeliveryView invitationMail) {
    public static InvitedMemberView of(MemberInvitations.Outcome outcome) {
      return new InvitedMemberView(
          MemberView.of(outcome.membership()), MailDeliveryView.of(outcome.mail()));
    }
  }

  /**
   * A role a tenant offered the caller, to accept or decline at {@code
   * /t/{slug}/api/v1/invitation}.
   */
  public record InvitationView(
      String tenantSlug, String tenantName, String role, Instant invitedAt) {
    public static InvitationView of(Membership membership, Tenant tenant) {
      return new InvitationView(
          tenant.slug().value(),
          tenant.branding().displayName(),
          membership.role().wireName(),
          membership.createdAt());
    }
  }

  public record ConsentView(
      String tenantSlug, String tenantName, Instant grantedAt, Instant revokedAt, boolean active) {
    public static ConsentView of(Consents.ConsentView view) {
      return new ConsentView(
          view.tenant().slug().value(),
          view.tenant().branding().displayName(),
          view.consent().grantedAt(),
          view.consent().revokedAt(),
          view.consent().isActive());
    }
  }

  public record MyTenantView(String tenantSlug, String tenantName, String role, String status) {
    public static MyTenantView of(Membership membership, Tenant tenant) {
      return new MyTenantView(
          tenant.slug().value(),
          tenant.branding().displayName(),
          membership.role().wireName(),
          tenant.status().name());
    }
  }

  public record FreelancerView(
      String subject, String displayName, String email, Instant sharingSince) {
    public static FreelancerView of(Consents.SharingFreelancer freelancer) {
      return new FreelancerView(
          freelancer.consent().freelancerSubject(),
          freelancer.account().map(account -> account.displayName()).orElse(null),
          freelancer.account().map(account -> account.email()).orElse(null),
          freelancer.consent().grantedAt());
    }
  }
}
