package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static io.proxima.platform.RunningPlatform.json;
import static io.proxima.platform.StaffCalls.ok;
import static io.proxima.platform.StaffCalls.staffPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.local.LocalPostgres;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A freelancer's contact details, date of birth and payout account on a running node: sealed in the
 * table, read back whole by the freelancer, opened for a tenant only while it pays them under a
 * contract (and then on their 閲覧履歴), in their export, and gone with their account.
 */
class PersonalDetailsIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String PATH = "/api/v1/me/personal-details";
  private static final String PHONE = "090-4321-8765";
  private static final String ADDRESS = "東京都渋谷区神宮前六丁目 秘密ハイツ" + SUFFIX;
  private static final String HOLDER = "ヒミツ ハナコ";

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant payer;
  private static RunningPlatform.ProvisionedTenant bystander;
  private static String freelancerToken;
  private static String freelancerId;

  @BeforeAll
  static void aFreelancerSharingWithTwoAgencies() {
    platform = RunningPlatform.get();
    payer = platform.provisionTenant("payer-" + SUFFIX, "{\"displayName\":\"支払 " + SUFFIX + "\"}");
    bystander =
        platform.provisionTenant("aside-" + SUFFIX, "{\"displayName\":\"傍観 " + SUFFIX + "\"}");
    String username = "personal-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "Hanako", "pw-" + SUFFIX);
    freelancerToken = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    freelancerId =
        field(platform.send("GET", "/api/v1/me", freelancerToken, null).body(), "subject");
    for (var tenant : new RunningPlatform.ProvisionedTenant[] {payer, bystander}) {
      ok(platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null));
    }
  }

  private static String details(long expectedVersion, String bankCode, String birth) {
    // Full-width digits and half-width katakana, as Japanese keyboards and bank books give them.
    return """
        {"contact":{"phone":"%s","postalCode":"１５０－０００１","address":"%s"},
         "dateOfBirth":"%s",
         "payoutAccount":{"bankCode":"%s","bankName":"みずほ銀行","branchCode":"００１",
           "branchName":"東京営業部","accountType":"ORDINARY","accountNumber":"１２３４５",
           "holderKana":"ﾋﾐﾂ ﾊﾅｺ"},
         "expectedVersion":%d}
        """
        .formatted(PHONE, ADDRESS, birth, bankCode, expectedVersion);
  }

  @Test
  void detailsAreSealedOpenOnlyToTheFreelancerAndAPayingTenantAndLeaveWithTheAccount()
      throws Exception {
    JsonObject none = json(platform.send("GET", PATH, freelancerToken, null).body());
    assertThat(none.getInt("version")).isZero();
    assertThat(none.keySet()).doesNotContain("contact", "dateOfBirth", "payoutAccount");

    for (String bad :
        new String[] {
          details(0, "12", "1990-04-01"),
          details(0, "0001", "2020-04-01"),
          details(0, "0001", "1990-02-30"),
          details(0, "0001", "1990-04-01").replace("ﾋﾐﾂ ﾊﾅｺ", "秘密 花子"),
          details(0, "0001", "1990-04-01").replace(PHONE, "call me"),
          details(0, "0001", "1990-04-01").replace("ORDINARY", "GOLD"),
        }) {
      HttpResponse<String> refused = platform.send("PUT", PATH, freelancerToken, bad);
      assertThat(refused.statusCode()).as(bad + " → " + refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    HttpResponse<String> saved =
        platform.send("PUT", PATH, freelancerToken, details(0, "０００１", "1990-04-01"));
    ok(saved);
    JsonObject mine = json(platform.send("GET", PATH, freelancerToken, null).body());
    assertThat(mine.getInt("version")).isEqualTo(1);
    assertThat(mine.getString("dateOfBirth")).isEqualTo("1990-04-01");
    assertThat(mine.getJsonObject("contact").getString("postalCode")).isEqualTo("150-0001");
    JsonObject account = mine.getJsonObject("payoutAccount");
    assertThat(account.getString("bankCode")).isEqualTo("0001");
    assertThat(account.getString("accountNumber")).isEqualTo("0012345");
    assertThat(account.getString("holderKana")).isEqualTo(HOLDER);
    assertThat(
            platform
                .send("PUT", PATH, freelancerToken, details(0, "0001", "1990-04-01"))
                .statusCode())
        .as("an edit made on version 0 after version 1 was saved")
        .isEqualTo(409);

    String raw = rawRow().orElseThrow();
    for (String secret :
        new String[] {PHONE, ADDRESS, "1990-04-01", "0012345", HOLDER, "みずほ", "150-0001"}) {
      assertThat(raw)
          .as("the table shows no %s, neither as text nor as bytes", secret)
          .doesNotContain(secret)
          .doesNotContain(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
    }

    String payerStaff = staffToken(payer);
    String payoutAccount = "/freelancers/" + freelancerId + "/payout-account";
    assertThat(platform.send("GET", staffPath(payer.slug(), payoutAccount), payerStaff, null))
        .as("sharing a profile is no reason to see a bank account")
        .extracting(HttpResponse::statusCode)
        .isEqualTo(404);
    StaffCalls.activeContract(platform, payer.slug(), payerStaff, freelancerToken, freelancerId);
    HttpResponse<String> paid =
        platform.send("GET", staffPath(payer.slug(), payoutAccount), payerStaff, null);
    ok(paid);
    assertThat(json(paid.body()).getString("accountNumber")).isEqualTo("0012345");
    assertThat(paid.body()).doesNotContain(PHONE, ADDRESS, "1990");
    HttpResponse<String> aside =
        platform.send(
            "GET", staffPath(bystander.slug(), payoutAccount), staffToken(bystander), null);
    assertThat(aside.statusCode()).as("a tenant without a contract").isEqualTo(404);
    assertThat(
            platform
                .send("GET", staffPath(payer.slug(), payoutAccount), freelancerToken, null)
                .statusCode())
        .as("staff only")
        .isIn(403, 404);
    assertThat(platform.send("GET", "/api/v1/me/profile/views", freelancerToken, null).body())
        .as("the read is on the freelancer's 閲覧履歴")
        .contains("\"PAYOUT_ACCOUNT\"");

    HttpResponse<byte[]> export = platform.download("/api/v1/me/export", freelancerToken);
    assertThat(export.statusCode()).isEqualTo(200);
    Map<String, byte[]> files = DataExportIT.unzip(export.body());
    assertThat(new String(files.get("personal-details.json"), StandardCharsets.UTF_8))
        .contains(ADDRESS, "0012345", "1990-04-01");

    HttpResponse<String> erased =
        platform.send("DELETE", "/api/v1/me?confirm=DELETE_MY_ACCOUNT", freelancerToken, null);
    assertThat(erased.statusCode()).as(erased.body()).isBetween(200, 204);
    assertThat(rawRow()).as("destroying the data key took the row with it").isEmpty();
  }

  private static String staffToken(RunningPlatform.ProvisionedTenant tenant) {
    return platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
  }

  /** The row as a stolen dump shows it: every column as text, bytes in hex. */
  private static Optional<String> rawRow() throws SQLException {
    try (Connection owner =
        DriverManager.getConnection(
            platform.stack.postgres().jdbcUrl(LocalPostgres.PLATFORM_DATABASE),
            "proxima_owner",
            platform.stack.secrets().ownerPassword())) {
      owner.setAutoCommit(false);
      try (Statement lift = owner.createStatement()) {
        lift.execute("ALTER TABLE freelancer_personal_details NO FORCE ROW LEVEL SECURITY");
      }
      try (PreparedStatement select =
          owner.prepareStatement(
              "SELECT row_to_json(d)::text FROM freelancer_personal_details d"
                  + " WHERE freelancer_subject = ?")) {
        select.setString(1, freelancerId);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
      } finally {
        owner.rollback();
      }
    }
  }
}
