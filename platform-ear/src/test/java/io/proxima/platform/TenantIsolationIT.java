package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation over every endpoint the platform serves. Operations are read from the served
 * OpenAPI document, so a new endpoint is covered the moment it exists; an endpoint whose path
 * parameters this suite cannot fill fails the suite until someone says which foreign id to use.
 *
 * <p>Two tenants are provisioned through the console (Keycloak organizations, clients, first
 * admins). Tenant B gets a workspace, a recruiter and a sharing freelancer; then tenant A's admin
 * calls every operation against tenant B — through B's path, B's host name, with B's ids inside A's
 * own tenant, and through the console — and must get no B data, no 2xx on B, never a 500, and B's
 * data must be unchanged afterwards.
 */
class TenantIsolationIT {

  /** Endpoints about the caller, not a tenant: reachable anywhere, never with B's data. */
  private static final Set<String> CALLER_SCOPED =
      Set.of(
          "/api/v1/me",
          "/api/v1/me/tenants",
          "/api/v1/me/consents",
          // The caller's own consent log (row-level security: theirs, or a tenant's about itself).
          "/api/v1/me/consents/log",
          // What sharing with a tenant would share and its purpose: shown to anyone before
          // sharing, like the agency directory; names the tenant, nothing of its people or data.
          "/api/v1/me/consents/{tenantSlug}/terms",
          "/api/v1/me/consents/{tenantSlug}",
          "/api/v1/me/availability",
          "/api/v1/me/conversations",
          "/api/v1/me/conversations/{tenantSlug}/messages",
          "/api/v1/me/conversations/{tenantSlug}/receipts",
          "/api/v1/me/profile",
          "/api/v1/me/profile/export.json",
          "/api/v1/me/profile/export.pdf",
          "/api/v1/me/profile/import",
          "/api/v1/me/profile/views",
          "/api/v1/me/profile/portfolio",
          // The caller's own sealed personal details (row-level security: theirs); B's staff
          // reach only the payout account of a freelancer B pays, through B's own path.
          "/api/v1/me/personal-details",
          "/api/v1/me/skill-sheets",
          "/api/v1/me/skill-sheets/{sheetId}",
          "/api/v1/me/skill-sheets/{sheetId}/apply",
          // The file and text of the freelancer's own upload, and their upload history: no
          // tenant's staff reaches them (row-level security), B's portal or not.
          "/api/v1/me/skill-sheets/{sheetId}/original",
          "/api/v1/me/skill-sheets/{sheetId}/text",
          "/api/v1/me/skill-sheet-history",
          "/api/v1/me/skill-sheet-history/{sheetId}",
          // The agencies a freelancer may share with, by name: the same public list from any
          // portal (branding only), never a company or a suspended tenant.
          "/api/v1/agencies",
          // Open jobs are postings every signed-in freelancer may find; B's draft must not be.
          "/api/v1/postings",
          "/api/v1/postings/{jobId}",
          // Recommended open jobs for the caller; B's draft must not be among them.
          "/api/v1/me/recommendations",
          // The caller's own scouts; B's scout to the freelancer is theirs alone to answer.
          "/api/v1/me/scouts",
          "/api/v1/me/scouts/{scoutId}/accept",
          "/api/v1/me/scouts/{scoutId}/decline",
          // Applying to a posting and the caller's own applications: B's job is a draft, and the
          // freelancer's application to B is theirs and B's alone.
          "/api/v1/postings/{jobId}/applications",
          "/api/v1/me/applications",
          "/api/v1/me/applications/{applicationId}",
          "/api/v1/me/applications/{applicationId}/withdraw",
          "/api/v1/me/applications/{applicationId}/interviews/{proposalId}/accept",
          "/api/v1/me/applications/{applicationId}/interviews/{proposalId}/decline",
          // The caller's own contracts and hours: B's contract is the freelancer's and B's alone.
          "/api/v1/me/contracts",
          "/api/v1/me/contracts/{contractId}",
          "/api/v1/me/contracts/{contractId}/document.pdf",
          "/api/v1/me/contracts/{contractId}/sign",
          "/api/v1/me/contracts/{contractId}/time-reports/{month}",
          "/api/v1/me/contracts/{contractId}/time-reports/{month}/submit",
          // The caller's calendar feed and imported calendars; the freelancer's calendar is
          // theirs alone to refresh or remove.
          "/api/v1/me/calendar/feed",
          "/api/v1/me/calendar/feed/rotate",
          "/api/v1/me/calendar/sources",
          "/api/v1/me/calendar/sources/{sourceId}",
          "/api/v1/me/calendar/sources/{sourceId}/refresh",
          "/api/v1/me/calendar/busy",
          // A one-use ticket for the caller's own live sockets; the sockets check the tenant.
          "/api/v1/me/live-ticket",
          // Roles offered to the caller; answered through the tenant's own /invitation.
          "/api/v1/me/invitations",
          // The caller's own first-run guide and terms acceptance (row-level security: theirs).
          "/api/v1/me/onboarding",
          "/api/v1/me/onboarding/terms",
          "/api/v1/me/onboarding/step",
          "/api/v1/me/onboarding/finish",
          // The caller's own saved searches and favourites (row-level security: theirs); the
          // sharing freelancer's saved search is a 404 to anyone else.
          "/api/v1/me/saved-searches",
          "/api/v1/me/saved-searches/{savedSearchId}",
          "/api/v1/me/favourite-jobs",
          "/api/v1/me/favourite-jobs/{jobId}",
          // Open jobs like a posting: the same public list from any portal; B's draft is not one.
          "/api/v1/postings/{jobId}/similar",
          // The caller's own notifications and settings: a notification is its recipient's, B's
          // scout to the freelancer shows in the freelancer's centre only.
          "/api/v1/me/notifications",
          "/api/v1/me/notifications/unread",
          "/api/v1/me/notifications/read-all",
          "/api/v1/me/notifications/{notificationId}/read",
          "/api/v1/me/notification-settings",
          // Talent invitations to the caller's own verified address, in any tenant; B's
          // invitation to someone else is a 404 to A's admin (TalentInvitationIT).
          "/api/v1/me/talent-invitations",
          "/api/v1/me/talent-invitations/{invitationId}/accept",
          "/api/v1/me/talent-invitations/{invitationId}/decline",
          // The caller's export of their own data, read through the /me operations above; B's
          // portal or not, it holds the caller's rows only (DataExportIT).
          "/api/v1/me/export");

