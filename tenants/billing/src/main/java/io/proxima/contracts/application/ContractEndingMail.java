package io.proxima.contracts.application;

import io.proxima.contracts.domain.ContractRepository.Ending;
import io.proxima.platform.mail.Mail;
import io.proxima.tenancy.application.TenantContacts;
import io.proxima.tenancy.domain.Branding;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The reminder that a contract is about to end, Japanese first with the same in English, in the
 * tenant's name and colour: staff decide on renewal, the freelancer on what comes next.
 */
final class ContractEndingMail {

  private static final DateTimeFormatter JA =
      DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.JAPAN);
  private static final DateTimeFormatter EN =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private ContractEndingMail() {}

  /**
   * @param link the contract's page for this recipient
   * @param staff whether the recipient is the tenant's staff (else the freelancer)
   */
  static Mail of(
      Ending contract,
      TenantContacts.Contacts tenant,
      TenantContacts.Recipient recipient,
      String link,
      boolean staff,
      LocalDate today) {
    Branding branding = tenant.branding();
    long days = ChronoUnit.DAYS.between(today, contract.endDate());
    boolean renews = contract.renewalMonths() > 0;
    String endJa = JA.format(contract.endDate());
    String endEn = EN.format(contract.endDate());
    String subject =
        "【" + branding.displayName() + "】契約の終了日が近づいています：" + contract.title() + "（" + endJa + "）";
    String ja =
        renews
            ? "契約「%s」（%s）は %s（あと%d日）に期間満了となり、その後 %dか月ごとに自動更新されます。%s"
                .formatted(
                    contract.title(),
                    contract.freelancerName(),
                    endJa,
                    days,
                    contract.renewalMonths(),
                    staff ? "更新しない場合は、終了日までに契約ページから終了の手続きをしてください。" : "更新を希望しない場合は、担当者にご連絡ください。")
            : "契約「%s」（%s）は %s（あと%d日）に終了します。%s"
                .formatted(
                    contract.title(),
                    contract.freelancerName(),
                    endJa,
                    days,
                    staff ? "継続する場合は、契約ページから更新してください。" : "継続を希望する場合は、担当者にご連絡ください。");
    String en =
        renews
            ? "The contract \"%s\" (%s) reaches the end of its term on %s (in %d days) and then renews every %d months.%s"
                .formatted(
                    contract.title(),
                    contract.freelancerName(),
                    endEn,
                    days,
                    contract.renewalMonths(),
                    staff
                        ? " To stop it, end it on the contract's page before then."
                        : " If you do not wish to renew, tell your contact.")
            : "The contract \"%s\" (%s) ends on %s (in %d days).%s"
                .formatted(
                    contract.title(),
                    contract.freelancerName(),
                    endEn,
                    days,
                    staff
                        ? " To continue, renew it on the contract's page."
                        : " If you wish to continue, tell your contact.");
    String greeting =
        (recipient.name() == null || recipient.name().isBlank()
                ? recipient.email()
                : recipient.name())
            + " 様";
    String text =
        String.join(
            "\n",
            greeting,
            "",
            ja,
            "契約ページ: " + link,
            "",
            "---",
            en,
            "Contract: " + link,
            "",
            "-- ",
            branding.displayName() + " (Proxima)");
    String color =
        branding.primaryColor() == null ? Branding.DEFAULT_PRIMARY : branding.primaryColor();
    String html =
        """
        <!doctype html><html lang="ja"><head><meta charset="utf-8"><title>%s</title></head>
        <body style="margin:0;background:#f5f6f8;font-family:sans-serif;color:#1d2430">
        <table role="presentation" width="100%%" cellpadding="0" cellspacing="0"><tr><td align="center">
        <table role="presentation" width="560" cellpadding="0" cellspacing="0" style="background:#fff;margin:24px 0">
        <tr><td style="background:%s;color:#fff;padding:16px 24px;font-size:18px;font-weight:bold">%s</td></tr>
        <tr><td style="padding:24px;line-height:1.7"><p>%s</p><p>%s</p>
        <p style="margin:24px 0"><a href="%s" style="background:%s;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">契約を開く / Open the contract</a></p>
        <p lang="en" style="font-size:13px;color:#555">%s</p></td></tr></table></td></tr></table></body></html>
        """
            .formatted(
                escape(subject),
                escape(color),
                escape(branding.displayName()),
                escape(greeting),
                escape(ja),
                escape(link),
                escape(color),
                escape(en));
    return new Mail(
        recipient.email(), recipient.name(), branding.displayName(), subject, text, html);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
