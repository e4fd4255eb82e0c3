package io.proxima.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.notifications.domain.NotificationKind;
import io.proxima.platform.events.PlatformEvent;
import io.proxima.platform.events.PlatformEventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationInboxTest {

  private static final UUID TENANT = UUID.randomUUID();

  private static PlatformEvent message(String thread) {
    return new PlatformEvent(
        PlatformEventType.MESSAGE_RECEIVED.wireName(),
        TENANT,
        UUID.randomUUID(),
        List.of("freelancer-1"),
        false,
        Map.of("thread", thread),
        Instant.parse("2026-12-06T09:00:00Z"));
  }

  @Test
  void messagesOfOneConversationBatchTogetherWhateverTheMessage() {
    assertThat(NotificationInbox.batchKey(NotificationKind.MESSAGE_RECEIVED, message("f-1")))
        .isEqualTo(NotificationInbox.batchKey(NotificationKind.MESSAGE_RECEIVED, message("f-1")))
        .isEqualTo("message.received:" + TENANT + ":f-1");
  }

  @Test
  void anotherConversationIsAnotherBatch() {
    assertThat(NotificationInbox.batchKey(NotificationKind.MESSAGE_RECEIVED, message("f-1")))
        .isNotEqualTo(
            NotificationInbox.batchKey(NotificationKind.MESSAGE_RECEIVED, message("f-2")));
  }
}
