package io.proxima.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.notifications.domain.NotificationKind;
import io.proxima.platform.mail.Mail;
import io.proxima.tenancy.domain.Branding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationMailComposerTest {

  private static final Branding BRAND =
      new Branding("みなと人材", null, "#0a7d5a", "#f28c28", List.of());
  private static final String LINK = "https://portal.example/scouts";
  private static final String STOP = "https://portal.example/api/v1/unsubscribe?token=abc.def";

  private static Mail mail(
      NotificationKind kind, String language, int items, Map<String, String> data) {
    return NotificationMailComposer.compose(
        new NotificationMailComposer.Letter(
            kind, false, items, data, language, "taro@example.jp", "山田 太郎", BRAND, LINK, STOP));
  }

  @Test
  void aScoutMailIsTheTenantsOwnInJapaneseWithAPlainTextPartAndTheUnsubscribeLink() {
    Mail mail = mail(NotificationKind.SCOUT_RECEIVED, "ja", 1, Map.of("jobTitle", "決済基盤"));

    assertThat(mail.senderName()).isEqualTo("みなと人材");
    assertThat(mail.subject()).isEqualTo("【みなと人材】みなと人材からスカウトが届きました：決済基盤");
    assertThat(mail.text()).startsWith("山田 太郎 様").contains(LINK).contains("配信停止: " + STOP);
    assertThat(mail.html())
        .contains("#0a7d5a")
        .contains("href=\"" + STOP + "\"")
        .contains("lang=\"ja\"");
    assertThat(mail.headers())
        .containsEntry("List-Unsubscribe", "<" + STOP + ">")
        .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  }

  @Test
  void englishReadersGetEnglish() {
    Mail mail = mail(NotificationKind.CONTRACT_TO_SIGN, "en", 1, Map.of("contractTitle", "Main"));

    assertThat(mail.subject()).isEqualTo("【みなと人材】Please sign the contract \"Main\"");
    assertThat(mail.text()).startsWith("Dear 山田 太郎,").contains("unsubscribe: " + STOP);
    assertThat(mail.html()).contains("lang=\"en\"").contains("Unsubscribe from this kind of mail");
  }

  @Test
  void batchedMessagesAreCountedInOneMail() {
    Mail mail = mail(NotificationKind.MESSAGE_RECEIVED, "ja", 3, Map.of());

    assertThat(mail.subject()).isEqualTo("【みなと人材】みなと人材から新着メッセージが3件あります");
  }

  @Test
  void textFromTheDataIsEscapedInTheHtml() {
    Mail mail =
        mail(NotificationKind.SCOUT_RECEIVED, "ja", 1, Map.of("jobTitle", "<script>x</script>"));

    assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;");
  }
}
