package io.proxima.notifications.domain;

import java.util.Optional;

public interface NotificationSettingsRepository {

  Optional<NotificationSettings> find(String subject);

  /** Stores new settings unless someone stored them first; returns the stored ones either way. */
  NotificationSettings storeIfAbsent(NotificationSettings settings);
}
