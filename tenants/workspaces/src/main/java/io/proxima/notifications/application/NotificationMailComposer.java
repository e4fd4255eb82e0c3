package io.proxima.notifications.application;

import io.proxima.notifications.domain.NotificationKind;
import io.proxima.notifications.domain.NotificationTexts;
import io.proxima.platform.mail.Mail;
import io.proxima.platform.mail.MailLayout;
import io.proxima.tenancy.domain.Branding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A notification's mail: in the tenant's name and colour (the agency's own mail, as its portal is),
 * in the recipient's language, with a plain-text part, and an unsubscribe link both in the body and
 * in the headers mail clients offer as a button (RFC 2369, one-click per RFC 8058).
 */
final class NotificationMailComposer {

  private NotificationMailComposer() {}

  /** What one mail is about and for whom. */
  record Letter(
      NotificationKind kind,
      boolean staff,
      int items,
      Map<String, String> data,
      String language,
      String toEmail,
      String toName,
      Branding branding,
      String link,
      String unsubscribeLink) {}

  static Mail compose(Letter letter) {
    boolean ja = !"en".equals(letter.language());
    Branding branding = letter.branding();
    String tenant = branding.displayName();
    String title =
        NotificationTexts.title(
            letter.kind(),
            letter.language(),
            letter.staff(),
            letter.items(),
            letter.data(),
            tenant);
    String subject = "【" + tenant + "】" + title;
    String name =
        letter.toName() == null || letter.toName().isBlank() ? letter.toEmail() : letter.toName();
    String greeting = ja ? name + " 様" : "Dear " + name + ",";
    String lead =
        ja
            ? tenant + "（Proxima）からのお知らせです。" + title + "。"
            : "A notice from " + tenant + " on Proxima: " + title + ".";
    String open = ja ? "詳細はこちらからご確認ください。" : "Open it on the portal for the details.";
    String button = ja ? "ポータルで確認する" : "Open in the portal";
    String kindName = NotificationTexts.kindName(letter.kind(), letter.language());
    String why =
        ja
            ? "このメールは通知設定「" + kindName + "」のメール通知がオンのため送信しています。"
            : "You receive this because mail for \""
                + kindName
                + "\" is on in your notification settings.";
    String stop = ja ? "今後この種類のメールを受け取らない場合は配信停止: " : "To stop mail of this kind, unsubscribe: ";
    String text =
        String.join(
            "\n",
            greeting,
            "",
            lead,
            open,
            letter.link(),
            "",
            "-- ",
            why,
            stop + letter.unsubscribeLink(),
            tenant + " (Proxima)");
    String color =
        branding.primaryColor() == null ? Branding.DEFAULT_PRIMARY : branding.primaryColor();
    String html =
        MailLayout.html(
            new MailLayout.Sender(tenant, color, branding.logoUrl()),
            ja ? "ja" : "en",
            subject,
            List.of(greeting, lead, open),
            new MailLayout.Action(button, letter.link()),
            List.of(letter.link(), why),
            List.of(
                new MailLayout.Action(
                    ja ? "この種類のメールの配信を停止する" : "Unsubscribe from this kind of mail",
                    letter.unsubscribeLink())));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("List-Unsubscribe", "<" + letter.unsubscribeLink() + ">");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    headers.put("Auto-Submitted", "auto-generated");
    return new Mail(letter.toEmail(), letter.toName(), tenant, subject, text, html, headers);
  }
}
