package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

/** What integration tests ask of a tenant's API as its staff, written once. */
final class StaffCalls {

  private StaffCalls() {}

  /** The tenant API path of {@code path} ("/jobs") in the tenant {@code slug}. */
  static String staffPath(String slug, String path) {
    return "/t/" + slug + "/api/v1" + path;
  }

  /** Drafts and publishes a remote quasi-mandate Kotlin job titled {@code title}; its id. */
  static String openJob(RunningPlatform platform, String slug, String staffToken, String title) {
    HttpResponse<String> drafted =
        platform.send(
            "POST",
            staffPath(slug, "/jobs"),
            staffToken,
            """
            {"title":"%s","description":"決済基盤","requiredSkills":[{"skill":"Kotlin"}],
             "daysMin":3,"daysMax":5,"workStyle":"REMOTE","contractType":"QUASI_MANDATE",
             "rateTaxIncluded":false,"trialAvailable":true}
            """
                .formatted(title));
    created(drafted);
    String id = field(drafted.body(), "id");
    ok(
        platform.send(
            "POST",
            staffPath(slug, "/jobs/" + id + "/publish"),
            staffToken,
            "{\"expectedVersion\":1}"));
    return id;
  }

  /** A contract both sides signed: its id and the SHA-256 of the document they signed. */
  record SignedContract(String id, String documentSha256) {}

  /**
   * A main contract for this month that both sides signed (ACTIVE), between the tenant and a
   * freelancer who shares with it; its id.
   */
  static String activeContract(
      RunningPlatform platform,
      String slug,
      String staffToken,
      String freelancerToken,
      String freelancerId) {
    return signedContract(
            platform, slug, staffToken, freelancerToken, freelancerId, "MAIN", "佐藤 花子")
        .id();
  }

  /**
   * A {@code kind} (MAIN or TRIAL) contract for this month naming the freelancer {@code
   * freelancerName}: drafted, sent, and signed by the freelancer and then by the staff.
   */
  static SignedContract signedContract(
      RunningPlatform platform,
      String slug,
      String staffToken,
      String freelancerToken,
      String freelancerId,
      String kind,
      String freelancerName) {
    java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Tokyo"));
    HttpResponse<String> drafted =
        platform.send(
            "POST",
            staffPath(slug, "/contracts"),
            staffToken,
            """
            {"freelancerId":"%s","kind":"%s","terms":{"title":"決済基盤 API 開発支援",
             "description":"Go による決済 API の設計・実装","clientName":"株式会社サンプル商事",
             "freelancerName":"%s","contractType":"QUASI_MANDATE","monthlyRateYen":600000,
             "minHours":140,"maxHours":180,"settlementMethod":"UPPER_LOWER","unitRounding":10,
             "taxRate":"STANDARD","paymentDays":30,"startDate":"%s",
             "endDate":"%s","renewalMonths":0}}
            """
                .formatted(
                    freelancerId, kind, freelancerName, month.atDay(1), month.atEndOfMonth()));
    created(drafted);
    String id = RunningPlatform.json(drafted.body()).getJsonObject("contract").getString("id");
    HttpResponse<String> sent =
        platform.send(
            "POST",
            staffPath(slug, "/contracts/" + id + "/send"),
            staffToken,
            "{\"expectedVersion\":1}");
    ok(sent);
    String documentSha256 =
        RunningPlatform.json(sent.body()).getJsonObject("contract").getString("documentSha256");
    String signature = "{\"documentSha256\":\"" + documentSha256 + "\"}";
    ok(platform.send("POST", "/api/v1/me/contracts/" + id + "/sign", freelancerToken, signature));
    ok(platform.send("POST", staffPath(slug, "/contracts/" + id + "/sign"), staffToken, signature));
    return new SignedContract(id, documentSha256);
  }

  /** A chat message's request body, with a fresh client message id. */
  static String message(String body) {
    return "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"body\":\"" + body + "\"}";
  }

  static void ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
  }

  static void created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }
}
