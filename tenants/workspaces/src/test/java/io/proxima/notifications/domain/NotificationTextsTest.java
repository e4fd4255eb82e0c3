package io.proxima.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationTextsTest {

  @Test
  void everyKindHasWordsInBothLanguagesAndALink() {
    for (NotificationKind kind : NotificationKind.values()) {
      assertThat(NotificationTexts.title(kind, "ja", false, 1, Map.of(), "みなと人材")).isNotBlank();
      assertThat(NotificationTexts.title(kind, "en", false, 1, Map.of(), "Minato")).isNotBlank();
      assertThat(NotificationTexts.kindName(kind, "ja")).isNotBlank();
      assertThat(NotificationTexts.link(kind, false, Map.of())).startsWith("/");
    }
  }

  @Test
  void messagesLeadToTheConversationOnEachSide() {
    Map<String, String> data = Map.of("freelancerId", "f-1", "tenantSlug", "minato");

    assertThat(NotificationTexts.link(NotificationKind.MESSAGE_RECEIVED, false, data))
        .isEqualTo("/messages/minato");
    assertThat(NotificationTexts.link(NotificationKind.MESSAGE_RECEIVED, true, data))
        .isEqualTo("/messages/f-1");
  }

  @Test
  void aLinkTakesOnlyIdsFromTheData() {
    assertThat(
            NotificationTexts.link(
                NotificationKind.CONTRACT_TO_SIGN, false, Map.of("contractId", "../../admin")))
        .isEqualTo("/contracts");
  }

  @Test
  void messageSummariesCount() {
    assertThat(
            NotificationTexts.title(
                NotificationKind.MESSAGE_RECEIVED, "en", false, 1, Map.of(), "Minato"))
        .isEqualTo("1 new message from Minato");
    assertThat(
            NotificationTexts.title(
                NotificationKind.MESSAGE_RECEIVED, "en", false, 4, Map.of(), "Minato"))
        .isEqualTo("4 new messages from Minato");
  }
}
