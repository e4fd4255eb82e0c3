package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log through the console and the portal on the running platform: what a tenant's staff
 * do and read is on the record with who, what, when and where; the console pages, filters, exports
 * and verifies it; bad filters are 400 problems; retention is set and applied without breaking the
 * chain; a tenant's admins export their own log and nobody else's.
 */
class AuditIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String CONSOLE = "/api/v1/platform/";

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String staffToken;
  private static String freelancerToken;
  private static String freelancerId;
  private static String workspaceName;

  @BeforeAll
  static void aTenantWithSomeHistory() {
    platform = RunningPlatform.get();
    tenant = platform.provisionTenant("audit-" + SUFFIX, "{\"displayName\":\"監査 " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    // A name a CSV writer must quote, with Japanese text it must not mangle.
    workspaceName = "Team \"Q\", 東京 " + SUFFIX;
    HttpResponse<String> workspace =
        platform.send(
            "POST",
            portal("/workspaces"),
            staffToken,
            Json.createObjectBuilder().add("name", workspaceName).build().toString());
    assertThat(workspace.statusCode()).as(workspace.body()).isEqualTo(201);

    freelancerToken = platform.token("proxima-portal", "demo", "demo");
    freelancerId =
        field(platform.send("GET", "/api/v1/me", freelancerToken, null).body(), "subject");
    HttpResponse<String> shared =
        platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
    long version =
        RunningPlatform.number(
            platform.send("GET", "/api/v1/me/profile", freelancerToken, null).body(), "version");
    HttpResponse<String> profile =
        platform.send(
            "PUT",
            "/api/v1/me/profile",
            freelancerToken,
            "{\"name\":\"Demo Freelancer\",\"summary\":\"audited "
                + SUFFIX
                + "\",\"expectedVersion\":"
                + version
                + "}");
    assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);

    // Staff reads of the freelancer's personal data.
    HttpResponse<String> read =
        platform.send("GET", portal("/freelancers/" + freelancerId + "/profile"), staffToken, null);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    HttpResponse<String> listed = platform.send("GET", portal("/freelancers"), staffToken, null);
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
  }

  @Test
  void aRequestRecordsConstraintsAnswer400NamingTheFieldAndNothingIsAudited() {
    HttpResponse<String> blank =
        platform.send("POST", portal("/workspaces"), staffToken, "{\"name\":\"   \"}");

    assertThat(blank.statusCode()).as(blank.body()).isEqualTo(400);
    assertThat(blank.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(blank.body()).contains("\"field\":\"name\"");
    HttpResponse<String> workspaces = platform.send("GET", portal("/workspaces"), staffToken, null);
    assertThat(workspaces.body()).doesNotContain("\"name\":\"   \"");
  }

  @Test
  void staffReadsAndWritesAreOnRecordWithWhoWhatWhenWhere() {
    List<JsonObject> events = all("tenant=" + tenant.id());
    assertThat(events)
        .extracting(event -> event.getString("action"))
        .contains("tenant.created", "workspace.opened", "profile.read", "freelancers.read");
    JsonObject profileRead = first(events, "profile.read");
    assertThat(profileRead.getString("target")).isEqualTo(freelancerId);
    assertThat(profileRead.getString("details")).isEqualTo("profile");
    assertThat(profileRead.getString("actorSubject")).isNotBlank();
    assertThat(profileRead.getString("sourceIp")).isNotBlank();
    assertThat(profileRead.getString("requestId")).isNotBlank();
    assertThat(profileRead.getString("occurredAt")).isNotBlank();
    assertThat(profileRead.getString("chainKey")).isEqualTo(tenant.id());
    assertThat(profileRead.getString("hash")).hasSize(64);
    // One freelancer listed is the target; several would be named in the details.
    JsonObject listed = first(events, "freelancers.read");
    assertThat(listed.getString("target") + " " + listed.getString("details", ""))
        .contains(freelancerId);
    assertThat(first(events, "workspace.opened").getString("target")).isEqualTo(workspaceName);

    // The freelancer's own profile change is on the platform's chain, in their name.
    assertThat(all("tenant=platform&action=profile.revised&actor=" + encode(freelancerId)))
        .isNotEmpty();
  }

  @Test
  void pagesFollowTheCursorWithoutGapsOrRepeats() {
    List<Long> everything = ids(all("tenant=" + tenant.id()));
    assertThat(everything)
        .hasSizeGreaterThanOrEqualTo(4)
        .isSortedAccordingTo((a, b) -> -a.compareTo(b));
    List<Long> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page =
          object(
              ok(
                  console(
                      "audit-events?limit=2&tenant="
                          + tenant.id()
                          + (cursor == null ? "" : "&cursor=" + cursor))));
      page.getJsonArray("items")
          .forEach(item -> paged.add(item.asJsonObject().getJsonNumber("id").longValue()));
      cursor = page.getString("nextCursor", null);
      pages++;
    } while (cursor != null && pages < 100);
    assertThat(paged).containsExactlyElementsOf(everything);
  }

  @Test
  void actionIsAPrefixAndTimeIsAWindow() {
    List<JsonObject> workspace = all("tenant=" + tenant.id() + "&action=workspace.");
    assertThat(workspace).isNotEmpty();
    assertThat(workspace)
        .allSatisfy(e -> assertThat(e.getString("action")).startsWith("workspace."));
    assertThat(all("tenant=" + tenant.id() + "&to=2000-01-01")).isEmpty();
    assertThat(all("tenant=" + tenant.id() + "&from=2000-01-01T00:00:00Z")).isNotEmpty();
  }

  @Test
  void badFiltersAreProblemsNeverServerErrors() {
    for (String query :
        List.of(
            "audit-events?tenant=nope",
            "audit-events?from=yesterday",
            "audit-events?from=2026-02-30",
            "audit-events?from=2026-04-02&to=2026-04-01",
            "audit-events?limit=0",
            "audit-events?limit=many",
            "audit-events?cursor=-1",
            "audit-events?cursor=%27%3B--",
            "audit-events/export?format=xml",
            "audit-events/export?excel=maybe",
            "audit-events/export?tenant=%00",
            "audit-events/verify",
            "audit-events/verify?tenant=42")) {
      HttpResponse<String> response = console(query);
      assertThat(response.statusCode()).as(query + " " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(query)
          .hasValue("application/problem+json");
    }
    assertThat(
            platform
                .send("GET", CONSOLE + "audit-events?tenant=" + tenant.id(), staffToken, null)
                .statusCode())
        .as("a tenant's admin is not a platform admin")
        .isIn(401, 403);
  }

  @Test
  void csvExportIsRfc4180WithAByteOrderMarkForExcel() {
    HttpResponse<byte[]> export =
        platform.download(
            CONSOLE + "audit-events/export?format=csv&excel=true&tenant=" + tenant.id(),
            platform.consoleToken());
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("audit-" + tenant.id() + ".csv");
    byte[] body = export.body();
    assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    assertThat(csv)
        .startsWith(
            "id,occurred_at,actor_subject,actor_name,action,tenant_id,target,source_ip,"
                + "request_id,details,chain_key,chain_seq,hash\r\n")
        .contains(",workspace.opened," + tenant.id() + ",\"Team \"\"Q\"\", 東京 " + SUFFIX + "\",")
        .endsWith("\r\n");

    HttpResponse<byte[]> plain =
        platform.download(
            CONSOLE + "audit-events/export?tenant=" + tenant.id(), platform.consoleToken());
    assertThat(plain.body()[0]).as("no byte-order mark unless asked").isEqualTo((byte) 'i');
  }

  @Test
  void jsonExportHoldsExactlyTheFilteredEntriesAndIsItselfAudited() {
    List<Long> listed = ids(all("tenant=" + tenant.id()));
    HttpResponse<String> export =
        ok(console("audit-events/export?format=json&tenant=" + tenant.id()));
    JsonArray exported = array(export.body());
    assertThat(exported.stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()))
        .containsExactlyElementsOf(listed);
    assertThat(exported)
        .allSatisfy(v -> assertThat(v.asJsonObject().getString("tenantId")).isEqualTo(tenant.id()));
    assertThat(all("tenant=platform&action=audit.exported"))
        .anySatisfy(e -> assertThat(e.getString("target")).isEqualTo(tenant.id()));
  }

  @Test
  void chainsVerifyAndRetentionIsSetAndApplied() {
    JsonObject verified = object(ok(console("audit-events/verify?tenant=" + tenant.id())));
    assertThat(verified.getBoolean("intact")).as(verified.toString()).isTrue();
    assertThat(verified.getJsonNumber("headSequence").longValue()).isGreaterThanOrEqualTo(4);
    // Absent, like every null field of this API.
    assertThat(verified.containsKey("firstBreak")).isFalse();
    JsonObject platformChain = object(ok(console("audit-events/verify?tenant=platform")));
    assertThat(platformChain.getBoolean("intact")).as(platformChain.toString()).isTrue();

    String retention = CONSOLE + "audit-retention/" + tenant.id();
    String console = platform.consoleToken();
    JsonObject before = object(ok(platform.send("GET", retention, console, null)));
    assertThat(before.getBoolean("platformDefault")).isTrue();
    assertThat(before.getInt("keepDays")).isEqualTo(1825);
    assertThat(before.getInt("minimumDays")).isEqualTo(365);
    for (String bad : List.of("{\"keepDays\":30}", "{}", "{\"keepDays\":1000000}", "[1]")) {
      HttpResponse<String> refused = platform.send("PUT", retention, console, bad);
      assertThat(refused.statusCode()).as(bad + " " + refused.body()).isEqualTo(400);
    }
    assertThat(
            platform
                .send(
                    "PUT",
                    CONSOLE + "audit-retention/" + UUID.randomUUID(),
                    console,
                    "{\"keepDays\":730}")
                .statusCode())
        .isEqualTo(404);
    JsonObject set = object(ok(platform.send("PUT", retention, console, "{\"keepDays\":730}")));
    assertThat(set.getInt("keepDays")).isEqualTo(730);
    assertThat(set.getBoolean("platformDefault")).isFalse();
    assertThat(set.getString("changedBy")).isNotBlank();
    assertThat(all("tenant=" + tenant.id() + "&action=audit.retention.changed"))
        .anySatisfy(e -> assertThat(e.getString("details")).isEqualTo("keep_days 1825 -> 730"));

    // Nothing here is old enough to go; the purge runs and every chain still verifies.
    JsonObject purged =
        object(ok(platform.send("POST", CONSOLE + "audit-events/purge", console, null)));
    assertThat(
            purged.containsKey("removed")
                && purged.getJsonObject("removed").containsKey(tenant.id()))
        .isFalse();
    assertThat(
            object(ok(console("audit-events/verify?tenant=" + tenant.id()))).getBoolean("intact"))
        .isTrue();
  }

  @Test
  void tenantAdminsExportTheirOwnLogOnly() {
    HttpResponse<String> export =
        platform.send("GET", portal("/audit-events/export?format=json"), staffToken, null);
    assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
    JsonArray entries = array(export.body());
    assertThat(entries).isNotEmpty();
    assertThat(entries)
        .allSatisfy(v -> assertThat(v.asJsonObject().getString("chainKey")).isEqualTo(tenant.id()));
    assertThat(all("tenant=" + tenant.id() + "&action=audit.exported")).isNotEmpty();

    HttpResponse<String> freelancer =
        platform.send("GET", portal("/audit-events/export"), freelancerToken, null);
    assertThat(freelancer.statusCode()).isEqualTo(403);
    HttpResponse<String> bad =
        platform.send("GET", portal("/audit-events/export?from=soon"), staffToken, null);
    assertThat(bad.statusCode()).isEqualTo(400);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static String portal(String path) {
    return "/t/" + tenant.slug() + "/api/v1" + path;
  }

  private static HttpResponse<String> console(String pathAndQuery) {
    return platform.send("GET", CONSOLE + pathAndQuery, platform.consoleToken(), null);
  }

  /** Every entry the console lists for the query, newest first. */
  private static List<JsonObject> all(String query) {
    JsonObject page = object(ok(console("audit-events?limit=1000&" + query)));
    List<JsonObject> events = new ArrayList<>();
    for (JsonValue item : page.getJsonArray("items")) {
      events.add(item.asJsonObject());
    }
    return events;
  }

  private static JsonObject first(List<JsonObject> events, String action) {
    return events.stream()
        .filter(e -> e.getString("action").equals(action))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " in " + events));
  }

  private static List<Long> ids(List<JsonObject> events) {
    List<Long> ids = events.stream().map(e -> e.getJsonNumber("id").longValue()).toList();
    Set<Long> distinct = new HashSet<>(ids);
    assertThat(distinct).hasSameSizeAs(ids);
    return ids;
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static JsonObject object(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  private static JsonArray array(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readArray();
    }
  }
}