  /**
   * Platform admins only (the tenant console's operations and operator health): a tenant admin's
   * token is refused before any tenant is chosen.
   */
  private static boolean platformAdminOnly(Operation operation) {
    return operation.path().startsWith(ValidRequests.PLATFORM);
  }

  /**
   * Public by design: the login screen's branding, provider callbacks, and a calendar feed whose
   * token is its credential (probed with the freelancer's revoked token, which must open nothing).
   */
  private static final Set<String> PUBLIC =
      Set.of(
          "/api/v1/branding",
          // Where the platform's own pages sign in: the issuer and the public client id.
          "/api/v1/sign-in",
          // Provider callbacks carry no token: an HMAC over the body (e-signature) or Stripe's
          // signature proves the sender; the probes' unsigned bodies are refused with 400.
          "/api/v1/webhooks/e-signature",
          "/api/v1/webhooks/stripe",
          "/api/v1/calendar/{token}.ics",
          // An invitation mail's link: its token is the credential, and a token of another
          // tenant's invitation is the same 404 as a made-up one (PeopleIT).
          "/api/v1/invitation-link/inspect",
          "/api/v1/invitation-link/activate",
          // A talent invitation mail's link: the same; accepting is the signed-in caller's own
          // consent, and a token of another tenant's invitation is a 404 (TalentInvitationIT).
          "/api/v1/talent-invitation-link/inspect",
          "/api/v1/talent-invitation-link/accept",
          "/api/v1/talent-invitation-link/decline",
          // A notification mail's unsubscribe link: its signed token is the credential; the
          // probes' tokens are not genuine and change nothing (NotificationsIT).
          "/api/v1/unsubscribe");

  private static final Pattern WEB_SOCKET_PATH = Pattern.compile("/ws/[A-Za-z0-9/_-]+");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static Tenant a;
  private static Tenant b;
  private static String bWorkspaceId;
  private static String bWorkspaceName;
  private static String bRecruiterEmail;
  private static String freelancerToken;
  private static String freelancerId;
  private static String bMessage;
  private static String freelancerNote;
  private static String profileSecret;
  private static String sheetId;
  private static String freelancerSavedSearchId;
  private static String bJobId;
  private static String bJobTitle;
  private static String bTemplateId;
  private static String bTemplateName;
  private static String bScoutId;
  private static String bScoutMessage;
  private static String bNotificationId;
  private static String bApplicationId;
  private static String bProposalId;
  private static String bApplicationNote;
  private static String bInvoiceId;
  private static String bInvoiceRecipient;
  private static String bContractId;
  private static String bContractTitle;
  private static String bPaymentReference;
  private static String bPayerName;
  private static String bMatchId;
  private static String bMemberId;
  private static String bTalentInvitationId;
  private static CalendarStub calendarStub;
  private static String freelancerSourceId;
  private static String revokedFeedToken;
  private static String bKeyId;
  private static String bKeySecret;
  private static String aKeySecret;
  private static String bWebhookId;
  private static String bDeliveryId;

  record Tenant(String id, String slug, String adminEmail, String password) {
    String token() {
      return platform.token("tenant-" + slug, adminEmail, password);
    }
  }

  @BeforeAll
  static void twoTenants() {
    platform = RunningPlatform.get();
    a = provision("iso-a-" + SUFFIX, "Agency A " + SUFFIX);
    b = provision("iso-b-" + SUFFIX, "Agency B " + SUFFIX);
    String bToken = b.token();

    bWorkspaceName = "B secret workspace " + SUFFIX;
    HttpResponse<String> workspace =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/workspaces",
            bToken,
            "{\"name\":\"" + bWorkspaceName + "\"}");
    assertThat(workspace.statusCode()).as(workspace.body()).isEqualTo(201);
    bWorkspaceId = field(workspace.body(), "id");

