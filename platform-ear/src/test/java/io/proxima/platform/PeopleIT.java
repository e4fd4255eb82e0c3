package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.local.LocalMail;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People management over real mail: an invitation leaves through the local SMTP server, its link
 * sets the invitee's first password, "sent" is said only once the server took the mail, and a
 * tenant never loses its last administrator.
 */
class PeopleIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;

  @BeforeAll
  static void aTenant() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant("people-" + SUFFIX, "{\"displayName\":\"ピープル商事 " + SUFFIX + "\"}");
  }

  private static String admin() {
    return platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
  }

  private static HttpResponse<String> invite(String email, String role, String language) {
    return platform.send(
        "POST",
        "/t/" + tenant.slug() + "/api/v1/members",
        admin(),
        """
        {"email":"%s","firstName":"花子","lastName":"佐藤","role":"%s","language":"%s"}
        """
            .formatted(email, role, language));
  }

  private static HttpResponse<String> link(String action, String body) {
    return platform.send(
        "POST", "/t/" + tenant.slug() + "/api/v1/invitation-link/" + action, null, body);
  }

  private static JsonObject member(String email) {
    HttpResponse<String> members =
        platform.send("GET", "/t/" + tenant.slug() + "/api/v1/members", admin(), null);
    assertThat(members.statusCode()).as(members.body()).isEqualTo(200);
    return RunningPlatform.jsonArray(members.body()).stream()
        .map(JsonObject.class::cast)
        .filter(found -> found.getString("email").equals(email))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The edge serves {@code /t/{slug}/api/…} by forwarding to {@code /api/…}; a URI the server
   * builds from the request (a {@code Location}, a problem's {@code instance}) still names the path
   * the client used, so following it on the same base works. On a tenant's host name there is no
   * prefix, and none is added.
   */
  @Test
  void urisBuiltFromTheRequestNameThePathTheClientUsed() {
    String base = "/t/" + tenant.slug() + "/api/v1/workspaces";
    HttpResponse<String> created =
        platform.send("POST", base, admin(), "{\"name\":\"場所の確認 " + SUFFIX + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created.body()).getString("id");
    URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
    assertThat(location.getRawPath()).isEqualTo(base + "/" + id);
    assertThat(location.getRawQuery()).isNull();
    HttpResponse<String> followed = platform.send("GET", location.getRawPath(), admin(), null);
    assertThat(followed.statusCode()).as(followed.body()).isEqualTo(200);
    assertThat(json(followed.body()).getString("id")).isEqualTo(id);

    // Problems from three mappers: a domain 404, a parameter of the wrong type, a validation 400.
    String unknown = base + "/" + UUID.randomUUID();
    HttpResponse<String> missing = platform.send("GET", unknown + "?probe=1", admin(), null);
    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
    assertThat(json(missing.body()).getString("instance")).isEqualTo(unknown);
    HttpResponse<String> badId = platform.send("GET", base + "/not-a-uuid", admin(), null);
    assertThat(badId.statusCode()).as(badId.body()).isEqualTo(400);
    assertThat(json(badId.body()).getString("instance")).isEqualTo(base + "/not-a-uuid");
    HttpResponse<String> blank = platform.send("POST", base, admin(), "{\"name\":\"\"}");
    assertThat(blank.statusCode()).as(blank.body()).isEqualTo(400);
    assertThat(json(blank.body()).getString("instance"))
        .startsWith("/t/" + tenant.slug() + "/")
        .isEqualTo(base);

    // Refused before any resource runs: no token at all.
    HttpResponse<String> anonymous = platform.send("GET", base, null, null);
    assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
    assertThat(json(anonymous.body()).getString("instance")).isEqualTo(base);

    // The same resources on the tenant's host name: the request's own path, no prefix.
    String host = tenant.slug() + ".proxima.localhost";
    HttpResponse<String> onHost =
        platform.send(
            "POST", "/api/v1/workspaces", admin(), "{\"name\":\"ホスト " + SUFFIX + "\"}", host);
    assertThat(onHost.statusCode()).as(onHost.body()).isEqualTo(201);
    URI hostLocation = URI.create(onHost.headers().firstValue("Location").orElseThrow());
    assertThat(hostLocation.getRawPath())
        .isEqualTo("/api/v1/workspaces/" + json(onHost.body()).getString("id"));
    HttpResponse<String> missingOnHost =
        platform.send("GET", "/api/v1/workspaces/" + UUID.randomUUID(), admin(), null, host);
    assertThat(missingOnHost.statusCode()).as(missingOnHost.body()).isEqualTo(404);
    assertThat(json(missingOnHost.body()).getString("instance")).startsWith("/api/v1/workspaces/");
  }

  @Test
  void anInvitedColleagueSetsAPasswordThroughTheMailedLinkAndSignsIn() {
    String email = "hanako-" + SUFFIX + "@example.jp";
    HttpResponse<String> invited = invite(email, "recruiter", "ja");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    JsonObject answer = json(invited.body());
    assertThat(answer.getJsonObject("invitationMail").getString("status")).isEqualTo("SENT");
    assertThat(answer.getJsonObject("member").getBoolean("invitationPending")).isTrue();

    LocalMail.Received mail = platform.stack.mail().await(email, "Proxima", Duration.ofSeconds(20));
    assertThat(mail.subject()).isEqualTo("【ピープル商事 " + SUFFIX + "】Proxima ポータルへの招待");
    assertThat(mail.from()).contains("ピープル商事 " + SUFFIX);
    assertThat(mail.text()).contains("リクルーター").contains("パスワードを設定する");
    assertThat(mail.html()).contains("#1f4fd1");
    String token = platform.invitationToken(email);

    HttpResponse<String> inspected = link("inspect", "{\"token\":\"" + token + "\"}");
    assertThat(inspected.statusCode()).as(inspected.body()).isEqualTo(200);
    assertThat(json(inspected.body()).getBoolean("needsPassword")).isTrue();
    assertThat(json(inspected.body()).getString("email")).isEqualTo(email);

    // Refused passwords change nothing: the link still works afterwards.
    HttpResponse<String> tooShort =
        link("activate", "{\"token\":\"%s\",\"password\":\"short\"}".formatted(token));
    assertThat(tooShort.statusCode()).as(tooShort.body()).isEqualTo(400);
    assertThat(tooShort.body()).contains("password");
    HttpResponse<String> theEmail =
        link("activate", "{\"token\":\"%s\",\"password\":\"%s\"}".formatted(token, email));
    assertThat(theEmail.statusCode()).as(theEmail.body()).isEqualTo(400);
    assertThat(theEmail.body()).contains("password");

    String password = "かすみ草-" + SUFFIX + "-Tokyo";
    HttpResponse<String> activated =
        link("activate", "{\"token\":\"%s\",\"password\":\"%s\"}".formatted(token, password));
    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);

    HttpResponse<String> again =
        link("activate", "{\"token\":\"%s\",\"password\":\"%s\"}".formatted(token, password));
    assertThat(again.statusCode()).as("the link works once").isEqualTo(404);
    assertThat(link("inspect", "{\"token\":\"" + token + "\"}").statusCode()).isEqualTo(404);

    String colleague = platform.token("tenant-" + tenant.slug(), email, password);
    HttpResponse<String> standing =
        platform.send("GET", "/t/" + tenant.slug() + "/api/v1/tenant", colleague, null);
    assertThat(standing.statusCode()).as(standing.body()).isEqualTo(200);
    assertThat(json(standing.body()).getString("yourRole")).isEqualTo("recruiter");
    assertThat(member(email).getBoolean("invitationPending")).isFalse();
  }

  @Test
  void aLinkOfAnotherTenantOrAMadeUpOneIsOneAndTheSame404() {
    String email = "other-link-" + SUFFIX + "@example.jp";
    assertThat(invite(email, "recruiter", "en").statusCode()).isEqualTo(201);
    LocalMail.Received mail = platform.stack.mail().await(email, "Proxima", Duration.ofSeconds(20));
    assertThat(mail.subject()).endsWith("invited you to its Proxima portal");
    String token = platform.invitationToken(email);
    RunningPlatform.ProvisionedTenant other =
        platform.provisionTenant("people-x-" + SUFFIX, "{\"displayName\":\"Other\"}");
    HttpResponse<String> elsewhere =
        platform.send(
            "POST",
            "/t/" + other.slug() + "/api/v1/invitation-link/inspect",
            null,
            "{\"token\":\"" + token + "\"}");
    HttpResponse<String> madeUp = link("inspect", "{\"token\":\"" + "A".repeat(43) + "\"}");
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(madeUp.statusCode()).isEqualTo(404);
    assertThat(json(elsewhere.body()).getString("detail"))
        .isEqualTo(json(madeUp.body()).getString("detail"));
  }

  @Test
  void aMailServerThatIsDownIsToldAndTheResendDeliversANewLink() {
    String email = "down-" + SUFFIX + "@example.jp";
    HttpResponse<String> invited;
    platform.stack.mail().pause();
    try {
      invited = invite(email, "recruiter", "ja");
    } finally {
      platform.stack.mail().resume();
    }
    assertThat(invited.statusCode()).as("the invitation itself is kept").isEqualTo(201);
    JsonObject mail = json(invited.body()).getJsonObject("invitationMail");
    assertThat(mail.getString("status")).isEqualTo("NOT_SENT");
    assertThat(mail.getString("problem")).contains("mail server");
    assertThat(member(email).containsKey("invitationMailedAt")).isFalse();
    assertThat(platform.stack.mail().messagesTo(email)).isEmpty();

    String id = json(invited.body()).getJsonObject("member").getString("id");
    HttpResponse<String> resent =
        platform.send(
            "POST", "/t/" + tenant.slug() + "/api/v1/members/" + id + "/invitation", admin(), null);
    assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
    assertThat(json(resent.body()).getJsonObject("invitationMail").getString("status"))
        .isEqualTo("SENT");
    assertThat(member(email).containsKey("invitationMailedAt")).isTrue();
    platform.activateThroughMail(tenant.slug(), email, "pw-" + UUID.randomUUID());

    HttpResponse<String> joined =
        platform.send(
            "POST", "/t/" + tenant.slug() + "/api/v1/members/" + id + "/invitation", admin(), null);
    assertThat(joined.statusCode()).as("nothing to resend once joined").isEqualTo(409);
  }

  @Test
  void theConsoleSaysSentOnlyWhenTheMailLeftAndResendsTheFirstAdminsInvitation() {
    String slug = "people-c-" + SUFFIX;
    String adminEmail = "first-" + slug + "@example.jp";
    String body =
        """
        {"slug":"%s","type":"AGENCY","plan":"standard","branding":{"displayName":"Console %s"},
         "firstAdmin":{"email":"%s","firstName":"Ken","lastName":"Ito"}}
        """
            .formatted(slug, SUFFIX, adminEmail);
    HttpResponse<String> created;
    platform.stack.mail().pause();
    try {
      created = platform.send("POST", "/api/v1/platform/tenants", platform.consoleToken(), body);
    } finally {
      platform.stack.mail().resume();
    }
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created.body()).getJsonObject("firstAdminInvitation").getString("status"))
        .isEqualTo("NOT_SENT");
    String id = json(created.body()).getString("id");

    String resend = "/api/v1/platform/tenants/" + id + "/first-admin/invitation";
    HttpResponse<String> resent = platform.send("POST", resend, platform.consoleToken(), null);
    assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
    assertThat(json(resent.body()).getString("status")).isEqualTo("SENT");
    platform.activateThroughMail(slug, adminEmail, "pw-" + UUID.randomUUID());
    HttpResponse<String> done = platform.send("POST", resend, platform.consoleToken(), null);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(409);
  }

  @Test
  void rolesChangeAndPeopleLeaveButTheTenantKeepsAnAdministrator() {
    String self = json(platform.send("GET", "/api/v1/me", admin(), null).body()).getString("email");
    String adminId = member(self).getString("id");
    HttpResponse<String> demoteSelf =
        platform.send(
            "PUT",
            "/t/" + tenant.slug() + "/api/v1/members/" + adminId + "/role",
            admin(),
            "{\"role\":\"recruiter\"}");
    assertThat(demoteSelf.statusCode()).as(demoteSelf.body()).isEqualTo(409);
    assertThat(demoteSelf.body()).contains("administrator");
    HttpResponse<String> removeSelf =
        platform.send(
            "DELETE", "/t/" + tenant.slug() + "/api/v1/members/" + adminId, admin(), null);
    assertThat(removeSelf.statusCode()).isEqualTo(409);

    String email = "leaver-" + SUFFIX + "@example.jp";
    String id =
        json(invite(email, "recruiter", "ja").body()).getJsonObject("member").getString("id");
    String password = "pw-" + UUID.randomUUID();
    platform.activateThroughMail(tenant.slug(), email, password);
    HttpResponse<String> promoted =
        platform.send(
            "PUT",
            "/t/" + tenant.slug() + "/api/v1/members/" + id + "/role",
            admin(),
            "{\"role\":\"agency-admin\"}");
    assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
    assertThat(json(promoted.body()).getString("role")).isEqualTo("agency-admin");
    HttpResponse<String> bogus =
        platform.send(
            "PUT",
            "/t/" + tenant.slug() + "/api/v1/members/" + id + "/role",
            admin(),
            "{\"role\":\"owner\"}");
    assertThat(bogus.statusCode()).isEqualTo(400);

    String leaver = platform.token("tenant-" + tenant.slug(), email, password);
    HttpResponse<String> removed =
        platform.send("DELETE", "/t/" + tenant.slug() + "/api/v1/members/" + id, admin(), null);
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
    assertThat(
            platform
                .send("GET", "/t/" + tenant.slug() + "/api/v1/members", leaver, null)
                .statusCode())
        .as("a removed member's token no longer opens the tenant")
        .isEqualTo(404);
  }
}
