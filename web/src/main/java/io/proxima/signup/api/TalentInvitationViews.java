package io.proxima.signup.api;

import io.proxima.signup.application.TalentInvitations;
import io.proxima.signup.application.TalentPool;
import io.proxima.signup.domain.TalentInvitation;
import io.proxima.tenancy.domain.SharedItem;
import io.proxima.tenancy.domain.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff and invitees see of talent invitations. */
public final class TalentInvitationViews {

  private static final Clock CLOCK = Clock.systemUTC();

  private TalentInvitationViews() {}

  /** An invitation as staff see it; status EXPIRED is a pending one past its expiry. */
  public record TalentInvitationView(
      UUID id,
      String email,
      String familyName,
      String givenName,
      String language,
      String status,
      Instant invitedAt,
      Instant expiresAt,
      Instant mailedAt,
      Instant answeredAt) {

    static TalentInvitationView of(TalentInvitation invitation) {
      return new TalentInvitationView(
          invitation.id(),
          invitation.email(),
          invitation.familyName().orElse(null),
          invitation.givenName().orElse(null),
          invitation.language(),
          invitation.status(CLOCK.instant()).name(),
          invitation.invitedAt(),
          invitation.expiresAt(),
          invitation.mailedAt().orElse(null),
          invitation.answeredAt().orElse(null));
    }
  }

  /** Whether the mail left: SENT, or NOT_SENT with the reason (send it again). */
  public record MailView(String status, Instant sentAt, String problem) {

    static MailView of(TalentInvitations.Delivery delivery) {
      return new MailView(
          delivery.sent() ? "SENT" : "NOT_SENT", delivery.sentAt(), delivery.problem());
    }
  }

  public record InvitedView(TalentInvitationView invitation, MailView mail) {

    static InvitedView of(TalentInvitations.Outcome outcome) {
      return new InvitedView(
          TalentInvitationView.of(outcome.invitation()), MailView.of(outcome.mail()));
    }
  }

  /**
   * What the invitee sees on the invitation page before answering: the tenant's name and the
   * address the invitation went to, nothing of the tenant's other data.
   */
  public record InvitationLinkView(
      String tenantSlug,
      String tenantName,
      String email,
      String familyName,
      String givenName,
      String status,
      Instant expiresAt,
      @Schema(description = "what accepting shares with the tenant") List<String> sharedItems,
      @Schema(
              description = "the tenant's purpose of use, which accepting agrees to",
              example = "案件のご紹介と契約手続きのため")
          String sharingPurpose,
      @Schema(description = TERMS_VERSION, example = "q3Xb9Lk0aZ1c") String termsVersion) {

    static InvitationLinkView of(TalentPool.Link link) {
      TalentInvitation invitation = link.invitation();
      return new InvitationLinkView(
          link.tenant().slug().value(),
          link.tenant().branding().displayName(),
          invitation.email(),
          invitation.familyName().orElse(null),
          invitation.givenName().orElse(null),
          invitation.status(CLOCK.instant()).name(),
          invitation.expiresAt(),
          items(link.tenant()),
          link.tenant().sharingPurpose(),
          link.tenant().sharingTerms().version());
    }
  }

  static final String TERMS_VERSION =
      "the version of sharedItems and sharingPurpose: sent back when accepting, a change made"
          + " since is refused with 409 instead of consenting to unseen terms";

  private static List<String> items(Tenant tenant) {
    return tenant.sharingTerms().items().stream().map(SharedItem::name).toList();
  }

  /**
   * An invitation as its invitee sees it in the app: which agency asks, until when. The address is
   * the caller's own and is not repeated; nothing of the tenant's other data.
   */
  public record MyTalentInvitationView(
      @Schema(required = true, example = "4f6c2a9e-1b7d-4c3e-9a51-2d8e6f0b7c13") UUID id,
      @Schema(required = true, example = "demo-agency") String tenantSlug,
      @Schema(required = true, example = "株式会社デモエージェント") String tenantName,
      @Schema(
              required = true,
              enumeration = {"PENDING", "ACCEPTED", "DECLINED", "REVOKED", "EXPIRED"},
              example = "PENDING")
          String status,
      @Schema(required = true, example = "2026-12-06T03:00:00Z") Instant invitedAt,
      @Schema(required = true, example = "2026-12-20T03:00:00Z") Instant expiresAt,
      @Schema(required = true, description = "what accepting shares with the tenant")
          List<String> sharedItems,
      @Schema(
              required = true,
              description = "the tenant's purpose of use, which accepting agrees to",
              example = "案件のご紹介と契約手続きのため")
          String sharingPurpose,
      @Schema(required = true, description = TERMS_VERSION, example = "q3Xb9Lk0aZ1c")
          String termsVersion) {

    static MyTalentInvitationView of(TalentPool.Addressed addressed) {
      return of(addressed.tenant(), addressed.invitation());
    }

    static MyTalentInvitationView of(TalentPool.Link answered) {
      return of(answered.tenant(), answered.invitation());
    }

    private static MyTalentInvitationView of(Tenant tenant, TalentInvitation invitation) {
      return new MyTalentInvitationView(
          invitation.id(),
          tenant.slug().value(),
          tenant.branding().displayName(),
          invitation.status(CLOCK.instant()).name(),
          invitation.invitedAt(),
          invitation.expiresAt(),
          items(tenant),
          tenant.sharingPurpose(),
          tenant.sharingTerms().version());
    }
  }
}
