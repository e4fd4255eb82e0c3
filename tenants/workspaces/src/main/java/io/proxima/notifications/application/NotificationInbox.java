package io.proxima.notifications.application;

import io.proxima.notifications.domain.Notice;
import io.proxima.notifications.domain.NotificationKind;
import io.proxima.notifications.domain.NotificationMailRepository;
import io.proxima.notifications.domain.NotificationPosted;
import io.proxima.notifications.domain.NotificationRepository;
import io.proxima.platform.events.PlatformEvent;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns what happened into notifications, inside the transaction that made it happen: a row in each
 * recipient's centre and one in the mail outbox, committed or rolled back with the change. Nothing
 * here waits for a mail server or a socket; {@link NotificationMailDelivery} sends later.
 */
@ApplicationScoped
public class NotificationInbox {

  /** The {@code audience} a producer puts in the data when the people it names are staff. */
  public static final String STAFF_AUDIENCE = "staff";

  private final NotificationRepository notifications;
  private final NotificationMailRepository mails;
  private final NotificationPresence presence;
  private final Event<NotificationPosted> posted;
  private final Duration batchWindow;

  protected NotificationInbox() {
    this(null, null, null, null, Duration.ZERO);
  }

  @Inject
  public NotificationInbox(
      NotificationRepository notifications,
      NotificationMailRepository mails,
      NotificationPresence presence,
      Event<NotificationPosted> posted,
      @ConfigProperty(name = "proxima.notifications.mail.batch-seconds", defaultValue = "600")
          long batchSeconds) {
    this(notifications, mails, presence, posted, Duration.ofSeconds(batchSeconds));
  }

  NotificationInbox(
      NotificationRepository notifications,
      NotificationMailRepository mails,
      NotificationPresence presence,
      Event<NotificationPosted> posted,
      Duration batchWindow) {
    this.notifications = notifications;
    this.mails = mails;
    this.presence = presence;
    this.posted = posted;
    this.batchWindow = batchWindow;
  }

  /**
   * Synchronous on purpose (not after the commit): the rows must be part of the firing transaction,
   * so an event that rolls back leaves nothing to deliver, and one that commits cannot be lost.
   */
  @Transactional
  public void on(@Observes PlatformEvent event) {
    Optional<NotificationKind> kind = NotificationKind.ofWireName(event.type());
    if (kind.isEmpty()) {
      return;
    }
    String writer = TenancyContext.current().subject();
    Map<String, Boolean> recipients = new LinkedHashMap<>();
    // A producer naming staff members says so: their links open in the tenant's portal.
    boolean namedAreStaff = STAFF_AUDIENCE.equals(event.data().get("audience"));
    event.recipients().forEach(recipient -> recipients.put(recipient, namedAreStaff));
    if (event.toTenantStaff()) {
      for (String member : notifications.staffOf(event.tenantId())) {
        // Whoever did it does not need telling.
        if (!member.equals(writer) && !member.equals(event.data().get("actor"))) {
          recipients.putIfAbsent(member, true);
        }
      }
    }
    recipients.forEach((recipient, staff) -> tell(event, kind.get(), recipient, staff, writer));
  }

  private void tell(
      PlatformEvent event, NotificationKind kind, String recipient, boolean staff, String writer) {
    Notice notice =
        new Notice(
            event.tenantId(),
            recipient,
            kind,
            staff,
            event.subjectId(),
            event.data(),
            kind.batched() ? batchKey(kind, event) : null,
            writer,
            event.occurredAt());
    UUID id = notifications.post(notice);
    boolean mailDueNow = !kind.batched();
    if (mailDueNow) {
      mails.enqueue(notice, event.occurredAt());
    } else if (!presence.online(recipient)) {
      // Someone away gets one summary of what came over the window, not a mail per message.
      mails.enqueue(notice, event.occurredAt().plus(batchWindow));
    }
    posted.fire(
        new NotificationPosted(recipient, event.tenantId(), id, kind.wireName(), mailDueNow));
  }

  /** Items of one conversation (or of whatever the producer names as its thread) batch together. */
  static String batchKey(NotificationKind kind, PlatformEvent event) {
    String thread = event.data().getOrDefault("thread", String.valueOf(event.subjectId()));
    return kind.wireName() + ":" + event.tenantId() + ":" + thread;
  }
}
