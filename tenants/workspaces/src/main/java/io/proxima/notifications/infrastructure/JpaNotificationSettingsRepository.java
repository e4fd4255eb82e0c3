package io.proxima.notifications.infrastructure;

import io.proxima.notifications.domain.NotificationSettings;
import io.proxima.notifications.domain.NotificationSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.ZoneOffset;
import java.util.Optional;

@ApplicationScoped
public class JpaNotificationSettingsRepository implements NotificationSettingsRepository {

  private final EntityManager entityManager;

  protected JpaNotificationSettingsRepository() {
    this(null);
  }

  @Inject
  public JpaNotificationSettingsRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<NotificationSettings> find(String subject) {
    return Optional.ofNullable(entityManager.find(NotificationSettings.class, subject));
  }

  @Override
  public NotificationSettings storeIfAbsent(NotificationSettings settings) {
    // ON CONFLICT keeps two first saves of one person (two tabs) from failing either.
    entityManager
        .createNativeQuery(
            "INSERT INTO notification_settings (subject, language, channels, unsubscribe_key,"
                + " updated_at, version) VALUES (?1, ?2, '{}', ?3, ?4, 0)"
                + " ON CONFLICT (subject) DO NOTHING")
        .setParameter(1, settings.subject())
        .setParameter(2, settings.language())
        .setParameter(3, settings.unsubscribeKey())
        .setParameter(4, java.time.Instant.now().atOffset(ZoneOffset.UTC))
        .executeUpdate();
    return find(settings.subject()).orElseThrow();
  }
}
