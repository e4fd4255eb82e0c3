package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static io.proxima.platform.StaffCalls.created;
import static io.proxima.platform.StaffCalls.message;
import static io.proxima.platform.StaffCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.privacy.ConnectionSealer;
import io.proxima.platform.privacy.ErasureLedgerFile;
import io.proxima.platform.privacy.KeyOwner;
import io.proxima.platform.privacy.MasterKeyFile;
import io.proxima.platform.privacy.PersonalDataVault;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A freelancer deletes their account on a running node. Before: a profile, an uploaded (sealed)
 * skill sheet, a consent, availability, a conversation both ways, an application, a signed contract
 * and an invoice issued from their hours. After: no raw table (read as the PostgreSQL superuser,
 * past row-level security) holds their name, e-mail, skill-sheet text or what they wrote; the
 * sealed file no longer opens (its data key is gone, the ledger keeps a restore from bringing it
 * back); the contract's document still matches its signed SHA-256 and the invoice is unchanged; the
 * agency's conversation shows 「退会したユーザー」; Keycloak has no such user; the audit chains verify and
 * record the erasure by a pseudonym; the old token and a second deletion get a 401. Staff and
 * platform accounts are refused; bad input is a problem document.
 */
class AccountErasureIT {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final String LABEL = "退会したユーザー";
  private static final String DELETE_ME = "/api/v1/me?confirm=DELETE_MY_ACCOUNT";
  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String USERNAME = "eraser-" + SUFFIX;
  private static final String EMAIL = USERNAME + "@example.jp";
  private static final String NAME = "消去 花子" + SUFFIX;
  private static final String SHEET_MARK = "経歴書本文" + SUFFIX;
  private static final byte[] SHEET =
      ("スキルシート\n氏名: " + NAME + "\n" + SHEET_MARK + "\nKotlin 6年\n")
          .getBytes(StandardCharsets.UTF_8);
  private static final String MINE = "私の携帯は 090-" + SUFFIX;
  private static final String COVER = "応募の動機 " + SUFFIX;
  private static final String FROM_TENANT = NAME + " さん、面談をお願いします";

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String staffToken;
  private static String token;
  private static String subject;
  private static String sheetId;
  private static String jobId;
  private static String contractId;
  private static String contractSha;
  private static String invoiceId;
  private static String invoiceBefore;

