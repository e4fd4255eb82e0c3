package io.proxima.tenancy.application;

import io.proxima.platform.mail.OutgoingMail;
import io.proxima.tenancy.application.TenantPeople.IssuedInvitation;
import io.proxima.tenancy.domain.Membership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Invitations that travel by mail. The membership commits first and the mail goes after, so that a
 * mail server that is down loses no invitation: the inviter learns the mail was not sent and sends
 * it again. "Sent" is said only once the mail server accepted the message.
 */
@ApplicationScoped
public class MemberInvitations {

  /** Whether the mail left, and if not, why (words safe to show the inviter). */
  public record Delivery(Status status, Instant sentAt, String problem) {

    public enum Status {
      /** The mail server accepted the message. */
      SENT,
      /** The mail server was not configured, refused or could not be reached: send it again. */
      NOT_SENT,
      /** The person already has an account they sign in with: nothing to mail. */
      NOT_NEEDED
    }

    static Delivery sent(Instant at) {
      return new Delivery(Status.SENT, at, null);
    }

    static Delivery notSent(String problem) {
      return new Delivery(Status.NOT_SENT, null, problem);
    }
  }

  public record Outcome(Membership membership, Delivery mail) {}

  private final TenantPeople people;
  private final TenantAdministration administration;
  private final OutgoingMail outgoing;
  private final String portalBaseUrl;

  protected MemberInvitations() {
    this(null, null, null, null);
  }

  @Inject
  public MemberInvitations(
      TenantPeople people,
      TenantAdministration administration,
      OutgoingMail outgoing,
      @ConfigProperty(name = "proxima.portal.base-url") String portalBaseUrl) {
    this.people = people;
    this.administration = administration;
    this.outgoing = outgoing;
    this.portalBaseUrl = portalBaseUrl;
  }

  public Outcome invite(@NotNull @Valid TenantPeople.Invitation invitation) {
    return mail(people.invite(invitation), people::invitationMailed);
  }

  public Outcome resend(@NotNull UUID memberId) {
    return mail(people.reissueInvitation(memberId), people::invitationMailed);
  }

  /**
   * The console's invitation of a new tenant's first administrator, sent or sent again; nothing is
   * mailed to someone who already had an account.
   */
  public Delivery inviteFirstAdministrator(@NotNull UUID tenantId) {
    if (!administration.firstAdministratorNeedsInvitation(tenantId)) {
      return new Delivery(Delivery.Status.NOT_NEEDED, null, null);
    }
    return mail(
            administration.firstAdministratorInvitation(tenantId),
            memberId -> administration.firstAdministratorInvitationMailed(tenantId, memberId))
        .mail();
  }

  private Outcome mail(IssuedInvitation issued, Function<UUID, Membership> mailed) {
    // The token travels in the fragment: browsers do not send it to the server with the page,
    // so it stays out of access logs and Referer headers.
    String link =
        portalBaseUrl.replaceAll("/+$", "")
            + "/t/"
            + issued.tenant().slug().value()
            + "/join#token="
            + issued.token();
    try {
      outgoing.send(InvitationMail.of(issued.tenant(), issued.membership(), link));
    } catch (OutgoingMail.MailNotSent e) {
      return new Outcome(issued.membership(), Delivery.notSent(e.getMessage()));
    }
    Membership membership = mailed.apply(issued.membership().id());
    return new Outcome(membership, Delivery.sent(membership.invitationMailedAt().orElseThrow()));
  }
}
