package io.proxima.platform;

import static io.proxima.platform.StaffCalls.created;
import static io.proxima.platform.StaffCalls.message;
import static io.proxima.platform.StaffCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A tenant's deletion after its retention period, on a running node: the platform closes it (its
 * staff are refused at once, its data still there), the deletion run leaves it alone within the
 * retention period, and once the period has passed (its closing moved back with a superuser
 * connection: ninety days passing) erases what it held about people — staff, invitations,
 * conversations — ends its consents in the freelancer's log, and keeps the freelancer's account and
 * other consents. Its staff leave Keycloak, except one who is also staff of another tenant. It
 * cannot be resumed afterwards; bad ids and repeats are 4xx problems.
 */
class TenantClosureIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aClosedTenantIsErasedAfterItsRetentionPeriodAndItsFreelancersKeepTheirAccounts()
      throws SQLException {
    RunningPlatform platform = RunningPlatform.get();
    String console = platform.consoleToken();
    RunningPlatform.ProvisionedTenant tenant =
        platform.provisionTenant(
            "closing-" + SUFFIX, "{\"displayName\":\"閉鎖エージェント " + SUFFIX + "\"}");
    RunningPlatform.ProvisionedTenant other =
        platform.provisionTenant(
            "staying-" + SUFFIX, "{\"displayName\":\"継続エージェント " + SUFFIX + "\"}");
    String staff =
        platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    String name = "fl-closure-" + SUFFIX;
    platform.keycloakAdmin.createUser(name, name + "@example.jp", "Ken", "pw-" + SUFFIX);
    String freelancer = platform.token("proxima-portal", name, "pw-" + SUFFIX);
    String subject =
        RunningPlatform.field(
            platform.send("GET", "/api/v1/me", freelancer, null).body(), "subject");
    ok(platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancer, null));
    ok(platform.send("PUT", "/api/v1/me/consents/" + other.slug(), freelancer, null));
    created(
        platform.send(
            "POST",
            StaffCalls.staffPath(tenant.slug(), "/conversations/" + subject + "/messages"),
            staff,
            message("閉鎖前のご連絡 " + SUFFIX)));
    created(
        platform.send(
            "POST",
            StaffCalls.staffPath(tenant.slug(), "/talent-invitations"),
            staff,
            "{\"email\":\"invitee-" + SUFFIX + "@example.jp\",\"familyName\":\"招待\"}"));

    // Its administrator is staff here only; the other tenant's administrator is also staff here.
    String shared = other.adminEmail();
    try (Connection superuser = superuser();
        PreparedStatement member =
            superuser.prepareStatement(
                "INSERT INTO membership (id, tenant_id, member_subject, email, display_name, role,"
                    + " created_at, accepted_at)"
                    + " SELECT gen_random_uuid(), ?::uuid, member_subject, email, display_name,"
                    + " 'RECRUITER', now(), now() FROM membership"
                    + " WHERE tenant_id = ?::uuid AND email = ?")) {
      member.setString(1, tenant.id());
      member.setString(2, other.id());
      member.setString(3, shared);
      assertThat(member.executeUpdate()).isOne();
    }
    assertThat(platform.keycloakAdmin.hasUserWithEmail(tenant.adminEmail())).isTrue();

    JsonObject closed =
        json(
            platform.send(
                "POST", "/api/v1/platform/tenants/" + tenant.id() + "/close", console, null),
            200);
    assertThat(closed.getString("status")).isEqualTo("CLOSED");
    assertThat(closed.getString("closedAt")).isNotBlank();
    assertThat(closed.getString("personalDataErasedAt", null)).isNull();
    // Refused at once, like a suspension; nothing erased yet.
    HttpResponse<String> refused =
        platform.send("GET", StaffCalls.staffPath(tenant.slug(), "/tenant"), staff, null);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(count("SELECT count(*) FROM membership WHERE tenant_id = ?::uuid", tenant.id()))
        .isPositive();
    assertThat(
            platform
                .send("POST", "/api/v1/platform/tenants/" + tenant.id() + "/close", console, null)
                .statusCode())
        .isEqualTo(409);

    // Within the retention period, the run leaves it alone.
    assertThat(platform.send("POST", "/api/v1/platform/tenant-deletions", console, null).body())
        .doesNotContain(tenant.id());
    assertThat(count("SELECT count(*) FROM chat_message WHERE tenant_id = ?::uuid", tenant.id()))
        .isPositive();

    // Ninety days and one pass.
    try (Connection superuser = superuser();
        PreparedStatement moved =
            superuser.prepareStatement(
                "UPDATE tenant SET closed_at = closed_at - interval '91 days',"
                    + " status_changed_at = status_changed_at - interval '91 days'"
                    + " WHERE id = ?::uuid")) {
      moved.setString(1, tenant.id());
      assertThat(moved.executeUpdate()).isOne();
    }
    HttpResponse<String> run =
        platform.send("POST", "/api/v1/platform/tenant-deletions", console, null);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    JsonObject erased =
        RunningPlatform.jsonArray(run.body()).stream()
            .map(JsonObject.class::cast)
            .filter(each -> each.getString("tenantId").equals(tenant.id()))
            .findFirst()
            .orElseThrow(() -> new AssertionError(run.body()));
    assertThat(erased.getInt("consentsEnded")).isOne();
    assertThat(erased.getInt("staffRemoved")).isOne();
    // Staff of this tenant only leave Keycloak; staff of another tenant too, and the freelancer,
    // keep their users (only the membership went).
    assertThat(platform.keycloakAdmin.hasUserWithEmail(tenant.adminEmail())).isFalse();
    assertThat(platform.keycloakAdmin.hasUserWithEmail(shared)).isTrue();
    assertThat(platform.keycloakAdmin.hasUserWithEmail(name + "@example.jp")).isTrue();
    ok(
        platform.send(
            "GET",
            StaffCalls.staffPath(other.slug(), "/tenant"),
            platform.token("tenant-" + other.slug(), shared, other.password()),
            null));
    assertThat(
            count(
                "SELECT count(*) FROM identity_removal WHERE removed_at IS NULL"
                    + " AND queued_at > (SELECT closed_at FROM tenant WHERE id = ?::uuid)",
                tenant.id()))
        .as("nothing left for the retries")
        .isZero();

    for (String table :
        new String[] {"membership", "chat_message", "conversation", "talent_invitation"}) {
      assertThat(count("SELECT count(*) FROM " + table + " WHERE tenant_id = ?::uuid", tenant.id()))
          .as(table)
          .isZero();
    }
    assertThat(
            count(
                "SELECT count(*) FROM consent WHERE tenant_id = ?::uuid AND revoked_at IS NULL",
                tenant.id()))
        .isZero();
    JsonObject view =
        json(platform.send("GET", "/api/v1/platform/tenants/" + tenant.id(), console, null), 200);
    assertThat(view.getString("personalDataErasedAt")).isNotBlank();

    // The freelancer keeps their account and their other consent; the log says what ended.
    ok(platform.send("GET", "/api/v1/me", freelancer, null));
    JsonObject newest =
        RunningPlatform.jsonArray(
                platform.send("GET", "/api/v1/me/consents/log", freelancer, null).body())
            .getJsonObject(0);
    assertThat(newest.getString("kind")).isEqualTo("ENDED_BY_TENANT_DELETION");
    assertThat(newest.getString("tenantSlug")).isEqualTo(tenant.slug());
    assertThat(platform.send("GET", "/api/v1/me/consents", freelancer, null).body())
        .contains(other.slug());
    assertThat(
            RunningPlatform.jsonArray(
                    platform.send("GET", "/api/v1/me/consents", freelancer, null).body())
                .stream()
                .map(JsonObject.class::cast)
                .filter(consent -> consent.getBoolean("active"))
                .map(consent -> consent.getString("tenantSlug"))
                .toList())
        .containsExactly(other.slug());

    // Erased is for good; a second run finds nothing more.
    HttpResponse<String> resumed =
        platform.send("POST", "/api/v1/platform/tenants/" + tenant.id() + "/resume", console, null);
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(409);
    assertThat(resumed.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(platform.send("POST", "/api/v1/platform/tenant-deletions", console, null).body())
        .doesNotContain(tenant.id());
    HttpResponse<String> unknown =
        platform.send(
            "POST", "/api/v1/platform/tenants/" + UUID.randomUUID() + "/close", console, null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    // Only platform admins close tenants.
    assertThat(
            platform
                .send("POST", "/api/v1/platform/tenants/" + other.id() + "/close", freelancer, null)
                .statusCode())
        .isEqualTo(403);
  }

  private static Connection superuser() throws SQLException {
    return RunningPlatform.get()
        .stack
        .postgres()
        .superuserDataSource(io.proxima.local.LocalPostgres.PLATFORM_DATABASE)
        .getConnection();
  }

  private static long count(String sql, String tenantId) throws SQLException {
    try (Connection superuser = superuser();
        PreparedStatement query = superuser.prepareStatement(sql)) {
      query.setString(1, tenantId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static JsonObject json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return RunningPlatform.json(response.body());
  }
}