  @BeforeAll
  static void aFreelancerWithEverythingTheExportReaches() throws Exception {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant(
            "erase-" + SUFFIX, "{\"displayName\":\"消去エージェント " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    ok(
        platform.send(
            "PUT",
            staffPath("/invoice-issuer"),
            staffToken,
            "{\"name\":\"消去エージェント\",\"registrationNumber\":\"T7000012050002\"}"));

    platform.keycloakAdmin.createUser(USERNAME, EMAIL, NAME, "pw-" + SUFFIX);
    token = platform.token("proxima-portal", USERNAME, "pw-" + SUFFIX);
    subject = field(platform.send("GET", "/api/v1/me", token, null).body(), "subject");
    ok(
        platform.send(
            "PUT",
            "/api/v1/me/profile",
            token,
            ("{\"name\":\"%s\",\"title\":\"Kotlin エンジニア\",\"summary\":\"決済 %s\","
                    + "\"skills\":[{\"name\":\"Kotlin\",\"category\":\"LANGUAGE\",\"years\":6}],"
                    + "\"expectedVersion\":0}")
                .formatted(NAME, SUFFIX)));
    HttpResponse<String> uploaded =
        platform.upload(
            "/api/v1/me/skill-sheets?fileName=keireki-" + SUFFIX + ".txt",
            token,
            "text/plain",
            SHEET);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    sheetId = field(uploaded.body(), "id");
    ok(platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), token, null));
    ok(
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            token,
            "{\"status\":\"AVAILABLE\",\"daysPerWeek\":5,\"hoursPerDay\":8,\"workStyle\":\"REMOTE\"}"));
    created(
        platform.send(
            "POST",
            "/api/v1/me/conversations/" + tenant.slug() + "/messages",
            token,
            message(MINE)));
    created(
        platform.send(
            "POST",
            staffPath("/conversations/" + subject + "/messages"),
            staffToken,
            message(FROM_TENANT)));
    jobId = StaffCalls.openJob(platform, tenant.slug(), staffToken, "Kotlin 決済 " + SUFFIX);
    created(
        platform.send(
            "POST",
            "/api/v1/postings/" + jobId + "/applications",
            token,
            "{\"coverNote\":\"" + COVER + "\",\"proposedRateYen\":750000}"));

    // A signed contract naming them, and the month's invoice from their approved hours.
    YearMonth month = YearMonth.now(TOKYO);
    StaffCalls.SignedContract signed =
        StaffCalls.signedContract(
            platform, tenant.slug(), staffToken, token, subject, "TRIAL", NAME);
    contractId = signed.id();
    contractSha = signed.documentSha256();
    String report = "/api/v1/me/contracts/" + contractId + "/time-reports/" + month;
    ok(platform.send("PUT", report, token, "{\"hours\":160,\"expectedVersion\":0}"));
    ok(platform.send("POST", report + "/submit", token, "{\"expectedVersion\":1}"));
    String staffReport = staffPath("/contracts/" + contractId + "/time-reports/" + month);
    ok(platform.send("POST", staffReport + "/approve", staffToken, "{\"expectedVersion\":2}"));
    HttpResponse<String> invoiced =
        platform.send(
            "POST",
            staffReport + "/invoice",
            staffToken,
            "{\"issueDate\":\"" + LocalDate.now(TOKYO) + "\",\"expectedVersion\":3}");
    created(invoiced);
    invoiceId = field(invoiced.body(), "id");
    invoiceBefore = invoiceFacts();

    // The sealed original opens with the freelancer's data key while they exist.
    assertThat(openSealedOriginal(rawSealedOriginal())).isEqualTo(SHEET);
  }

  @Test
  void deletingTheAccountErasesItEverywhereAndKeepsWhatTheLawRequires() throws Exception {
    byte[] sealed = rawSealedOriginal();
    assertThat(scanRawTables()).as("before the deletion the scan finds them").isNotEmpty();

    HttpResponse<String> deleted = platform.send("DELETE", DELETE_ME, token, null);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    JsonObject answer = json(deleted.body());
    String pseudonym = answer.getString("erasure");
    assertThat(pseudonym).matches("[0-9a-f]{64}").doesNotContain(subject);
    assertThat(answer.getBoolean("identityRemoved")).isTrue();

    // No raw table holds their name, e-mail, sheet text or words; the sealed file cannot open.
    assertThat(scanRawTables()).as("columns still holding personal strings").isEmpty();
    assertThat(count("SELECT count(*) FROM data_key WHERE owner = ?", "freelancer:" + subject))
        .isZero();
    assertThat(
            count("SELECT count(*) FROM skill_sheet_original WHERE upload_id = ?::uuid", sheetId))
        .isZero();
    assertThatThrownBy(() -> openSealedOriginal(sealed))
        .isInstanceOf(PersonalDataVault.KeyDestroyed.class);
    assertThat(count("SELECT count(*) FROM erasure_ledger WHERE pseudonym = ?", pseudonym)).isOne();
    // The consent log goes with them; the agency keeps one entry of the end, by pseudonym only.
    assertThat(count("SELECT count(*) FROM consent_event WHERE freelancer_subject = ?", subject))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM consent_event WHERE freelancer_subject = ?"
                    + " AND kind = 'ENDED_BY_ERASURE'",
                "erased:" + pseudonym))
        .isOne();
    assertThat(Files.readString(ledgerFile().file())).contains(pseudonym);

    // The signed contract: the same fixed document, matching its SHA-256 and both signatures.
    HttpResponse<String> contract =
        platform.send("GET", staffPath("/contracts/" + contractId), staffToken, null);
    ok(contract);
    JsonObject kept = json(contract.body()).getJsonObject("contract");
    assertThat(kept.getString("documentSha256")).isEqualTo(contractSha);
    assertThat(kept.getJsonArray("signatures")).hasSize(2);
    kept.getJsonArray("signatures")
        .forEach(
            s -> assertThat(s.asJsonObject().getString("documentSha256")).isEqualTo(contractSha));
    assertThat(kept.getJsonObject("terms").getString("freelancerName")).isEqualTo(LABEL);
    HttpResponse<byte[]> document =
        platform.download(staffPath("/contracts/" + contractId + "/document.pdf"), staffToken);
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(sha256(document.body())).isEqualTo(contractSha);
    // The issued invoice: unchanged, and its PDF still renders.
    assertThat(invoiceFacts()).isEqualTo(invoiceBefore);
    assertThat(
            platform
                .download(staffPath("/invoices/" + invoiceId + "/document.pdf"), staffToken)
                .statusCode())
        .isEqualTo(200);

    // The agency: the conversation shows 「退会したユーザー」; their words are gone, the agency's
    // own stay without the name; the board no longer lists them.
    HttpResponse<String> conversations =
        platform.send("GET", staffPath("/conversations"), staffToken, null);
    ok(conversations);
    JsonObject conversation =
        RunningPlatform.jsonArray(conversations.body()).stream()
            .map(JsonObject.class::cast)
            .filter(c -> c.getString("freelancerSubject").equals(subject))
            .findFirst()
            .orElseThrow();
    assertThat(conversation.getString("freelancerName")).isEqualTo(LABEL);
    assertThat(conversation.getBoolean("freelancerErased")).isTrue();
    String history =
        platform
            .send("GET", staffPath("/conversations/" + subject + "/messages"), staffToken, null)
            .body();
    assertThat(history).doesNotContain(MINE, NAME).contains(LABEL + " さん、面談をお願いします");
    assertThat(platform.send("GET", staffPath("/board"), staffToken, null).body())
        .doesNotContain(subject);
    // The job's candidate list keeps the application, flagged so the portal names it
    // 「退会したユーザー」, without the cover note they wrote.
    HttpResponse<String> applications =
        platform.send("GET", staffPath("/applications?jobId=" + jobId), staffToken, null);
    ok(applications);
    JsonObject application = RunningPlatform.jsonArray(applications.body()).getJsonObject(0);
    assertThat(application.getString("freelancerId")).isEqualTo(subject);
    assertThat(application.getBoolean("freelancerErased")).isTrue();
    assertThat(!application.containsKey("coverNote") || application.isNull("coverNote")).isTrue();

    // Keycloak: the user is gone, so signing in fails.
    assertThatThrownBy(() -> platform.token("proxima-portal", USERNAME, "pw-" + SUFFIX))
        .hasMessageContaining("no token");

    // The audit chains verify, and the platform's records the erasure by its pseudonym only.
    String console = platform.consoleToken();
    for (String chain : List.of("platform", tenant.id())) {
      JsonObject verified =
          json(
              platform
                  .send(
                      "GET", "/api/v1/platform/audit-events/verify?tenant=" + chain, console, null)
                  .body());
      assertThat(verified.getBoolean("intact")).as(verified.toString()).isTrue();
    }
    String audit =
        platform
            .send(
                "GET",
                "/api/v1/platform/audit-events?tenant=platform&action=personal-data.erased",
                console,
                null)
            .body();
    assertThat(audit).contains("erased:" + pseudonym).doesNotContain(NAME, EMAIL, subject);

    // The old token opens nothing, a second deletion included: a clean 401, never a 5xx.
    for (String[] call :
        List.of(
            new String[] {"DELETE", DELETE_ME, null},
            new String[] {"GET", "/api/v1/me", null},
            new String[] {"PUT", "/api/v1/me/consents/" + tenant.slug(), null},
            new String[] {"GET", "/api/v1/me/profile", null})) {
      HttpResponse<String> again = platform.send(call[0], call[1], token, call[2]);
      assertThat(again.statusCode())
          .as(call[0] + " " + call[1] + ": " + again.body())
          .isEqualTo(401);
    }
    assertThat(scanRawTables()).as("nothing came back through the old token").isEmpty();
  }

  @Test
  void staffCannotDeleteAndBadInputIsAProblem() {
    // A tenant's staff cannot delete an account here, their own nor (there is no way to name one)
    // a freelancer's.
    HttpResponse<String> staff = platform.send("DELETE", DELETE_ME, staffToken, null);
    assertThat(staff.statusCode()).as(staff.body()).isEqualTo(403);
    assertThat(staff.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> console =
        platform.send("DELETE", DELETE_ME, platform.consoleToken(), null);
    assertThat(console.statusCode()).as(console.body()).isEqualTo(403);
    assertThat(platform.token("proxima-portal", "demo", "demo")).isNotBlank();

    String other = "keeper-" + SUFFIX;
    platform.keycloakAdmin.createUser(other, other + "@example.jp", other, "pw-" + SUFFIX);
    String otherToken = platform.token("proxima-portal", other, "pw-" + SUFFIX);
    for (String query :
        new String[] {"", "?confirm=", "?confirm=yes", "?confirm=delete_my_account"}) {
      HttpResponse<String> refused =
          platform.send("DELETE", "/api/v1/me" + query, otherToken, null);
      assertThat(refused.statusCode()).as(query + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(platform.send("GET", "/api/v1/me", otherToken, null).statusCode()).isEqualTo(200);
    assertThat(platform.send("DELETE", DELETE_ME, null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void theSharingPageExplainsConfirmsDeletesAndSignsOut() {
    String name = "browser-eraser-" + SUFFIX;
    platform.keycloakAdmin.createUser(name, name + "@example.jp", name, "pw-" + SUFFIX);
    String browserToken = platform.token("proxima-portal", name, "pw-" + SUFFIX);
    try (Chromium browser = Chromium.open("ja")) {
      browser.go(platform.baseUrl() + "/sharing");
      browser.signInOnLoginPage(name, "pw-" + SUFFIX);
      assertThat(browser.visible(By.id("account-deletion-erased")).getText())
          .contains("プロフィール", "スキルシート", "退会したユーザー");
      assertThat(browser.visible(By.id("account-deletion-kept")).getText())
          .contains("請求書", "契約書", "電子帳簿保存法", "7年");
      browser.click(By.id("account-deletion"));
      // Nothing happens before the second confirmation.
      assertThat(browser.visible(By.id("account-deletion-confirm")).isEnabled()).isFalse();
      browser.click(By.id("account-deletion-understood"));
      browser.script("document.getElementById('account-deletion-heading').scrollIntoView()");
      browser.screenshot("account-deletion-confirm");
      browser.click(By.id("account-deletion-confirm"));
      // Signed out: the portal sends the browser back to the login page.
      browser.visible(By.id("username"));
      browser.screenshot("account-deletion-signed-out");
    }
    assertThat(platform.send("GET", "/api/v1/me", browserToken, null).statusCode())
        .as("the browser's deletion reached the server")
        .isEqualTo(401);
    assertThatThrownBy(() -> platform.token("proxima-portal", name, "pw-" + SUFFIX))
        .hasMessageContaining("no token");
  }

  /** Every text-like column of every table, and the bytea ones for the sheet, holding them. */
  private static List<String> scanRawTables() throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection superuser =
        platform
            .stack
            .postgres()
            .superuserDataSource(io.proxima.local.LocalPostgres.PLATFORM_DATABASE)
            .getConnection()) {
      List<String[]> columns = new ArrayList<>();
      try (PreparedStatement list =
              superuser.prepareStatement(
                  "SELECT table_name, column_name, data_type FROM information_schema.columns"
                      + " WHERE table_schema = 'public' AND data_type IN ('text',"
                      + " 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'bytea',"
                      + " 'tsvector')"
                      + " AND table_name IN (SELECT table_name FROM information_schema.tables"
                      + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE')");
          ResultSet rows = list.executeQuery()) {
        while (rows.next()) {
          columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
        }
      }
      for (String[] column : columns) {
        boolean bytes = column[2].equals("bytea");
        List<String> needles =
            bytes ? List.of(SHEET_MARK) : List.of(NAME, EMAIL, SHEET_MARK, MINE, COVER);
        for (String needle : needles) {
          String condition =
              bytes
                  ? "position(convert_to(?, 'UTF8') in \"%s\") > 0"
                  : "strpos(\"%s\"::text, ?) > 0";
          try (PreparedStatement probe =
              superuser.prepareStatement(
                  ("SELECT count(*) FROM \"%s\" WHERE " + condition)
                      .formatted(column[0], column[1]))) {
            probe.setString(1, needle);
            try (ResultSet row = probe.executeQuery()) {
              row.next();
              if (row.getLong(1) > 0) {
                found.add(column[0] + "." + column[1] + " has " + needle);
              }
            }
          }
        }
      }
    }
    return found;
  }

  private static long count(String sql, String value) throws SQLException {
    try (Connection superuser =
            platform
                .stack
                .postgres()
                .superuserDataSource(io.proxima.local.LocalPostgres.PLATFORM_DATABASE)
                .getConnection();
        PreparedStatement query = superuser.prepareStatement(sql)) {
      query.setString(1, value);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** The sealed file's bytes as a stolen dump (or a backup) would hold them. */
  private static byte[] rawSealedOriginal() throws SQLException {
    try (Connection superuser =
            platform
                .stack
                .postgres()
                .superuserDataSource(io.proxima.local.LocalPostgres.PLATFORM_DATABASE)
                .getConnection();
        PreparedStatement query =
            superuser.prepareStatement(
                "SELECT content FROM skill_sheet_original WHERE upload_id = ?::uuid AND sealed")) {
      query.setString(1, sheetId);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as("the sealed original").isTrue();
        return row.getBytes(1);
      }
    }
  }

  /** Opens the sealed file as the platform would, with the master key file of this stack. */
  private static byte[] openSealedOriginal(byte[] sealed) throws SQLException {
    try (Connection superuser =
        platform
            .stack
            .postgres()
            .superuserDataSource(io.proxima.local.LocalPostgres.PLATFORM_DATABASE)
            .getConnection()) {
      return new ConnectionSealer(
              new MasterKeyFile(platform.stack.secrets().masterKeyFile(), Clock.systemUTC()),
              superuser)
          .open(KeyOwner.freelancer(subject), "skill_sheet_original.content:" + sheetId, sealed);
    }
  }

  private static ErasureLedgerFile ledgerFile() {
    return new ErasureLedgerFile(
        platform
            .stack
            .secrets()
            .masterKeyFile()
            .toAbsolutePath()
            .resolveSibling("erasure-ledger.txt"));
  }

  /** Number, recipient, totals and lines of the invoice, as staff read it. */
  private static String invoiceFacts() {
    HttpResponse<String> invoice =
        platform.send("GET", staffPath("/invoices/" + invoiceId), staffToken, null);
    ok(invoice);
    JsonObject read = json(invoice.body());
    return read.get("number")
        + "|"
        + read.get("recipientName")
        + "|"
        + read.get("totalYen")
        + "|"
        + read.get("lines");
  }

  private static String staffPath(String path) {
    return StaffCalls.staffPath(tenant.slug(), path);
  }

  private static JsonObject json(String body) {
    return RunningPlatform.json(body);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @SuppressWarnings("unused")
  private static JsonArray array(String body) {
    return RunningPlatform.jsonArray(body);
  }
}
