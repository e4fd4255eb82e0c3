package io.proxima.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.platform.mail.Mail;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRole;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvitationMailTest {

  private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");
  private static final String LINK = "https://portal.example/t/sakura/join#token=abc";

  private static Tenant tenant() {
    return Tenant.register(
        new TenantSlug("sakura"),
        TenantType.AGENCY,
        new Branding("さくら <Talent> & Co.", null, "#c2185b", "#ffb300", List.of()),
        Plan.STANDARD,
        NOW);
  }

  private static Membership invited(String language, boolean newAccount) {
    Membership membership =
        newAccount
            ? Membership.grant("s", "sato@example.jp", "佐藤 花子", TenantRole.RECRUITER, null, NOW)
            : Membership.offer("s", "sato@example.jp", "佐藤 花子", TenantRole.RECRUITER, null, NOW);
    if (newAccount) {
      membership.madeTheAccount();
    }
    membership.issueInvitationLink(language, NOW);
    return membership;
  }

  @Test
  void aNewAccountIsAskedForAPasswordInJapaneseInTheTenantsNameAndColour() {
    Mail mail = InvitationMail.of(tenant(), invited("ja", true), LINK);
    assertThat(mail.subject()).isEqualTo("【さくら <Talent> & Co.】Proxima ポータルへの招待");
    assertThat(mail.senderName()).isEqualTo("さくら <Talent> & Co.");
    assertThat(mail.text())
        .startsWith("佐藤 花子 様")
        .contains("「リクルーター」として招待されました")
        .contains("パスワードを設定する: " + LINK)
        .contains("2026年12月13日 10:00 まで");
    assertThat(mail.html())
        .contains("#c2185b")
        .contains("さくら &lt;Talent&gt; &amp; Co.")
        .doesNotContain("<Talent>");
  }

  @Test
  void someoneWithAnAccountIsAskedToSignInAndAcceptInEnglish() {
    Mail mail = InvitationMail.of(tenant(), invited("en", false), LINK);
    assertThat(mail.subject()).endsWith("invited you to its Proxima portal");
    assertThat(mail.text())
        .startsWith("Dear 佐藤 花子,")
        .contains("Sign in and accept: " + LINK)
        .contains("13 Dec 2026, 10:00 JST");
    assertThat(mail.html()).contains("lang=\"en\"");
  }
}
