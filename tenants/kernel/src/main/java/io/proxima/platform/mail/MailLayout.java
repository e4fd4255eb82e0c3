package io.proxima.platform.mail;

import java.util.List;

/**
 * The one HTML layout of the platform's mail: a header in the sender's colour and name (a tenant's,
 * so mail reads as the agency's own), paragraphs, one button, small print. Tables and inline styles
 * because that is what mail clients render; every text is escaped here.
 */
public final class MailLayout {

  /** Who the mail is from, as its header shows it; a logo only over HTTPS. */
  public record Sender(String name, String color, String logoUrl) {}

  /** The one thing the mail asks the reader to do. */
  public record Action(String label, String link) {}

  private MailLayout() {}

  public static String html(
      Sender sender,
      String language,
      String title,
      List<String> paragraphs,
      Action action,
      List<String> smallPrint) {
    return html(sender, language, title, paragraphs, action, smallPrint, List.of());
  }

  /**
   * @param footerLinks small links under the small print (a notification's unsubscribe link)
   */
  public static String html(
      Sender sender,
      String language,
      String title,
      List<String> paragraphs,
      Action action,
      List<String> smallPrint,
      List<Action> footerLinks) {
    String logo =
        sender.logoUrl() != null && sender.logoUrl().startsWith("https://")
            ? "<img src=\"" + escape(sender.logoUrl()) + "\" alt=\"\" height=\"32\"> "
            : "";
    StringBuilder body = new StringBuilder();
    for (String paragraph : paragraphs) {
      body.append("<p>").append(escape(paragraph)).append("</p>");
    }
    StringBuilder small = new StringBuilder();
    for (String line : smallPrint) {
      small
          .append("<p style=\"font-size:12px;color:#666;word-break:break-all\">")
          .append(escape(line))
          .append("</p>");
    }
    for (Action link : footerLinks) {
      small
          .append("<p style=\"font-size:12px;color:#666\"><a href=\"")
          .append(escape(link.link()))
          .append("\" style=\"color:#666\">")
          .append(escape(link.label()))
          .append("</a></p>");
    }
    return """
        <!doctype html><html lang="%s"><head><meta charset="utf-8"><title>%s</title></head>
        <body style="margin:0;background:#f5f6f8;font-family:sans-serif;color:#1d2430">
        <table role="presentation" width="100%%" cellpadding="0" cellspacing="0"><tr><td align="center">
        <table role="presentation" width="560" cellpadding="0" cellspacing="0" style="background:#fff;margin:24px 0">
        <tr><td style="background:%s;color:#fff;padding:16px 24px;font-size:18px;font-weight:bold">%s%s</td></tr>
        <tr><td style="padding:24px;line-height:1.7">%s
        <p style="margin:28px 0"><a href="%s" style="background:%s;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">%s</a></p>
        %s</td></tr></table></td></tr></table></body></html>
        """
        .formatted(
            escape(language),
            escape(title),
            escape(sender.color()),
            logo,
            escape(sender.name()),
            body,
            escape(action.link()),
            escape(sender.color()),
            escape(action.label()),
            small);
  }

  public static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
