package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.local.LocalMail;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifications on the running platform with the real mail server: a scout rings the freelancer's
 * bell over the socket and sends a branded mail whose unsubscribe link works; messages to someone
 * away are summed up in one mail; a mail server that refuses is retried from the outbox; a change
 * that rolls back tells nobody; and nobody reads or marks anyone else's notifications.
 */
class NotificationsIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static RunningPlatform.ProvisionedTenant other;
  private static String staffToken;
  private static String otherStaffToken;

  @BeforeAll
  static void twoAgencies() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant(
            "ntf-" + SUFFIX,
            "{\"displayName\":\"みなと人材 " + SUFFIX + "\",\"primaryColor\":\"#0a7d5a\"}");
    other =
        platform.provisionTenant("ntf2-" + SUFFIX, "{\"displayName\":\"Other " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    otherStaffToken =
        platform.token("tenant-" + other.slug(), other.adminEmail(), other.password());
  }

  /** A new freelancer sharing with the tenant: {token, subject, email}. */
  private static String[] freelancer(String name) {
    String username = name + "-" + SUFFIX;
    String email = username + "@example.jp";
    platform.keycloakAdmin.createUser(username, email, name, "pw-" + SUFFIX);
    String token = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    ok(platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), token, null));
    HttpResponse<String> me = platform.send("GET", "/api/v1/me", token, null);
    ok(me);
    return new String[] {token, field(me.body(), "subject"), email};
  }

  /** The tenant's staff write to the freelancer {@code freelancerId}; stored (201). */
  private static void messageFromStaff(String freelancerId, String body) {
    HttpResponse<String> sent =
        platform.send(
            "POST",
            "/t/" + tenant.slug() + "/api/v1/conversations/" + freelancerId + "/messages",
            staffToken,
            StaffCalls.message(body));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
  }

  private static HttpResponse<String> scout(String freelancerId, String message) {
    return platform.send(
        "POST",
        "/t/" + tenant.slug() + "/api/v1/scouts",
        staffToken,
        "{\"freelancerId\":\"%s\",\"message\":\"%s\"}".formatted(freelancerId, message));
  }

  private static JsonObject notifications(String token) {
    HttpResponse<String> page = platform.send("GET", "/api/v1/me/notifications", token, null);
    ok(page);
    return RunningPlatform.json(page.body());
  }

  @Test
  void aScoutRingsTheBellLiveAndMailsABrandedNoticeWhoseUnsubscribeLinkWorks() throws Exception {
    String[] taro = freelancer("taro");
    try (LiveClient bell =
        LiveClient.open(platform.baseUrl(), "/ws/notifications", taro[0], null)) {
      bell.next("hello");
      HttpResponse<String> sent = scout(taro[1], "ぜひ一度お話を");
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

      String frame = bell.next("notification");
      assertThat(frame).contains("\"kind\":\"scout.received\"");
    }
    JsonObject page = notifications(taro[0]);
    assertThat(page.getJsonNumber("unread").longValue()).isEqualTo(1);
    JsonObject item = page.getJsonArray("items").getJsonObject(0);
    assertThat(item.getString("kind")).isEqualTo("SCOUT_RECEIVED");
    assertThat(item.getString("titleJa")).isEqualTo("みなと人材 " + SUFFIX + "からスカウトが届きました");
    assertThat(item.getString("link")).isEqualTo("/scouts");
    // The scout is a notification of its own, not also a "new message".
    assertThat(page.getJsonArray("items")).hasSize(1);

    LocalMail.Received mail = platform.stack.mail().await(taro[2], "スカウト", Duration.ofSeconds(30));
    assertThat(mail.subject()).isEqualTo("【みなと人材 " + SUFFIX + "】" + item.getString("titleJa"));
    assertThat(mail.from()).contains("みなと人材 " + SUFFIX);
    assertThat(mail.html()).contains("#0a7d5a").contains(platform.baseUrl() + "/scouts");
    assertThat(mail.text()).contains("配信停止").contains(platform.baseUrl() + "/scouts");
    String unsubscribe = mail.link(platform.baseUrl() + "/api/v1/unsubscribe?token=").orElseThrow();
    assertThat(platform.stack.mail().header(mail, "List-Unsubscribe"))
        .hasValue("<" + unsubscribe + ">");
    assertThat(platform.stack.mail().header(mail, "List-Unsubscribe-Post"))
        .hasValue("List-Unsubscribe=One-Click");

    String path = unsubscribe.substring(platform.baseUrl().length());
    // Following the link (a mail scanner does) changes nothing; the button's POST does.
    HttpResponse<String> page1 = platform.send("GET", path, null, null);
    assertThat(page1.statusCode()).isEqualTo(200);
    assertThat(page1.body()).contains("配信を停止する").contains("スカウト受信");
    assertThat(mailOn(taro[0], "SCOUT_RECEIVED")).isTrue();
    HttpResponse<String> done = platform.send("POST", path, null, null);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("配信を停止しました");
    assertThat(mailOn(taro[0], "SCOUT_RECEIVED")).isFalse();
    // A forged token for another kind is refused without a change.
    String forged = path.replace("SCOUT_RECEIVED", "INVOICE_ISSUED");
    assertProblem(platform.send("POST", forged, null, null), 404);
    assertProblem(platform.send("POST", "/api/v1/unsubscribe?token=nonsense", null, null), 404);

    // The next scout still shows in the centre but is not mailed.
    int before = platform.stack.mail().messagesTo(taro[2]).size();
    ok(scout(taro[1], "二度目のスカウトです"), 201);
    awaitMailStatus(taro[1], "SKIPPED");
    assertThat(platform.stack.mail().messagesTo(taro[2])).hasSize(before);
    assertThat(notifications(taro[0]).getJsonNumber("unread").longValue()).isEqualTo(2);
  }

  @Test
  void messagesToSomeoneAwayAreSummedUpInOneMail() throws Exception {
    String[] hana = freelancer("hana");
    for (int i = 1; i <= 3; i++) {
      messageFromStaff(hana[1], "メッセージ " + i);
    }
    LocalMail.Received mail =
        platform.stack.mail().await(hana[2], "新着メッセージ", Duration.ofSeconds(30));
    assertThat(mail.subject()).contains("新着メッセージが3件あります");
    // The mail says how many, never what was written.
    assertThat(mail.text()).doesNotContain("メッセージ 1");
    Thread.sleep(2_000);
    assertThat(platform.stack.mail().messagesTo(hana[2])).hasSize(1);
    JsonArray items = notifications(hana[0]).getJsonArray("items");
    assertThat(items).hasSize(1);
    assertThat(items.getJsonObject(0).getInt("items")).isEqualTo(3);
    assertThat(items.getJsonObject(0).getString("link")).isEqualTo("/messages/" + tenant.slug());
  }

  /** A chat open (a phone app, with no portal page) reads messages live: no summary mail. */
  @Test
  void messagesReadLiveInAnOpenChatAreNotMailed() throws Exception {
    String[] rin = freelancer("rin");
    try (LiveClient chat =
        LiveClient.open(platform.baseUrl(), "/ws/chat?device=phone", rin[0], null)) {
      chat.next("hello");
      for (int i = 1; i <= 2; i++) {
        messageFromStaff(rin[1], "ライブ " + i);
        assertThat(chat.next("message")).contains("ライブ " + i);
      }
      // Past the test platform's 4 s batch window and its next sweeps.
      Thread.sleep(9_000);
      assertThat(platform.stack.mail().messagesTo(rin[2])).isEmpty();
    }
    // The centre still shows them, as one unread item for the conversation.
    JsonArray items = notifications(rin[0]).getJsonArray("items");
    assertThat(items).hasSize(1);
    assertThat(items.getJsonObject(0).getInt("items")).isEqualTo(2);
  }

  @Test
  void aMailServerThatRefusesIsTriedAgainUntilItTakesTheMail() throws Exception {
    String[] jiro = freelancer("jiro");
    platform.stack.mail().pause();
    try {
      ok(scout(jiro[1], "サーバー停止中のスカウト"), 201);
      // The request did not wait for the mail server; the outbox keeps trying.
      awaitAttempts(jiro[1], 1);
      try (Connection db = database();
          PreparedStatement row =
              db.prepareStatement(
                  "SELECT status, last_error FROM notification_mail WHERE recipient_subject = ?")) {
        row.setString(1, jiro[1]);
        try (ResultSet found = row.executeQuery()) {
          assertThat(found.next()).isTrue();
          assertThat(found.getString("status")).isEqualTo("PENDING");
          assertThat(found.getString("last_error")).contains("mail server");
        }
      }
    } finally {
      platform.stack.mail().resume();
    }
    platform.stack.mail().await(jiro[2], "スカウト", Duration.ofSeconds(60));
    awaitMailStatus(jiro[1], "SENT");
  }

  @Test
  void aChangeThatRollsBackTellsNobody() throws Exception {
    String[] ken = freelancer("ken");
    String marker = "rollback-" + SUFFIX;
    // Fails the scout's transaction at its commit, after the event was fired and observed.
    try (Connection db = database();
        Statement ddl = db.createStatement()) {
      ddl.execute(
          """
          CREATE OR REPLACE FUNCTION notifications_it_fail() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'refused by NotificationsIT'; END $$
          """);
      ddl.execute(
          "CREATE CONSTRAINT TRIGGER notifications_it_fail AFTER INSERT ON scout"
              + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.message = '"
              + marker
              + "') EXECUTE FUNCTION notifications_it_fail()");
    }
    try (LiveClient bell = LiveClient.open(platform.baseUrl(), "/ws/notifications", ken[0], null)) {
      bell.next("hello");
      HttpResponse<String> refused = scout(ken[1], marker);
      assertThat(refused.statusCode()).as(refused.body()).isGreaterThanOrEqualTo(400);
      assertThat(bell.poll(3_000)).isNull();
    } finally {
      try (Connection db = database();
          Statement ddl = db.createStatement()) {
        ddl.execute("DROP TRIGGER notifications_it_fail ON scout");
        ddl.execute("DROP FUNCTION notifications_it_fail()");
      }
    }
    assertThat(notifications(ken[0]).getJsonArray("items")).isEmpty();
    assertThat(count("SELECT count(*) FROM notification_mail WHERE recipient_subject = ?", ken[1]))
        .isZero();
    assertThat(count("SELECT count(*) FROM notification WHERE recipient_subject = ?", ken[1]))
        .isZero();
    Thread.sleep(2_000);
    assertThat(platform.stack.mail().messagesTo(ken[2])).isEmpty();
  }

  @Test
  void nobodyReadsOrMarksAnotherPersonsNotifications() {
    String[] mei = freelancer("mei");
    String[] yuki = freelancer("yuki");
    ok(scout(mei[1], "メイさんへ"), 201);
    String id = notifications(mei[0]).getJsonArray("items").getJsonObject(0).getString("id");

    assertThat(notifications(yuki[0]).getJsonArray("items")).isEmpty();
    assertProblem(
        platform.send("POST", "/api/v1/me/notifications/" + id + "/read", yuki[0], null), 404);
    // Staff of the tenant it happened in do not reach a freelancer's notification either.
    assertProblem(
        platform.send(
            "POST",
            "/t/" + tenant.slug() + "/api/v1/notifications/" + id + "/read",
            staffToken,
            null),
        404);
    assertProblem(
        platform.send(
            "POST",
            "/t/" + other.slug() + "/api/v1/notifications/" + id + "/read",
            otherStaffToken,
            null),
        404);
    JsonObject staffPage =
        RunningPlatform.json(
            platform
                .send("GET", "/t/" + tenant.slug() + "/api/v1/notifications", staffToken, null)
                .body());
    assertThat(staffPage.getJsonArray("items").toString()).doesNotContain(id);
    // Read-all by someone else marks nothing of hers.
    ok(platform.send("POST", "/api/v1/me/notifications/read-all", yuki[0], null));
    assertThat(notifications(mei[0]).getJsonNumber("unread").longValue()).isEqualTo(1);

    HttpResponse<String> read =
        platform.send("POST", "/api/v1/me/notifications/" + id + "/read", mei[0], null);
    ok(read);
    assertThat(RunningPlatform.number(read.body(), "unread")).isZero();
  }

  @Test
  void aFreelancersMessageRingsTheTenantStaffsBellInTheirPortalOnly() {
    String[] sora = freelancer("sora");
    HttpResponse<String> sent =
        platform.send(
            "POST",
            "/api/v1/me/conversations/" + tenant.slug() + "/messages",
            sora[0],
            "{\"clientMessageId\":\"s-%s\",\"body\":\"よろしくお願いします\"}".formatted(SUFFIX));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    JsonObject page =
        RunningPlatform.json(
            platform
                .send("GET", "/t/" + tenant.slug() + "/api/v1/notifications", staffToken, null)
                .body());
    assertThat(page.getJsonArray("items").toString())
        .contains("MESSAGE_RECEIVED")
        .contains("/messages/" + sora[1]);
    JsonObject elsewhere =
        RunningPlatform.json(
            platform
                .send("GET", "/t/" + other.slug() + "/api/v1/notifications", otherStaffToken, null)
                .body());
    assertThat(elsewhere.getJsonArray("items").toString()).doesNotContain(sora[1]);
  }

  @Test
  void settingsAreThePersonsOwnAndCheckedAtTheEdge() {
    String[] aoi = freelancer("aoi");
    HttpResponse<String> changed =
        platform.send(
            "PUT",
            "/api/v1/me/notification-settings",
            aoi[0],
            "{\"language\":\"en\",\"kinds\":[{\"kind\":\"MESSAGE_RECEIVED\",\"inApp\":false}]}");
    ok(changed);
    JsonObject settings = RunningPlatform.json(changed.body());
    assertThat(settings.getString("language")).isEqualTo("en");
    JsonObject messages =
        settings.getJsonArray("kinds").stream()
            .map(JsonObject.class::cast)
            .filter(choice -> choice.getString("kind").equals("MESSAGE_RECEIVED"))
            .findFirst()
            .orElseThrow();
    assertThat(messages.getBoolean("inApp")).isFalse();
    assertThat(messages.getBoolean("mail")).isTrue();
    assertProblem(
        platform.send("PUT", "/api/v1/me/notification-settings", aoi[0], "{\"language\":\"fr\"}"),
        400);
    assertProblem(
        platform.send(
            "PUT",
            "/api/v1/me/notification-settings",
            aoi[0],
            "{\"kinds\":[{\"kind\":\"NO_SUCH_KIND\"}]}"),
        400);
    assertProblem(platform.send("GET", "/api/v1/me/notifications?size=1000", aoi[0], null), 400);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static boolean mailOn(String token, String kind) {
    HttpResponse<String> settings =
        platform.send("GET", "/api/v1/me/notification-settings", token, null);
    ok(settings);
    return RunningPlatform.json(settings.body()).getJsonArray("kinds").stream()
        .map(JsonObject.class::cast)
        .filter(choice -> choice.getString("kind").equals(kind))
        .findFirst()
        .orElseThrow()
        .getBoolean("mail");
  }

  private static Connection database() throws Exception {
    return platform.stack.postgres().superuserDataSource("proxima").getConnection();
  }

  private static long count(String sql, String subject) throws Exception {
    try (Connection db = database();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, subject);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static void awaitAttempts(String subject, int attempts) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (count(
              "SELECT coalesce(max(attempts), 0) FROM notification_mail"
                  + " WHERE recipient_subject = ? AND last_error IS NOT NULL",
              subject)
          >= attempts) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no failed attempt recorded for " + subject);
  }

  private static void awaitMailStatus(String subject, String status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<String> statuses = new java.util.ArrayList<>();
      try (Connection db = database();
          PreparedStatement query =
              db.prepareStatement(
                  "SELECT status FROM notification_mail WHERE recipient_subject = ?"
                      + " ORDER BY created_at DESC LIMIT 1")) {
        query.setString(1, subject);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            statuses.add(rows.getString(1));
          }
        }
      }
      if (statuses.contains(status)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the latest mail to " + subject + " never became " + status);
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    return response;
  }

  private static void ok(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}
