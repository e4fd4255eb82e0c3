package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payments of issued invoices on the running platform, with Stripe played by a loopback stub: a
 * card payment started (and found again on retry), Stripe's signed webhook applied once however
 * often it is delivered, forged webhooks refused, and a Shift_JIS bank statement that pays one
 * invoice by its number and suggests another by its amount.
 */
class PaymentsIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String staffToken;

  @BeforeAll
  static void anAgencyThatInvoices() {
    platform = RunningPlatform.get();
    tenant = platform.provisionTenant("pay-" + SUFFIX, "{\"displayName\":\"入金 " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    HttpResponse<String> issuer =
        platform.send(
            "PUT",
            path("/invoice-issuer"),
            staffToken,
            "{\"name\":\"株式会社プロキシマ\",\"registrationNumber\":\"T1180301018771\"}");
    assertThat(issuer.statusCode()).as(issuer.body()).isEqualTo(200);
  }

  private static String path(String path) {
    return "/t/" + tenant.slug() + "/api/v1" + path;
  }

  private static JsonObject object(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** An invoice of one standard-rate line: the total is the price plus 10 %. */
  private static JsonObject invoice(String recipient, long unitPrice) {
    HttpResponse<String> issued =
        platform.send(
            "POST",
            path("/invoices"),
            staffToken,
            """
            {"recipientName":"%s","issueDate":"2026-11-30",
             "lines":[{"description":"開発支援","quantity":"1","unitPriceYen":%d,"taxRate":"STANDARD"}]}
            """
                .formatted(recipient, unitPrice));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    return object(issued.body());
  }

  private static JsonObject paymentsOf(String invoiceId) {
    HttpResponse<String> payments =
        platform.send("GET", path("/invoices/" + invoiceId + "/payments"), staffToken, null);
    assertThat(payments.statusCode()).as(payments.body()).isEqualTo(200);
    return object(payments.body());
  }

  private static HttpResponse<String> webhook(String payload, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/v1/webhooks/stripe"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("webhook delivery failed", e);
    }
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aCardPaymentIsStartedOnceAndStripesSignedEventPaysTheInvoiceOnce() {
    JsonObject invoice = invoice("株式会社カード", 100_000);
    String id = invoice.getString("id");

    HttpResponse<String> started =
        platform.send("POST", path("/invoices/" + id + "/payments"), staffToken, null);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonObject card = object(started.body());
    assertThat(card.getJsonNumber("amountYen").longValue()).isEqualTo(110_000);
    assertThat(card.getString("currency")).isEqualTo("jpy");
    assertThat(card.getString("status")).isEqualTo("PENDING");
    assertThat(card.getString("providerStatus")).isEqualTo("requires_payment_method");
    StripeStub.Created intent = platform.stripe.lastFor(id);
    assertThat(card.getString("clientSecret")).isEqualTo(intent.paymentIntentId() + "_secret_it");
    assertThat(intent.authorization()).isEqualTo("Bearer " + StripeStub.API_KEY);
    assertThat(intent.idempotencyKey()).isNotBlank();
    assertThat(intent.form())
        .containsEntry("amount", "110000")
        .containsEntry("currency", "jpy")
        .containsEntry("metadata[tenant_id]", tenant.id())
        .containsEntry("metadata[invoice_id]", id)
        .containsEntry("metadata[invoice_number]", invoice.getString("number"));

    HttpResponse<String> retried =
        platform.send("POST", path("/invoices/" + id + "/payments"), staffToken, null);
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
    assertThat(object(retried.body()).getString("paymentId"))
        .as("the retry found the first payment")
        .isEqualTo(card.getString("paymentId"));
    assertThat(platform.stripe.lastFor(id).idempotencyKey()).isEqualTo(intent.idempotencyKey());
    assertThat(paymentsOf(id).getString("standing")).isEqualTo("UNPAID");

    String event =
        StripeStub.event("evt_" + SUFFIX + "_ok", "payment_intent.succeeded", intent, 110_000);
    String signature = StripeStub.signature(StripeStub.WEBHOOK_SECRET, event);
    HttpResponse<String> first = webhook(event, signature);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(object(first.body()).getString("outcome")).isEqualTo("APPLIED");
    HttpResponse<String> again = webhook(event, signature);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(object(again.body()).getString("outcome")).isEqualTo("DUPLICATE");

    JsonObject paid = paymentsOf(id);
    assertThat(paid.getString("standing")).isEqualTo("PAID");
    assertThat(paid.getJsonNumber("receivedYen").longValue()).isEqualTo(110_000);
    assertThat(paid.getJsonNumber("outstandingYen").longValue()).isZero();
    assertThat(paid.getJsonArray("payments")).hasSize(1);
    assertThat(paid.getJsonArray("payments").getJsonObject(0).getString("status"))
        .isEqualTo("SUCCEEDED");

    assertProblem(
        platform.send("POST", path("/invoices/" + id + "/payments"), staffToken, null), 409);
  }

  @Test
  void forgedAndBrokenWebhooksAreRefusedAndChangeNothing() {
    JsonObject invoice = invoice("株式会社偽造", 20_000);
    String id = invoice.getString("id");
    assertThat(
            platform
                .send("POST", path("/invoices/" + id + "/payments"), staffToken, null)
                .statusCode())
        .isEqualTo(201);
    StripeStub.Created intent = platform.stripe.lastFor(id);
    String event =
        StripeStub.event("evt_" + SUFFIX + "_forged", "payment_intent.succeeded", intent, 22_000);

    assertProblem(webhook(event, StripeStub.signature("whsec_attacker", event)), 400);
    assertProblem(
        webhook(
            event.replace("\"amount_received\":22000", "\"amount_received\":1"),
            StripeStub.signature(StripeStub.WEBHOOK_SECRET, event)),
        400);
    assertProblem(webhook(event, null), 400);
    assertProblem(webhook(event, "t=1,v1=00"), 400);
    assertProblem(webhook("{", StripeStub.signature(StripeStub.WEBHOOK_SECRET, "{")), 400);

    JsonObject unpaid = paymentsOf(id);
    assertThat(unpaid.getString("standing")).isEqualTo("UNPAID");
    assertThat(unpaid.getJsonArray("payments").getJsonObject(0).getString("status"))
        .isEqualTo("PENDING");
    // The refused event id was not used up: the genuine delivery still applies.
    HttpResponse<String> genuine =
        webhook(event, StripeStub.signature(StripeStub.WEBHOOK_SECRET, event));
    assertThat(object(genuine.body()).getString("outcome")).isEqualTo("APPLIED");
  }

  @Test
  void aShiftJisStatementPaysByNumberSuggestsByAmountAndIsNeverCountedTwice() {
    JsonObject byNumber = invoice("株式会社振込", 50_000); // 55,000
    JsonObject byAmount = invoice("株式会社金額", 30_011); // 33,012, an amount nobody else owes
    JsonObject partly = invoice("株式会社一部", 10_000); // 11,000
    String statement =
        """
        日付,振込依頼人,金額,摘要
        2026/11/30,ｶ)ﾌﾘｺﾐ,"55,000",%s
        2026/11/30,ｶ)ｷﾝｶﾞｸ,33012,ﾌﾘｺﾐ
        2026/12/01,ｶ)ｲﾁﾌﾞ,5000,%s
        2026/12/01,ﾀﾞﾚｶ,777,ﾅｿﾞ
        """
            .formatted(
                byNumber.getString("number").replace("INV-0000", "inv "),
                partly.getString("number"));
    byte[] shiftJis = statement.getBytes(Charset.forName("windows-31j"));

    HttpResponse<String> imported =
        platform.upload(path("/bank-statements"), staffToken, "text/csv", shiftJis);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    JsonObject report = object(imported.body());
    assertThat(report.getString("charset")).isEqualTo("windows-31j");
    var entries = report.getJsonArray("entries");
    assertThat(entries.getJsonObject(0).getString("outcome")).isEqualTo("MATCHED");
    assertThat(entries.getJsonObject(0).getString("payerName")).isEqualTo("カ)フリコミ");
    assertThat(entries.getJsonObject(1).getString("outcome")).isEqualTo("SUGGESTED");
    assertThat(entries.getJsonObject(1).getString("invoiceNumber"))
        .isEqualTo(byAmount.getString("number"));
    assertThat(entries.getJsonObject(2).getString("outcome")).isEqualTo("PARTIAL");
    assertThat(entries.getJsonObject(3).getString("outcome")).isEqualTo("UNMATCHED");

    assertThat(paymentsOf(byNumber.getString("id")).getString("standing")).isEqualTo("PAID");
    JsonObject partial = paymentsOf(partly.getString("id"));
    assertThat(partial.getString("standing")).isEqualTo("PARTIALLY_PAID");
    assertThat(partial.getJsonNumber("outstandingYen").longValue()).isEqualTo(6_000);
    assertThat(paymentsOf(byAmount.getString("id")).getString("standing"))
        .as("a suggestion pays nothing until confirmed")
        .isEqualTo("UNPAID");

    String suggestion = entries.getJsonObject(1).getString("id");
    HttpResponse<String> confirmed =
        platform.send(
            "POST", path("/bank-statements/matches/" + suggestion + "/confirm"), staffToken, null);
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    assertThat(object(confirmed.body()).getBoolean("confirmed")).isTrue();
    assertThat(paymentsOf(byAmount.getString("id")).getString("standing")).isEqualTo("PAID");
    assertProblem(
        platform.send(
            "POST", path("/bank-statements/matches/" + suggestion + "/confirm"), staffToken, null),
        409);
    assertProblem(
        platform.send(
            "POST",
            path(
                "/bank-statements/matches/"
                    + entries.getJsonObject(3).getString("id")
                    + "/confirm"),
            staffToken,
            null),
        409);

    HttpResponse<String> again =
        platform.upload(path("/bank-statements"), staffToken, "text/csv", shiftJis);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    var second = object(again.body()).getJsonArray("entries");
    assertThat(second.getJsonObject(0).getString("outcome")).isEqualTo("ALREADY_IMPORTED");
    assertThat(second.getJsonObject(1).getString("outcome")).isEqualTo("ALREADY_IMPORTED");
    assertThat(second.getJsonObject(2).getString("outcome")).isEqualTo("ALREADY_IMPORTED");
    assertThat(paymentsOf(byNumber.getString("id")).getJsonNumber("receivedYen").longValue())
        .isEqualTo(55_000);
  }

  @Test
  void aBadStatementIsRejectedWholeWithEveryBadLine() {
    JsonObject invoice = invoice("株式会社不正", 8_000);
    String csv =
        """
        date,payer,amount,memo
        2026-11-30,ｶ)ﾌｾｲ,8800,%s
        2026-11-31,ｶ)ﾌｾｲ,100,bad date
        2026-11-30,ｶ)ﾌｾｲ,abc,bad amount
        """
            .formatted(invoice.getString("number"));

    HttpResponse<String> rejected =
        platform.upload(
            path("/bank-statements"), staffToken, "text/csv", csv.getBytes(StandardCharsets.UTF_8));

    assertProblem(rejected, 400);
    JsonObject problem = object(rejected.body());
    assertThat(problem.getJsonArray("violations")).hasSize(2);
    assertThat(problem.getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("line 3");
    assertThat(problem.getJsonArray("violations").getJsonObject(1).getString("field"))
        .isEqualTo("line 4");
    assertThat(paymentsOf(invoice.getString("id")).getString("standing"))
        .as("not even the good line was imported")
        .isEqualTo("UNPAID");
    assertProblem(
        platform.upload(path("/bank-statements"), staffToken, "application/pdf", new byte[] {1}),
        415);
  }

  @Test
  void creditNotesAndCancelledInvoicesAreNotPaid() {
    String id = invoice("株式会社取消", 3_000).getString("id");
    HttpResponse<String> credit =
        platform.send("POST", path("/invoices/" + id + "/credit-note"), staffToken, "{}");
    assertThat(credit.statusCode()).as(credit.body()).isEqualTo(201);

    assertProblem(
        platform.send("POST", path("/invoices/" + id + "/payments"), staffToken, null), 409);
    assertProblem(
        platform.send(
            "POST",
            path("/invoices/" + object(credit.body()).getString("id") + "/payments"),
            staffToken,
            null),
        409);
    assertProblem(
        platform.send(
            "POST", path("/invoices/" + UUID.randomUUID() + "/payments"), staffToken, null),
        404);
  }
}
