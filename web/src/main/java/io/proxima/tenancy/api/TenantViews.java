package io.proxima.tenancy.api;

import io.proxima.platform.error.DomainException;
import io.proxima.tenancy.application.Consents;
import io.proxima.tenancy.application.MemberInvitations;
import io.proxima.tenancy.domain.CompanyWorkspace;
import io.proxima.tenancy.domain.ConsentTerms;
import io.proxima.tenancy.domain.ConsentTermsChanged;
import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.SharedItem;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.interfaces.BrandingView;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

  /**
   * A consent as its freelancer sees it: the terms it was given on (what is shared, the purpose as
   * shown then) beside the tenant's purpose of today, and whether that changed since.
   *
   * @param purpose the purpose the consent was given for; null for consents older than the log
   * @param currentPurpose the tenant's purpose of use now
   * @param purposeChanged whether the tenant changed its purpose since the consent was given
   * @param givenVia PORTAL or INVITATION
   */
  public record ConsentView(
      @Schema(required = true, example = "demo-agency") String tenantSlug,
      @Schema(required = true, example = "株式会社デモエージェント") String tenantName,
      @Schema(required = true) Instant grantedAt,
      Instant revokedAt,
      @Schema(required = true) boolean active,
      @Schema(
              required = true,
              description = "what the tenant sees while the consent is in force",
              example =
                  "[\"PROFILE\",\"SKILL_SHEET\",\"EMAIL\",\"AVAILABILITY\",\"MESSAGES\",\"CANDIDACY\"]")
          List<String> sharedItems,
      @Schema(example = "案件のご紹介と契約手続きのため") String purpose,
      @Schema(required = true, example = "案件のご紹介と契約手続きのため") String currentPurpose,
      @Schema(required = true) boolean purposeChanged,
      @Schema(
              required = true,
              enumeration = {"PORTAL", "INVITATION"},
              example = "PORTAL")
          String givenVia) {
    public static ConsentView of(Consents.ConsentView view) {
      ConsentTerms terms = view.consent().terms();
      return new ConsentView(
          view.tenant().slug().value(),
          view.tenant().branding().displayName(),
          view.consent().grantedAt(),
          view.consent().revokedAt(),
          view.consent().isActive(),
          names(terms.items()),
          terms.purpose(),
          view.tenant().sharingPurpose(),
          view.purposeChanged(),
          view.consent().givenVia().name());
    }
  }

  /**
   * One entry of the consent-and-purpose log, as recorded then (never rewritten).
   *
   * @param purpose the purpose as the freelancer was shown it at that moment; null for consents
   *     older than the log
   */
  public record ConsentEventView(
      @Schema(required = true) UUID id,
      @Schema(required = true) Instant occurredAt,
      @Schema(
              required = true,
              enumeration = {
                "GIVEN",
                "GIVEN_AGAIN",
                "GIVEN_BY_INVITATION",
                "REVOKED",
                "ENDED_BY_ERASURE",
                "ENDED_BY_TENANT_DELETION"
              },
              example = "GIVEN")
          String kind,
      @Schema(required = true, example = "demo-agency") String tenantSlug,
      @Schema(required = true, example = "株式会社デモエージェント") String tenantName,
      @Schema(required = true) List<String> sharedItems,
      @Schema(example = "案件のご紹介と契約手続きのため") String purpose) {
    public static ConsentEventView of(Consents.LoggedEvent logged) {
      ConsentTerms terms = logged.event().terms();
      return new ConsentEventView(
          logged.event().id(),
          logged.event().occurredAt(),
          logged.event().kind().name(),
          logged.tenant().slug().value(),
          logged.tenant().branding().displayName(),
          names(terms.items()),
          terms.purpose());
    }
  }

  /** What sharing with a tenant shares now and for what purpose, shown before sharing. */
  public record SharingTermsView(
      @Schema(required = true, example = "demo-agency") String tenantSlug,
      @Schema(required = true, example = "株式会社デモエージェント") String tenantName,
      @Schema(required = true) List<String> sharedItems,
      @Schema(required = true, example = "案件のご紹介と契約手続きのため") String purpose,
      @Schema(
              required = true,
              example = "q3Xb9Lk0aZ1c",
              description =
                  "these terms' version: send it back when sharing (termsVersion) and a change"
                      + " made since is refused with 409 instead of consenting to unseen terms")
          String version) {
    public static SharingTermsView of(Tenant tenant) {
      ConsentTerms terms = tenant.sharingTerms();
      return new SharingTermsView(
          tenant.slug().value(),
          tenant.branding().displayName(),
          names(terms.items()),
          terms.purpose(),
          terms.version());
    }

    public static SharingTermsView of(ConsentTermsChanged changed) {
      ConsentTerms terms = changed.current();
      return new SharingTermsView(
          changed.tenantSlug(),
          changed.tenantName(),
          names(terms.items()),
          terms.purpose(),
          terms.version());
    }
  }

  /**
   * A terms version as a caller sends it back: absent (today's terms apply), or the short text
   * {@link SharingTermsView#version()} gave. Anything else is bad input, not a stale version.
   */
  public static String termsVersion(String version) {
    if (version == null) {
      return null;
    }
    if (!version.matches("[A-Za-z0-9_-]{1," + ConsentTerms.VERSION_MAX_LENGTH + "}")) {
      throw new DomainException.InvalidValue(
          "termsVersion", "termsVersion must be the version the terms were shown with");
    }
    return version;
  }

  /**
   * The tenant's purpose of use as its staff see it.
   *
   * @param own whether the tenant stated it (false: the platform's default)
   */
  public record SharingPurposeView(
      @Schema(required = true, example = "案件のご紹介と契約手続きのため") String purpose,
      @Schema(required = true) boolean own,
      @Schema(required = true, example = "案件のご紹介と契約手続きのため") String defaultPurpose,
      @Schema(required = true) List<String> sharedItems) {
    public static SharingPurposeView of(Tenant tenant) {
      return new SharingPurposeView(
          tenant.sharingPurpose(),
          tenant.statesOwnSharingPurpose(),
          ConsentTerms.DEFAULT_PURPOSE,
          names(tenant.sharingTerms().items()));
    }
  }

  /** A purpose of use to state; null or absent goes back to the platform's default. */
  public record SharingPurposeChange(
      @Size(max = 500)
          @Schema(
              maxLength = 500,
              description = "plain text; null for the platform's default",
              example = "案件のご紹介と契約手続きのため")
          String purpose) {}

  static List<String> names(List<SharedItem> items) {
    return items.stream().map(SharedItem::name).toList();
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
