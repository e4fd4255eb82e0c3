package io.proxima.notifications.application;

import io.proxima.notifications.domain.Channel;
import io.proxima.notifications.domain.Notification;
import io.proxima.notifications.domain.NotificationKind;
import io.proxima.notifications.domain.NotificationRepository;
import io.proxima.notifications.domain.NotificationSettings;
import io.proxima.notifications.domain.NotificationSettingsRepository;
import io.proxima.notifications.domain.NotificationTexts;
import io.proxima.notifications.domain.UnsubscribeToken;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's notification centre and settings. Always the caller's own: a freelancer's lists every
 * tenant's notifications, a staff member's inside a tenant only that tenant's.
 */
@ApplicationScoped
public class NotificationCentre {

  /** One notification as the centre shows it, in both languages (the portal picks). */
  public record Item(
      UUID id,
      NotificationKind kind,
      String tenantSlug,
      String tenantName,
      String titleJa,
      String titleEn,
      String link,
      int items,
      Instant createdAt,
      Instant updatedAt,
      Instant readAt) {}

  public record Page(List<Item> items, long total, long unread, int page, int size) {}

  /** One kind's channels. */
  public record Choice(
      NotificationKind kind, String nameJa, String nameEn, boolean inApp, boolean mail) {}

  public record Settings(String language, List<Choice> kinds) {}

  private final NotificationRepository notifications;
  private final NotificationSettingsRepository settings;
  private final TenantRepository tenants;
  private final Clock clock;

  protected NotificationCentre() {
    this(null, null, null, Clock.systemUTC());
  }

  @Inject
  public NotificationCentre(
      NotificationRepository notifications,
      NotificationSettingsRepository settings,
      TenantRepository tenants) {
    this(notifications, settings, tenants, Clock.systemUTC());
  }

  NotificationCentre(
      NotificationRepository notifications,
      NotificationSettingsRepository settings,
      TenantRepository tenants,
      Clock clock) {
    this.notifications = notifications;
    this.settings = settings;
    this.tenants = tenants;
    this.clock = clock;
  }

  /** Last changed first; page 0 is the newest. */
  @Transactional
  public Page page(@Min(0) @Max(10_000) int page, @Min(1) @Max(100) int size) {
    String me = TenancyContext.current().requireSubject();
    UUID tenant = TenancyContext.current().tenant().orElse(null);
    Map<UUID, Optional<Tenant>> known = new HashMap<>();
    List<Item> items =
        notifications.page(me, tenant, page * size, size).stream()
            .map(n -> item(n, known.computeIfAbsent(n.tenantId(), tenants::findById), tenant))
            .toList();
    return new Page(
        items,
        notifications.count(me, tenant, false),
        notifications.count(me, tenant, true),
        page,
        size);
  }

  @Transactional
  public long unread() {
    return notifications.count(
        TenancyContext.current().requireSubject(),
        TenancyContext.current().tenant().orElse(null),
        true);
  }

  /** 404 for anyone else's, and inside a tenant for another tenant's. */
  @Transactional
  public long read(@NotNull UUID id) {
    String me = TenancyContext.current().requireSubject();
    Optional<UUID> tenant = TenancyContext.current().tenant();
    Notification notification =
        notifications
            .find(id)
            .filter(n -> n.recipient().equals(me))
            .filter(n -> tenant.map(t -> t.equals(n.tenantId())).orElse(true))
            .orElseThrow(() -> new DomainException.NotFound("There is no such notification."));
    notification.read(clock.instant());
    return notifications.count(me, tenant.orElse(null), true);
  }

  @Transactional
  public int readAll() {
    return notifications.readAll(
        TenancyContext.current().requireSubject(),
        TenancyContext.current().tenant().orElse(null),
        clock.instant());
  }

  @Transactional
  public Settings settings() {
    String me = TenancyContext.current().requireSubject();
    return view(
        settings.find(me).orElseGet(() -> NotificationSettings.defaults(me, clock.instant())));
  }

