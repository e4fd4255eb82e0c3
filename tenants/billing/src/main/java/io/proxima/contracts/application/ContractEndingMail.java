package io.proxima.contracts.application;

import io.proxima.contracts.domain.ContractRepository.Ending;
import io.proxima.platform.mail.Mail;
import io.proxima.platform.mail.MailLayout;
import io.proxima.tenancy.application.TenantContacts;
import io.proxima.tenancy.domain.Branding;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
        MailLayout.html(
            new MailLayout.Sender(branding.displayName(), color, branding.logoUrl()),
            "ja",
            subject,
            List.of(greeting, ja, en),
            new MailLayout.Action("契約を開く / Open the contract", link),
            List.of(link));
    return new Mail(
        recipient.email(), recipient.name(), branding.displayName(), subject, text, html);
  }
}
