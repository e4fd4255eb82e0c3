package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Qualified invoices through the REST API on the running platform: the registration number checked,
 * a month with a settlement adjustment, tax per rate, a credit note as the only correction, and
 * invoice numbers without gaps when many are issued at once and some fail.
 */
class InvoicingIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String staffToken;

  @BeforeAll
  static void anAgency() {
    platform = RunningPlatform.get();
    tenant = platform.provisionTenant("bill-" + SUFFIX, "{\"displayName\":\"請求 " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    HttpResponse<String> before =
        platform.send("POST", path("/invoices"), staffToken, invoice("株式会社A", "100000"));
    assertProblem(before, 409);
    assertProblem(
        platform.send(
            "PUT",
            path("/invoice-issuer"),
            staffToken,
            "{\"name\":\"株式会社プロキシマ\",\"registrationNumber\":\"T2180301018771\"}"),
        400);
    HttpResponse<String> issuer =
        platform.send(
            "PUT",
            path("/invoice-issuer"),
            staffToken,
            "{\"name\":\"株式会社プロキシマ\",\"registrationNumber\":\"Ｔ１１８０３０１０１８７７１\"}");
    assertThat(issuer.statusCode()).as(issuer.body()).isEqualTo(200);
    assertThat(field(issuer.body(), "registrationNumber")).isEqualTo("T1180301018771");
  }

  private static String path(String path) {
    return "/t/" + tenant.slug() + "/api/v1" + path;
  }

  private static String invoice(String recipient, String unitPrice) {
    return """
        {"recipientName":"%s","issueDate":"2026-11-30",
         "lines":[{"description":"保守作業","quantity":"1","unit":"式","unitPriceYen":%s,"taxRate":"STANDARD"}]}
        """
        .formatted(recipient, unitPrice);
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

  private static JsonObject issued(String body) {
    HttpResponse<String> issued = platform.send("POST", path("/invoices"), staffToken, body);
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    return object(issued.body());
  }

  @Test
  void aMonthOverTheSettlementRangeIsInvoicedWithTaxPerRate() {
    JsonObject invoice =
        issued(
            """
            {"recipientName":"株式会社サンプル","issueDate":"2026-11-30",
             "periodFrom":"2026-11-01","periodTo":"2026-11-30",
             "month":{"work":"システム開発支援 2026年11月分","monthlyRateYen":800000,
                      "minHours":140,"maxHours":180,"method":"UPPER_LOWER","unitRounding":10,
                      "hoursWorked":192.5}}
            """);
    assertThat(invoice.getString("registrationNumber")).isEqualTo("T1180301018771");
    assertThat(invoice.getJsonArray("lines")).hasSize(2);
    assertThat(
            invoice.getJsonArray("lines").getJsonObject(1).getJsonNumber("amountYen").longValue())
        .isEqualTo(55_500);
    JsonObject standard = invoice.getJsonArray("taxByRate").getJsonObject(0);
    assertThat(standard.getJsonNumber("taxableYen").longValue()).isEqualTo(855_500);
    assertThat(standard.getJsonNumber("taxYen").longValue()).isEqualTo(85_550);
    assertThat(invoice.getJsonNumber("totalYen").longValue()).isEqualTo(941_050);

    JsonObject mixed =
        issued(
            """
            {"recipientName":"株式会社サンプル","issueDate":"2026-11-30","lines":[
              {"description":"作業A","quantity":"1","unitPriceYen":105,"taxRate":"STANDARD"},
              {"description":"作業B","quantity":"1","unitPriceYen":105,"taxRate":"STANDARD"},
              {"description":"茶菓","quantity":"2.5","unitPriceYen":1000,"taxRate":"REDUCED"}]}
            """);
    assertThat(mixed.getJsonArray("taxByRate").toString())
        .contains("\"taxYen\":21,\"taxableYen\":210")
        .contains("\"taxYen\":200,\"taxableYen\":2500");
    assertThat(mixed.getJsonNumber("taxYen").longValue()).isEqualTo(221);
  }

  @Test
  void aCorrectionIsACreditNoteAndOnlyOne() {
    JsonObject original = issued(invoice("株式会社訂正", "300000"));
    String id = original.getString("id");
    HttpResponse<String> credit =
        platform.send(
            "POST",
            path("/invoices/" + id + "/credit-note"),
            staffToken,
            "{\"issueDate\":\"2026-12-02\"}");
    assertThat(credit.statusCode()).as(credit.body()).isEqualTo(201);
    JsonObject note = object(credit.body());
    assertThat(note.getString("kind")).isEqualTo("CREDIT_NOTE");
    assertThat(note.getString("corrects")).isEqualTo(original.getString("number"));
    assertThat(note.getJsonNumber("totalYen").longValue())
        .isEqualTo(-original.getJsonNumber("totalYen").longValue());
    assertProblem(
        platform.send("POST", path("/invoices/" + id + "/credit-note"), staffToken, "{}"), 409);
    assertProblem(
        platform.send(
            "POST", path("/invoices/" + note.getString("id") + "/credit-note"), staffToken, "{}"),
        409);
    assertThat(
            object(platform.send("GET", path("/invoices/" + id), staffToken, null).body())
                .getJsonNumber("totalYen")
                .longValue())
        .as("the original is unchanged")
        .isEqualTo(original.getJsonNumber("totalYen").longValue());
  }

  @Test
  void badInvoicesAreProblemsAndTakeNoNumber() {
    long before = highestNumber();
    assertProblem(platform.send("POST", path("/invoices"), staffToken, invoice(" ", "1000")), 400);
    assertProblem(
        platform.send(
            "POST",
            path("/invoices"),
            staffToken,
            """
            {"recipientName":"X","issueDate":"2026-11-30",
             "lines":[{"description":"x","quantity":"0.125","unitPriceYen":1,"taxRate":"STANDARD"}]}
            """),
        400);
    assertProblem(
        platform.send(
            "POST",
            path("/invoices"),
            staffToken,
            """
            {"recipientName":"X","issueDate":"2026-11-30",
             "lines":[{"description":"x","quantity":"1","unitPriceYen":1,"taxRate":"TWELVE"}]}
            """),
        400);
    assertProblem(
        platform.send(
            "POST",
            path("/invoices"),
            staffToken,
            "{\"recipientName\":\"X\",\"issueDate\":\"2026-11-30\"}"),
        400);
    assertProblem(
        platform.send("GET", path("/invoices/" + UUID.randomUUID()), staffToken, null), 404);
    assertThat(highestNumber()).as("no number was spent").isEqualTo(before);
  }

  @Test
  void numbersHaveNoGapsWhenManyAreIssuedAtOnceAndSomeFail() throws Exception {
    // An invoice already credited: crediting it again takes a number, fails, and must give it back.
    String credited = issued(invoice("株式会社二重", "5000")).getString("id");
    assertThat(
            platform
                .send("POST", path("/invoices/" + credited + "/credit-note"), staffToken, "{}")
                .statusCode())
        .isEqualTo(201);
    int attempts = 24;
    ExecutorService pool = Executors.newFixedThreadPool(attempts + 3);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> sends = new ArrayList<>();
    try {
      for (int i = 0; i < attempts; i++) {
        // Every sixth one is invalid and must fail without taking a number.
        String body = invoice(i % 6 == 5 ? "" : "同時 " + i, String.valueOf(10_000 + i));
        sends.add(
            pool.submit(
                () -> {
                  start.await();
                  return platform.send("POST", path("/invoices"), staffToken, body);
                }));
      }
      List<Future<HttpResponse<String>>> doomed = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        doomed.add(
            pool.submit(
                () -> {
                  start.await();
                  return platform.send(
                      "POST", path("/invoices/" + credited + "/credit-note"), staffToken, "{}");
                }));
      }
      start.countDown();
      int created = 0;
      for (Future<HttpResponse<String>> send : sends) {
        int status = send.get().statusCode();
        assertThat(status).as(send.get().body()).isIn(201, 400);
        created += status == 201 ? 1 : 0;
      }
      assertThat(created).isEqualTo(attempts - attempts / 6);
      for (Future<HttpResponse<String>> send : doomed) {
        assertProblem(send.get(), 409);
      }
    } finally {
      pool.shutdownNow();
    }
    JsonArray all =
        Json.createReader(
                new StringReader(
                    platform.send("GET", path("/invoices?limit=200"), staffToken, null).body()))
            .readArray();
    List<Long> numbers = new ArrayList<>();
    all.forEach(
        invoice ->
            numbers.add(Long.parseLong(invoice.asJsonObject().getString("number").substring(4))));
    numbers.sort(null);
    assertThat(numbers)
        .as("1..n, each once")
        .containsExactlyElementsOf(LongStream.rangeClosed(1, numbers.size()).boxed().toList());
  }

  private static long highestNumber() {
    JsonArray newest =
        Json.createReader(
                new StringReader(
                    platform.send("GET", path("/invoices?limit=1"), staffToken, null).body()))
            .readArray();
    return newest.isEmpty()
        ? 0
        : Long.parseLong(newest.getJsonObject(0).getString("number").substring(4));
  }
}
