package io.proxima.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person's notification choices: per kind and channel (a kind nobody chose for is on everywhere),
 * the language of their mail, and the key their unsubscribe links are signed with.
 */
@Entity
@Table(name = "notification_settings")
public class NotificationSettings {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id private String subject;

  @Column(nullable = false)
  private String language;

  /** Kind's wire name → channel name → on; only choices that differ from the default are kept. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private Map<String, Map<String, Boolean>> channels;

  @Column(name = "unsubscribe_key", nullable = false)
  private byte[] unsubscribeKey;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected NotificationSettings() {
    // for JPA
  }

  private NotificationSettings(String subject, String language, Instant now) {
    this.subject = subject;
    this.language = language;
    this.channels = new HashMap<>();
    this.unsubscribeKey = new byte[32];
    RANDOM.nextBytes(unsubscribeKey);
    this.updatedAt = now;
  }

  /** Everything on, in Japanese: the platform's first language. */
  public static NotificationSettings defaults(String subject, Instant now) {
    return new NotificationSettings(subject, "ja", now);
  }

  public boolean enabled(NotificationKind kind, Channel channel) {
    Map<String, Boolean> chosen = channels == null ? null : channels.get(kind.wireName());
    Boolean on = chosen == null ? null : chosen.get(channel.name());
    return on == null || on;
  }

  public void choose(NotificationKind kind, Channel channel, boolean on, Instant now) {
    Map<String, Map<String, Boolean>> changed =
        new HashMap<>(channels == null ? Map.of() : channels);
    Map<String, Boolean> forKind = new HashMap<>(changed.getOrDefault(kind.wireName(), Map.of()));
    if (on) {
      forKind.remove(channel.name());
    } else {
      forKind.put(channel.name(), false);
    }
    if (forKind.isEmpty()) {
      changed.remove(kind.wireName());
    } else {
      changed.put(kind.wireName(), forKind);
    }
    channels = changed;
    updatedAt = now;
  }

  /**
   * @param language {@code ja} or {@code en}
   */
  public void speak(String language, Instant now) {
    if (!"ja".equals(language) && !"en".equals(language)) {
      throw new IllegalArgumentException("language must be ja or en");
    }
    this.language = language;
    updatedAt = now;
  }

  /** Every kind's choice, defaults filled in, in the kinds' order. */
  public Map<NotificationKind, Map<Channel, Boolean>> all() {
    Map<NotificationKind, Map<Channel, Boolean>> all = new LinkedHashMap<>();
    for (NotificationKind kind : NotificationKind.values()) {
      Map<Channel, Boolean> forKind = new LinkedHashMap<>();
      for (Channel channel : Channel.values()) {
        forKind.put(channel, enabled(kind, channel));
      }
      all.put(kind, forKind);
    }
    return all;
  }

  public String subject() {
    return subject;
  }

  public String language() {
    return language;
  }

  public byte[] unsubscribeKey() {
    return unsubscribeKey.clone();
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NotificationSettings settings
        && Objects.equals(subject, settings.subject);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(subject);
  }
}
