package io.proxima.notifications.application;

import io.proxima.notifications.domain.Channel;
import io.proxima.notifications.domain.NotificationMail;
import io.proxima.notifications.domain.NotificationMailRepository;
import io.proxima.notifications.domain.NotificationSettings;
import io.proxima.notifications.domain.NotificationSettingsRepository;
import io.proxima.notifications.domain.NotificationTexts;
import io.proxima.notifications.domain.UnsubscribeToken;
import io.proxima.platform.mail.Mail;
import io.proxima.tenancy.application.TenantContacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail outbox's transactions, all in the platform scope: what is due, taking one mail for a
 * send, writing down how it went. The send itself happens between them, outside any transaction
 * (see {@link NotificationMailDelivery}), so no row is held while the mail server is slow.
 */
@ApplicationScoped
public class NotificationMailOutbox {

  /** Longer than a send can take (the SMTP client's timeouts are 10 s each). */
  static final Duration LEASE = Duration.ofSeconds(60);

  static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  static final Duration LONGEST_RETRY = Duration.ofHours(1);

  private final NotificationMailRepository mails;
  private final NotificationSettingsRepository settings;
  private final TenantContacts contacts;
  private final String portalBaseUrl;
  private final int maxAttempts;
  private final Clock clock;

  protected NotificationMailOutbox() {
    this(null, null, null, "http://localhost", 0, Clock.systemUTC());
  }

  @Inject
  public NotificationMailOutbox(
      NotificationMailRepository mails,
      NotificationSettingsRepository settings,
      TenantContacts contacts,
      @ConfigProperty(name = "proxima.portal.base-url") String portalBaseUrl,
      @ConfigProperty(name = "proxima.notifications.mail.max-attempts", defaultValue = "10")
          int maxAttempts) {
    this(mails, settings, contacts, portalBaseUrl, maxAttempts, Clock.systemUTC());
  }

  NotificationMailOutbox(
      NotificationMailRepository mails,
      NotificationSettingsRepository settings,
      TenantContacts contacts,
      String portalBaseUrl,
      int maxAttempts,
      Clock clock) {
    this.mails = mails;
    this.settings = settings;
    this.contacts = contacts;
    this.portalBaseUrl = portalBaseUrl.replaceAll("/+$", "");
    this.maxAttempts = maxAttempts;
    this.clock = clock;
  }

  /** A claimed mail, ready to hand to the server. */
  public record Outgoing(UUID id, Mail mail) {}

  @Transactional
  public List<UUID> due(@Min(1) @Max(1000) int limit) {
    return mails.due(clock.instant(), limit);
  }

  /**
   * Takes the mail if it is due and no other node has it, for {@link #LEASE}, and writes it in the
   * recipient's language; empty when there is nothing to send: not due, taken, the kind turned off,
   * or nobody to send to (no address, the tenant suspended).
   */
  @Transactional
  public Optional<Outgoing> claim(@NotNull UUID id) {
    Instant now = clock.instant();
    Optional<NotificationMail> due = mails.claimDue(id, now);
    if (due.isEmpty()) {
      return Optional.empty();
    }
    NotificationMail mail = due.get();
    mail.claim(now.plus(LEASE));
    NotificationSettings chosen =
        settings
            .find(mail.recipient())
            .orElseGet(
                () -> settings.storeIfAbsent(NotificationSettings.defaults(mail.recipient(), now)));
    if (!chosen.enabled(mail.kind(), Channel.MAIL)) {
      mail.skipped("mail for " + mail.kind().wireName() + " is turned off");
      return Optional.empty();
    }
    Optional<TenantContacts.Recipient> person = contacts.person(mail.recipient());
    if (person.isEmpty()) {
      mail.skipped("the recipient has no mail address");
      return Optional.empty();
    }
    Optional<TenantContacts.Contacts> tenant = contacts.of(mail.tenantId());
    if (tenant.isEmpty()) {
      mail.skipped("the tenant is suspended or gone");
      return Optional.empty();
    }
    String portal = mail.staff() ? portalBaseUrl + "/t/" + tenant.get().slug() : portalBaseUrl;
    String token = UnsubscribeToken.sign(mail.recipient(), mail.kind(), chosen.unsubscribeKey());
    return Optional.of(
        new Outgoing(
            mail.id(),
            NotificationMailComposer.compose(
                new NotificationMailComposer.Letter(
                    mail.kind(),
                    mail.staff(),
                    mail.items(),
                    mail.data(),
                    chosen.language(),
                    person.get().email(),
                    person.get().name(),
                    tenant.get().branding(),
                    portal
                        + NotificationTexts.link(
                            mail.kind(), mail.staff(), mail.data(), tenant.get().slug()),
                    unsubscribeLink(token)))));
  }

  /**
   * The link is the API's: it answers a click with a confirmation page and a POST with the deed.
   */
  String unsubscribeLink(String token) {
    return portalBaseUrl
        + "/api/v1/unsubscribe?token="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  @Transactional
  public void sent(@NotNull UUID id) {
    mails
        .lock(id)
        .filter(mail -> mail.status() == NotificationMail.Status.PENDING)
        .ifPresent(mail -> mail.sent(clock.instant()));
  }

  /**
   * The server refused or could not be reached: tried again after an interval that doubles with
   * each attempt, until the last attempt ends it as failed.
   */
  @Transactional
  public void failed(@NotNull UUID id, String error) {
    Optional<NotificationMail> locked =
        mails.lock(id).filter(mail -> mail.status() == NotificationMail.Status.PENDING);
    if (locked.isEmpty()) {
      return;
    }
    NotificationMail mail = locked.get();
    if (mail.attempts() < maxAttempts) {
      mail.retryAt(clock.instant().plus(backoff(mail.attempts())), error);
    } else {
      mail.failed(error);
    }
  }

  /** 5 s, 10 s, 20 s … up to an hour, after the given number of attempts. */
  static Duration backoff(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 20));
    Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
  }
}
