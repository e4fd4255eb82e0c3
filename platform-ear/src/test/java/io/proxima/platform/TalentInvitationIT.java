package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.local.LocalMail;
import io.proxima.local.LocalPostgres;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agency invites a freelancer into its talent pool by mail: the tenant-branded mail through the
 * local SMTP server, its one-time link, accepting (the freelancer's consent, visible to the agency
 * at once), declining and expiry (nothing shared), a link shown to another tenant (404, the same as
 * a made-up one), resending and revoking. Someone who already has an account with the invited,
 * verified address is also told in the app and answers there, signed in, without the link.
 */
class TalentInvitationIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final Pattern LINK = Pattern.compile("/talent-invitation#token=([A-Za-z0-9_-]+)");

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant agency;
  private static RunningPlatform.ProvisionedTenant other;

  @BeforeAll
  static void twoAgencies() {
    platform = RunningPlatform.get();
    agency =
        platform.provisionTenant(
            "pool-" + SUFFIX,
            "{\"displayName\":\"タレント商事 " + SUFFIX + "\",\"primaryColor\":\"#00695c\"}");
    other =
        platform.provisionTenant("pool-x-" + SUFFIX, "{\"displayName\":\"Other " + SUFFIX + "\"}");
  }

  @Test
  void theFreelancerAcceptsAndTheAgencySeesThemShareAtOnce() {
    String email = "accept-" + SUFFIX + "@example.jp";
    JsonObject invited = invite(agency, email, "ja");
    assertThat(invited.getJsonObject("mail").getString("status")).isEqualTo("SENT");
    assertThat(invited.getJsonObject("invitation").getString("status")).isEqualTo("PENDING");

    LocalMail.Received mail = platform.stack.mail().await(email, "人材プール", Duration.ofSeconds(20));
    assertThat(mail.subject()).isEqualTo("【タレント商事 " + SUFFIX + "】人材プールへのご招待");
    assertThat(mail.from()).contains("タレント商事 " + SUFFIX);
    assertThat(mail.text()).contains("田中 健 様").contains("承諾すると、プロフィールと稼働状況が");
    assertThat(mail.html()).contains("#00695c");
    String token = tokenIn(mail);

    JsonObject seen = json(link(agency, "inspect", token, null), 200);
    assertThat(seen.getString("tenantName")).isEqualTo("タレント商事 " + SUFFIX);
    assertThat(seen.getString("email")).isEqualTo(email);

    String freelancer = freelancer("accept");
    assertThat(sharing(agency)).doesNotContain(freelancerEmail("accept"));
    // Accepting needs the freelancer signed in: it is their consent.
    assertThat(link(agency, "accept", token, null).statusCode()).isEqualTo(401);

    // The agency changes its purpose after the page showed it: accepting the terms shown is
    // refused with the current ones, and the invitation stays open.
    String shown = seen.getString("termsVersion");
    String purposePath = "/t/" + agency.slug() + "/api/v1/sharing-purpose";
    String changed = "別の目的 " + SUFFIX;
    assertThat(
            platform
                .send("PUT", purposePath, admin(agency), "{\"purpose\":\"" + changed + "\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> stale =
        platform.send(
            "POST",
            "/t/" + agency.slug() + "/api/v1/talent-invitation-link/accept",
            freelancer,
            "{\"token\":\"" + token + "\",\"termsVersion\":\"" + shown + "\"}");
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
    assertThat(RunningPlatform.json(stale.body()).getJsonObject("terms").getString("purpose"))
        .isEqualTo(changed);
    assertThat(statusOf(agency, email)).isEqualTo("PENDING");
    // Back to the terms shown (the platform's default): the same version is accepted.
    assertThat(platform.send("PUT", purposePath, admin(agency), "{\"purpose\":null}").statusCode())
        .isEqualTo(200);

    JsonObject accepted =
        json(
            platform.send(
                "POST",
                "/t/" + agency.slug() + "/api/v1/talent-invitation-link/accept",
                freelancer,
                "{\"token\":\"" + token + "\",\"termsVersion\":\"" + shown + "\"}"),
            200);
    assertThat(accepted.getString("status")).isEqualTo("ACCEPTED");
    HttpResponse<String> consents = platform.send("GET", "/api/v1/me/consents", freelancer, null);
    assertThat(consents.body()).contains(agency.slug());
    assertThat(sharing(agency)).contains(freelancerEmail("accept"));
    assertThat(statusOf(agency, email)).isEqualTo("ACCEPTED");

    // Once.
    assertThat(link(agency, "accept", token, freelancer).statusCode()).isEqualTo(404);
    assertThat(link(agency, "inspect", token, null).statusCode()).isEqualTo(404);
  }

  @Test
  void decliningSharesNothingAndSpendsTheLink() {
    String email = "decline-" + SUFFIX + "@example.jp";
    invite(agency, email, "en");
    LocalMail.Received mail =
        platform.stack.mail().await(email, "talent pool", Duration.ofSeconds(20));
    assertThat(mail.subject())
        .isEqualTo("タレント商事 " + SUFFIX + " invites you to its talent pool on Proxima");
    String token = tokenIn(mail);
    String freelancer = freelancer("decline");

    JsonObject declined = json(link(agency, "decline", token, null), 200);
    assertThat(declined.getString("status")).isEqualTo("DECLINED");
    assertThat(link(agency, "accept", token, freelancer).statusCode()).isEqualTo(404);
    assertThat(sharing(agency)).doesNotContain(freelancerEmail("decline"));
    assertThat(platform.send("GET", "/api/v1/me/consents", freelancer, null).body())
        .doesNotContain(agency.slug());
    assertThat(statusOf(agency, email)).isEqualTo("DECLINED");
  }

  @Test
  void anExpiredLinkSharesNothingAndStaffSeeItExpiredAndResendIt() throws Exception {
    String email = "expired-" + SUFFIX + "@example.jp";
    String id = invite(agency, email, "ja").getJsonObject("invitation").getString("id");
    String token = tokenIn(platform.stack.mail().await(email, "人材プール", Duration.ofSeconds(20)));
    // A fortnight passes.
    try (Connection connection =
            platform
                .stack
                .postgres()
                .superuserDataSource(LocalPostgres.PLATFORM_DATABASE)
                .getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "UPDATE talent_invitation SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
      statement.setObject(1, UUID.fromString(id));
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
    String freelancer = freelancer("expired");
    assertThat(link(agency, "inspect", token, null).statusCode()).isEqualTo(404);
    assertThat(link(agency, "accept", token, freelancer).statusCode()).isEqualTo(404);
    assertThat(sharing(agency)).doesNotContain(freelancerEmail("expired"));
    assertThat(statusOf(agency, email)).isEqualTo("EXPIRED");

    // Staff send it again: a new link that works, the old one still does not.
    int mailsBefore = platform.stack.mail().messagesTo(email).size();
    JsonObject resent =
        json(
            platform.send(
                "POST",
                "/t/" + agency.slug() + "/api/v1/talent-invitations/" + id + "/resend",
                admin(agency),
                null),
            200);
    assertThat(resent.getJsonObject("invitation").getString("status")).isEqualTo("PENDING");
    assertThat(platform.stack.mail().messagesTo(email)).hasSize(mailsBefore + 1);
    String fresh = tokenIn(platform.stack.mail().messagesTo(email).get(mailsBefore));
    assertThat(fresh).isNotEqualTo(token);
    assertThat(link(agency, "inspect", token, null).statusCode()).isEqualTo(404);
    assertThat(link(agency, "inspect", fresh, null).statusCode()).isEqualTo(200);
  }

  @Test
  void aLinkShownToAnotherTenantIsTheSame404AsAMadeUpOne() {
    String email = "foreign-" + SUFFIX + "@example.jp";
    invite(agency, email, "ja");
    String token = tokenIn(platform.stack.mail().await(email, "人材プール", Duration.ofSeconds(20)));
    String freelancer = freelancer("foreign");

    HttpResponse<String> elsewhere = link(other, "inspect", token, null);
    HttpResponse<String> madeUp = link(agency, "inspect", "A".repeat(43), null);
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(madeUp.statusCode()).isEqualTo(404);
    assertThat(RunningPlatform.field(elsewhere.body(), "detail"))
        .isEqualTo(RunningPlatform.field(madeUp.body(), "detail"));
    assertThat(link(other, "accept", token, freelancer).statusCode()).isEqualTo(404);
    assertThat(link(other, "decline", token, null).statusCode()).isEqualTo(404);
    // Nothing shared with either, and the link still works where it belongs.
    assertThat(platform.send("GET", "/api/v1/me/consents", freelancer, null).body())
        .doesNotContain(agency.slug())
        .doesNotContain(other.slug());
    assertThat(link(agency, "inspect", token, null).statusCode()).isEqualTo(200);
    // The other tenant's staff see none of the agency's invitations.
    HttpResponse<String> theirs =
        platform.send(
            "GET", "/t/" + other.slug() + "/api/v1/talent-invitations", admin(other), null);
    assertThat(theirs.statusCode()).isEqualTo(200);
    assertThat(theirs.body()).doesNotContain(email);
  }

  @Test
  void aRevokedInvitationsLinkStopsWorking() {
    String email = "revoked-" + SUFFIX + "@example.jp";
    String id = invite(agency, email, "ja").getJsonObject("invitation").getString("id");
    String token = tokenIn(platform.stack.mail().await(email, "人材プール", Duration.ofSeconds(20)));
    JsonObject revoked =
        json(
            platform.send(
                "DELETE",
                "/t/" + agency.slug() + "/api/v1/talent-invitations/" + id,
                admin(agency),
                null),
            200);
    assertThat(revoked.getString("status")).isEqualTo("REVOKED");
    assertThat(link(agency, "accept", token, freelancer("revoked")).statusCode()).isEqualTo(404);
    // Revoking twice is a conflict, not a second change.
    assertThat(
            platform
                .send(
                    "DELETE",
                    "/t/" + agency.slug() + "/api/v1/talent-invitations/" + id,
                    admin(agency),
                    null)
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndCreatesNothing() {
    HttpResponse<String> noAddress =
        platform.send(
            "POST",
            "/t/" + agency.slug() + "/api/v1/talent-invitations",
            admin(agency),
            "{\"email\":\"not an address\",\"familyName\":\"<b>\"}");
    assertThat(noAddress.statusCode()).isEqualTo(400);
    assertThat(noAddress.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(noAddress.body()).contains("email");
    assertThat(
            platform
                .send(
                    "GET",
                    "/t/" + agency.slug() + "/api/v1/talent-invitations",
                    admin(agency),
                    null)
                .body())
        .doesNotContain("not an address");
  }

  @Test
  void anAccountHolderHearsInTheAppAndAcceptsThereWithoutTheLink() {
    String freelancer = freelancer("inapp");
    String email = freelancerEmail("inapp");
    String id = invite(agency, email, "ja").getJsonObject("invitation").getString("id");

    // The bell rings with the request, and its link leads to the sharing page.
    JsonObject told = consentRequest(freelancer, agency);
    assertThat(told.getString("titleJa")).isEqualTo("タレント商事 " + SUFFIX + "からプロフィール公開の依頼が届きました");
    assertThat(told.getString("link")).isEqualTo("/sharing");

    JsonObject pending = myInvitation(freelancer, id);
    assertThat(pending.getString("tenantSlug")).isEqualTo(agency.slug());
    assertThat(pending.getString("tenantName")).isEqualTo("タレント商事 " + SUFFIX);
    assertThat(pending.getString("status")).isEqualTo("PENDING");
    assertThat(pending.getString("expiresAt")).isNotBlank();
    // What accepting shares and for what purpose, shown before the answer.
    assertThat(pending.getString("sharingPurpose")).isEqualTo("案件のご紹介と契約手続きのため");
    assertThat(pending.getJsonArray("sharedItems").toString()).contains("PROFILE", "EMAIL");

    // Somebody else neither sees it nor answers it: the same 404 as a made-up id.
    String nosy = freelancer("nosy");
    assertThat(platform.send("GET", "/api/v1/me/talent-invitations", nosy, null).body())
        .doesNotContain(id);
    HttpResponse<String> notTheirs = answer(nosy, id, "accept");
    HttpResponse<String> madeUp = answer(nosy, UUID.randomUUID().toString(), "accept");
    assertThat(notTheirs.statusCode()).isEqualTo(404);
    assertThat(madeUp.statusCode()).isEqualTo(404);
    assertThat(notTheirs.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(RunningPlatform.field(notTheirs.body(), "detail"))
        .isEqualTo(RunningPlatform.field(madeUp.body(), "detail"));
    assertThat(answer(nosy, id, "decline").statusCode()).isEqualTo(404);
    assertThat(statusOf(agency, email)).isEqualTo("PENDING");
    assertThat(sharing(agency)).doesNotContain(freelancerEmail("nosy"));

    JsonObject accepted = json(answer(freelancer, id, "accept"), 200);
    assertThat(accepted.getString("status")).isEqualTo("ACCEPTED");
    assertThat(platform.send("GET", "/api/v1/me/consents", freelancer, null).body())
        .contains(agency.slug());
    assertThat(sharing(agency)).contains(email);
    assertThat(statusOf(agency, email)).isEqualTo("ACCEPTED");
    // On the consent log as given through the invitation, with the purpose shown in it.
    JsonObject logged =
        RunningPlatform.jsonArray(
                platform.send("GET", "/api/v1/me/consents/log", freelancer, null).body())
            .getJsonObject(0);
    assertThat(logged.getString("kind")).isEqualTo("GIVEN_BY_INVITATION");
    assertThat(logged.getString("tenantSlug")).isEqualTo(agency.slug());
    assertThat(logged.getString("purpose")).isEqualTo("案件のご紹介と契約手続きのため");
    assertThat(platform.send("GET", "/api/v1/me/talent-invitations", freelancer, null).body())
        .doesNotContain(id);
    // Once, and the mail's link is spent with it.
    assertThat(answer(freelancer, id, "accept").statusCode()).isEqualTo(404);
    String token = tokenIn(platform.stack.mail().await(email, "人材プール", Duration.ofSeconds(20)));
    assertThat(link(agency, "inspect", token, null).statusCode()).isEqualTo(404);
  }

  @Test
  void anAccountHolderDeclinesInTheAppAndNothingIsShared() {
    String freelancer = freelancer("inapp-no");
    String email = freelancerEmail("inapp-no");
    String id = invite(other, email, "en").getJsonObject("invitation").getString("id");
    assertThat(consentRequest(freelancer, other).getString("titleEn"))
        .isEqualTo("Other " + SUFFIX + " asks you to share your profile with them");

    JsonObject declined = json(answer(freelancer, id, "decline"), 200);
    assertThat(declined.getString("status")).isEqualTo("DECLINED");
    assertThat(declined.getString("tenantSlug")).isEqualTo(other.slug());
    assertThat(statusOf(other, email)).isEqualTo("DECLINED");
    assertThat(sharing(other)).doesNotContain(email);
    assertThat(platform.send("GET", "/api/v1/me/consents", freelancer, null).body())
        .doesNotContain(other.slug());
    assertThat(answer(freelancer, id, "accept").statusCode()).isEqualTo(404);
  }

  @Test
  void anAccountWhoseAddressIsNotVerifiedHearsNothingInTheApp() {
    String username = "fl-unverified-" + SUFFIX;
    String email = freelancerEmail("unverified");
    platform.keycloakAdmin.createUnverifiedUser(username, email, "Ken");
    String id = invite(agency, email, "ja").getJsonObject("invitation").getString("id");
    // The mail still goes: whoever reads that mailbox may accept through the link.
    platform.stack.mail().await(email, "人材プール", Duration.ofSeconds(20));

    // Once they prove the address they can answer in the app, but nothing was rung meanwhile.
    platform.keycloakAdmin.activate(email, "pw-" + SUFFIX);
    String freelancer = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    assertThat(
            notifications(freelancer).getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .filter(item -> item.getString("kind").equals("CONSENT_REQUESTED")))
        .isEmpty();
    assertThat(myInvitation(freelancer, id).getString("status")).isEqualTo("PENDING");
  }

  private static JsonObject consentRequest(
      String freelancer, RunningPlatform.ProvisionedTenant from) {
    return notifications(freelancer).getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .filter(item -> item.getString("kind").equals("CONSENT_REQUESTED"))
        .filter(item -> item.getString("titleEn").startsWith(from == agency ? "タレント" : "Other"))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no CONSENT_REQUESTED in " + notifications(freelancer)));
  }

  private static JsonObject notifications(String bearer) {
    return json(platform.send("GET", "/api/v1/me/notifications", bearer, null), 200);
  }

  private static JsonObject myInvitation(String bearer, String id) {
    HttpResponse<String> list = platform.send("GET", "/api/v1/me/talent-invitations", bearer, null);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return RunningPlatform.jsonArray(list.body()).stream()
        .map(JsonObject.class::cast)
        .filter(invitation -> invitation.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("invitation " + id + " not in " + list.body()));
  }

  private static HttpResponse<String> answer(String bearer, String id, String action) {
    return platform.send(
        "POST", "/api/v1/me/talent-invitations/" + id + "/" + action, bearer, null);
  }

  private static JsonObject invite(
      RunningPlatform.ProvisionedTenant tenant, String email, String language) {
    HttpResponse<String> invited =
        platform.send(
            "POST",
            "/t/" + tenant.slug() + "/api/v1/talent-invitations",
            admin(tenant),
            """
            {"email":"%s","familyName":"田中","givenName":"健","language":"%s"}
            """
                .formatted(email, language));
    return json(invited, 201);
  }

  private static String statusOf(RunningPlatform.ProvisionedTenant tenant, String email) {
    HttpResponse<String> list =
        platform.send(
            "GET", "/t/" + tenant.slug() + "/api/v1/talent-invitations", admin(tenant), null);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return RunningPlatform.jsonArray(list.body()).stream()
        .map(JsonObject.class::cast)
        .filter(invitation -> invitation.getString("email").equals(email))
        .findFirst()
        .orElseThrow()
        .getString("status");
  }

  private static String sharing(RunningPlatform.ProvisionedTenant tenant) {
    HttpResponse<String> list =
        platform.send("GET", "/t/" + tenant.slug() + "/api/v1/freelancers", admin(tenant), null);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return list.body();
  }

  private static HttpResponse<String> link(
      RunningPlatform.ProvisionedTenant tenant, String action, String token, String bearer) {
    return platform.send(
        "POST",
        "/t/" + tenant.slug() + "/api/v1/talent-invitation-link/" + action,
        bearer,
        "{\"token\":\"" + token + "\"}");
  }

  private static String admin(RunningPlatform.ProvisionedTenant tenant) {
    return platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
  }

  private static String freelancerEmail(String name) {
    return "fl-" + name + "-" + SUFFIX + "@example.jp";
  }

  /** A freelancer with an account, signed in to the platform's own pages. */
  private static String freelancer(String name) {
    String username = "fl-" + name + "-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, freelancerEmail(name), "Ken", "pw-" + SUFFIX);
    return platform.token("proxima-portal", username, "pw-" + SUFFIX);
  }

  private static String tokenIn(LocalMail.Received mail) {
    Matcher token = LINK.matcher(mail.text());
    assertThat(token.find()).as(mail.text()).isTrue();
    return token.group(1);
  }

  private static JsonObject json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return RunningPlatform.json(response.body());
  }
}
