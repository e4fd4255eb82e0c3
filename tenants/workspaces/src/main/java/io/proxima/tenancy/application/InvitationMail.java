package io.proxima.tenancy.application;

import io.proxima.platform.mail.Mail;
import io.proxima.platform.mail.MailLayout;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRole;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The invitation mail, in the language the inviter chose and in the tenant's colours and name, so
 * that it reads as the agency's own. Someone new sets a password through the link; someone with an
 * account signs in through it and accepts.
 */
final class InvitationMail {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter JA_TIME =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.JAPAN).withZone(JAPAN);
  private static final DateTimeFormatter EN_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'JST'", Locale.ENGLISH).withZone(JAPAN);

  private InvitationMail() {}

  static Mail of(Tenant tenant, Membership membership, String link) {
    Branding branding = tenant.branding();
    String tenantName = branding.displayName();
    String name = membership.displayName() == null ? membership.email() : membership.displayName();
    boolean english = "en".equals(membership.invitationLanguage());
    Instant expires = membership.invitationExpiresAt().orElseThrow();
    String role = roleName(membership.role(), english);
    boolean newAccount = membership.needsFirstPassword();
    String subject;
    String greeting;
    String body;
    String action;
    String expiry;
    String ignore;
    if (english) {
      subject = tenantName + " invited you to its Proxima portal";
      greeting = "Dear " + name + ",";
      body =
          newAccount
              ? tenantName
                  + " invited you to its portal on Proxima as "
                  + role
                  + ". Choose your password through the link below; then you can sign in."
              : tenantName
                  + " offered you the role of "
                  + role
                  + " on Proxima. Sign in with your existing account through the link below"
                  + " and accept it.";
      action = newAccount ? "Set your password" : "Sign in and accept";
      expiry = "The link works once, until " + EN_TIME.format(expires) + ".";
      ignore = "If you were not expecting this invitation, you can ignore this mail.";
    } else {
      subject = "【" + tenantName + "】Proxima ポータルへの招待";
      greeting = name + " 様";
      body =
          newAccount
              ? tenantName
                  + " から Proxima のポータルに「"
                  + role
                  + "」として招待されました。下のリンクからパスワードを設定すると、サインインできます。"
              : tenantName + " から Proxima で「" + role + "」の役割が届いています。お持ちのアカウントでサインインし、承諾してください。";
      action = newAccount ? "パスワードを設定する" : "サインインして承諾する";
      expiry = "このリンクは " + JA_TIME.format(expires) + " まで、1回だけ使えます。";
      ignore = "お心当たりのない場合は、このメールを破棄してください。";
    }
    String text =
        String.join(
            "\n",
            greeting,
            "",
            body,
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
            List.of(greeting, body),
            new MailLayout.Action(action, link),
            List.of(expiry, ignore, link));
    return new Mail(membership.email(), membership.displayName(), tenantName, subject, text, html);
  }

  static String roleName(TenantRole role, boolean english) {
    return switch (role) {
      case AGENCY_ADMIN -> english ? "agency admin" : "エージェント管理者";
      case RECRUITER -> english ? "recruiter" : "リクルーター";
      case COMPANY_ADMIN -> english ? "company admin" : "企業管理者";
      case COMPANY_MEMBER -> english ? "company member" : "企業メンバー";
    };
  }
}
