package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The way from a contract to money, through the REST API on the running platform: a trial contract
 * drafted, its document fixed and signed by both sides on the exact bytes, a month of hours sent
 * back and corrected, approved, invoiced with the settlement adjustment, the qualified invoice as a
 * PDF, and the trial converted into a main contract. The documents are kept in target/samples for
 * the README.
 */
class ContractsIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final Path SAMPLES = Path.of("target", "samples");

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String staffToken;
  private static String freelancerToken;
  private static String freelancerId;
  private static String outsiderToken;

  @BeforeAll
  static void anAgencyAndAFreelancer() {
    platform = RunningPlatform.get();
    tenant = platform.provisionTenant("deal-" + SUFFIX, "{\"displayName\":\"契約 " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    assertOk(
        platform.send(
            "PUT",
            path("/invoice-issuer"),
            staffToken,
            "{\"name\":\"株式会社プロキシマ\",\"registrationNumber\":\"T1180301018771\"}"));
    String[] freelancer = freelancer("keiyaku", true);
    freelancerToken = freelancer[0];
    freelancerId = freelancer[1];
    outsiderToken = freelancer("outsider", false)[0];
  }

  private static String[] freelancer(String name, boolean shares) {
    String username = name + "-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", name, "pw-" + SUFFIX);
    String token = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    if (shares) {
      assertOk(platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), token, null));
    }
    HttpResponse<String> me = platform.send("GET", "/api/v1/me", token, null);
    assertOk(me);
    return new String[] {token, field(me.body(), "subject")};
  }

  private static String terms(String start, String end, int renewalMonths) {
    return """
        {"title":"決済基盤 API 開発支援","description":"Go による決済 API の設計・実装・レビュー",
         "clientName":"株式会社サンプル商事","freelancerName":"佐藤 花子",
         "contractType":"QUASI_MANDATE","monthlyRateYen":600000,"minHours":140,"maxHours":180,
         "settlementMethod":"UPPER_LOWER","unitRounding":10,"taxRate":"STANDARD",
         "paymentDays":30,"startDate":"%s","endDate":"%s","renewalMonths":%d}
        """
        .formatted(start, end, renewalMonths);
  }

  @Test
  void aTrialIsSignedOnTheExactDocumentReportedInvoicedAndConverted() throws IOException {
    // Terms the Freelance Act forbids, and a freelancer who does not share, are refused.
    assertProblem(
        platform.send(
            "POST",
            path("/contracts"),
            staffToken,
            "{\"freelancerId\":\"%s\",\"kind\":\"TRIAL\",\"terms\":%s}"
                .formatted(
                    freelancerId,
                    terms("2026-12-01", "2026-12-31", 0)
                        .replace("\"paymentDays\":30", "\"paymentDays\":90"))),
        400);
    assertProblem(
        platform.send(
            "POST",
            path("/contracts"),
            staffToken,
            "{\"freelancerId\":\"%s\",\"kind\":\"TRIAL\",\"terms\":%s}"
                .formatted(freelancerId, terms("2026-12-01", "2027-06-30", 0))),
        400);

    HttpResponse<String> drafted =
        platform.send(
            "POST",
            path("/contracts"),
            staffToken,
            "{\"freelancerId\":\"%s\",\"kind\":\"TRIAL\",\"terms\":%s}"
                .formatted(freelancerId, terms("2026-12-01", "2026-12-31", 0)));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    JsonObject contract = object(drafted.body()).getJsonObject("contract");
    String id = contract.getString("id");
    assertThat(contract.getString("status")).isEqualTo("DRAFT");
    assertThat(contract.getJsonObject("terms").getInt("excessUnitYen")).isEqualTo(3330);

    // Nobody signs a draft; the freelancer cannot send their own contract.
    assertProblem(
        platform.send(
            "POST",
            "/api/v1/me/contracts/" + id + "/sign",
            freelancerToken,
            "{\"documentSha256\":\"" + "0".repeat(64) + "\"}"),
        409);
    HttpResponse<String> sent =
        platform.send(
            "POST", path("/contracts/" + id + "/send"), staffToken, "{\"expectedVersion\":1}");
    assertOk(sent);
    String sha = object(sent.body()).getJsonObject("contract").getString("documentSha256");

    HttpResponse<byte[]> document =
        platform.download("/api/v1/me/contracts/" + id + "/document.pdf", freelancerToken);
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(sha256(document.body())).isEqualTo(sha);
    save("contract-trial.pdf", document.body());
    try (var pdf = Loader.loadPDF(document.body())) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("業務委託契約書", "株式会社サンプル商事", "佐藤 花子", "準委任", "3,330円", "30日以内");
    }
    assertThat(platform.download(path("/contracts/" + id + "/document.pdf"), staffToken).body())
        .isEqualTo(document.body());
    // The outsider is not a party; a signature on other bytes is refused.
    assertProblem(platform.send("GET", "/api/v1/me/contracts/" + id, outsiderToken, null), 404);
    assertProblem(
        platform.send(
            "POST",
            "/api/v1/me/contracts/" + id + "/sign",
            freelancerToken,
            "{\"documentSha256\":\"" + "a".repeat(64) + "\"}"),
        409);
    assertOk(
        platform.send(
            "POST",
            "/api/v1/me/contracts/" + id + "/sign",
            freelancerToken,
            "{\"documentSha256\":\"" + sha + "\"}"));
    HttpResponse<String> active =
        platform.send(
            "POST",
            path("/contracts/" + id + "/sign"),
            staffToken,
            "{\"documentSha256\":\"" + sha + "\"}");
    assertOk(active);
    JsonObject signed = object(active.body()).getJsonObject("contract");
    assertThat(signed.getString("status")).isEqualTo("ACTIVE");
    assertThat(signed.getJsonArray("signatures")).hasSize(2);

    // A month outside the contract takes no report; hours beyond the month are refused.
    String month = "/api/v1/me/contracts/" + id + "/time-reports/";
    assertProblem(
        platform.send(
            "PUT", month + "2027-01", freelancerToken, "{\"hours\":160,\"expectedVersion\":0}"),
        409);
    assertProblem(
        platform.send(
            "PUT", month + "2026-12", freelancerToken, "{\"hours\":800,\"expectedVersion\":0}"),
        400);
    assertProblem(
        platform.send(
            "PUT", month + "2026-13", freelancerToken, "{\"hours\":160,\"expectedVersion\":0}"),
        400);
    assertOk(
        platform.send(
            "PUT", month + "2026-12", freelancerToken, "{\"hours\":190,\"expectedVersion\":0}"));
    assertOk(
        platform.send(
            "POST", month + "2026-12/submit", freelancerToken, "{\"expectedVersion\":1}"));
    // The freelancer cannot approve their own hours.
    assertThat(
            platform
                .send(
                    "POST",
                    path("/contracts/" + id + "/time-reports/2026-12/approve"),
                    freelancerToken,
                    "{\"expectedVersion\":2}")
                .statusCode())
        .isIn(403, 404);
    HttpResponse<String> rejected =
        platform.send(
            "POST",
            path("/contracts/" + id + "/time-reports/2026-12/reject"),
            staffToken,
            "{\"reason\":\"12/24 は休業日です\",\"expectedVersion\":2}");
    assertOk(rejected);
    assertThat(field(rejected.body(), "status")).isEqualTo("REJECTED");
    assertOk(
        platform.send(
            "PUT", month + "2026-12", freelancerToken, "{\"hours\":185.5,\"expectedVersion\":3}"));
    assertOk(
        platform.send(
            "POST", month + "2026-12/submit", freelancerToken, "{\"expectedVersion\":4}"));
    assertOk(
        platform.send(
            "POST",
            path("/contracts/" + id + "/time-reports/2026-12/approve"),
            staffToken,
            "{\"expectedVersion\":5}"));

    HttpResponse<String> invoiced =
        platform.send(
            "POST",
            path("/contracts/" + id + "/time-reports/2026-12/invoice"),
            staffToken,
            "{\"issueDate\":\"2027-01-05\",\"expectedVersion\":6}");
    assertThat(invoiced.statusCode()).as(invoiced.body()).isEqualTo(201);
    JsonObject invoice = object(invoiced.body());
    // 600,000 + 5.5 h × 3,330 = 618,315; tax once on the sum: 61,831 (61,831.5 rounded down).
    assertThat(invoice.getJsonNumber("totalYen").longValue()).isEqualTo(680_146);
    assertThat(invoice.getString("recipientName")).isEqualTo("株式会社サンプル商事");
    // Payment 30 days after the end of the month the invoice arrives in.
    assertThat(invoice.getString("dueDate")).isEqualTo("2027-03-02");
    assertProblem(
        platform.send(
            "POST",
            path("/contracts/" + id + "/time-reports/2026-12/invoice"),
            staffToken,
            "{\"issueDate\":\"2027-01-05\",\"expectedVersion\":7}"),
        409);
    HttpResponse<String> dossier =
        platform.send("GET", "/api/v1/me/contracts/" + id, freelancerToken, null);
    assertOk(dossier);
    JsonObject report = object(dossier.body()).getJsonArray("timeReports").getJsonObject(0);
    assertThat(report.getString("status")).isEqualTo("INVOICED");
    assertThat(report.getString("invoiceId")).isEqualTo(invoice.getString("id"));

    HttpResponse<byte[]> invoicePdf =
        platform.download(
            path("/invoices/" + invoice.getString("id") + "/document.pdf"), staffToken);
    assertThat(invoicePdf.statusCode()).isEqualTo(200);
    save("invoice.pdf", invoicePdf.body());
    try (var pdf = Loader.loadPDF(invoicePdf.body())) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains(
              "適格請求書",
              "T1180301018771",
              "株式会社サンプル商事 御中",
              "618,315円",
              "61,831円",
              "680,146円",
              "お支払期限",
              "2027年3月2日");
    }

    // The trial becomes a main contract, drafted from it; the trial closes as converted.
    HttpResponse<String> converted =
        platform.send(
            "POST",
            path("/contracts/" + id + "/convert"),
            staffToken,
            "{\"terms\":%s,\"expectedVersion\":%d}"
                .formatted(terms("2027-01-01", "2027-03-31", 3), signed.getInt("version")));
    assertThat(converted.statusCode()).as(converted.body()).isEqualTo(201);
    JsonObject main = object(converted.body()).getJsonObject("contract");
    assertThat(main.getString("kind")).isEqualTo("MAIN");
    assertThat(main.getString("trialOf")).isEqualTo(id);
    HttpResponse<String> trial = platform.send("GET", path("/contracts/" + id), staffToken, null);
    assertThat(object(trial.body()).getJsonObject("contract").getString("status"))
        .isEqualTo("CONVERTED");
    assertThat(object(trial.body()).getJsonArray("history").toString())
        .contains(
            "\"to\":\"DRAFT\"",
            "\"to\":\"AWAITING_SIGNATURES\"",
            "\"to\":\"ACTIVE\"",
            "\"to\":\"CONVERTED\"");
    HttpResponse<byte[]> mainDraft =
        platform.download(path("/contracts/" + main.getString("id") + "/document.pdf"), staffToken);
    save("contract-main-draft.pdf", mainDraft.body());
  }

  @Test
  void theProviderCollectsBothSignaturesOnTheSentDocumentAndForgedCallbacksAreRefused()
      throws Exception {
    HttpResponse<String> drafted =
        platform.send(
            "POST",
            path("/contracts"),
            staffToken,
            "{\"freelancerId\":\"%s\",\"kind\":\"MAIN\",\"terms\":%s}"
                .formatted(freelancerId, terms("2027-01-01", "2027-03-31", 3)));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String id = object(drafted.body()).getJsonObject("contract").getString("id");
    String request =
        "{\"clientSignerName\":\"山田 太郎\",\"clientSignerEmail\":\"yamada@client.example\"}";
    // Only a fixed document goes out.
    assertProblem(
        platform.send("POST", path("/contracts/" + id + "/e-signature"), staffToken, request), 409);
    HttpResponse<String> sent =
        platform.send(
            "POST", path("/contracts/" + id + "/send"), staffToken, "{\"expectedVersion\":1}");
    assertOk(sent);
    String sha = object(sent.body()).getJsonObject("contract").getString("documentSha256");
    assertProblem(
        platform.send(
            "POST",
            path("/contracts/" + id + "/e-signature"),
            staffToken,
            request.replace("yamada@client.example", "not an address")),
        400);
    HttpResponse<String> requested =
        platform.send("POST", path("/contracts/" + id + "/e-signature"), staffToken, request);
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
    // The answer comes before the provider is called: pending (送信中), no envelope yet.
    JsonObject pending = object(requested.body());
    assertThat(pending.getString("status")).isEqualTo("PENDING");
    assertThat(pending.containsKey("envelopeId") && !pending.isNull("envelopeId")).isFalse();
    assertThat(pending.getString("documentSha256")).isEqualTo(sha);
    String envelopeId = awaitSent(id).getString("envelopeId");
    assertThat(sha256(RunningPlatform.esignStub.document(envelopeId))).isEqualTo(sha);
    assertThat(RunningPlatform.esignStub.envelopes.get(envelopeId).toString())
        .contains("yamada@client.example", "keiyaku-" + SUFFIX + "@example.jp");
    assertProblem(
        platform.send("POST", path("/contracts/" + id + "/e-signature"), staffToken, request), 409);

    // Forged, tampered and unsigned callbacks change nothing.
    String both = ESignStub.completed(envelopeId, "1", "2");
    assertProblem(callback(both, ESignStub.signature(both, "guessed-key")), 400);
    assertProblem(
        callback(
            both, ESignStub.signature(ESignStub.completed(envelopeId, "1"), ESignStub.HMAC_KEY)),
        400);
    assertProblem(callback(both, null), 400);
    String unknown = ESignStub.completed("no-such-envelope", "1");
    assertProblem(callback(unknown, ESignStub.signature(unknown, ESignStub.HMAC_KEY)), 404);
    assertThat(
            object(platform.send("GET", path("/contracts/" + id), staffToken, null).body())
                .getJsonObject("contract")
                .getString("status"))
        .isEqualTo("AWAITING_SIGNATURES");

    // The client signs first: the envelope is not completed, nothing is signed yet. Then the
    // freelancer; the signed document is fetched, checked and stored; a redelivery is harmless.
    String client = ESignStub.completed(envelopeId, "1");
    HttpResponse<String> first = callback(client, ESignStub.signature(client, ESignStub.HMAC_KEY));
    assertOk(first);
    assertThat(field(first.body(), "status")).isEqualTo("AWAITING_SIGNATURES");
    assertThat(contract(id).getJsonArray("signatures")).isEmpty();
    for (int delivery = 0; delivery < 2; delivery++) {
      HttpResponse<String> done = callback(both, ESignStub.signature(both, ESignStub.HMAC_KEY));
      assertOk(done);
      assertThat(field(done.body(), "status")).isEqualTo("ACTIVE");
    }
    JsonObject contract =
        object(platform.send("GET", "/api/v1/me/contracts/" + id, freelancerToken, null).body())
            .getJsonObject("contract");
    assertThat(contract.getJsonArray("signatures")).hasSize(2);
    assertThat(contract.getJsonArray("signatures").toString())
        .contains("\"method\":\"E_SIGNATURE\"", sha)
        .doesNotContain("CLICK");
    JsonObject completed = eSignature(id);
    assertThat(completed.getString("status")).isEqualTo("COMPLETED");
    assertThat(completed.getString("signedDocumentSha256"))
        .isEqualTo(sha256(RunningPlatform.esignStub.signedDocument(envelopeId)));
  }

  @Test
  void twoClicksSendOneEnvelope() throws Exception {
    String id = sentContract()[0];
    var clicks =
        java.util.stream.IntStream.range(0, 2)
            .mapToObj(
                click ->
                    java.util.concurrent.CompletableFuture.supplyAsync(
                        () ->
                            platform.send(
                                "POST",
                                path("/contracts/" + id + "/e-signature"),
                                staffToken,
                                SIGNER)))
            .toList();
    java.util.List<Integer> statuses =
        clicks.stream()
            .map(java.util.concurrent.CompletableFuture::join)
            .map(HttpResponse::statusCode)
            .sorted()
            .toList();
    assertThat(statuses).containsExactly(202, 409);
    String envelopeId = awaitSent(id).getString("envelopeId");
    assertThat(RunningPlatform.esignStub.envelopesFor(id)).isEqualTo(1);
    assertThat(RunningPlatform.esignStub.envelopeOf(id)).isEqualTo(envelopeId);
  }

  @Test
  void aProviderDownThenBackGetsTheEnvelopeExactlyOnce() throws Exception {
    String id = sentContract()[0];
    int postsBefore = RunningPlatform.esignStub.envelopePosts.get();
    // Down first; then busy after it already created the envelope (the answer lost on the way).
    RunningPlatform.esignStub.failNext(1, 503, false);
    RunningPlatform.esignStub.failNext(1, 429, true);
    HttpResponse<String> requested =
        platform.send("POST", path("/contracts/" + id + "/e-signature"), staffToken, SIGNER);
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
    JsonObject sent = awaitSent(id);
    assertThat(sent.getInt("attempts")).isGreaterThanOrEqualTo(3);
    assertThat(RunningPlatform.esignStub.envelopePosts.get() - postsBefore)
        .isGreaterThanOrEqualTo(3);
    // Three calls, one envelope: the retry after the lost answer got the same one back.
    assertThat(RunningPlatform.esignStub.envelopesFor(id)).isEqualTo(1);
    assertThat(RunningPlatform.esignStub.envelopeOf(id)).isEqualTo(sent.getString("envelopeId"));
  }

  @Test
  void tokensThatAreRevokedOrExpireMidFlowAreRenewed() throws Exception {
    ESignStub stub = RunningPlatform.esignStub;
    // A token the provider revoked before its time: the 401 gets a new one and the call again.
    String id = sentContract()[0];
    platform.send("POST", path("/contracts/" + id + "/e-signature"), staffToken, SIGNER);
    String envelopeId = awaitSent(id).getString("envelopeId");
    int issued = stub.tokensIssued.get();
    int refused = stub.unauthorized.get();
    stub.expireTokens();
    String both = ESignStub.completed(envelopeId, "1", "2");
    HttpResponse<String> done = callback(both, ESignStub.signature(both, ESignStub.HMAC_KEY));
    assertOk(done);
    assertThat(field(done.body(), "status")).isEqualTo("ACTIVE");
    assertThat(stub.unauthorized.get()).isGreaterThan(refused);
    assertThat(stub.tokensIssued.get()).isGreaterThan(issued);

    stub.tokenSeconds = 3;
    // The platform drops the hour-long token it holds (401) and gets one of three seconds.
    stub.expireTokens();
    try {
      String next = sentContract()[0];
      assertThat(
              platform
                  .send("POST", path("/contracts/" + next + "/e-signature"), staffToken, SIGNER)
                  .statusCode())
          .isEqualTo(202);
      String nextEnvelope = awaitSent(next).getString("envelopeId");
      int before = stub.tokensIssued.get();
      // The token the platform holds runs out before the provider's callback comes.
      Thread.sleep(3_500);
      String signed = ESignStub.completed(nextEnvelope, "1", "2");
      HttpResponse<String> active =
          callback(signed, ESignStub.signature(signed, ESignStub.HMAC_KEY));
      assertOk(active);
      assertThat(field(active.body(), "status")).isEqualTo("ACTIVE");
      assertThat(stub.tokensIssued.get()).isGreaterThan(before);
    } finally {
      stub.tokenSeconds = 3600;
    }
  }

  @Test
  void aTamperedSignedDocumentIsRefusedAndSignsNothing() throws Exception {
    String id = sentContract()[0];
    platform.send("POST", path("/contracts/" + id + "/e-signature"), staffToken, SIGNER);
    String envelopeId = awaitSent(id).getString("envelopeId");
    String both = ESignStub.completed(envelopeId, "1", "2");
    RunningPlatform.esignStub.tamper(envelopeId, true);
    try {
      assertProblem(callback(both, ESignStub.signature(both, ESignStub.HMAC_KEY)), 409);
      assertThat(contract(id).getString("status")).isEqualTo("AWAITING_SIGNATURES");
      assertThat(contract(id).getJsonArray("signatures")).isEmpty();
      assertThat(eSignature(id).getString("status")).isEqualTo("SENT");
      assertThat(
              eSignature(id).containsKey("signedDocumentSha256")
                  && !eSignature(id).isNull("signedDocumentSha256"))
          .isFalse();
    } finally {
      RunningPlatform.esignStub.tamper(envelopeId, false);
    }
    // The provider delivers again, and now the document is the one it reports.
    HttpResponse<String> again = callback(both, ESignStub.signature(both, ESignStub.HMAC_KEY));
    assertOk(again);
    assertThat(field(again.body(), "status")).isEqualTo("ACTIVE");
  }

  @Test
  void aSignedDateThatIsNoDateIsRefusedNotReplacedByNow() throws Exception {
    String id = sentContract()[0];
    platform.send("POST", path("/contracts/" + id + "/e-signature"), staffToken, SIGNER);
    String envelopeId = awaitSent(id).getString("envelopeId");
    for (String date : java.util.List.of("yesterday", "2026-12-01 10:00", "2026-12-01T01:00:00")) {
      String body = ESignStub.completedAt(envelopeId, date, "1", "2");
      assertProblem(callback(body, ESignStub.signature(body, ESignStub.HMAC_KEY)), 400);
    }
    assertThat(contract(id).getJsonArray("signatures")).isEmpty();
    assertThat(eSignature(id).getString("status")).isEqualTo("SENT");
    String tokyo = ESignStub.completedAt(envelopeId, "2026-12-01T10:00:00+09:00", "1", "2");
    assertOk(callback(tokyo, ESignStub.signature(tokyo, ESignStub.HMAC_KEY)));
    assertThat(contract(id).getJsonArray("signatures").toString()).contains("2026-12-01T01:00:00Z");
  }

  private static final String SIGNER =
      "{\"clientSignerName\":\"山田 太郎\",\"clientSignerEmail\":\"yamada@client.example\"}";

  @Test
  void aContractAboutToEndRemindsItsAdministratorsAndTheFreelancerOnceByMail() throws Exception {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    String title = "終了間近の案件 " + SUFFIX;
    HttpResponse<String> drafted =
        platform.send(
            "POST",
            path("/contracts"),
            staffToken,
            "{\"freelancerId\":\"%s\",\"kind\":\"TRIAL\",\"terms\":%s}"
                .formatted(
                    freelancerId,
                    terms(today.toString(), today.plusDays(20).toString(), 0)
                        .replace("決済基盤 API 開発支援", title)));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String id = object(drafted.body()).getJsonObject("contract").getString("id");
    HttpResponse<String> sent =
        platform.send(
            "POST", path("/contracts/" + id + "/send"), staffToken, "{\"expectedVersion\":1}");
    assertOk(sent);
    String signature =
        "{\"documentSha256\":\""
            + object(sent.body()).getJsonObject("contract").getString("documentSha256")
            + "\"}";
    assertOk(
        platform.send("POST", "/api/v1/me/contracts/" + id + "/sign", freelancerToken, signature));
    assertOk(platform.send("POST", path("/contracts/" + id + "/sign"), staffToken, signature));

    var staffMail =
        platform.stack.mail().await(tenant.adminEmail(), title, java.time.Duration.ofSeconds(60));
    assertThat(staffMail.subject()).contains("契約の終了日が近づいています").contains("契約 " + SUFFIX);
    assertThat(staffMail.text())
        .contains("あと20日")
        .contains("/t/" + tenant.slug() + "/contracts/" + id)
        .contains("in 20 days");
    String freelancerEmail = "keiyaku-" + SUFFIX + "@example.jp";
    var freelancerMail =
        platform.stack.mail().await(freelancerEmail, title, java.time.Duration.ofSeconds(30));
    assertThat(freelancerMail.text()).contains("/contracts/" + id).contains("担当者にご連絡ください");

    // Runs keep coming every few seconds; the reminder does not.
    Thread.sleep(6_000);
    assertThat(platform.stack.mail().messagesTo(tenant.adminEmail()))
        .filteredOn(mail -> mail.subject().contains(title))
        .hasSize(1);
  }

  /** A main contract with its document fixed: its id and the document's SHA-256. */
  private static String[] sentContract() {
    HttpResponse<String> drafted =
        platform.send(
            "POST",
            path("/contracts"),
            staffToken,
            "{\"freelancerId\":\"%s\",\"kind\":\"MAIN\",\"terms\":%s}"
                .formatted(freelancerId, terms("2027-01-01", "2027-03-31", 3)));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String id = object(drafted.body()).getJsonObject("contract").getString("id");
    HttpResponse<String> sent =
        platform.send(
            "POST", path("/contracts/" + id + "/send"), staffToken, "{\"expectedVersion\":1}");
    assertOk(sent);
    return new String[] {
      id, object(sent.body()).getJsonObject("contract").getString("documentSha256")
    };
  }

  private static JsonObject contract(String id) {
    return object(platform.send("GET", path("/contracts/" + id), staffToken, null).body())
        .getJsonObject("contract");
  }

  private static JsonObject eSignature(String id) {
    HttpResponse<String> state =
        platform.send("GET", path("/contracts/" + id + "/e-signature"), staffToken, null);
    assertOk(state);
    return object(state.body());
  }

  /** Waits for the outbox to deliver the contract's envelope; the state once it is SENT. */
  private static JsonObject awaitSent(String id) throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
    JsonObject state = eSignature(id);
    while (!"SENT".equals(state.getString("status")) && System.nanoTime() < deadline) {
      assertThat(state.getString("status")).as(state.toString()).isEqualTo("PENDING");
      Thread.sleep(250);
      state = eSignature(id);
    }
    assertThat(state.getString("status")).as(state.toString()).isEqualTo("SENT");
    return state;
  }

  private static HttpResponse<String> callback(String body, String signature) throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(platform.baseUrl() + "/api/v1/webhooks/e-signature"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-DocuSign-Signature-1", signature);
    }
    return java.net.http.HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void badInputIsAProblemNotAFailure() {
    assertProblem(
        platform.send("POST", path("/contracts"), staffToken, "{\"kind\":\"MAIN\"}"), 400);
    assertProblem(platform.send("POST", path("/contracts"), staffToken, "{"), 400);
    assertProblem(
        platform.send(
            "POST",
            path("/contracts"),
            staffToken,
            "{\"freelancerId\":\"%s\",\"kind\":\"MAIN\",\"terms\":%s}"
                .formatted(
                    freelancerId,
                    terms("2026-12-01", "2026-12-31", 0).replace("QUASI_MANDATE", "DISPATCH"))),
        400);
    assertProblem(
        platform.send("GET", path("/contracts/" + UUID.randomUUID()), staffToken, null), 404);
    assertProblem(platform.send("GET", path("/contracts/not-a-uuid"), staffToken, null), 400);
  }

  private static String path(String path) {
    return "/t/" + tenant.slug() + "/api/v1" + path;
  }

  private static void save(String name, byte[] document) throws IOException {
    Files.createDirectories(SAMPLES);
    Files.write(SAMPLES.resolve(name), document);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertOk(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private static JsonObject object(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
