package io.proxima.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationSettingsTest {

  private final Instant now = Instant.parse("2026-12-06T09:00:00Z");

  @Test
  void everythingIsOnByDefaultInJapanese() {
    NotificationSettings settings = NotificationSettings.defaults("s-1", now);

    assertThat(settings.language()).isEqualTo("ja");
    for (NotificationKind kind : NotificationKind.values()) {
      for (Channel channel : Channel.values()) {
        assertThat(settings.enabled(kind, channel)).isTrue();
      }
    }
  }

  @Test
  void turningOneChannelOffLeavesTheOthers() {
    NotificationSettings settings = NotificationSettings.defaults("s-1", now);

    settings.choose(NotificationKind.SCOUT_RECEIVED, Channel.MAIL, false, now);

    assertThat(settings.enabled(NotificationKind.SCOUT_RECEIVED, Channel.MAIL)).isFalse();
    assertThat(settings.enabled(NotificationKind.SCOUT_RECEIVED, Channel.IN_APP)).isTrue();
    assertThat(settings.enabled(NotificationKind.MESSAGE_RECEIVED, Channel.MAIL)).isTrue();
    assertThat(settings.all().get(NotificationKind.SCOUT_RECEIVED))
        .containsEntry(Channel.MAIL, false)
        .containsEntry(Channel.IN_APP, true);

    settings.choose(NotificationKind.SCOUT_RECEIVED, Channel.MAIL, true, now);
    assertThat(settings.enabled(NotificationKind.SCOUT_RECEIVED, Channel.MAIL)).isTrue();
  }

  @Test
  void mailIsJapaneseOrEnglish() {
    NotificationSettings settings = NotificationSettings.defaults("s-1", now);

    settings.speak("en", now);

    assertThat(settings.language()).isEqualTo("en");
    assertThatThrownBy(() -> settings.speak("fr", now))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