    bRecruiterEmail = "recruiter-b-" + SUFFIX + "@example.jp";
    HttpResponse<String> invited =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/members",
            bToken,
            "{\"email\":\""
                + bRecruiterEmail
                + "\",\"firstName\":\"Rin\",\"lastName\":\"Kato\",\"role\":\"recruiter\"}");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    bMemberId = RunningPlatform.json(invited.body()).getJsonObject("member").getString("id");
    // A talent invitation of B's, pending: A must neither see, resend nor revoke it.
    HttpResponse<String> talent =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/talent-invitations",
            b.token(),
            "{\"email\":\"talent-b-" + SUFFIX + "@example.jp\"}");
    assertThat(talent.statusCode()).as(talent.body()).isEqualTo(201);
    bTalentInvitationId =
        RunningPlatform.json(talent.body()).getJsonObject("invitation").getString("id");

    freelancerToken = platform.token("proxima-portal", "demo", "demo");
    HttpResponse<String> shared =
        platform.send("PUT", "/api/v1/me/consents/" + b.slug(), freelancerToken, null);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
    freelancerId =
        field(platform.send("GET", "/api/v1/me", freelancerToken, null).body(), "subject");
    String searchName = "Java remote " + SUFFIX;
    HttpResponse<String> saved =
        platform.send(
            "POST",
            "/api/v1/me/saved-searches",
            freelancerToken,
            "{\"name\":\"" + searchName + "\",\"query\":\"q=Java&workStyle=REMOTE\"}");
    if (saved.statusCode() == 500 && saved.body().contains("Payara Micro - Error report")) {
      // The container's own error page, not ours: once, after the socket suites, a request thread
      // carried a leaked Weld request context (WELD-000714 in the node log) and the saved search
      // was stored but answered 500. The arrangement reads it back; what this suite asserts is
      // never retried. Tracked in the issue notes.
      freelancerSavedSearchId =
          RunningPlatform.jsonArray(
                  platform.send("GET", "/api/v1/me/saved-searches", freelancerToken, null).body())
              .getValuesAs(jakarta.json.JsonObject.class)
              .stream()
              .filter(each -> searchName.equals(each.getString("name")))
              .map(each -> each.getString("id"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(saved.body()));
    } else {
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
      freelancerSavedSearchId = field(saved.body(), "id");
    }

    // Live state that only B (and the freelancer) may see: a note on the board, a conversation.
    freelancerNote = "note for B only " + SUFFIX;
    HttpResponse<String> availability =
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            freelancerToken,
            """
            {"status":"AVAILABLE","daysPerWeek":3,"hoursPerDay":8,"workStyle":"HYBRID","note":"%s"}
            """
                .formatted(freelancerNote));
    assertThat(availability.statusCode()).as(availability.body()).isEqualTo(200);
    // A calendar the freelancer imports (busy far ahead, so their availability stays as it is)
    // and a feed address they retired.
    calendarStub = CalendarStub.start();
    java.time.Instant later = java.time.Instant.now().plus(java.time.Duration.ofDays(60));
    HttpResponse<String> source =
        platform.send(
            "POST",
            "/api/v1/me/calendar/sources",
            freelancerToken,
            "{\"url\":\""
                + calendarStub.serve(
                    "/" + SUFFIX + ".ics",
                    CalendarStub.busy("iso-" + SUFFIX, later, later.plusSeconds(3600)))
                + "\"}");
    assertThat(source.statusCode()).as(source.body()).isEqualTo(201);
    freelancerSourceId =
        Json.createReader(new StringReader(source.body()))
            .readObject()
            .getJsonObject("source")
            .getString("id");
    HttpResponse<String> feed =
        platform.send("POST", "/api/v1/me/calendar/feed", freelancerToken, null);
    if (feed.statusCode() == 409) {
      feed = platform.send("POST", "/api/v1/me/calendar/feed/rotate", freelancerToken, null);
    }
    assertThat(feed.statusCode()).as(feed.body()).isBetween(200, 201);
    revokedFeedToken = field(feed.body(), "token");
    assertThat(
            platform
                .send("POST", "/api/v1/me/calendar/feed/rotate", freelancerToken, null)
                .statusCode())
        .isEqualTo(200);
    // A profile shared with B only, and an unreviewed skill sheet that nobody but its owner sees.
    profileSecret = "profile for B only " + SUFFIX;
    HttpResponse<String> profile =
        platform.send(
            "PUT",
            "/api/v1/me/profile",
            freelancerToken,
            "{\"name\":\"Demo Freelancer\",\"summary\":\""
                + profileSecret
                + "\",\"expectedVersion\":"
                + RunningPlatform.number(
                    platform.send("GET", "/api/v1/me/profile", freelancerToken, null).body(),
                    "version")
                + "}");
    assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
    HttpResponse<String> sheet =
        platform.upload(
            "/api/v1/me/skill-sheets?fileName=sheet.txt",
            freelancerToken,
            "text/plain",
            ("氏名: デモ\nスキル: Java 5年, PostgreSQL 3年\n" + profileSecret)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(sheet.statusCode()).as(sheet.body()).isEqualTo(201);
    sheetId = field(sheet.body(), "id");

    // A draft job and a template: B's alone until B publishes.
    bJobTitle = "B draft job " + SUFFIX;
    String job =
        """
        {"title":"%s","description":"secret","daysMin":3,"daysMax":5,"workStyle":"REMOTE",
         "contractType":"QUASI_MANDATE","requiredSkills":[{"skill":"Java"}]}
        """
            .formatted(bJobTitle);
    HttpResponse<String> drafted =
        platform.send("POST", "/t/" + b.slug() + "/api/v1/jobs", bToken, job);
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    bJobId = field(drafted.body(), "id");
    bTemplateName = "B template " + SUFFIX;
    HttpResponse<String> template =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/job-templates",
            bToken,
            "{\"name\":\"" + bTemplateName + "\",\"details\":" + job + "}");
    assertThat(template.statusCode()).as(template.body()).isEqualTo(201);
    bTemplateId = field(template.body(), "id");

    bMessage = "B's private offer " + SUFFIX;
    HttpResponse<String> sent =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/conversations/" + freelancerId + "/messages",
            bToken,
            "{\"clientMessageId\":\"iso-" + SUFFIX + "\",\"body\":\"" + bMessage + "\"}");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

    bScoutMessage = "B's scout " + SUFFIX;
    HttpResponse<String> scouted =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/scouts",
            bToken,
            "{\"freelancerId\":\"" + freelancerId + "\",\"message\":\"" + bScoutMessage + "\"}");
    assertThat(scouted.statusCode()).as(scouted.body()).isEqualTo(201);
    bScoutId = field(scouted.body(), "id");
    // The scout rang the freelancer's bell: a notification of theirs about B.
    bNotificationId =
        RunningPlatform.json(
                platform
                    .send("GET", "/api/v1/me/notifications?size=100", freelancerToken, null)
                    .body())
            .getJsonArray("items")
            .stream()
            .map(JsonObject.class::cast)
            .filter(item -> b.slug().equals(item.getString("tenantSlug", null)))
            .findFirst()
            .orElseThrow()
            .getString("id");

    // The freelancer applies to an open job of B's; B notes it privately and proposes a time.
    HttpResponse<String> open =
        platform.send(
            "POST", "/t/" + b.slug() + "/api/v1/jobs", bToken, job.replace(bJobTitle, "B open"));
    String openJobId = field(open.body(), "id");
    assertThat(
            platform
                .send(
                    "POST",
                    "/t/" + b.slug() + "/api/v1/jobs/" + openJobId + "/publish",
                    bToken,
                    "{\"expectedVersion\":1}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> applied =
        platform.send(
            "POST", "/api/v1/postings/" + openJobId + "/applications", freelancerToken, "{}");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(applied.body()))) {
      bApplicationId = reader.readObject().getJsonObject("application").getString("id");
    }
    bApplicationNote = "B's note on the applicant " + SUFFIX;
    assertThat(
            platform
                .send(
                    "POST",
                    "/t/" + b.slug() + "/api/v1/applications/" + bApplicationId + "/notes",
                    bToken,
                    "{\"body\":\"" + bApplicationNote + "\"}")
                .statusCode())
        .isEqualTo(201);
    java.time.Instant slot = java.time.Instant.now().plus(java.time.Duration.ofDays(5));
    HttpResponse<String> proposed =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/applications/" + bApplicationId + "/interviews",
            bToken,
            "{\"slots\":[{\"start\":\""
                + slot
                + "\",\"end\":\""
                + slot.plusSeconds(3600)
                + "\"}]}");
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    bProposalId = field(proposed.body(), "id");

    // B's issuer settings and one invoice, to a client whose name is a secret.
    assertThat(
            platform
                .send(
                    "PUT",
                    "/t/" + b.slug() + "/api/v1/invoice-issuer",
                    bToken,
                    "{\"name\":\"Agency B\",\"registrationNumber\":\"T7000012050002\"}")
                .statusCode())
        .isEqualTo(200);
    bInvoiceRecipient = "B's client " + SUFFIX;
    HttpResponse<String> invoiced =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/invoices",
            bToken,
            ("{\"recipientName\":\"%s\",\"issueDate\":\"2026-11-30\",\"lines\":[{\"description\":"
                    + "\"work\",\"quantity\":\"1\",\"unitPriceYen\":1000,\"taxRate\":\"STANDARD\"}]}")
                .formatted(bInvoiceRecipient));
    assertThat(invoiced.statusCode()).as(invoiced.body()).isEqualTo(201);
    bInvoiceId = field(invoiced.body(), "id");

    // A contract between B and the freelancer, signed by both, with a month of hours in draft.
    bContractTitle = "B's contract " + SUFFIX;
    HttpResponse<String> contract =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/contracts",
            bToken,
            """
            {"freelancerId":"%s","kind":"MAIN","terms":{"title":"%s","clientName":"B client",
             "freelancerName":"Demo","contractType":"QUASI_MANDATE","monthlyRateYen":500000,
             "minHours":140,"maxHours":180,"paymentDays":30,"startDate":"2026-12-01",
             "endDate":"2027-02-28"}}
            """
                .formatted(freelancerId, bContractTitle));
    assertThat(contract.statusCode()).as(contract.body()).isEqualTo(201);
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(contract.body()))) {
      bContractId = reader.readObject().getJsonObject("contract").getString("id");
    }
    HttpResponse<String> sentContract =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/contracts/" + bContractId + "/send",
            bToken,
            "{\"expectedVersion\":1}");
    assertThat(sentContract.statusCode()).as(sentContract.body()).isEqualTo(200);
    String sha;
    try (var reader =
        jakarta.json.Json.createReader(new java.io.StringReader(sentContract.body()))) {
      sha = reader.readObject().getJsonObject("contract").getString("documentSha256");
    }
    String signature = "{\"documentSha256\":\"" + sha + "\"}";
    assertThat(
            platform
                .send(
                    "POST",
                    "/api/v1/me/contracts/" + bContractId + "/sign",
                    freelancerToken,
                    signature)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            platform
                .send(
                    "POST",
                    "/t/" + b.slug() + "/api/v1/contracts/" + bContractId + "/sign",
                    bToken,
                    signature)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> hours =
        platform.send(
            "PUT",
            "/api/v1/me/contracts/" + bContractId + "/time-reports/2026-12",
            freelancerToken,
            "{\"hours\":100,\"expectedVersion\":0}");
    assertThat(hours.statusCode()).as(hours.body()).isEqualTo(200);
    // A card payment under way for B's invoice, and a bank credit only suggested for it.
    HttpResponse<String> card =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/invoices/" + bInvoiceId + "/payments",
            bToken,
            null);
    assertThat(card.statusCode()).as(card.body()).isEqualTo(201);
    bPaymentReference = platform.stripe.lastFor(bInvoiceId).paymentIntentId();
    bPayerName = "B payer " + SUFFIX;
    HttpResponse<String> statement =
        platform.upload(
            "/t/" + b.slug() + "/api/v1/bank-statements",
            bToken,
            "text/csv",
            ("date,payer,amount,memo\n2026-11-30," + bPayerName + ",1100,transfer\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(statement.statusCode()).as(statement.body()).isEqualTo(201);
    try (var reader = Json.createReader(new StringReader(statement.body()))) {
      JsonObject entry = reader.readObject().getJsonArray("entries").getJsonObject(0);
      assertThat(entry.getString("outcome")).isEqualTo("SUGGESTED");
      bMatchId = entry.getString("id");
    }
    // B's API key, webhook and a delivery in its log; and a key of A's that reaches every area.
    HttpResponse<String> key =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/api-keys",
            bToken,
            "{\"name\":\"B key\",\"scopes\":[\"applications:read\"]}");
    assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
    bKeyId = RunningPlatform.json(key.body()).getJsonObject("key").getString("id");
    bKeySecret = field(key.body(), "secret");
    HttpResponse<String> aKey =
        platform.send(
            "POST",
            "/t/" + a.slug() + "/api/v1/api-keys",
            a.token(),
            "{\"name\":\"A key\",\"scopes\":[\"jobs:read\",\"jobs:write\","
                + "\"applications:read\",\"applications:write\",\"candidates:read\","
                + "\"scouts:read\",\"scouts:write\",\"contracts:read\",\"invoices:read\"]}");
    assertThat(aKey.statusCode()).as(aKey.body()).isEqualTo(201);
    aKeySecret = field(aKey.body(), "secret");
    HttpResponse<String> webhook =
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/webhooks",
            bToken,
            "{\"url\":\"http://localhost:"
                + java.net.URI.create(calendarStub.serve("/b-hook", "")).getPort()
                + "/b-hook\",\"eventTypes\":[\"application.moved\"]}");
    assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(201);
    bWebhookId = RunningPlatform.json(webhook.body()).getJsonObject("webhook").getString("id");
    HttpResponse<String> tested =
        platform.send(
            "POST", "/t/" + b.slug() + "/api/v1/webhooks/" + bWebhookId + "/test", bToken, null);
    assertThat(tested.statusCode()).as(tested.body()).isEqualTo(202);
    bDeliveryId = field(tested.body(), "id");
  }

  @AfterAll
  static void stopCalendarStub() {
    if (calendarStub != null) {
      calendarStub.close();
    }
  }

  private static Tenant provision(String slug, String name) {
    var tenant =
        platform.provisionTenant(
            slug,
            """
            {"displayName":"%s","primaryColor":"#123456","accentColor":"#abcdef",
             "hostNames":["%s.example.jp"]}
            """
                .formatted(name, slug));
    return new Tenant(tenant.id(), slug, tenant.adminEmail(), tenant.password());
  }

  private static String consoleToken() {
    return platform.consoleToken();
  }

  @Test
  void everyOperationRefusesTenantAFromTenantB() throws IOException {
    List<Operation> operations = operations();
    assertThat(operations)
        .extracting(Operation::path)
        .contains("/api/v1/workspaces", "/api/v1/platform/tenants");
    String aToken = a.token();
    List<String> failures = new ArrayList<>();

    for (Operation operation : operations) {
      String bPath = fill(operation.path(), failures);
      if (bPath == null) {
        continue;
      }
      String body = validBody(operation);
      boolean callerScoped = CALLER_SCOPED.contains(operation.path());
      boolean isPublic = PUBLIC.contains(operation.path());
      if (platformAdminOnly(operation)) {
        // Through B's portal, and straight at the console's address.
        for (String path : List.of("/t/" + b.slug() + bPath, bPath)) {
          HttpResponse<String> refused = platform.send(operation.method(), path, aToken, body);
          check(operation, "a tenant admin at " + path, refused, failures);
          if (refused.statusCode() != 403) {
            failures.add(
                operation
                    + " at "
                    + path
                    + ": expected 403 for a tenant admin, got "
                    + refused.statusCode());
          }
        }
        continue;
      }

      // B's portal, by path and by host name.
      for (Call call :
          List.of(
              new Call("/t/" + b.slug() + bPath, null),
              new Call(bPath, b.slug() + ".proxima.localhost"),
              new Call(bPath, b.slug() + ".example.jp"))) {
        HttpResponse<String> response =
            platform.send(operation.method(), call.path(), aToken, body, call.host());
        check(operation, call.toString(), response, failures);
        if (!callerScoped && !isPublic && response.statusCode() != 404) {
          failures.add(operation + " via " + call + ": expected 404, got " + response.statusCode());
        } else if (!callerScoped && !isPublic && !fromTenancy(response)) {
          failures.add(
              operation + " via " + call + ": a 404 not from the tenant check: " + response.body());
        }
      }
      // B's ids inside A's own tenant.
      HttpResponse<String> own =
          platform.send(operation.method(), "/t/" + a.slug() + bPath, aToken, body);
      check(operation, "A's tenant with B's ids", own, failures);
      if (operation.path().contains("{workspaceId}") && own.statusCode() != 404) {
        failures.add(operation + " in A with B's workspace: expected 404, got " + own.statusCode());
      }
      if (!callerScoped && !isPublic && operation.path().contains("Id}")) {
        // B's object through A's own tenant: the valid body gets past validation, so only the
        // tenant check stands between A and B's object.
        if (own.statusCode() < 300) {
          failures.add(operation + " in A with B's ids: " + own.statusCode() + " " + own.body());
        } else if (own.statusCode() == 400 || own.statusCode() == 422) {
          failures.add(
              operation
                  + " in A with B's ids: refused by validation ("
                  + own.body()
                  + "), which would hide a missing tenant check");
        }
      }
    }

    assertThat(failures).isEmpty();
    assertTenantBUnchanged();
  }

  /**
   * Every operation a key may reach, called with tenant A's key that has every scope: at B's
   * addresses the key is unknown (401), and B's ids inside A's own tenant find nothing. B's own key
   * opens nothing in A.
   */
  @Test
  void anApiKeyOfTenantANeverReachesTenantB() {
    List<String> failures = new ArrayList<>();
    int keyOperations = 0;
    for (OpenApiOperations.Operation operation : OpenApiOperations.all(platform)) {
      JsonObject described =
          OpenApiOperations.document(platform)
              .getJsonObject("paths")
              .getJsonObject(operation.path())
              .getJsonObject(operation.method().toLowerCase(java.util.Locale.ROOT));
      if (!described.toString().contains("\"apiKey\"")) {
        continue;
      }
      keyOperations++;
      Operation op = new Operation(operation.method(), operation.path(), operation.hasBody());
      String bPath = fill(operation.path(), failures);
      if (bPath == null) {
        continue;
      }
      String body = validBody(op);
      for (Call call :
          List.of(
              new Call("/t/" + b.slug() + bPath, null),
              new Call(bPath, b.slug() + ".proxima.localhost"))) {
        HttpResponse<String> response = withKey(op.method(), call, aKeySecret, body);
        check(op, "A's key at " + call, response, failures);
        if (response.statusCode() != 401) {
          failures.add(
              op + " with A's key via " + call + ": expected 401, got " + response.statusCode());
        }
      }
      HttpResponse<String> own =
          withKey(op.method(), new Call("/t/" + a.slug() + bPath, null), aKeySecret, body);
      check(op, "A's key in A with B's ids", own, failures);
      if (operation.path().contains("Id}") && own.statusCode() < 300) {
        failures.add(
            op + " with A's key in A with B's ids: " + own.statusCode() + " " + own.body());
      }
    }
    assertThat(keyOperations).as("operations open to API keys").isGreaterThan(10);
    HttpResponse<String> bKeyInA =
        withKey("GET", new Call("/t/" + a.slug() + "/api/v1/applications", null), bKeySecret, null);
    assertThat(bKeyInA.statusCode()).as(bKeyInA.body()).isEqualTo(401);
    HttpResponse<String> bKeyAtHome =
        withKey("GET", new Call("/t/" + b.slug() + "/api/v1/applications", null), bKeySecret, null);
    assertThat(bKeyAtHome.statusCode()).as(bKeyAtHome.body()).isEqualTo(200);
    assertThat(failures).isEmpty();
  }

  private static HttpResponse<String> withKey(String method, Call call, String key, String body) {
    java.net.http.HttpRequest.Builder request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(platform.baseUrl() + call.path()))
            .timeout(java.time.Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("X-Api-Key", key);
    if (call.host() != null) {
      request.header("Host", call.host());
    }
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
    }
    try {
      return KEY_HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + call + " failed", e);
    }
  }

  private static final java.net.http.HttpClient KEY_HTTP =
      java.net.http.HttpClient.newBuilder()
          .version(java.net.http.HttpClient.Version.HTTP_1_1)
          .build();

  @Test
  void aFreelancerIsOnlyOnTheBoardsOfTenantsTheyShareWithAndLeavesAtOnceOnRevoke() {
    String aToken = a.token();
    String bToken = b.token();
    assertThat(platform.send("GET", "/t/" + a.slug() + "/api/v1/board", aToken, null).body())
        .doesNotContain(freelancerId);
    assertThat(platform.send("GET", "/t/" + b.slug() + "/api/v1/board", bToken, null).body())
        .contains(freelancerId);
    try {
      HttpResponse<String> revoked =
          platform.send("DELETE", "/api/v1/me/consents/" + b.slug(), freelancerToken, null);
      assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

      assertThat(platform.send("GET", "/t/" + b.slug() + "/api/v1/board", bToken, null).body())
          .doesNotContain(freelancerId);
      HttpResponse<String> message =
          platform.send(
              "POST",
              "/t/" + b.slug() + "/api/v1/conversations/" + freelancerId + "/messages",
              bToken,
              "{\"clientMessageId\":\"after-revoke\",\"body\":\"still there?\"}");
      assertThat(message.statusCode()).as(message.body()).isEqualTo(404);
      HttpResponse<String> profile =
          platform.send(
              "GET",
              "/t/" + b.slug() + "/api/v1/freelancers/" + freelancerId + "/profile",
              bToken,
              null);
      assertThat(profile.statusCode()).as("profile after revoke: " + profile.body()).isEqualTo(404);
      // The freelancer cannot write into a tenant they stopped sharing with either.
      HttpResponse<String> reply =
          platform.send(
              "POST",
              "/api/v1/me/conversations/" + b.slug() + "/messages",
              freelancerToken,
              "{\"clientMessageId\":\"after-revoke\",\"body\":\"hello?\"}");
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(404);
    } finally {
      assertThat(
              platform
                  .send("PUT", "/api/v1/me/consents/" + b.slug(), freelancerToken, null)
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void eachTenantReachesItsOwnWorkspace() {
    HttpResponse<String> aTenant =
        platform.send("GET", "/t/" + a.slug() + "/api/v1/tenant", a.token(), null);
    HttpResponse<String> bTenant =
        platform.send("GET", "/api/v1/tenant", b.token(), null, b.slug() + ".proxima.localhost");

    assertThat(aTenant.statusCode()).as(aTenant.body()).isEqualTo(200);
    assertThat(aTenant.body()).contains("Agency A " + SUFFIX).contains("agency-admin");
    assertThat(bTenant.statusCode()).as(bTenant.body()).isEqualTo(200);
    assertThat(bTenant.body()).contains("Agency B " + SUFFIX);
  }

  @Test
  void aTenantTokenIsNotAcceptedByAnotherTenantEvenWithAMembershipElsewhere() {
    // The freelancer shares with B only: A does not exist for them.
    assertThat(
            platform
                .send("GET", "/t/" + a.slug() + "/api/v1/tenant", freelancerToken, null)
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> inB =
        platform.send("GET", "/t/" + b.slug() + "/api/v1/tenant", freelancerToken, null);
    assertThat(inB.statusCode()).as(inB.body()).isEqualTo(200);
    assertThat(inB.body()).contains("\"youShareYourProfile\":true");
    // Sharing is not staff access.
    assertThat(
            platform
                .send("GET", "/t/" + b.slug() + "/api/v1/members", freelancerToken, null)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void suspendedTenantSaysSoToItsPeopleOnlyAndKeepsItsData() {
    String console = consoleToken();
    String bToken = b.token();
    assertThat(
            platform
                .send("POST", "/api/v1/platform/tenants/" + b.id() + "/suspend", console, null)
                .statusCode())
        .isEqualTo(200);
    try {
      for (String insider : List.of(bToken, freelancerToken)) {
        HttpResponse<String> response =
            platform.send("GET", "/t/" + b.slug() + "/api/v1/tenant", insider, null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("urn:proxima:problem:tenant-suspended");
      }
      assertThat(
              platform
                  .send("GET", "/t/" + b.slug() + "/api/v1/tenant", a.token(), null)
                  .statusCode())
          .isEqualTo(404);
      // Nobody signs in through a suspended tenant's client.
      org.assertj.core.api.Assertions.assertThatThrownBy(b::token)
          .isInstanceOf(IllegalStateException.class);
    } finally {
      assertThat(
              platform
                  .send("POST", "/api/v1/platform/tenants/" + b.id() + "/resume", console, null)
                  .statusCode())
          .isEqualTo(200);
    }
    assertThat(
            platform.send("GET", "/t/" + b.slug() + "/api/v1/workspaces", b.token(), null).body())
        .contains(bWorkspaceName);
    HttpResponse<String> audit =
        platform.send("GET", "/api/v1/platform/audit?tenantId=" + b.id(), console, null);
    assertThat(audit.body())
        .contains("tenant.suspended")
        .contains("tenant.resumed")
        .contains("tenant.created");
  }

  @Test
  void everyWebSocketEndpointRefusesTenantAFromTenantB() throws Exception {
    // Found in the WAR as built, so a new endpoint is covered the moment it exists.
    Set<String> paths = new java.util.TreeSet<>();
    List<String> failures = new ArrayList<>();
    {
      classFiles()
          .forEach(
              (name, bytes) -> {
                if (bytes.contains("Ljakarta/websocket/server/ServerEndpoint;")) {
                  Matcher path = WEB_SOCKET_PATH.matcher(bytes);
                  if (path.find()) {
                    paths.add(path.group());
                  } else {
                    failures.add(
                        name + ": a WebSocket endpoint outside /ws/ that this suite misses");
                  }
                }
              });
    }
    assertThat(failures).isEmpty();
    assertThat(paths).contains("/ws/board", "/ws/chat");
    String aToken = a.token();
    for (String path : paths) {
      LiveClient intoB =
          LiveClient.open(platform.baseUrl(), path + "?tenant=" + b.slug(), aToken, null);
      assertThat(intoB.closeCode()).as(path + " into B with A's token").isEqualTo(1008);
      assertThat(intoB.frames).as(path + " into B: not one frame").isEmpty();
      LiveClient anonymous =
          LiveClient.open(platform.baseUrl(), path + "?tenant=" + b.slug(), null, null);
      assertThat(anonymous.closeCode()).as(path + " without a token").isEqualTo(1008);

      // A's own socket opens, and stays silent while B's freelancer and B's staff are busy.
      try (LiveClient own =
          LiveClient.open(platform.baseUrl(), path + "?tenant=" + a.slug(), aToken, null)) {
        assertThat(own.next()).doesNotContain(freelancerId);
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            freelancerToken,
            """
            {"status":"AVAILABLE","daysPerWeek":3,"hoursPerDay":8,"workStyle":"HYBRID","note":"%s"}
            """
                .formatted(freelancerNote));
        platform.send(
            "POST",
            "/t/" + b.slug() + "/api/v1/conversations/" + freelancerId + "/messages",
            b.token(),
            "{\"clientMessageId\":\"ws-" + UUID.randomUUID() + "\",\"body\":\"" + bMessage + "\"}");
        String leaked = own.poll(1_000);
        assertThat(leaked).as(path + " in A while B is busy").isNull();
      }
    }
  }

  @Test
  void everyResourceClassIsRegisteredSoOpenApiEnumeratesIt() throws IOException {
    // The application lists its classes explicitly (see PlatformProviders); a @Path class left
    // out would be neither served nor enumerated above, so the list itself is checked here. The
    // console's resources come from its jar inside the WAR and must be in the same list.
    {
      String warName = WAR;
      Map<String, String> classes = classFiles();
      String application =
          classes.entrySet().stream()
              .filter(e -> e.getValue().contains("Ljakarta/ws/rs/ApplicationPath;"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElseThrow();
      List<String> resources =
          classes.entrySet().stream()
              .filter(e -> e.getValue().contains("Ljakarta/ws/rs/Path;"))
              .map(e -> e.getKey().replace(".class", ""))
              .filter(name -> !name.contains("$"))
              .toList();
      assertThat(resources).as(warName).isNotEmpty().allMatch(application::contains);
      assertThat(resources).as("the console's resources").contains(CONSOLE_RESOURCE);
    }
  }

  /** The one WAR a node runs: the portal, with the tenant console's jar inside. */
  private static final String WAR = "proxima-web.war";

  private static final String CONSOLE_JAR = "WEB-INF/lib/proxima-admin";
  private static final String CONSOLE_RESOURCE = "io/proxima/tenancy/console/TenantsResource";

  /**
   * Class files of the platform's own code (the WAR's classes and the console jar's), by class name
   * ({@code io/proxima/…}), as ISO-8859-1 text so constant-pool names can be searched.
   */
  private static Map<String, String> classFiles() throws IOException {
    Map<String, String> classes = new java.util.TreeMap<>();
    try (ZipFile war = new ZipFile(RunningPlatform.MICRO.resolve(WAR).toFile())) {
      for (var entry : java.util.Collections.list(war.entries())) {
        if (entry.getName().startsWith("WEB-INF/classes/") && entry.getName().endsWith(".class")) {
          classes.put(
              entry.getName().substring("WEB-INF/classes/".length()),
              new String(
                  war.getInputStream(entry).readAllBytes(),
                  java.nio.charset.StandardCharsets.ISO_8859_1));
        }
      }
      var console =
          java.util.Collections.list(war.entries()).stream()
              .filter(e -> e.getName().startsWith(CONSOLE_JAR) && e.getName().endsWith(".jar"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no " + CONSOLE_JAR + "*.jar in " + WAR));
      try (var jar = new java.util.zip.ZipInputStream(war.getInputStream(console))) {
        for (var entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
          if (entry.getName().endsWith(".class")) {
            classes.put(
                entry.getName(),
                new String(jar.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
          }
        }
      }
    }
    return classes;
  }

  private static void assertTenantBUnchanged() {
    String bToken = b.token();
    HttpResponse<String> shared =
        platform.send(
            "GET",
            "/t/" + b.slug() + "/api/v1/freelancers/" + freelancerId + "/profile",
            bToken,
            null);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
    assertThat(shared.body()).contains(profileSecret);
    HttpResponse<String> sheet =
        platform.send("GET", "/api/v1/me/skill-sheets/" + sheetId, freelancerToken, null);
    assertThat(sheet.statusCode()).as(sheet.body()).isEqualTo(200);
    assertThat(field(sheet.body(), "status")).isEqualTo("PENDING");
    HttpResponse<String> original =
        platform.send("GET", "/api/v1/me/skill-sheets/" + sheetId + "/text", freelancerToken, null);
    assertThat(original.statusCode()).as("the upload and its file are not deleted").isEqualTo(200);
    assertThat(original.body()).contains(profileSecret);
    HttpResponse<String> job =
        platform.send("GET", "/t/" + b.slug() + "/api/v1/jobs/" + bJobId, bToken, null);
    assertThat(job.statusCode()).as(job.body()).isEqualTo(200);
    assertThat(field(job.body(), "status")).isEqualTo("DRAFT");
    assertThat(RunningPlatform.number(job.body(), "version")).isEqualTo(1);
    HttpResponse<String> scouts =
        platform.send("GET", "/t/" + b.slug() + "/api/v1/scouts", bToken, null);
    assertThat(scouts.body()).contains(bScoutMessage).contains("\"status\":\"SENT\"");
    assertThat(
            RunningPlatform.number(
                platform
                    .send("GET", "/t/" + b.slug() + "/api/v1/scouts/allowance", bToken, null)
                    .body(),
                "used"))
        .as("no probe spent B's allowance")
        .isEqualTo(1);
    HttpResponse<String> application =
        platform.send(
            "GET", "/t/" + b.slug() + "/api/v1/applications/" + bApplicationId, bToken, null);
    assertThat(application.statusCode()).as(application.body()).isEqualTo(200);
    assertThat(application.body())
        .contains("\"stage\":\"APPLIED\"")
        .contains("\"status\":\"PROPOSED\"")
        .contains(bApplicationNote);
    HttpResponse<String> invoices =
        platform.send("GET", "/t/" + b.slug() + "/api/v1/invoices", bToken, null);
    assertThat(invoices.body())
        .as("no probe issued or credited anything in B")
        .contains(bInvoiceRecipient)
        .doesNotContain("CREDIT_NOTE")
        .contains("INV-000001")
        .doesNotContain("INV-000002");
    HttpResponse<String> contract =
        platform.send("GET", "/t/" + b.slug() + "/api/v1/contracts/" + bContractId, bToken, null);
    assertThat(contract.statusCode()).as(contract.body()).isEqualTo(200);
    assertThat(contract.body())
        .as("no probe moved B's contract or the freelancer's hours")
        .contains(bContractTitle)
        .contains("\"status\":\"ACTIVE\"")
        .contains("\"version\":4")
        .contains("\"hours\":100")
        .contains("\"status\":\"DRAFT\"");
    HttpResponse<String> payments =
        platform.send(
            "GET", "/t/" + b.slug() + "/api/v1/invoices/" + bInvoiceId + "/payments", bToken, null);
    assertThat(payments.statusCode()).as(payments.body()).isEqualTo(200);
    assertThat(payments.body())
        .as("no probe paid, confirmed or started anything in B")
        .contains("\"standing\":\"UNPAID\"")
        .contains(bPaymentReference)
        .doesNotContain("BANK_TRANSFER");
    assertThat(payments.body().split("\"method\"")).hasSize(2);
    assertThat(
            platform.send("GET", "/t/" + b.slug() + "/api/v1/job-templates", bToken, null).body())
        .contains(bTemplateName)
        .doesNotContain("probe");
    HttpResponse<String> workspaces =
        platform.send("GET", "/t/" + b.slug() + "/api/v1/workspaces", bToken, null);
    assertThat(workspaces.body()).contains(bWorkspaceName).doesNotContain("probe");
    HttpResponse<String> members =
        platform.send("GET", "/t/" + b.slug() + "/api/v1/members", bToken, null);
    assertThat(members.body()).contains(bRecruiterEmail).contains(b.adminEmail());
    assertThat(members.body().split("\"email\"")).hasSize(3);
    HttpResponse<String> freelancers =
        platform.send("GET", "/t/" + b.slug() + "/api/v1/freelancers", bToken, null);
    assertThat(freelancers.body()).contains("demo@proxima.local");
    HttpResponse<String> board =
        platform.send("GET", "/t/" + b.slug() + "/api/v1/board", bToken, null);
    assertThat(board.body()).contains(freelancerNote);
    HttpResponse<String> history =
        platform.send(
            "GET",
            "/t/" + b.slug() + "/api/v1/conversations/" + freelancerId + "/messages",
            bToken,
            null);
    assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
    // Only B's staff wrote here: B's own test traffic, never anything A sent.
    assertThat(history.body()).doesNotContain("\"senderSide\":\"FREELANCER\"");
    assertThat(history.body()).contains(bMessage).doesNotContain("probe");
    HttpResponse<String> calendars =
        platform.send("GET", "/api/v1/me/calendar/sources", freelancerToken, null);
    assertThat(calendars.body())
        .as("no probe removed the freelancer's calendar")
        .contains(freelancerSourceId);
  }

  private static void check(
      Operation operation, String how, HttpResponse<String> response, List<String> failures) {
    if (response.statusCode() >= 500) {
      failures.add(
          operation + " via " + how + ": " + response.statusCode() + " " + response.body());
    }
    // A problem's "instance" echoes the path the caller sent, B's id included; that is no leak.
    String body = response.body().replaceAll("\"instance\"\\s*:\\s*\"[^\"]*\"", "");
    for (String secret :
        List.of(
            bWorkspaceId,
            bWorkspaceName,
            bRecruiterEmail,
            b.adminEmail(),
            b.id(),
            bMessage,
            freelancerNote,
            profileSecret,
            bJobTitle,
            bTemplateName,
            bScoutMessage,
            bApplicationNote,
            bInvoiceRecipient,
            bContractTitle,
            bPaymentReference,
            bPayerName)) {
      if (body.contains(secret)) {
        failures.add(operation + " via " + how + " leaked " + secret + ": " + body);
      }
    }
  }

  /**
   * Whether a 404 is the tenancy check's ({@code TenancyFilter}: B's portal is not A's), or the
   * portal having no such route (console operations), not a domain lookup after validation.
   */
  private static boolean fromTenancy(HttpResponse<String> response) {
    String detail = RunningPlatform.json(response.body()).getString("detail", "");
    return detail.equals("There is no such workspace.") || detail.equals("Not Found");
  }

  /** Fills path parameters with tenant B's ids; unknown parameters are reported. */
  /** Tenant B's ids (and the freelancer's), by path-parameter name. */
  private static Map<String, String> foreignIds() {
    return Map.ofEntries(
        Map.entry("workspaceId", bWorkspaceId),
        Map.entry("tenantSlug", b.slug()),
        Map.entry("tenantId", b.id()),
        Map.entry("freelancerId", freelancerId),
        Map.entry("sheetId", sheetId),
        Map.entry("jobId", bJobId),
        Map.entry("templateId", bTemplateId),
        Map.entry("scoutId", bScoutId),
        Map.entry("notificationId", bNotificationId),
        Map.entry("applicationId", bApplicationId),
        Map.entry("proposalId", bProposalId),
        Map.entry("invoiceId", bInvoiceId),
        Map.entry("contractId", bContractId),
        Map.entry("month", "2026-12"),
        Map.entry("matchId", bMatchId),
        Map.entry("memberId", bMemberId),
        Map.entry("invitationId", bTalentInvitationId),
        Map.entry("sourceId", freelancerSourceId),
        Map.entry("token", revokedFeedToken),
        Map.entry("keyId", bKeyId),
        Map.entry("webhookId", bWebhookId),
        Map.entry("deliveryId", bDeliveryId),
        Map.entry("savedSearchId", freelancerSavedSearchId));
  }

  private static String fill(String template, List<String> failures) {
    Map<String, String> foreign = foreignIds();
    Matcher matcher = PATH_PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String value = foreign.get(matcher.group(1));
      if (value == null) {
        failures.add(
            template + ": the isolation suite has no foreign value for {" + matcher.group(1) + "}");
        return null;
      }
      matcher.appendReplacement(path, value);
    }
    matcher.appendTail(path);
    return path.toString();
  }

  record Operation(String method, String path, boolean hasBody) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  record Call(String path, String host) {
    @Override
    public String toString() {
      return host == null ? path : path + " (Host: " + host + ")";
    }
  }

  private static List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (OpenApiOperations.Operation operation : OpenApiOperations.all(platform)) {
      operations.add(new Operation(operation.method(), operation.path(), operation.hasBody()));
      described.put(operation.method() + " " + operation.path(), operation);
    }
    return operations;
  }

  /** The document's view of each operation, for the valid bodies. */
  private static final Map<String, OpenApiOperations.Operation> described =
      new java.util.HashMap<>();

  /**
   * A valid body for the operation, built from the document with tenant B's ids, so that a refusal
   * cannot be a validation error standing in for a missing tenant check.
   */
  private static String validBody(Operation operation) {
    OpenApiOperations.Operation op = described.get(operation.toString());
    if (op == null || !op.hasBody()) {
      return null;
    }
    if (!op.jsonBody()) {
      return "{}";
    }
    Map<String, String> ids = new java.util.HashMap<>(foreignIds());
    // A calendar address on loopback: no probe may send the platform to a host outside.
    ids.put(
        "url",
        calendarStub.serve(
            "/probe-" + SUFFIX + ".ics",
            CalendarStub.busy(
                "probe-" + SUFFIX,
                java.time.Instant.now().plus(java.time.Duration.ofDays(90)),
                java.time.Instant.now().plus(java.time.Duration.ofDays(90)).plusSeconds(60))));
    return new ValidRequests(null).on(platform).body(op, ids).toString();
  }

  private static String field(String json, String name) {
    return RunningPlatform.field(json, name);
  }
}
