package io.proxima.signup.application;

import io.proxima.platform.mail.Mail;
import io.proxima.platform.mail.MailLayout;
import io.proxima.signup.domain.TalentInvitation;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Tenant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The mail inviting a freelancer into an agency's talent pool, in the tenant's name and colours, in
 * Japanese or English. It says plainly that accepting shares the profile with the agency, because
 * accepting is the consent.
 */
final class TalentInvitationMail {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter JA_TIME =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.JAPAN).withZone(JAPAN);
  private static final DateTimeFormatter EN_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'JST'", Locale.ENGLISH).withZone(JAPAN);

  private TalentInvitationMail() {}

  static Mail of(Tenant tenant, TalentInvitation invitation, String link) {
    Branding branding = tenant.branding();
    String tenantName = branding.displayName();
    boolean english = "en".equals(invitation.language());
    String family = invitation.familyName().orElse("");
    String given = invitation.givenName().orElse("");
    String subject;
    String greeting;
    String body;
    String consent;
    String action;
    String expiry;
    String ignore;
    if (english) {
      String name = (given + " " + family).strip();
      subject = tenantName + " invites you to its talent pool on Proxima";
      greeting = name.isEmpty() ? "Hello," : "Dear " + name + ",";
      body =
          tenantName
              + " would like to add you to its talent pool on Proxima, so it can offer you"
              + " projects that fit. Sign up free of charge, or sign in if you have an account.";
      consent =
          "Accepting shares your profile and availability with "
              + tenantName
              + ". You can stop sharing at any time under Sharing.";
      action = "View the invitation";
      expiry = "The link works once, until " + EN_TIME.format(invitation.expiresAt()) + ".";
      ignore = "If you are not interested, decline on that page or ignore this mail.";
    } else {
      // Family name first, as Japanese addresses a person.
      String name = (family + " " + given).strip();
      subject = "【" + tenantName + "】人材プールへのご招待";
      greeting = name.isEmpty() ? "こんにちは。" : name + " 様";
      body =
          tenantName
              + " から、Proxima の人材プールへの招待が届いています。ご登録いただくと、スキルや稼働状況に合った案件のご案内を受け取れます。"
              + "アカウントをお持ちでない方は無料で新規登録、お持ちの方はログインしてご回答ください。";
      consent = "承諾すると、プロフィールと稼働状況が " + tenantName + " に公開されます。公開はいつでも「公開先」から停止できます。";
      action = "招待を確認する";
      expiry = "このリンクは " + JA_TIME.format(invitation.expiresAt()) + " まで、1回だけ使えます。";
      ignore = "ご興味がない場合は、招待ページで辞退いただくか、このメールを破棄してください。";
    }
    String text =
        String.join(
            "\n",
            greeting,
            "",
            body,
            consent,
            "",
            action + ": " + link,
            "",
            expiry,
            ignore,
            "",
            "-- ",
            tenantName + " (Proxima)");
    String color =
        branding.primaryColor() == null ? Branding.DEFAULT_PRIMARY : branding.primaryColor();
    String html =
        MailLayout.html(
            new MailLayout.Sender(tenantName, color, branding.logoUrl()),
            english ? "en" : "ja",
            subject,
            List.of(greeting, body, consent),
            new MailLayout.Action(action, link),
            List.of(expiry, ignore, link));
    return new Mail(invitation.email(), null, tenantName, subject, text, html);
  }
}
