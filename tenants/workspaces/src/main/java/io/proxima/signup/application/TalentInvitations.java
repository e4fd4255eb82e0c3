package io.proxima.signup.application;

import io.proxima.platform.mail.OutgoingMail;
import io.proxima.signup.domain.TalentInvitation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Talent invitations that travel by mail. The invitation commits first and the mail goes after, so
 * a mail server that is down loses nothing: staff see "not sent" and send it again. "Sent" is said
 * only once the mail server took the message.
 */
@ApplicationScoped
public class TalentInvitations {

  /** Whether the mail left, and if not why (words safe to show staff). */
  public record Delivery(boolean sent, Instant sentAt, String problem) {}

  public record Outcome(TalentInvitation invitation, Delivery mail) {}

  private final TalentPool pool;
  private final OutgoingMail outgoing;
  private final String portalBaseUrl;

  protected TalentInvitations() {
    this(null, null, null);
  }

  @Inject
  public TalentInvitations(
      TalentPool pool,
      OutgoingMail outgoing,
      @ConfigProperty(name = "proxima.portal.base-url") String portalBaseUrl) {
    this.pool = pool;
    this.outgoing = outgoing;
    this.portalBaseUrl = portalBaseUrl;
  }

  public Outcome invite(@NotNull @Valid TalentPool.Invite invite) {
    return mail(pool.invite(invite));
  }

  public Outcome resend(@NotNull UUID invitationId) {
    return mail(pool.reissue(invitationId));
  }

  private Outcome mail(TalentPool.Issued issued) {
    // In the fragment: browsers do not send it with the page request, so it stays out of access
    // logs and Referer headers.
    String link =
        portalBaseUrl.replaceAll("/+$", "")
            + "/t/"
            + issued.tenant().slug().value()
            + "/talent-invitation#token="
            + issued.token();
    try {
      outgoing.send(TalentInvitationMail.of(issued.tenant(), issued.invitation(), link));
    } catch (OutgoingMail.MailNotSent e) {
      return new Outcome(issued.invitation(), new Delivery(false, null, e.getMessage()));
    }
    TalentInvitation mailed = pool.mailed(issued.invitation().id());
    return new Outcome(mailed, new Delivery(true, mailed.mailedAt().orElseThrow(), null));
  }
}
