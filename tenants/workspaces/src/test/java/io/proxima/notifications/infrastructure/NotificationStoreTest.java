package io.proxima.notifications.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.identity.domain.IdentityClaims;
import io.proxima.identity.domain.UserAccount;
import io.proxima.identity.infrastructure.JpaUserAccountRepository;
import io.proxima.notifications.application.NotificationCentre;
import io.proxima.notifications.application.NotificationInbox;
import io.proxima.notifications.application.NotificationMailOutbox;
import io.proxima.notifications.domain.NotificationKind;
import io.proxima.notifications.domain.NotificationPosted;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.events.PlatformEvent;
import io.proxima.platform.events.PlatformEventType;
import io.proxima.platform.mail.Mail;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.TenantContacts;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Consent;
import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRole;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.infrastructure.JpaConsentRepository;
import io.proxima.tenancy.infrastructure.JpaMembershipRepository;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The notification core on a real PostgreSQL under row-level security: events become centre rows
 * and outbox mail in the firing transaction (or nothing, when it rolls back), messages batch, the
 * tenant's staff are found from a freelancer's own scope, the outbox claims, skips and retries, and
 * unsubscribe tokens turn a kind off. No mail server here: {@code NotificationsIT} sends.
 */
class NotificationStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaNotificationRepository notifications =
      new JpaNotificationRepository(kit.entityManager());
  private final JpaNotificationMailRepository mails =
      new JpaNotificationMailRepository(kit.entityManager());
  private final JpaNotificationSettingsRepository settings =
      new JpaNotificationSettingsRepository(kit.entityManager());
  private final JpaTenantRepository tenants = new JpaTenantRepository(kit.entityManager());
  private final JpaConsentRepository consents = new JpaConsentRepository(kit.entityManager());
  private final JpaMembershipRepository memberships =
      new JpaMembershipRepository(kit.entityManager());
  private final JpaUserAccountRepository accounts =
      new JpaUserAccountRepository(kit.entityManager());
  private final Set<String> online = ConcurrentHashMap.newKeySet();
  private final List<NotificationPosted> posted = new CopyOnWriteArrayList<>();
  private final NotificationInbox inbox =
      new NotificationInbox(notifications, mails, online::contains, recording(posted), 600);
  private final NotificationCentre centre =
      new NotificationCentre(notifications, settings, tenants);
  private final NotificationMailOutbox outbox =
      new NotificationMailOutbox(
          mails,
          settings,
          new TenantContacts(tenants, memberships, accounts),
          "https://portal.example",
          3);

  private final String freelancer = "freelancer-" + UUID.randomUUID();
  private final String staff = "staff-" + UUID.randomUUID();

  @Test
  void aScoutBecomesTheFreelancersNotificationAndAMailInTheFiringTransaction() {
    Tenant agency = agency();
    account(freelancer, "Taro Yamada");

    fire(staffOf(agency), scout(agency));

    NotificationCentre.Page mine =
        kit.in(TenancyContext.self(freelancer), () -> centre.page(0, 20));
    assertThat(mine.unread()).isEqualTo(1);
    assertThat(mine.items())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(NotificationKind.SCOUT_RECEIVED);
              assertThat(item.titleJa())
                  .isEqualTo(agency.branding().displayName() + "からスカウトが届きました：Go API");
              assertThat(item.link()).isEqualTo("/scouts");
              assertThat(item.tenantSlug()).isEqualTo(agency.slug().value());
            });
    assertThat(posted).extracting(NotificationPosted::recipient).containsExactly(freelancer);
    // Nobody else sees it: not another person, not the staff who sent the scout.
    assertThat(kit.in(TenancyContext.self("someone-else"), () -> centre.page(0, 20)).items())
        .isEmpty();
    assertThat(kit.in(staffOf(agency), () -> centre.page(0, 20)).items()).isEmpty();
    assertThat(rows("SELECT count(*) FROM notification_mail WHERE recipient_subject = ?"))
        .isEqualTo(1);
  }

  @Test
  void savedSearchMatchesAndConsentRequestsFromOtherContextsAreToldAndMailedToo() {
    Tenant agency = agency();
    // Fired by the job search and the agency's invitation in their own branches; the same event
    // shape here.
    fire(
        TenancyContext.platform("system:saved-search-alerts"),
        PlatformEvent.toPerson(
            PlatformEventType.SAVED_SEARCH_MATCHED,
            agency.id(),
            UUID.randomUUID(),
            freelancer,
            Map.of("count", "4"),
            NOW));
    fire(
        staffOf(agency),
        PlatformEvent.toPerson(
            PlatformEventType.CONSENT_REQUESTED, agency.id(), null, freelancer, Map.of(), NOW));

    List<NotificationCentre.Item> mine =
        kit.in(TenancyContext.self(freelancer), () -> centre.page(0, 20)).items();
    assertThat(mine)
        .extracting(NotificationCentre.Item::titleJa)
        .containsExactlyInAnyOrder(
            "保存した検索条件に合う新着案件が4件あります", agency.branding().displayName() + "からプロフィール公開の依頼が届きました");
    assertThat(mine)
        .extracting(NotificationCentre.Item::link)
        .containsExactlyInAnyOrder("/jobs", "/sharing");
    assertThat(rows("SELECT count(*) FROM notification_mail WHERE recipient_subject = ?"))
        .isEqualTo(2);
  }

  @Test
  void eventsNobodyIsToldAboutPersonallyWriteNothing() {
    Tenant agency = agency();

    fire(
        staffOf(agency),
        PlatformEvent.toPerson(
            PlatformEventType.APPLICATION_MOVED, agency.id(), null, freelancer, Map.of(), NOW));

    assertThat(rows("SELECT count(*) FROM notification WHERE recipient_subject = ?")).isZero();
  }

  @Test
  void anEventWhoseTransactionRollsBackLeavesNothing() {
    Tenant agency = agency();

    assertThatThrownBy(
            () ->
                kit.in(
                    staffOf(agency),
                    () -> {
                      inbox.on(scout(agency));
                      throw new IllegalStateException("the scout failed after the event");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(rows("SELECT count(*) FROM notification WHERE recipient_subject = ?")).isZero();
    assertThat(rows("SELECT count(*) FROM notification_mail WHERE recipient_subject = ?")).isZero();
  }

  @Test
  void messagesOfOneConversationCountUpOneNotificationAndOneMailWhileTheRecipientIsAway() {
    Tenant agency = agency();
    for (int i = 0; i < 3; i++) {
      fire(TenancyContext.self(freelancer), message(agency, freelancer, false));
    }

    NotificationCentre.Page mine =
        kit.in(TenancyContext.self(freelancer), () -> centre.page(0, 20));
    assertThat(mine.items())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.items()).isEqualTo(3);
              assertThat(item.titleJa()).endsWith("新着メッセージが3件あります");
              assertThat(item.link()).isEqualTo("/messages/" + agency.slug().value());
            });
    assertThat(rows("SELECT sum(items) FROM notification_mail WHERE recipient_subject = ?"))
        .isEqualTo(3);
    assertThat(rows("SELECT count(*) FROM notification_mail WHERE recipient_subject = ?"))
        .isEqualTo(1);
    // Not due before the window: the summary waits for what else comes.
    assertThat(kit.in(TenancyContext.platform("test"), () -> mails.due(NOW.plusSeconds(599), 100)))
        .doesNotContain(mailId());

    // Read, then a new message starts a new notification; someone here gets no mail.
    kit.in(TenancyContext.self(freelancer), () -> centre.readAll());
    online.add(freelancer);
    fire(TenancyContext.self(freelancer), message(agency, freelancer, false));
    assertThat(kit.in(TenancyContext.self(freelancer), () -> centre.page(0, 20)).unread())
        .isEqualTo(1);
    assertThat(rows("SELECT count(*) FROM notification_mail WHERE recipient_subject = ?"))
        .isEqualTo(1);
  }

  @Test
  void aFreelancersMessageReachesTheStaffOfATenantTheyShareWithOnly() {
    Tenant shared = agency();
    Tenant notShared = agency();
    member(shared, staff);
    member(notShared, "staff-elsewhere-" + UUID.randomUUID());
    kit.in(
        TenancyContext.self(freelancer),
        () -> consents.store(Consent.give(freelancer, shared.id(), NOW)));

    fire(TenancyContext.self(freelancer), message(shared, freelancer, true));
    fire(TenancyContext.self(freelancer), message(notShared, freelancer, true));

    List<NotificationCentre.Item> staffs =
        kit.in(staffOf(shared), () -> centre.page(0, 20)).items();
    assertThat(staffs)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(NotificationKind.MESSAGE_RECEIVED);
              assertThat(item.link()).isEqualTo("/messages/" + freelancer);
            });
    assertThat(kit.in(TenancyContext.self(freelancer), () -> notifications.staffOf(notShared.id())))
        .isEmpty();
  }

  @Test
  void theOutboxWritesTheTenantsMailWithAnUnsubscribeLinkThatTurnsTheKindOff() {
    Tenant agency = agency();
    account(freelancer, "Taro Yamada");
    fire(staffOf(agency), scout(agency));
    UUID id = mailId();

    Optional<NotificationMailOutbox.Outgoing> claimed =
        kit.in(TenancyContext.platform("test"), () -> outbox.claim(id));
    assertThat(claimed).isPresent();
    Mail mail = claimed.get().mail();
    assertThat(mail.to()).isEqualTo(freelancer + "@example.jp");
    assertThat(mail.subject()).startsWith("【" + agency.branding().displayName() + "】");
    assertThat(mail.text()).contains("https://portal.example/scouts");
    String link = mail.headers().get("List-Unsubscribe");
    String token = link.substring(link.indexOf("token=") + 6, link.length() - 1);
    // Claimed: no other worker takes it meanwhile.
    assertThat(kit.in(TenancyContext.platform("test"), () -> outbox.claim(id))).isEmpty();
    kit.in(TenancyContext.platform("test"), () -> outbox.sent(id));
    assertThat(status(id)).isEqualTo("SENT");

    NotificationCentre.Unsubscription off =
        kit.in(TenancyContext.self(freelancer), () -> centre.unsubscribe(token));
    assertThat(off.kind()).isEqualTo(NotificationKind.SCOUT_RECEIVED);
    assertThat(
            kit.in(TenancyContext.self(freelancer), () -> centre.settings()).kinds().stream()
                .filter(choice -> choice.kind() == NotificationKind.SCOUT_RECEIVED)
                .findFirst()
                .orElseThrow()
                .mail())
        .isFalse();
    String forged = token.replace("SCOUT_RECEIVED", "INVOICE_ISSUED");
    assertThatThrownBy(
            () -> kit.in(TenancyContext.self(freelancer), () -> centre.unsubscribe(forged)))
        .isInstanceOf(DomainException.NotFound.class);

    // The next scout is in the centre, and its mail is skipped.
    fire(staffOf(agency), scout(agency));
    UUID next = mailId();
    assertThat(kit.in(TenancyContext.platform("test"), () -> outbox.claim(next))).isEmpty();
    assertThat(status(next)).isEqualTo("SKIPPED");
  }

  @Test
  void aRefusedMailIsTriedAgainLaterThenGivenUp() {
    Tenant agency = agency();
    account(freelancer, "Taro Yamada");
    fire(staffOf(agency), scout(agency));
    UUID id = mailId();

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(kit.in(TenancyContext.platform("test"), () -> outbox.claim(id)))
          .as("attempt " + attempt)
          .isPresent();
      kit.in(
          TenancyContext.platform("test"),
          () -> outbox.failed(id, "the mail server did not accept the message"));
      assertThat(attempts(id)).isEqualTo(attempt);
      if (attempt < 3) {
        assertThat(status(id)).isEqualTo("PENDING");
        // Not due again at once: it waits out its backoff.
        assertThat(kit.in(TenancyContext.platform("test"), () -> outbox.claim(id))).isEmpty();
        setDue(id);
      }
    }
    assertThat(status(id)).isEqualTo("FAILED");
  }

  // ---- arranging ------------------------------------------------------------------------------

  private void fire(TenancyContext context, PlatformEvent event) {
    kit.in(context, () -> inbox.on(event));
  }

  private PlatformEvent scout(Tenant agency) {
    return PlatformEvent.toPerson(
        PlatformEventType.SCOUT_RECEIVED,
        agency.id(),
        UUID.randomUUID(),
        freelancer,
        Map.of("jobTitle", "Go API"),
        NOW);
  }

  private static PlatformEvent message(Tenant agency, String freelancer, boolean toStaff) {
    return new PlatformEvent(
        PlatformEventType.MESSAGE_RECEIVED.wireName(),
        agency.id(),
        UUID.randomUUID(),
        toStaff ? List.of() : List.of(freelancer),
        toStaff,
        Map.of("thread", freelancer, "freelancerId", freelancer),
        NOW);
  }

  private Tenant agency() {
    String slug = "n" + UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant =
        Tenant.register(
            new TenantSlug(slug), TenantType.AGENCY, Branding.named("みなと " + slug), Plan.FREE, NOW);
    kit.in(TenancyContext.platform("console-admin"), () -> tenants.store(tenant));
    return tenant;
  }

  private TenancyContext staffOf(Tenant agency) {
    return TenancyContext.tenant(agency.id(), agency.slug().value(), staff);
  }

  private void member(Tenant agency, String subject) {
    kit.in(
        TenancyContext.tenant(agency.id(), agency.slug().value(), subject),
        () ->
            memberships.store(
                Membership.grant(
                    subject,
                    subject + "@example.jp",
                    "Staff",
                    TenantRole.AGENCY_ADMIN,
                    null,
                    NOW)));
  }

  private void account(String subject, String name) {
    kit.in(
        TenancyContext.self(subject),
        () ->
            accounts.storeIfAbsent(
                UserAccount.firstSeen(
                    new IdentityClaims(subject, subject, subject + "@example.jp", name), NOW)));
  }

  private UUID mailId() {
    try (Connection db = kit.ownerDataSource().getConnection();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT id FROM notification_mail WHERE recipient_subject = ?"
                    + " ORDER BY (status = 'PENDING') DESC, created_at DESC LIMIT 1")) {
      db.createStatement().execute("SET app.scope = 'platform'");
      query.setString(1, freelancer);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getObject(1, UUID.class);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long rows(String sql) {
    return ((Number) owner(sql, freelancer)).longValue();
  }

  private String status(UUID id) {
    return (String)
        owner("SELECT status FROM notification_mail WHERE id = CAST(? AS uuid)", id.toString());
  }

  private int attempts(UUID id) {
    return ((Number)
            owner(
                "SELECT attempts FROM notification_mail WHERE id = CAST(? AS uuid)", id.toString()))
        .intValue();
  }

  private void setDue(UUID id) {
    owner(
        "UPDATE notification_mail SET next_attempt_at = now() - interval '1 second'"
            + " WHERE id = CAST(? AS uuid) RETURNING 1",
        id.toString());
  }

  /** One value, read past row-level security as the platform scope. */
  private Object owner(String sql, String parameter) {
    try (Connection db = kit.ownerDataSource().getConnection()) {
      db.createStatement().execute("SET app.scope = 'platform'");
      try (PreparedStatement query = db.prepareStatement(sql)) {
        query.setString(1, parameter);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next() ? (rows.getObject(1) == null ? 0L : rows.getObject(1)) : 0L;
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records what is fired; the relay and the delivery worker observe it on a node. */
  private static <T> Event<T> recording(List<T> fired) {
    return new Event<>() {
      @Override
      public void fire(T event) {
        fired.add(event);
      }

      @Override
      public <U extends T> CompletionStage<U> fireAsync(U event) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Event<T> select(Annotation... qualifiers) {
        return this;
      }

      @Override
      public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
