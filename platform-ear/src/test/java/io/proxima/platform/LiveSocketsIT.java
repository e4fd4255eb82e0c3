package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live sockets on the running platform: the board's snapshot and deltas, chat with receipts and
 * typing, resume after a dropped connection, and the socket's limits.
 */
class LiveSocketsIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static RunningPlatform.ProvisionedTenant other;
  private static String freelancerToken;
  private static String freelancerId;

  @BeforeAll
  static void aTenantAndASharingFreelancer() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant(
            "live-" + SUFFIX,
            "{\"displayName\":\"Live " + SUFFIX + "\",\"hostNames\":[\"" + ownHost() + "\"]}");
    other =
        platform.provisionTenant(
            "live-other-" + SUFFIX,
            "{\"displayName\":\"Other " + SUFFIX + "\",\"hostNames\":[\"" + otherHost() + "\"]}");
    freelancerToken = platform.token("proxima-portal", "demo", "demo");
    freelancerId =
        field(platform.send("GET", "/api/v1/me", freelancerToken, null).body(), "subject");
    HttpResponse<String> shared =
        platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
  }

  /** Tenant A's own host name, from its branding. */
  private static String ownHost() {
    return "live-" + SUFFIX + ".example.jp";
  }

  /** The other tenant's own host name. */
  private static String otherHost() {
    return "other-" + SUFFIX + ".example.jp";
  }

  private static String staffToken() {
    return platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
  }

  private static LiveClient board(String query) {
    return LiveClient.open(
        platform.baseUrl(), "/ws/board?tenant=" + tenant.slug() + query, staffToken(), null);
  }

  private static void setAvailability(String note) {
    HttpResponse<String> changed =
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            freelancerToken,
            """
            {"status":"AVAILABLE","daysPerWeek":4,"hoursPerDay":8,"workStyle":"REMOTE",
             "rate":{"minManYen":60,"maxManYen":70},"note":"%s"}
            """
                .formatted(note));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
  }

  @Test
  void aBoardStartsFromASnapshotAndThenFollowsEveryChange() {
    try (LiveClient board = board("")) {
      String snapshot = board.next("snapshot");
      assertThat(LiveClient.seq(snapshot)).isEqualTo(1);
      assertThat(snapshot).contains(freelancerId).contains("\"tenant\":\"" + tenant.slug() + "\"");

      String note = "live note " + UUID.randomUUID();
      setAvailability(note);

      String change = board.next("availability");
      assertThat(change).contains(freelancerId).contains(note);
      assertThat(LiveClient.seq(change)).isGreaterThan(1);
    }
  }

  /**
   * A board of 450 freelancers arrives as three snapshot pages (200 each, then 50), each freelancer
   * once; a filter change starts over at page 0 with only the matches; a resume that would need a
   * page (pages are not kept for resumes) gets a fresh stream and snapshot.
   */
  @Test
  void aLargeBoardArrivesInPagesEachFreelancerOnce() throws Exception {
    RunningPlatform.ProvisionedTenant big =
        platform.provisionTenant("live-big-" + SUFFIX, "{\"displayName\":\"Big " + SUFFIX + "\"}");
    List<String> everyone = new ArrayList<>();
    List<String> remote = new ArrayList<>();
    try (java.sql.Connection connection =
            platform
                .stack
                .postgres()
                .superuserDataSource(io.proxima.local.LocalPostgres.PLATFORM_DATABASE)
                .getConnection();
        java.sql.PreparedStatement consent =
            connection.prepareStatement(
                "INSERT INTO consent (id, tenant_id, freelancer_subject, granted_at, shared_items)"
                    + " VALUES (?, ?, ?, now(), '{PROFILE,AVAILABILITY}')");
        java.sql.PreparedStatement availability =
            connection.prepareStatement(
                "INSERT INTO freelancer_availability (freelancer_subject, status,"
                    + " days_per_week, hours_per_day, work_style, updated_at, version)"
                    + " VALUES (?, 'AVAILABLE', 4, 8, ?, now(), 1)")) {
      for (int i = 0; i < 450; i++) {
        String subject = UUID.randomUUID().toString();
        everyone.add(subject);
        consent.setObject(1, UUID.randomUUID());
        consent.setObject(2, UUID.fromString(big.id()));
        consent.setString(3, subject);
        consent.addBatch();
        if (i % 3 != 2) {
          String style = i % 3 == 0 ? "REMOTE" : "ON_SITE";
          if (i % 3 == 0) {
            remote.add(subject);
          }
          availability.setString(1, subject);
          availability.setString(2, style);
          availability.addBatch();
        }
      }
      consent.executeBatch();
      availability.executeBatch();
    }
    String staff = platform.token("tenant-" + big.slug(), big.adminEmail(), big.password());
    String path = "/ws/board?tenant=" + big.slug();
    String stream;
    long firstSeq;
    try (LiveClient board = LiveClient.open(platform.baseUrl(), path, staff, null)) {
      List<String> pages = snapshotPages(board);
      assertThat(pages).hasSize(3);
      assertThat(pages).extracting(LiveSocketsIT::entryCount).containsExactly(200, 200, 50);
      List<String> seen = pages.stream().flatMap(page -> freelancerIds(page).stream()).toList();
      assertThat(seen).as("each freelancer once").doesNotHaveDuplicates();
      assertThat(seen).containsExactlyInAnyOrderElementsOf(everyone);
      stream = pages.get(0).replaceAll(".*\"stream\":\"([^\"]+)\".*", "$1");
      firstSeq = LiveClient.seq(pages.get(0));

      board.send("{\"type\":\"filter\",\"workStyles\":[\"REMOTE\"]}");
      List<String> filtered = snapshotPages(board);
      assertThat(filtered.stream().flatMap(page -> freelancerIds(page).stream()).toList())
          .containsExactlyInAnyOrderElementsOf(remote);
    }
    try (LiveClient resumed =
        LiveClient.open(
            platform.baseUrl(), path + "&resume=" + stream + "&lastSeq=" + firstSeq, staff, null)) {
      String fresh = resumed.next("snapshot");
      assertThat(fresh).contains("\"page\":0").doesNotContain(stream);
    }
  }

  /** The pages of one snapshot, from page 0 to the one marked last. */
  private static List<String> snapshotPages(LiveClient board) {
    List<String> pages = new ArrayList<>();
    String page = board.next("snapshot");
    assertThat(page).contains("\"page\":0");
    pages.add(page);
    while (!page.contains("\"last\":true")) {
      page = board.next("snapshot");
      assertThat(page).contains("\"page\":" + pages.size());
      pages.add(page);
    }
    return pages;
  }

  private static final java.util.regex.Pattern FREELANCER_ID =
      java.util.regex.Pattern.compile("\"freelancerId\":\"([^\"]+)\"");

  private static List<String> freelancerIds(String frame) {
    List<String> ids = new ArrayList<>();
    java.util.regex.Matcher matcher = FREELANCER_ID.matcher(frame);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  private static int entryCount(String frame) {
    return freelancerIds(frame).size();
  }

  @Test
  void aFilteredBoardHidesWhatNoLongerMatches() throws InterruptedException {
    setAvailability("remote, 60-70");
    try (LiveClient board = board("")) {
      board.next("snapshot");
      board.send("{\"type\":\"filter\",\"workStyles\":[\"REMOTE\"],\"maxRateManYen\":80}");
      assertThat(board.next("snapshot")).contains(freelancerId);

      board.send("{\"type\":\"filter\",\"workStyles\":[\"ON_SITE\"]}");
      assertThat(board.next("snapshot")).doesNotContain(freelancerId);
      setAvailability("still remote");
      assertThat(board.poll(500)).as("a change that does not match is not sent").isNull();

      board.send("{\"type\":\"filter\",\"workStyles\":[\"shuttle\"]}");
      assertThat(board.next("error")).contains("\"status\":400").contains("workStyles");
    }
  }

  @Test
  void aClientThatReconnectsResumesWithoutGapsOrASecondSnapshot() throws Exception {
    LiveClient first = board("");
    String snapshot = first.next("snapshot");
    String stream = snapshot.replaceAll(".*\"stream\":\"([^\"]+)\".*", "$1");
    long lastSeq = LiveClient.seq(snapshot);
    first.abort();

    String note = "while away " + UUID.randomUUID();
    setAvailability(note);
    Thread.sleep(300);

    try (LiveClient resumed = board("&resume=" + stream + "&lastSeq=" + lastSeq)) {
      String missed = resumed.next();
      assertThat(missed).contains("\"type\":\"availability\"").contains(note);
      assertThat(LiveClient.seq(missed)).isEqualTo(lastSeq + 1);
    }
  }

  @Test
  void revokingConsentTakesTheFreelancerOffTheBoardAtOnce() {
    try (LiveClient board = board("")) {
      board.next("snapshot");
      try {
        platform.send("DELETE", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null);
        assertThat(board.next("left")).contains(freelancerId);
      } finally {
        platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null);
      }
      assertThat(board.next("joined")).contains(freelancerId);
    }
  }

  @Test
  void chatIsDurableWhenAcknowledgedAndReachesTheOtherSideWithReceiptsAndTyping() {
    try (LiveClient staff =
            LiveClient.open(
                platform.baseUrl(), "/ws/chat?tenant=" + tenant.slug(), staffToken(), null);
        LiveClient freelancer =
            LiveClient.open(platform.baseUrl(), "/ws/chat?device=phone", freelancerToken, null)) {
      assertThat(staff.next("hello")).contains("\"mode\":\"tenant\"");
      assertThat(freelancer.next("hello")).contains("\"mode\":\"freelancer\"");

      String clientId = "c-" + UUID.randomUUID();
      staff.send(
          """
          {"type":"send","with":"%s","clientMessageId":"%s","body":"面談のご都合はいかがですか"}
          """
              .formatted(freelancerId, clientId));
      String ack = staff.next("ack");
      assertThat(ack).contains(clientId).contains("\"seq\"");
      String received = freelancer.next("message");
      assertThat(received).contains("面談のご都合はいかがですか");

      // Durable: the REST history has it.
      HttpResponse<String> history =
          platform.send(
              "GET",
              "/api/v1/me/conversations/" + tenant.slug() + "/messages?limit=1",
              freelancerToken,
              null);
      assertThat(history.body()).contains(clientId);

      long seq = Long.parseLong(received.replaceAll(".*\"data\":\\{.*?\"seq\":(\\d+).*", "$1"));
      freelancer.send(
          "{\"type\":\"read\",\"with\":\"" + tenant.slug() + "\",\"upToSeq\":" + seq + "}");
      assertThat(staff.next("receipt")).contains("\"freelancerReadSeq\":" + seq);

      freelancer.send("{\"type\":\"typing\",\"with\":\"" + tenant.slug() + "\",\"typing\":true}");
      assertThat(staff.next("typing")).contains("\"side\":\"FREELANCER\"");
    }
  }

  @Test
  void badFramesGetProblemsAndFloodsAndGiantsAreCutOff() throws Exception {
    try (LiveClient board = board("")) {
      board.next("snapshot");
      board.send("not json");
      assertThat(board.next("error")).contains("\"status\":400");
    }
    try (LiveClient giant = board("")) {
      giant.next("snapshot");
      giant.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(20_000) + "\"}");
      assertThat(giant.closeCode()).isEqualTo(1009);
    }
    try (LiveClient flood = board("")) {
      flood.next("snapshot");
      for (int i = 0; i < 80; i++) {
        flood.send("{\"type\":\"ping\"}");
      }
      assertThat(flood.next("error")).contains("\"status\":429");
      assertThat(flood.closeCode()).isEqualTo(1008);
    }
  }

  @Test
  void aClientThatSpeaksBeforeItsFirstFrameIsAnsweredInOrder() {
    // The sockets open off the container's thread; a frame that arrives meanwhile waits for the
    // opening, so it is neither lost nor answered before the first frame.
    for (String path :
        List.of(
            "/ws/board?tenant=" + tenant.slug(),
            "/ws/chat?tenant=" + tenant.slug(),
            "/ws/notifications?tenant=" + tenant.slug())) {
      try (LiveClient early = LiveClient.open(platform.baseUrl(), path, staffToken(), null)) {
        early.send("{\"type\":\"ping\"}");
        assertThat(early.next())
            .as(path + ": the first frame")
            .containsAnyOf("\"type\":\"snapshot\"", "\"type\":\"hello\"");
        assertThat(early.next("pong")).as(path).contains("\"seq\":");
      }
    }
  }

  @Test
  void theBellOpensInATenantsScopeOnlyForItsStaffAndTheFreelancersSharingWithIt() {
    try (LiveClient own =
        LiveClient.open(platform.baseUrl(), "/ws/notifications", freelancerToken, null)) {
      assertThat(own.next()).contains("\"type\":\"hello\"");
    }
    try (LiveClient shared =
        LiveClient.open(
            platform.baseUrl(),
            "/ws/notifications?tenant=" + tenant.slug(),
            freelancerToken,
            null)) {
      assertThat(shared.next()).contains("\"type\":\"hello\"");
    }
    LiveClient notShared =
        LiveClient.open(
            platform.baseUrl(), "/ws/notifications?tenant=" + other.slug(), freelancerToken, null);
    assertThat(notShared.closeCode()).isEqualTo(1008);
    assertThat(notShared.frames).isEmpty();
    LiveClient otherTenant =
        LiveClient.open(
            platform.baseUrl(), "/ws/notifications?tenant=" + other.slug(), staffToken(), null);
    assertThat(otherTenant.closeCode()).isEqualTo(1008);
    assertThat(otherTenant.frames).isEmpty();
    LiveClient unknown =
        LiveClient.open(
            platform.baseUrl(), "/ws/notifications?tenant=no-such-" + SUFFIX, staffToken(), null);
    assertThat(unknown.closeCode()).isEqualTo(1008);
  }

  @Test
  void sockets_refuseMissingTokensAndForeignOrigins() {
    LiveClient anonymous =
        LiveClient.open(platform.baseUrl(), "/ws/board?tenant=" + tenant.slug(), null, null);
    assertThat(anonymous.closeCode()).isEqualTo(1008);
    LiveClient foreign =
        LiveClient.open(
            platform.baseUrl(),
            "/ws/board?tenant=" + tenant.slug(),
            staffToken(),
            "https://evil.example.com");
    assertThat(foreign.handshakeRefused()).isTrue();
    try (LiveClient ownOrigin =
        LiveClient.open(
            platform.baseUrl(),
            "/ws/board?tenant=" + tenant.slug(),
            staffToken(),
            "http://" + tenant.slug() + ".proxima.localhost:8080")) {
      assertThat(ownOrigin.next("snapshot")).contains(tenant.slug());
    }
  }

  @Test
  void afterConsentEndsTheTenantCanNoLongerMoveReceiptsOrSignalTyping() throws Exception {
    try (LiveClient staff =
            LiveClient.open(
                platform.baseUrl(), "/ws/chat?tenant=" + tenant.slug(), staffToken(), null);
        LiveClient freelancer =
            LiveClient.open(platform.baseUrl(), "/ws/chat", freelancerToken, null)) {
      staff.next("hello");
      freelancer.next("hello");
      String clientId = "consent-" + UUID.randomUUID();
      freelancer.send(
          """
          {"type":"send","with":"%s","clientMessageId":"%s","body":"まだ見ていますか"}
          """
              .formatted(tenant.slug(), clientId));
      long seq = LiveClient.seq(freelancer.next("ack").replaceAll(".*\"message\":", ""));
      staff.next("message");
      platform.send("DELETE", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null);
      try {
        freelancer.next("left");
        String before =
            platform.send("GET", "/api/v1/me/conversations", freelancerToken, null).body();

        for (String frame :
            List.of(
                "{\"type\":\"read\",\"with\":\"%s\",\"upToSeq\":%d}",
                "{\"type\":\"delivered\",\"with\":\"%s\",\"upToSeq\":%d}",
                "{\"type\":\"typing\",\"with\":\"%s\",\"typing\":true}")) {
          staff.send(frame.formatted(freelancerId, seq));
          assertThat(staff.next("error")).as(frame).contains("\"status\":404");
        }

        for (String frame = freelancer.poll(500); frame != null; frame = freelancer.poll(200)) {
          assertThat(frame).doesNotContain("\"type\":\"receipt\"", "\"type\":\"typing\"");
        }
        assertThat(platform.send("GET", "/api/v1/me/conversations", freelancerToken, null).body())
            .as("the stored receipts did not move")
            .isEqualTo(before);
      } finally {
        platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null);
      }
    }
  }

  @Test
  void anIdThatSharesNothingIsRefusedOverRestAndSocketAlike() {
    String nobody = UUID.randomUUID().toString();
    HttpResponse<String> rest =
        platform.send(
            "POST",
            "/t/" + tenant.slug() + "/api/v1/conversations/" + nobody + "/messages",
            staffToken(),
            "{\"clientMessageId\":\"n-1\",\"body\":\"どなたですか\"}");
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(404);
    assertThat(rest.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(rest.body()).contains("There is no such freelancer.").contains("\"requestId\"");

    try (LiveClient staff =
        LiveClient.open(
            platform.baseUrl(), "/ws/chat?tenant=" + tenant.slug(), staffToken(), null)) {
      staff.next("hello");
      String clientId = "nobody-" + UUID.randomUUID();
      staff.send(
          """
          {"type":"send","with":"%s","clientMessageId":"%s","body":"どなたですか"}
          """
              .formatted(nobody, clientId));
      assertThat(staff.next("error")).contains("\"status\":404").contains(clientId);
    }
  }

  /**
   * The live writes over REST answer from the entity without a request thread waiting for it: many
   * at once all get their own answer, with the status and body they had when threads waited, and a
   * refusal keeps its problem.
   */
  @Test
  void concurrentLiveWritesOverRestAllGetTheirAnswers() throws Exception {
    String staff = staffToken();
    String messages = "/t/" + tenant.slug() + "/api/v1/conversations/" + freelancerId + "/messages";
    ExecutorService callers = Executors.newFixedThreadPool(30);
    try {
      List<Future<HttpResponse<String>>> sends = new ArrayList<>();
      List<Future<HttpResponse<String>>> changes = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        String body = "{\"clientMessageId\":\"rest-%s-%d\",\"body\":\"同時送信 %d\"}";
        String message = body.formatted(SUFFIX, i, i);
        sends.add(callers.submit(() -> platform.send("POST", messages, staff, message)));
        String note = "同時 " + i;
        changes.add(
            callers.submit(
                () ->
                    platform.send(
                        "PUT",
                        "/api/v1/me/availability",
                        freelancerToken,
                        """
                        {"status":"AVAILABLE","daysPerWeek":3,"hoursPerDay":8,
                         "workStyle":"REMOTE","note":"%s"}
                        """
                            .formatted(note))));
      }
      for (int i = 0; i < 15; i++) {
        HttpResponse<String> sent = sends.get(i).get(60, TimeUnit.SECONDS);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(sent.body()).contains("rest-" + SUFFIX + "-" + i).contains("\"seq\"");
        HttpResponse<String> changed = changes.get(i).get(60, TimeUnit.SECONDS);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"version\"");
      }
    } finally {
      callers.shutdownNow();
    }

    HttpResponse<String> stale =
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            freelancerToken,
            """
            {"status":"AVAILABLE","daysPerWeek":3,"hoursPerDay":8,"workStyle":"REMOTE",
             "expectedVersion":0}
            """);
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
    assertThat(stale.body()).contains("\"status\":409").contains("\"requestId\"");

    HttpResponse<String> read =
        platform.send(
            "POST",
            "/api/v1/me/conversations/" + tenant.slug() + "/receipts",
            freelancerToken,
            "{\"read\":true,\"upToSeq\":1}");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(read.body()).contains("\"freelancerReadSeq\"");
  }

  @Test
  void controlCharactersAreRefusedNamingTheFieldAndNeverReachTheDatabase() {
    String history = "/t/" + tenant.slug() + "/api/v1/conversations/" + freelancerId + "/messages";
    String before = platform.send("GET", history, staffToken(), null).body();
    try (LiveClient staff =
            LiveClient.open(
                platform.baseUrl(), "/ws/chat?tenant=" + tenant.slug(), staffToken(), null);
        LiveClient board = board("")) {
      staff.next("hello");
      board.next("snapshot");
      for (String hostile : List.of("\\u0000", "\\u0007", "\\u001b[31m", "\\u0085", "\\ud800")) {
        String clientId = "ctl-" + UUID.randomUUID();
        staff.send(
            """
            {"type":"send","with":"%s","clientMessageId":"%s","body":"a%sb"}
            """
                .formatted(freelancerId, clientId, hostile));
        assertThat(staff.next("error")).as(hostile).contains("\"status\":400").contains("body");

        staff.send("{\"type\":\"typing\",\"with\":\"x" + hostile + "\",\"typing\":true}");
        assertThat(staff.next("error")).as(hostile).contains("\"status\":400").contains("with");

        board.send("{\"type\":\"filter\",\"statuses\":[\"AVAILABLE" + hostile + "\"]}");
        assertThat(board.next("error")).as(hostile).contains("\"status\":400").contains("statuses");
      }
      staff.send("{\"type\":\"ping\"}");
      staff.next("pong");
    }
    assertThat(platform.send("GET", history, staffToken(), null).body()).isEqualTo(before);
  }

  @Test
  void aTenantsHostNameChoosesTheTenantOfASocketAsItDoesForRest() {
    for (String host : List.of(tenant.slug() + ".proxima.localhost", ownHost())) {
      try (LiveClient byHost =
          LiveClient.open(platform.baseUrl(), "/ws/board", staffToken(), null, host)) {
        assertThat(byHost.next("snapshot")).as(host).contains("\"tenant\":\"" + tenant.slug());
      }
      try (LiveClient chatByHost =
          LiveClient.open(platform.baseUrl(), "/ws/chat", staffToken(), null, host)) {
        assertThat(chatByHost.next("hello")).as(host).contains("\"mode\":\"tenant\"");
      }
    }
    // A ?tenant= the host contradicts is refused, not quietly preferred.
    for (String path : List.of("/ws/board", "/ws/chat")) {
      for (String host : List.of(other.slug() + ".proxima.localhost", otherHost())) {
        LiveClient contradicted =
            LiveClient.open(
                platform.baseUrl(), path + "?tenant=" + tenant.slug(), staffToken(), null, host);
        assertThat(contradicted.closeCode()).as(path + " on " + host).isEqualTo(1008);
        assertThat(contradicted.frames).as(path + " on " + host).isEmpty();
      }
    }
  }

  @Test
  void aSharingFreelancerChatsFromTheTenantsOwnPortalHost() {
    // The white-labelled portal on the tenant's host serves freelancers too: their own chat, not
    // the tenant's staff chat, from that host and its origin.
    for (String host : List.of(tenant.slug() + ".proxima.localhost", ownHost())) {
      try (LiveClient mine =
          LiveClient.open(
              platform.baseUrl(), "/ws/chat", freelancerToken, "https://" + ownHost(), host)) {
        assertThat(mine.next("hello")).as(host).contains("\"mode\":\"freelancer\"");
      }
    }
    // Not from a tenant the freelancer does not share with.
    LiveClient elsewhere =
        LiveClient.open(
            platform.baseUrl(), "/ws/chat", freelancerToken, "https://" + otherHost(), otherHost());
    assertThat(elsewhere.handshakeRefused() || elsewhere.closeCode() == 1008).isTrue();
    assertThat(elsewhere.frames).isEmpty();
  }

  @Test
  void aTenantsOwnHostIsAnOriginForThatTenantsSocketsOnly() {
    try (LiveClient own =
        LiveClient.open(
            platform.baseUrl(),
            "/ws/board?tenant=" + tenant.slug(),
            staffToken(),
            "https://" + ownHost())) {
      assertThat(own.next("snapshot")).contains(tenant.slug());
    }
    LiveClient foreignBoard =
        LiveClient.open(
            platform.baseUrl(),
            "/ws/board?tenant=" + tenant.slug(),
            staffToken(),
            "https://" + otherHost());
    LiveClient foreignChat =
        LiveClient.open(
            platform.baseUrl(),
            "/ws/chat?tenant=" + tenant.slug(),
            staffToken(),
            "https://" + otherHost());
    LiveClient freelancerFromATenantsSite =
        LiveClient.open(platform.baseUrl(), "/ws/chat", freelancerToken, "https://" + otherHost());
    for (LiveClient refused : List.of(foreignBoard, foreignChat, freelancerFromATenantsSite)) {
      assertThat(refused.handshakeRefused() || refused.closeCode() == 1008).isTrue();
      assertThat(refused.frames).isEmpty();
    }
    // Platform origins stay valid for every tenant.
    try (LiveClient platformOrigin =
        LiveClient.open(
            platform.baseUrl(),
            "/ws/board?tenant=" + tenant.slug(),
            staffToken(),
            "http://localhost:8080")) {
      assertThat(platformOrigin.next("snapshot")).contains(tenant.slug());
    }
  }
}
