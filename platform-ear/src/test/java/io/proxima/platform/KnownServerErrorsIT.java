package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server errors an outside probe found with hostile strings and numbers, replayed exactly. Each
 * was a 500 or a 503 "try again" (which never succeeds); each must be a 400 problem naming the
 * member at fault. {@code HostileInputIT} generates the general case over every operation; these
 * stay as the named regressions. (The forged Stripe webhook without Stripe configured is covered by
 * {@code StripeWebhookVerifierTest}: this platform has Stripe configured.)
 */
class KnownServerErrorsIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static String slug;
  private static String staffToken;
  private static String freelancerToken;
  private static String freelancerId;

  @BeforeAll
  static void tenantAndFreelancer() {
    platform = RunningPlatform.get();
    slug = "known-" + SUFFIX;
    RunningPlatform.ProvisionedTenant tenant =
        platform.provisionTenant(
            slug, "{\"displayName\":\"Known errors\",\"primaryColor\":\"#123456\"}");
    staffToken = platform.token("tenant-" + slug, tenant.adminEmail(), tenant.password());
    freelancerToken = platform.token("proxima-portal", "demo", "demo");
    HttpResponse<String> shared =
        platform.send("PUT", "/api/v1/me/consents/" + slug, freelancerToken, null);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
    freelancerId =
        RunningPlatform.field(
            platform.send("GET", "/api/v1/me", freelancerToken, null).body(), "subject");
  }

  @Test
  void aNulInAJobTitleIsRefusedNamingTheTitle() {
    HttpResponse<String> response =
        platform.send(
            "POST",
            "/t/" + slug + "/api/v1/jobs",
            staffToken,
            """
            {"title":"a\\u0000b","description":"d","daysMin":3,"daysMax":5,"workStyle":"REMOTE",
             "contractType":"QUASI_MANDATE","requiredSkills":[{"skill":"Java"}]}
            """);
    assertNamedProblem(response, "title");
  }

  @Test
  void invoiceAmountsBeyondALongAreRefusedNamingTheMember() {
    HttpResponse<String> issuer =
        platform.send(
            "PUT",
            "/t/" + slug + "/api/v1/invoice-issuer",
            staffToken,
            "{\"name\":\"Known\",\"registrationNumber\":\"T7000012050002\"}");
    assertThat(issuer.statusCode()).as(issuer.body()).isEqualTo(200);
    String invoice =
        "{\"recipientName\":\"R\",\"issueDate\":\"2026-11-30\",\"lines\":[{\"description\":\"work\","
            + "\"quantity\":%s,\"unitPriceYen\":%s,\"taxRate\":\"STANDARD\"}]}";
    String invoices = "/t/" + slug + "/api/v1/invoices";
    assertNamedProblem(
        platform.send("POST", invoices, staffToken, invoice.formatted("2", "9223372036854775807")),
        "unitPriceYen");
    assertNamedProblem(
        platform.send("POST", invoices, staffToken, invoice.formatted("1e30", "1000")), "quantity");
    assertNamedProblem(
        platform.send(
            "POST", invoices, staffToken, invoice.formatted("\"999999999\"", "999999999")),
        "quantity");
  }

  @Test
  void hugeOrTinyHoursInContractTermsAreRefusedNamingTheMember() {
    String terms =
        """
        {"freelancerId":"%s","kind":"MAIN","terms":{"title":"t","clientName":"c",
         "freelancerName":"f","contractType":"QUASI_MANDATE","monthlyRateYen":%s,
         "minHours":%s,"maxHours":%s,"paymentDays":30,"startDate":"2026-12-01",
         "endDate":"2027-02-28"}}
        """;
    String contracts = "/t/" + slug + "/api/v1/contracts";
    assertNamedProblem(
        platform.send(
            "POST", contracts, staffToken, terms.formatted(freelancerId, 500000, 140, "1e30")),
        "maxHours");
    assertNamedProblem(
        platform.send(
            "POST",
            contracts,
            staffToken,
            terms.formatted(freelancerId, "9223372036854775807", "0.0001", 180)),
        "monthlyRateYen");
  }

  @Test
  void aNulInAChatMessageOverRestIsRefusedNotRetried() {
    HttpResponse<String> response =
        platform.send(
            "POST",
            "/t/" + slug + "/api/v1/conversations/" + freelancerId + "/messages",
            staffToken,
            "{\"clientMessageId\":\"nul-" + SUFFIX + "\",\"body\":\"a\\u0000b\"}");
    assertNamedProblem(response, "body");
  }

  @Test
  void aNulInAnAvailabilityNoteIsRefusedNotRetried() {
    HttpResponse<String> response =
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            freelancerToken,
            """
            {"status":"AVAILABLE","daysPerWeek":3,"hoursPerDay":8,"workStyle":"HYBRID",
             "note":"a\\u0000b"}
            """);
    assertNamedProblem(response, "note");
  }

  static void assertNamedProblem(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(RunningPlatform.json(response.body()).getString("field", null))
        .as(response.body())
        .isNotNull()
        .matches("(.*[.\\]])?" + java.util.regex.Pattern.quote(field));
  }
}
