package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static io.proxima.platform.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.local.LocalPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Personal data at rest, on a running node: an uploaded skill sheet is unreadable in the table
 * without the keys, its data key is stored only wrapped, and the master key rotates while the
 * original keeps opening for its freelancer.
 */
class PersonalDataIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String SHEET =
      """
      スキルシート
      氏名: 秘密 花子
      連絡先: 090-5555-0123
      スキル
      Java	8年
      """;

  private static RunningPlatform platform;
  private static String freelancerToken;
  private static String freelancerId;

  @BeforeAll
  static void aFreelancer() {
    platform = RunningPlatform.get();
    String username = "sealed-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "Hana", "pw-" + SUFFIX);
    freelancerToken = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    freelancerId =
        field(platform.send("GET", "/api/v1/me", freelancerToken, null).body(), "subject");
  }

  @Test
  void anUploadedSheetIsSealedInTheTableAndOpensForItsFreelancerAcrossAMasterKeyRotation()
      throws Exception {
    byte[] file = SHEET.getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> uploaded =
        platform.upload(
            "/api/v1/me/skill-sheets?fileName=sheet-" + SUFFIX + ".txt",
            freelancerToken,
            "text/plain",
            file);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String sheetId = field(uploaded.body(), "id");

    String raw = rawOriginal(sheetId);
    assertThat(raw).startsWith("sealed ");
    for (String secret : new String[] {"秘密", "090-5555-0123", "スキルシート"}) {
      assertThat(raw)
          .as("neither the file nor the text read from it shows %s", secret)
          .doesNotContain(secret)
          .doesNotContain(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(wrappedKeyLength("freelancer:" + freelancerId))
        .as("the data key is stored wrapped (nonce, key, tag), never as its 32 raw bytes")
        .isEqualTo(1 + 12 + 32 + 16);
    assertOriginalOpens(sheetId, file);

    String console = platform.consoleToken();
    String before = field(send("GET", "", console).body(), "current");
    HttpResponse<String> rotated = send("POST", "/rotation", console);
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    String current = field(rotated.body(), "current");
    assertThat(current).isNotEqualTo(before);
    assertThat(json(rotated.body()).getJsonObject("state").getJsonObject("dataKeys").keySet())
        .as("every data key now wrapped with the new master key")
        .containsExactly(current);
    assertOriginalOpens(sheetId, file);

    assertThat(send("DELETE", "/" + current, console).statusCode())
        .as("the current key is not retired")
        .isEqualTo(409);
    assertThat(send("DELETE", "/mk-unknown", console).statusCode()).isEqualTo(404);
    HttpResponse<String> retired = send("DELETE", "/" + before, console);
    assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
    assertThat(json(retired.body()).getJsonArray("keys").toString()).doesNotContain(before);
    assertOriginalOpens(sheetId, file);

    assertThat(send("GET", "", freelancerToken).statusCode())
        .as("platform admins only")
        .isEqualTo(403);
    assertThat(
            platform
                .send(
                    "GET",
                    "/api/v1/platform/audit-events?tenant=platform&action=privacy.master-key.",
                    console,
                    null)
                .body())
        .contains("privacy.master-key.rotated", "privacy.master-key.retired", current);
  }

  private static HttpResponse<String> send(String method, String path, String token) {
    return platform.send(method, "/api/v1/platform/privacy/master-keys" + path, token, null);
  }

  private static void assertOriginalOpens(String sheetId, byte[] file) {
    HttpResponse<byte[]> original =
        platform.download("/api/v1/me/skill-sheets/" + sheetId + "/original", freelancerToken);
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(original.body()).isEqualTo(file);
  }

  private static Connection owner() throws SQLException {
    return DriverManager.getConnection(
        platform.stack.postgres().jdbcUrl(LocalPostgres.PLATFORM_DATABASE),
        "proxima_owner",
        platform.stack.secrets().ownerPassword());
  }

  /** The original's row as a stolen dump would show it: bytes in hex, text as it is. */
  private static String rawOriginal(String sheetId) throws SQLException {
    try (Connection owner = owner()) {
      owner.setAutoCommit(false);
      try (Statement lift = owner.createStatement()) {
        lift.execute("ALTER TABLE skill_sheet_original NO FORCE ROW LEVEL SECURITY");
      }
      try (PreparedStatement select =
          owner.prepareStatement(
              "SELECT CASE WHEN sealed THEN 'sealed ' ELSE 'plain ' END"
                  + " || encode(content, 'hex') || ' ' || coalesce(text, '')"
                  + " || ' ' || encode(coalesce(sealed_text, ''::bytea), 'hex')"
                  + " FROM skill_sheet_original WHERE upload_id = ?::uuid")) {
        select.setString(1, sheetId);
        try (ResultSet row = select.executeQuery()) {
          assertThat(row.next()).as("the original is kept").isTrue();
          return row.getString(1);
        }
      } finally {
        owner.rollback();
      }
    }
  }

  private static int wrappedKeyLength(String owner) throws SQLException {
    try (Connection connection = owner();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT octet_length(wrapped) FROM data_key WHERE owner = ?")) {
      select.setString(1, owner);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).as("a data key for " + owner).isTrue();
        return row.getInt(1);
      }
    }
  }
}
