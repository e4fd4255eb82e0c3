package io.proxima.platform;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A small world for suites that call every operation: a tenant with its admin (the staff), a second
 * tenant for the console's writes, the demo freelancer sharing with the tenant, and one of
 * everything the API addresses by id — a workspace, an open job, a template, a scout, an
 * application with a proposed interview, an invoice, a signed contract with a month of hours, a
 * skill sheet, a calendar source and feed, a bank-statement match.
 *
 * <p>{@link #ids} maps path-parameter (and body member) names to those ids. {@link #freshFor} is
 * the state table: operations that move something through its life (publish, sign, approve,
 * withdraw…) or remove it get an object of their own in the state the operation starts from, so
 * that calling them does not break the next operation. A schema cannot say "a job that is still a
 * draft"; this table does, and nothing else about the requests.
 */
final class ApiFixtures implements AutoCloseable {

  /** Who calls an operation, under which path prefix. */
  record Caller(String name, String prefix, Supplier<String> tokenSource) {
    String token() {
      return tokenSource.get();
    }
  }

  final RunningPlatform platform;
  final String suffix = UUID.randomUUID().toString().substring(0, 6);
  final RunningPlatform.ProvisionedTenant tenant;
  final RunningPlatform.ProvisionedTenant other;
  final Caller staff;
  final Caller freelancer;
  final Caller console;
  final Caller anonymous;
  final Caller anonymousInTenant;

  /** A new freelancer at every request: for deleting an account, which each can do once. */
  final Caller erasable = new Caller("a throwaway freelancer", "", this::throwawayFreelancer);

  final Map<String, String> ids = new LinkedHashMap<>();
  private final CalendarStub calendar = CalendarStub.start();
  private final WebhookReceiverStub webhookReceiver = WebhookReceiverStub.start();
  private final Map<String, String> tokens = new HashMap<>();
  private final Map<String, Instant> tokenTimes = new HashMap<>();
  private int serial;

  ApiFixtures(RunningPlatform platform) {
    this.platform = platform;
    tenant = platform.provisionTenant("fz-" + suffix, branding("Fuzz " + suffix));
    other = platform.provisionTenant("fz2-" + suffix, branding("Fuzz other " + suffix));
    staff =
        new Caller(
            "staff",
            "/t/" + tenant.slug(),
            () -> token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password()));
    freelancer = new Caller("freelancer", "", () -> token("proxima-portal", "demo", "demo"));
    console = new Caller("console", "", () -> token("proxima-console", "platform-admin", "admin"));
    anonymous = new Caller("anonymous", "", () -> null);
    anonymousInTenant = new Caller("anonymous", "/t/" + tenant.slug(), () -> null);

    ok(send(freelancer, "PUT", "/api/v1/me/consents/" + tenant.slug(), null), 200);
    ids.put("tenantSlug", tenant.slug());
    ids.put("tenantId", other.id());
    ids.put("freelancerId", field(send(freelancer, "GET", "/api/v1/me", null), "subject"));
    ids.put(
        "workspaceId",
        field(
            ok(
                send(staff, "POST", "/api/v1/workspaces", "{\"name\":\"Fuzz ws " + suffix + "\"}"),
                201),
            "id"));
    ids.put("jobId", openJob());
    ids.put("templateId", template());
    ids.put("scoutId", scout());
    ids.put("notificationId", notification());
    String application = application(ids.get("jobId"));
    ids.put("applicationId", application);
    ids.put("proposalId", proposal(application));
    issuer();
    ids.put("invoiceId", invoice());
    ids.put("month", YearMonth.now(TOKYO).toString());
    Map<String, String> contract = activeContract("MAIN");
    ids.put("contractId", contract.get("contractId"));
    ok(
        send(
            freelancer,
            "PUT",
            "/api/v1/me/contracts/"
                + contract.get("contractId")
                + "/time-reports/"
                + ids.get("month"),
            "{\"hours\":100,\"expectedVersion\":0}"),
        200);
    // A profile and a live availability, so that the tenant's reads of them have something.
    long version =
        json(ok(send(freelancer, "GET", "/api/v1/me/profile", null), 200).body())
            .getJsonNumber("version")
            .longValue();
    ok(
        send(
            freelancer,
            "PUT",
            "/api/v1/me/profile",
            "{\"name\":\"Demo Freelancer\",\"summary\":\"Fuzz profile\",\"expectedVersion\":"
                + version
                + "}"),
        200);
    // A payout account, which the tenant paying the freelancer under the contract above may read.
    ok(
        send(
            freelancer,
            "PUT",
            "/api/v1/me/personal-details",
            "{\"payoutAccount\":{\"bankCode\":\"0005\",\"branchCode\":\"001\","
                + "\"accountType\":\"ORDINARY\",\"accountNumber\":\"1234567\","
                + "\"holderKana\":\"デモ フリーランス\"},\"expectedVersion\":0}"),
        200);
    ok(
        send(
            freelancer,
            "PUT",
            "/api/v1/me/availability",
            "{\"status\":\"AVAILABLE\",\"daysPerWeek\":3,\"hoursPerDay\":8,"
                + "\"workStyle\":\"HYBRID\"}"),
        200);
    ids.put("sheetId", sheet());
    ids.put("sourceId", source());
    ids.put("token", feedToken());
    ids.put("matchId", match());
    ids.put("memberId", invitedMember().get("id"));
    ids.put("invitationId", talentInvitation().get("id"));
    ids.put("webhookUrl", webhookUrl());
    ids.put("keyId", apiKey());
    String webhook = webhook();
    ids.put("webhookId", webhook);
    ids.put("deliveryId", webhookDelivery(webhook));
    ids.put("savedSearchId", savedSearch());
    favourite(ids.get("jobId"));
  }

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private static String branding(String name) {
    return "{\"displayName\":\"%s\",\"primaryColor\":\"#123456\",\"accentColor\":\"#abcdef\"}"
        .formatted(name);
  }

  /** Tokens last five minutes; a suite runs longer, so each is renewed after four. */
  synchronized String token(String client, String user, String password) {
    String key = client + "/" + user;
    Instant issued = tokenTimes.get(key);
    if (issued == null || issued.isBefore(Instant.now().minusSeconds(240))) {
      tokens.put(key, platform.token(client, user, password));
      tokenTimes.put(key, Instant.now());
    }
    return tokens.get(key);
  }

  private String throwawayFreelancer() {
    String name = "erasable-" + suffix + "-" + next();
    platform.keycloakAdmin.createUser(name, name + "@example.jp", name, "pw-" + suffix);
    return platform.token("proxima-portal", name, "pw-" + suffix);
  }

  HttpResponse<String> send(Caller caller, String method, String path, String body) {
    return platform.send(method, caller.prefix() + path, caller.token(), body);
  }

  int next() {
    return ++serial;
  }

  // ---- the state table ----

  /**
   * Ids (and body members) for {@code operation} that must be an object of its own, in the state
   * the operation starts from; empty for operations the shared fixtures serve.
   */
  Map<String, String> freshFor(OpenApiOperations.Operation operation) {
    Map<String, String> fresh = new HashMap<>();
    switch (operation.toString()) {
      case "POST /api/v1/jobs/{jobId}/publish", "DELETE /api/v1/jobs/{jobId}" ->
          fresh.put("jobId", draftJob());
      case "POST /api/v1/jobs/{jobId}/close" -> fresh.put("jobId", openJob());
      case "POST /api/v1/notifications/{notificationId}/read" ->
          fresh.put("notificationId", staffNotification());
      case "POST /api/v1/postings/{jobId}/applications" -> fresh.put("jobId", openJob());
      case "DELETE /api/v1/me/saved-searches/{savedSearchId}" ->
          fresh.put("savedSearchId", savedSearch());
      case "DELETE /api/v1/me/favourite-jobs/{jobId}" -> fresh.put("jobId", favourite(openJob()));
      case "DELETE /api/v1/job-templates/{templateId}" -> fresh.put("templateId", template());
      case "POST /api/v1/applications/{applicationId}/stage",
          "POST /api/v1/me/applications/{applicationId}/withdraw" ->
          fresh.put("applicationId", application(openJob()));
      case "POST /api/v1/applications/{applicationId}/interviews/{proposalId}/cancel",
          "POST /api/v1/me/applications/{applicationId}/interviews/{proposalId}/accept",
          "POST /api/v1/me/applications/{applicationId}/interviews/{proposalId}/decline" -> {
        String application = application(openJob());
        fresh.put("applicationId", application);
        fresh.put("proposalId", proposal(application));
        fresh.put("start", lastSlot.toString());
      }
      case "POST /api/v1/me/scouts/{scoutId}/accept", "POST /api/v1/me/scouts/{scoutId}/decline" ->
          fresh.put("scoutId", scout());
      case "POST /api/v1/invoices/{invoiceId}/credit-note" -> fresh.put("invoiceId", invoice());
      case "POST /api/v1/contracts/{contractId}/send",
          "PUT /api/v1/contracts/{contractId}/terms",
          "POST /api/v1/contracts/{contractId}/cancel" ->
          fresh.put("contractId", draftContract("MAIN"));
      case "POST /api/v1/contracts/{contractId}/sign",
          "POST /api/v1/me/contracts/{contractId}/sign",
          "POST /api/v1/contracts/{contractId}/e-signature" ->
          fresh.putAll(sentContract("MAIN"));
      case "GET /api/v1/contracts/{contractId}/e-signature" ->
          fresh.put("contractId", outForESignature());
      case "POST /api/v1/contracts/{contractId}/end",
          "POST /api/v1/contracts/{contractId}/terminate" ->
          fresh.putAll(activeContract("MAIN"));
      case "POST /api/v1/contracts/{contractId}/renew" -> {
        renewal = 3;
        try {
          fresh.putAll(activeContract("MAIN"));
        } finally {
          renewal = 0;
        }
      }
      case "POST /api/v1/contracts/{contractId}/convert" -> fresh.putAll(activeContract("TRIAL"));
      case "POST /api/v1/me/contracts/{contractId}/time-reports/{month}/submit" ->
          fresh.put("contractId", reported(activeContract("MAIN").get("contractId"), false));
      case "POST /api/v1/contracts/{contractId}/time-reports/{month}/approve",
          "POST /api/v1/contracts/{contractId}/time-reports/{month}/reject" ->
          fresh.put("contractId", reported(activeContract("MAIN").get("contractId"), true));
      case "POST /api/v1/contracts/{contractId}/time-reports/{month}/invoice" -> {
        String contract = reported(activeContract("MAIN").get("contractId"), true);
        approve(contract);
        fresh.put("contractId", contract);
      }
      case "POST /api/v1/bank-statements/matches/{matchId}/confirm" ->
          fresh.put("matchId", match());
      case "DELETE /api/v1/me/skill-sheets/{sheetId}",
          "DELETE /api/v1/me/skill-sheet-history/{sheetId}",
          "POST /api/v1/me/skill-sheets/{sheetId}/apply" ->
          fresh.put("sheetId", sheet());
      case "DELETE /api/v1/me/calendar/sources/{sourceId}" -> fresh.put("sourceId", source());
      case "POST /api/v1/api-keys/{keyId}/revoke", "POST /api/v1/api-keys/{keyId}/rotate" ->
          fresh.put("keyId", apiKey());
      case "DELETE /api/v1/webhooks/{webhookId}", "POST /api/v1/webhooks/{webhookId}/test" ->
          fresh.put("webhookId", webhook());
      // A master key can be retired once a rotation has rewrapped every data key it wrapped: the
      // rotation's previous key (the API key fixture's keyId names something else entirely).
      case "DELETE /api/v1/platform/privacy/master-keys/{keyId}" ->
          fresh.put(
              "keyId",
              field(
                  ok(
                      send(console, "POST", "/api/v1/platform/privacy/master-keys/rotation", null),
                      200),
                  "previous"));
      case "POST /api/v1/me/calendar/feed" ->
          send(freelancer, "DELETE", "/api/v1/me/calendar/feed", null);
      case "DELETE /api/v1/me/calendar/feed", "POST /api/v1/me/calendar/feed/rotate" -> feedToken();
      case "GET /api/v1/calendar/{token}.ics" -> fresh.put("token", feedToken());
      case "POST /api/v1/platform/tenants/{tenantId}/first-admin/invitation" ->
          fresh.put("tenantId", tenantAwaitingItsFirstAdmin());
      // Closing is for good once the retention period passes: a tenant of its own, never the
      // fixtures' tenants every other operation needs open.
      case "POST /api/v1/platform/tenants/{tenantId}/close" ->
          fresh.put("tenantId", tenantAwaitingItsFirstAdmin());
      case "POST /api/v1/members/{memberId}/invitation",
          "PUT /api/v1/members/{memberId}/role",
          "DELETE /api/v1/members/{memberId}" ->
          fresh.put("memberId", invitedMember().get("id"));
      case "PUT /api/v1/me/onboarding/step", "POST /api/v1/me/onboarding/finish" ->
          // Past the terms only once they are accepted (the guide's first step).
          ok(
              send(
                  freelancer,
                  "PUT",
                  "/api/v1/me/onboarding/terms",
                  "{\"termsVersion\":\"2026-12-01\",\"privacyVersion\":\"2026-12-01\"}"),
              200);
      case "POST /api/v1/talent-invitations/{invitationId}/resend",
          "DELETE /api/v1/talent-invitations/{invitationId}" ->
          fresh.put("invitationId", talentInvitation().get("id"));
      // The freelancer answers, signed in, an invitation to their own verified address; inviting
      // an address with a pending invitation resends it, so this is the pending one if any.
      case "POST /api/v1/me/talent-invitations/{invitationId}/accept",
          "POST /api/v1/me/talent-invitations/{invitationId}/decline" ->
          fresh.put("invitationId", talentInvitationToTheFreelancer());
      case "POST /api/v1/platform/tenants/{tenantId}/resume" ->
          ok(
              send(console, "POST", "/api/v1/platform/tenants/" + other.id() + "/suspend", null),
              200);
      case "POST /api/v1/platform/tenants/{tenantId}/suspend" ->
          send(console, "POST", "/api/v1/platform/tenants/" + other.id() + "/resume", null);
      case "DELETE /api/v1/me/consents/{tenantSlug}" -> {
        send(console, "POST", "/api/v1/platform/tenants/" + other.id() + "/resume", null);
        ok(send(freelancer, "PUT", "/api/v1/me/consents/" + other.slug(), null), 200);
        fresh.put("tenantSlug", other.slug());
      }
      default -> {}
    }
    return fresh;
  }

  // ---- how each kind of object is made ----

  /** A tenant just created in the console, its first admin not yet through the mailed link. */
  String tenantAwaitingItsFirstAdmin() {
    String slug = "fz4-" + suffix + "-" + next();
    return field(
        ok(
            send(
                console,
                "POST",
                "/api/v1/platform/tenants",
                """
                    {"slug":"%s","type":"AGENCY","plan":"standard","branding":{"displayName":"Fuzz %s"},
                     "firstAdmin":{"email":"admin-%s@example.jp","firstName":"Fuzz","lastName":"Admin"}}
                    """
                    .formatted(slug, slug, slug)),
            201),
        "id");
  }

  /** A recruiter invited by mail who has not followed the link yet: id and e-mail. */
  Map<String, String> invitedMember() {
    String email = "fuzz-member-" + suffix + "-" + next() + "@example.jp";
    String created =
        ok(
                send(
                    staff,
                    "POST",
                    "/api/v1/members",
                    """
                {"email":"%s","firstName":"Fuzz","lastName":"Member","role":"recruiter"}
                """
                        .formatted(email)),
                201)
            .body();
    return Map.of(
        "id",
        RunningPlatform.json(created).getJsonObject("member").getString("id"),
        "email",
        email);
  }

  /** A freelancer invited into the talent pool who has not answered yet: id and e-mail. */
  Map<String, String> talentInvitation() {
    String email = "fuzz-talent-" + suffix + "-" + next() + "@example.jp";
    String created =
        ok(
                send(
                    staff,
                    "POST",
                    "/api/v1/talent-invitations",
                    """
                {"email":"%s","familyName":"Fuzz","givenName":"Talent"}
                """
                        .formatted(email)),
                201)
            .body();
    return Map.of(
        "id",
        RunningPlatform.json(created).getJsonObject("invitation").getString("id"),
        "email",
        email);
  }

  /** A pending talent invitation of the tenant to the freelancer's own (verified) address. */
  String talentInvitationToTheFreelancer() {
    String email = field(send(freelancer, "GET", "/api/v1/me", null), "email");
    return RunningPlatform.json(
            ok(
                    send(
                        staff,
                        "POST",
                        "/api/v1/talent-invitations",
                        "{\"email\":\"%s\",\"language\":\"ja\"}".formatted(email)),
                    201)
                .body())
        .getJsonObject("invitation")
        .getString("id");
  }

  /** A live talent invitation link's token, as the freelancer's mail carries it. */
  String talentInvitationToken() {
    String email = talentInvitation().get("email");
    io.proxima.local.LocalMail.Received mail =
        platform.stack.mail().await(email, "", java.time.Duration.ofSeconds(20));
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("/talent-invitation#token=([A-Za-z0-9_-]+)")
            .matcher(mail.text());
    if (!token.find()) {
      throw new IllegalStateException("no talent invitation link in " + mail.text());
    }
    return token.group(1);
  }

  /** A live invitation link's token, as the invitee's mail carries it. */
  String invitationToken() {
    return platform.invitationToken(invitedMember().get("email"));
  }

  String jobBody(String title) {
    return """
        {"title":"%s","description":"Fuzz job","daysMin":3,"daysMax":5,"workStyle":"REMOTE",
         "contractType":"QUASI_MANDATE","requiredSkills":[{"skill":"Java"}]}
        """
        .formatted(title);
  }

  String draftJob() {
    return field(
        ok(send(staff, "POST", "/api/v1/jobs", jobBody("Fuzz job " + suffix + " " + next())), 201),
        "id");
  }

  String openJob() {
    String job = draftJob();
    ok(send(staff, "POST", "/api/v1/jobs/" + job + "/publish", "{\"expectedVersion\":1}"), 200);
    return job;
  }

  /** One of the freelancer's saved searches, under a name of its own. */
  String savedSearch() {
    return field(
        ok(
            send(
                freelancer,
                "POST",
                "/api/v1/me/saved-searches",
                "{\"name\":\"Fuzz search "
                    + suffix
                    + " "
                    + next()
                    + "\",\"query\":\"q=fuzz&workStyle=REMOTE\"}"),
            201),
        "id");
  }

  /** Marks an open job as one of the freelancer's favourites; returns its id. */
  String favourite(String jobId) {
    ok(send(freelancer, "PUT", "/api/v1/me/favourite-jobs/" + jobId, null), 204);
    return jobId;
  }

  String template() {
    return field(
        ok(
            send(
                staff,
                "POST",
                "/api/v1/job-templates",
                "{\"name\":\"Fuzz template "
                    + next()
                    + "\",\"details\":"
                    + jobBody("Fuzz template job")
                    + "}"),
            201),
        "id");
  }

  /** The token of the unsubscribe link in the freelancer's mail about the scout above. */
  String unsubscribeToken() {
    String email = field(send(freelancer, "GET", "/api/v1/me", null), "email");
    io.proxima.local.LocalMail.Received mail =
        platform.stack.mail().await(email, "スカウト", java.time.Duration.ofSeconds(30));
    String link = mail.link(platform.baseUrl() + "/api/v1/unsubscribe?token=").orElseThrow();
    return link.substring(link.indexOf("token=") + "token=".length());
  }

  /** A notification of the staff's own: the freelancer writes to the tenant. */
  String staffNotification() {
    ok(
        send(
            freelancer,
            "POST",
            "/api/v1/me/conversations/" + tenant.slug() + "/messages",
            "{\"clientMessageId\":\"fz-" + UUID.randomUUID() + "\",\"body\":\"fuzz\"}"),
        201);
    return json(ok(send(staff, "GET", "/api/v1/notifications", null), 200).body())
        .getJsonArray("items")
        .getJsonObject(0)
        .getString("id");
  }

  /** The freelancer's newest notification (the scout above rang their bell). */
  String notification() {
    return json(ok(send(freelancer, "GET", "/api/v1/me/notifications", null), 200).body())
        .getJsonArray("items")
        .getJsonObject(0)
        .getString("id");
  }

  String scout() {
    return field(
        ok(
            send(
                staff,
                "POST",
                "/api/v1/scouts",
                "{\"freelancerId\":\""
                    + ids.get("freelancerId")
                    + "\",\"message\":\"Fuzz scout "
                    + next()
                    + "\"}"),
            201),
        "id");
  }

  String application(String openJob) {
    HttpResponse<String> applied =
        ok(send(freelancer, "POST", "/api/v1/postings/" + openJob + "/applications", "{}"), 201);
    return json(applied.body()).getJsonObject("application").getString("id");
  }

  private Instant lastSlot;

  String proposal(String application) {
    lastSlot = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    return field(
        ok(
            send(
                staff,
                "POST",
                "/api/v1/applications/" + application + "/interviews",
                "{\"slots\":[{\"start\":\"%s\",\"end\":\"%s\"}]}"
                    .formatted(lastSlot, lastSlot.plusSeconds(3600))),
            201),
        "id");
  }

  void issuer() {
    ok(
        send(
            staff,
            "PUT",
            "/api/v1/invoice-issuer",
            "{\"name\":\"Fuzz agency\",\"registrationNumber\":\"T7000012050002\"}"),
        200);
  }

  String invoice() {
    return field(
        ok(
            send(
                staff,
                "POST",
                "/api/v1/invoices",
                ("{\"recipientName\":\"Fuzz client\",\"issueDate\":\"%s\",\"lines\":[{\"description\":"
                        + "\"work\",\"quantity\":\"1\",\"unitPriceYen\":1000,\"taxRate\":\"STANDARD\"}]}")
                    .formatted(LocalDate.now(TOKYO))),
            201),
        "id");
  }

  private int renewal;

  /** The contract period: this month and the next two (a trial: this month only). */
  String contractBody(String kind) {
    YearMonth month = YearMonth.now(TOKYO);
    LocalDate end =
        kind.equals("TRIAL") ? month.atEndOfMonth() : month.plusMonths(2).atEndOfMonth();
    return """
        {"freelancerId":"%s","kind":"%s","terms":{"title":"Fuzz contract %d","clientName":"Client",
         "freelancerName":"Demo","contractType":"QUASI_MANDATE","monthlyRateYen":500000,
         "minHours":140,"maxHours":180,"paymentDays":30,"startDate":"%s","endDate":"%s",
         "renewalMonths":%d}}
        """
        .formatted(ids.get("freelancerId"), kind, next(), month.atDay(1), end, renewal);
  }

  String draftContract(String kind) {
    HttpResponse<String> drafted =
        ok(send(staff, "POST", "/api/v1/contracts", contractBody(kind)), 201);
    return json(drafted.body()).getJsonObject("contract").getString("id");
  }

  Map<String, String> sentContract(String kind) {
    String contract = draftContract(kind);
    HttpResponse<String> sent =
        ok(
            send(
                staff,
                "POST",
                "/api/v1/contracts/" + contract + "/send",
                "{\"expectedVersion\":1}"),
            200);
    return Map.of(
        "contractId",
        contract,
        "documentSha256",
        json(sent.body()).getJsonObject("contract").getString("documentSha256"));
  }

  /** A sent contract whose e-signature was asked for (the envelope may still be pending). */
  String outForESignature() {
    String contract = sentContract("MAIN").get("contractId");
    ok(
        send(
            staff,
            "POST",
            "/api/v1/contracts/" + contract + "/e-signature",
            "{\"clientSignerName\":\"山田 太郎\",\"clientSignerEmail\":\"yamada@client.example\"}"),
        202);
    return contract;
  }

  Map<String, String> activeContract(String kind) {
    Map<String, String> sent = sentContract(kind);
    String signature = "{\"documentSha256\":\"" + sent.get("documentSha256") + "\"}";
    String contract = sent.get("contractId");
    ok(send(freelancer, "POST", "/api/v1/me/contracts/" + contract + "/sign", signature), 200);
    ok(send(staff, "POST", "/api/v1/contracts/" + contract + "/sign", signature), 200);
    return Map.of("contractId", contract);
  }

  String reported(String contract, boolean submitted) {
    String report = "/api/v1/me/contracts/" + contract + "/time-reports/" + ids.get("month");
    ok(send(freelancer, "PUT", report, "{\"hours\":100,\"expectedVersion\":0}"), 200);
    if (submitted) {
      ok(send(freelancer, "POST", report + "/submit", "{\"expectedVersion\":1}"), 200);
    }
    return contract;
  }

  void approve(String contract) {
    ok(
        send(
            staff,
            "POST",
            "/api/v1/contracts/" + contract + "/time-reports/" + ids.get("month") + "/approve",
            "{\"expectedVersion\":2}"),
        200);
  }

  String sheet() {
    HttpResponse<String> sheet =
        platform.upload(
            "/api/v1/me/skill-sheets?fileName=fuzz.txt",
            freelancer.token(),
            "text/plain",
            ("氏名: デモ\nスキル: Java 5年\n" + suffix).getBytes(StandardCharsets.UTF_8));
    return field(ok(sheet, 201), "id");
  }

  String source() {
    Instant later = Instant.now().plus(60, ChronoUnit.DAYS);
    String url =
        calendar.serve(
            "/fuzz-" + suffix + "-" + next() + ".ics",
            CalendarStub.busy("fuzz-" + suffix, later, later.plusSeconds(3600)));
    ids.put("url", url);
    HttpResponse<String> created =
        ok(
            send(freelancer, "POST", "/api/v1/me/calendar/sources", "{\"url\":\"" + url + "\"}"),
            201);
    return json(created.body()).getJsonObject("source").getString("id");
  }

  /** The address of a calendar nobody imported yet. */
  /** A tenant API key with every read scope. */
  String apiKey() {
    String created =
        ok(
                send(
                    staff,
                    "POST",
                    "/api/v1/api-keys",
                    "{\"name\":\"fuzz "
                        + next()
                        + "\",\"scopes\":[\"applications:read\",\"jobs:read\"]}"),
                201)
            .body();
    return parse(created).asJsonObject().getJsonObject("key").getString("id");
  }

  /** Where the fixtures' webhooks go: a receiver on localhost that answers 200. */
  String webhookUrl() {
    return webhookReceiver.url("/fuzz-" + suffix);
  }

  String webhook() {
    String created =
        ok(
                send(
                    staff,
                    "POST",
                    "/api/v1/webhooks",
                    "{\"url\":\"" + webhookUrl() + "\",\"eventTypes\":[\"application.moved\"]}"),
                201)
            .body();
    return parse(created).asJsonObject().getJsonObject("webhook").getString("id");
  }

  /** A test delivery to {@code webhook}, for the log and redelivery. */
  String webhookDelivery(String webhook) {
    return field(ok(send(staff, "POST", "/api/v1/webhooks/" + webhook + "/test", null), 202), "id");
  }

  String calendarUrl() {
    Instant later = Instant.now().plus(60, ChronoUnit.DAYS);
    return calendar.serve(
        "/fuzz-" + suffix + "-" + next() + ".ics",
        CalendarStub.busy("fuzz-" + suffix + next(), later, later.plusSeconds(3600)));
  }

  /** A live feed token (rotating it if a feed exists already). */
  String feedToken() {
    HttpResponse<String> feed = send(freelancer, "POST", "/api/v1/me/calendar/feed", null);
    if (feed.statusCode() == 409) {
      feed = send(freelancer, "POST", "/api/v1/me/calendar/feed/rotate", null);
    }
    String token = field(ok(feed, 200, 201), "token");
    ids.put("token", token);
    return token;
  }

  /** A bank credit the platform only suggests for an invoice of the same amount. */
  String match() {
    // A fresh amount, so exactly one open invoice has it.
    int yen = 1000 + next();
    HttpResponse<String> issued =
        ok(
            send(
                staff,
                "POST",
                "/api/v1/invoices",
                ("{\"recipientName\":\"Fuzz payer\",\"issueDate\":\"%s\",\"lines\":[{\"description\":"
                        + "\"work\",\"quantity\":\"1\",\"unitPriceYen\":%d,\"taxRate\":\"STANDARD\"}]}")
                    .formatted(LocalDate.now(TOKYO), yen)),
            201);
    long total = json(issued.body()).getJsonNumber("totalYen").longValue();
    HttpResponse<String> statement =
        ok(
            platform.upload(
                staff.prefix() + "/api/v1/bank-statements",
                staff.token(),
                "text/csv",
                ("date,payer,amount,memo\n%s,Fuzz payer,%d,transfer\n"
                        .formatted(LocalDate.now(TOKYO), total))
                    .getBytes(StandardCharsets.UTF_8)),
            201);
    JsonArray entries = json(statement.body()).getJsonArray("entries");
    return entries.getJsonObject(0).getString("id");
  }

  // ---- helpers ----

  static HttpResponse<String> ok(HttpResponse<String> response, int... expected) {
    for (int status : expected) {
      if (response.statusCode() == status) {
        return response;
      }
    }
    throw new IllegalStateException(
        "fixture call answered " + response.statusCode() + ": " + response.body());
  }

  static String field(HttpResponse<String> response, String name) {
    return json(response.body()).getString(name);
  }

  static JsonObject json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  static JsonValue parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The first {@code version} in {@code body} that belongs to the object with {@code id} (any
   * member equal to it), else the first {@code version} at all, breadth first.
   */
  static Long versionIn(JsonValue body, String id) {
    Long any = null;
    ArrayDeque<JsonValue> queue = new ArrayDeque<>();
    if (body != null) {
      queue.add(body);
    }
    while (!queue.isEmpty()) {
      JsonValue value = queue.poll();
      if (value instanceof JsonObject object) {
        if (object.get("version") instanceof jakarta.json.JsonNumber number) {
          boolean owned =
              id != null
                  && object.values().stream()
                      .anyMatch(
                          v -> v instanceof jakarta.json.JsonString s && s.getString().equals(id));
          if (owned) {
            return number.longValue();
          }
          if (any == null) {
            any = number.longValue();
          }
        }
        queue.addAll(object.values());
      } else if (value instanceof JsonArray array) {
        queue.addAll(array);
      }
    }
    return any;
  }

  List<String> secretsNone() {
    return List.of();
  }

  @Override
  public void close() {
    calendar.close();
    webhookReceiver.close();
  }
}