  /** One change of channel per kind listed; kinds not listed keep theirs. */
  public record Change(NotificationKind kind, Boolean inApp, Boolean mail) {}

  @Transactional
  public Settings change(String language, @NotNull List<@NotNull Change> changes) {
    String me = TenancyContext.current().requireSubject();
    Instant now = clock.instant();
    NotificationSettings mine =
        settings
            .find(me)
            .orElseGet(() -> settings.storeIfAbsent(NotificationSettings.defaults(me, now)));
    if (language != null) {
      if (!"ja".equals(language) && !"en".equals(language)) {
        throw new DomainException.InvalidValue("language", "language must be ja or en");
      }
      mine.speak(language, now);
    }
    for (Change change : changes) {
      if (change.kind() == null) {
        throw new DomainException.InvalidValue("kinds", "every change names its kind");
      }
      if (change.inApp() != null) {
        mine.choose(change.kind(), Channel.IN_APP, change.inApp(), now);
      }
      if (change.mail() != null) {
        mine.choose(change.kind(), Channel.MAIL, change.mail(), now);
      }
    }
    return view(mine);
  }

  /** What an unsubscribe link names, checked: its kind and the recipient's language. */
  public record Unsubscription(NotificationKind kind, String language) {}

  /**
   * Reads an unsubscribe link without acting on it (a mail scanner may follow it); 404 for a token
   * that is not genuine. Runs in the platform scope: the link works without a sign-in.
   */
  @Transactional
  public Unsubscription checkUnsubscribe(String token) {
    UnsubscribeToken parsed = genuine(token);
    NotificationSettings owner = settings.find(parsed.subject()).orElseThrow();
    return new Unsubscription(parsed.kind(), owner.language());
  }

  /** Turns the link's kind off on the mail channel; doing it twice changes nothing more. */
  @Transactional
  public Unsubscription unsubscribe(String token) {
    UnsubscribeToken parsed = genuine(token);
    NotificationSettings owner = settings.find(parsed.subject()).orElseThrow();
    owner.choose(parsed.kind(), Channel.MAIL, false, clock.instant());
    return new Unsubscription(parsed.kind(), owner.language());
  }

  private UnsubscribeToken genuine(String token) {
    DomainException notFound =
        new DomainException.NotFound("This unsubscribe link is not valid (any more).");
    UnsubscribeToken parsed = UnsubscribeToken.parse(token).orElseThrow(() -> notFound);
    NotificationSettings owner = settings.find(parsed.subject()).orElseThrow(() -> notFound);
    if (!parsed.valid(owner.unsubscribeKey())) {
      throw notFound;
    }
    return parsed;
  }

  private static Settings view(NotificationSettings chosen) {
    return new Settings(
        chosen.language(),
        chosen.all().entrySet().stream()
            .map(
                entry ->
                    new Choice(
                        entry.getKey(),
                        NotificationTexts.kindName(entry.getKey(), "ja"),
                        NotificationTexts.kindName(entry.getKey(), "en"),
                        entry.getValue().get(Channel.IN_APP),
                        entry.getValue().get(Channel.MAIL)))
            .toList());
  }

  /**
   * @param portalTenant the tenant whose portal lists it; a staff notification listed outside it
   *     links into its tenant's portal
   */
  private static Item item(Notification n, Optional<Tenant> tenant, UUID portalTenant) {
    String name = tenant.map(t -> t.branding().displayName()).orElse("");
    String slug = tenant.map(t -> t.slug().value()).orElse(null);
    String link = NotificationTexts.link(n.kind(), n.staff(), n.data(), slug);
    if (n.staff() && portalTenant == null && slug != null) {
      link = "/t/" + slug + link;
    }
    return new Item(
        n.id(),
        n.kind(),
        slug,
        name,
        NotificationTexts.title(n.kind(), "ja", n.staff(), n.items(), n.data(), name),
        NotificationTexts.title(n.kind(), "en", n.staff(), n.items(), n.data(), name),
        link,
        n.items(),
        n.createdAt(),
        n.updatedAt(),
        n.readAt());
  }
}
