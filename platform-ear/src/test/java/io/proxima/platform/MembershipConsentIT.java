package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adding a person to a tenant is an invitation that person accepts: someone who already has an
 * account (another tenant's admin, a freelancer) is offered the role and gets nothing from it until
 * they say yes; only an account the invitation itself creates belongs to the tenant at once. Names
 * the identity provider would refuse are a 400, never a 500.
 */
class MembershipConsentIT {

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant a;
  private static RunningPlatform.ProvisionedTenant b;

  @BeforeAll
  static void twoTenants() {
    platform = RunningPlatform.get();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    a = platform.provisionTenant("invite-a-" + suffix, "{\"displayName\":\"Invite A\"}");
    b = platform.provisionTenant("invite-b-" + suffix, "{\"displayName\":\"Invite B\"}");
  }

  private static String adminToken(RunningPlatform.ProvisionedTenant tenant) {
    return platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
  }

  private static HttpResponse<String> invite(String email, String firstName, String lastName) {
    return platform.send(
        "POST",
        "/t/" + a.slug() + "/api/v1/members",
        adminToken(a),
        """
        {"email":"%s","firstName":"%s","lastName":"%s","role":"recruiter"}
        """
            .formatted(email, firstName, lastName));
  }

  @Test
  void anotherTenantsAdminIsOnlyInvitedAndDecidesThemselves() {
    HttpResponse<String> invited = invite(b.adminEmail(), "Aki", "Mori");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    assertThat(invited.body()).contains("\"status\":\"INVITED\"");

    String bAdmin = adminToken(b);
    HttpResponse<String> mine = platform.send("GET", "/api/v1/me/tenants", bAdmin, null);
    assertThat(mine.body()).contains(b.slug()).doesNotContain(a.slug());
    assertThat(platform.send("GET", "/t/" + a.slug() + "/api/v1/tenant", bAdmin, null).statusCode())
        .as("an invitation grants nothing")
        .isEqualTo(404);
    assertThat(
            platform.send("GET", "/t/" + a.slug() + "/api/v1/members", bAdmin, null).statusCode())
        .isEqualTo(404);
    HttpResponse<String> invitations = platform.send("GET", "/api/v1/me/invitations", bAdmin, null);
    assertThat(invitations.statusCode()).isEqualTo(200);
    assertThat(invitations.body()).contains(a.slug()).contains("\"role\":\"recruiter\"");

    // Nobody else can take the invitation up.
    String freelancer = platform.token("proxima-portal", "demo", "demo");
    assertThat(
            platform
                .send("POST", "/t/" + a.slug() + "/api/v1/invitation/accept", freelancer, null)
                .statusCode())
        .isEqualTo(404);

    HttpResponse<String> accepted =
        platform.send("POST", "/t/" + a.slug() + "/api/v1/invitation/accept", bAdmin, null);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.body()).contains("\"status\":\"ACTIVE\"");
    assertThat(platform.send("GET", "/api/v1/me/tenants", bAdmin, null).body()).contains(a.slug());
    assertThat(platform.send("GET", "/t/" + a.slug() + "/api/v1/tenant", bAdmin, null).statusCode())
        .isEqualTo(200);
    assertThat(
            platform
                .send("POST", "/t/" + a.slug() + "/api/v1/invitation/accept", bAdmin, null)
                .statusCode())
        .as("accepted once")
        .isEqualTo(404);
  }

  @Test
  void aFreelancerDeclinesAndNothingOfTheInvitationStays() {
    HttpResponse<String> invited = invite("demo@proxima.local", "Taro", "Yamada");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    assertThat(invited.body()).contains("\"status\":\"INVITED\"");
    String freelancer = platform.token("proxima-portal", "demo", "demo");

    HttpResponse<String> declined =
        platform.send("DELETE", "/t/" + a.slug() + "/api/v1/invitation", freelancer, null);
    assertThat(declined.statusCode()).as(declined.body()).isEqualTo(204);

    HttpResponse<String> members =
        platform.send("GET", "/t/" + a.slug() + "/api/v1/members", adminToken(a), null);
    assertThat(members.body()).doesNotContain("demo@proxima.local");
    assertThat(platform.send("GET", "/api/v1/me/invitations", freelancer, null).body())
        .doesNotContain(a.slug());
  }

  @Test
  void aPersonWithoutAnAccountJoinsWithTheAccountTheInvitationMakes() {
    String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
    HttpResponse<String> invited = invite(email, "Hana", "Sato");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    assertThat(invited.body()).contains("\"status\":\"ACTIVE\"");
  }

  @Test
  void namesTheIdentityProviderRefusesAreA400AndCreateNothing() {
    for (String name :
        List.of(
            "O'Brien",
            "Ta;ro",
            "<b>Taro</b>",
            "Ta\\u0000ro",
            "Ta\\u0007ro",
            "Ta\\u2028ro",
            "\\ufeffTaro",
            "Ta\\u202Ero",
            "Ta\\\\ro")) {
      String email = "hostile-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
      HttpResponse<String> refused = invite(email, name, "Sato");
      assertThat(refused.statusCode()).as(name + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(refused.body()).contains("firstName");
      HttpResponse<String> members =
          platform.send("GET", "/t/" + a.slug() + "/api/v1/members", adminToken(a), null);
      assertThat(members.body()).doesNotContain(email);
    }
  }
}
