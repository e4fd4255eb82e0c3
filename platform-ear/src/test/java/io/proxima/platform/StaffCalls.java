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
