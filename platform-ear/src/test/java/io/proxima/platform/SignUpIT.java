package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.local.LocalMail;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A freelancer who has never heard of the platform signs up on its own login page: Keycloak's
 * registration form in the Proxima theme, the terms box, the verification mail through the real
 * SMTP server the stack runs, the link in it, the first API call. And someone who signs in through
 * an external OpenID Connect provider (the local {@link OidcStub}, standing in for Google),
 * brokered by Keycloak. Either way they are freelancers and nothing else.
 */
class SignUpIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;

  @BeforeAll
  static void platformWithSignUpOpen() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant(
            "signup-" + SUFFIX, "{\"displayName\":\"サインアップ商事 " + SUFFIX + "\"}");
    // The node configures the realm in the background after it starts.
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      String page = new LoginBrowser(platform, "proxima-portal").openLogin("ja").body();
      if (page.contains("login-actions/registration") && page.contains("broker/oidc-stub/")) {
        return;
      }
      assertThat(System.nanoTime()).as("sign-up opened within 2 minutes").isLessThan(deadline);
      sleep(2_000);
    }
  }

  @Test
  void aNewFreelancerSignsUpVerifiesTheAddressByMailAndIsAFreelancerOnly() {
    String email = "shinki-" + SUFFIX + "@example.jp";
    LoginBrowser browser = new LoginBrowser(platform, "proxima-portal");
    HttpResponse<String> login = browser.openLogin("ja");
    assertThat(login.body()).contains("新規登録").contains("はじめてご利用の方は");

    HttpResponse<String> form = browser.get(browser.link(login, "login-actions/registration"));
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(form.body())
        .contains("data-page-id=\"login-register\"")
        .contains("新規登録（フリーランスの方）")
        .contains("id=\"proxima-brand-name\">Proxima<")
        .contains("利用規約（2026-12-01 版）とプライバシーポリシー（2026-12-01 版）に同意します")
        .contains("name=\"termsAccepted\"");

    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", "shinki-" + SUFFIX);
    fields.put("email", email);
    fields.put("firstName", "花子");
    fields.put("lastName", "新規");
    // With e-mail verification on, Keycloak asks for the password only once the address is
    // verified: nobody can set one for an address they do not own.

    // Without the terms box ticked, nothing is registered.
    HttpResponse<String> refused =
        browser.post(browser.formAction(form, "kc-register-form"), LoginBrowser.form(fields));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
    assertThat(refused.body()).contains("登録には利用規約とプライバシーポリシーへの同意が必要です。");
    assertThat(platform.stack.mail().messagesTo(email)).isEmpty();

    fields.put("termsAccepted", "on");
    Instant before = Instant.now().minusSeconds(5);
    HttpResponse<String> verify =
        browser.follow(
            browser.post(
                browser.formAction(refused, "kc-register-form"), LoginBrowser.form(fields)));
    assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
    assertThat(verify.body()).contains("data-page-id=\"login-login-verify-email\"").contains(email);

    LocalMail.Received mail = platform.stack.mail().await(email, "", Duration.ofSeconds(30));
    String link =
        mail.link(platform.stack.keycloak().issuer() + "/login-actions/action-token")
            .orElseThrow(() -> new AssertionError("no verification link in " + mail.text()));
    HttpResponse<String> choosePassword = browser.follow(browser.get(link));
    assertThat(choosePassword.statusCode()).as(choosePassword.body()).isEqualTo(200);
    assertThat(choosePassword.body()).contains("data-page-id=\"login-login-update-password\"");
    String password = "Sakura-2026-" + SUFFIX;
    String token =
        browser.exchange(
            browser.follow(
                browser.post(
                    browser.formAction(choosePassword, "kc-passwd-update-form"),
                    LoginBrowser.form(
                        Map.of("password-new", password, "password-confirm", password)))));

    String claims = LoginBrowser.claims(token);
    assertThat(claims)
        .contains("\"email_verified\":true")
        .contains("\"proxima-user\"")
        .doesNotContain("platform-admin");

    HttpResponse<String> me = platform.send("GET", "/api/v1/me", token, null);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(RunningPlatform.field(me.body(), "email")).isEqualTo(email);
    assertThat(platform.token("proxima-portal", "shinki-" + SUFFIX, password)).isNotBlank();

    // Proxima keeps its own record of what was accepted, and when: the time of Keycloak's record of
    // the registration, which its form refuses without the terms box.
    HttpResponse<String> onboarding = platform.send("GET", "/api/v1/me/onboarding", token, null);
    assertThat(onboarding.statusCode()).as(onboarding.body()).isEqualTo(200);
    JsonObject guide = RunningPlatform.json(onboarding.body());
    assertThat(guide.getBoolean("offered")).isTrue();
    assertThat(guide.getBoolean("show")).isTrue();
    assertThat(guide.getString("step")).isEqualTo("PROFILE");
    assertThat(guide.getBoolean("termsAccepted")).isTrue();
    assertThat(guide.getString("termsAcceptedVia")).isEqualTo("SIGN_UP_FORM");
    assertThat(guide.getString("termsVersion")).isEqualTo("2026-12-01");
    assertThat(Instant.parse(guide.getString("termsAcceptedAt"))).isAfter(before);

    // No staff operation of any tenant, no console.
    for (String path :
        new String[] {
          "/t/" + tenant.slug() + "/api/v1/members",
          "/t/" + tenant.slug() + "/api/v1/freelancers",
          "/t/" + tenant.slug() + "/api/v1/talent-invitations",
          "/t/" + tenant.slug() + "/api/v1/jobs"
        }) {
      HttpResponse<String> staff = platform.send("GET", path, token, null);
      assertThat(staff.statusCode()).as(path + ": " + staff.body()).isIn(403, 404);
    }
    HttpResponse<String> invite =
        platform.send(
            "POST",
            "/t/" + tenant.slug() + "/api/v1/talent-invitations",
            token,
            "{\"email\":\"someone-" + SUFFIX + "@example.jp\"}");
    assertThat(invite.statusCode()).as(invite.body()).isIn(403, 404);
    HttpResponse<String> console = platform.send("GET", "/api/v1/platform/tenants", token, null);
    assertThat(console.statusCode()).as(console.body()).isEqualTo(403);
  }

  @Test
  void theGuideIsShownOnceResumesAndCannotSkipTheTerms() {
    String token = brokeredSignIn("resume-" + SUFFIX);
    JsonObject guide = json(platform.send("GET", "/api/v1/me/onboarding", token, null), 200);
    assertThat(guide.getString("step")).isEqualTo("TERMS");
    assertThat(guide.getBoolean("termsAccepted")).isFalse();

    // Neither moving on nor skipping gets past the terms.
    json(step(token, "AVAILABILITY"), 409);
    json(finish(token, "SKIPPED"), 409);
    // Only the versions in force can be accepted.
    json(
        platform.send(
            "PUT",
            "/api/v1/me/onboarding/terms",
            token,
            "{\"termsVersion\":\"2020-01-01\",\"privacyVersion\":\"2026-12-01\"}"),
        409);
    JsonObject accepted =
        json(
            platform.send(
                "PUT",
                "/api/v1/me/onboarding/terms",
                token,
                "{\"termsVersion\":\"2026-12-01\",\"privacyVersion\":\"2026-12-01\"}"),
            200);
    assertThat(accepted.getString("termsAcceptedVia")).isEqualTo("PORTAL");
    assertThat(accepted.getString("step")).isEqualTo("PROFILE");

    json(step(token, "AVAILABILITY"), 200);
    // Resumed where it was left, on any device.
    assertThat(
            json(platform.send("GET", "/api/v1/me/onboarding", token, null), 200).getString("step"))
        .isEqualTo("AVAILABILITY");
    JsonObject skipped = json(finish(token, "SKIPPED"), 200);
    assertThat(skipped.getBoolean("show")).isFalse();
    assertThat(skipped.getString("outcome")).isEqualTo("SKIPPED");
    // Shown once: finished stays finished.
    json(step(token, "SHARING"), 200);
    JsonObject after = json(platform.send("GET", "/api/v1/me/onboarding", token, null), 200);
    assertThat(after.getBoolean("show")).isFalse();
    assertThat(after.getString("step")).isEqualTo("DONE");
  }

  @Test
  void anAccountThatDidNotSignUpItselfIsNotOfferedTheGuide() {
    String username = "made-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "Made", "pw-" + SUFFIX);
    String token = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    JsonObject guide = json(platform.send("GET", "/api/v1/me/onboarding", token, null), 200);
    assertThat(guide.getBoolean("offered")).isFalse();
    assertThat(guide.getBoolean("show")).isFalse();
    // Made by an operator, never through the form: no acceptance is put on record for them.
    assertThat(guide.getBoolean("termsAccepted")).isFalse();
  }

  @Test
  void signingInThroughAnExternalProviderMakesAFreelancerAccountBrokeredByKeycloak() {
    int callsBefore = platform.oidcStub().calls.size();
    String token = brokeredSignIn("broker-" + SUFFIX);
    assertThat(platform.oidcStub().calls.subList(callsBefore, platform.oidcStub().calls.size()))
        .contains("/authorize", "/token");
    String claims = LoginBrowser.claims(token);
    assertThat(claims)
        .contains("\"identity_provider\":\"oidc-stub\"")
        .contains("\"email\":\"broker-" + SUFFIX + "@example.jp\"")
        .contains("\"proxima-user\"")
        .doesNotContain("platform-admin");
    HttpResponse<String> me = platform.send("GET", "/api/v1/me", token, null);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(RunningPlatform.field(me.body(), "displayName")).contains("外部");
    HttpResponse<String> staff =
        platform.send("GET", "/t/" + tenant.slug() + "/api/v1/members", token, null);
    assertThat(staff.statusCode()).as(staff.body()).isIn(403, 404);
    // Keycloak registered them too, but they never saw the form's terms box: the guide asks.
    JsonObject guide = json(platform.send("GET", "/api/v1/me/onboarding", token, null), 200);
    assertThat(guide.getBoolean("offered")).isTrue();
    assertThat(guide.getBoolean("termsAccepted")).isFalse();
    assertThat(guide.getString("step")).isEqualTo("TERMS");
  }

  @Test
  void providersThatAreNotConfiguredHaveNoButton() {
    String page = new LoginBrowser(platform, "proxima-portal").openLogin("ja").body();
    assertThat(page).contains("broker/oidc-stub/login").contains("Google");
    assertThat(page).doesNotContain("broker/github/").doesNotContain("broker/google/");
  }

  /** Signs in through the OIDC stub as a new person; returns the portal token Keycloak issued. */
  private static String brokeredSignIn(String name) {
    platform
        .oidcStub()
        .signInNext(
            new OidcStub.Person("stub-" + UUID.randomUUID(), name + "@example.jp", "太郎", "外部"));
    LoginBrowser browser = new LoginBrowser(platform, "proxima-portal");
    HttpResponse<String> login = browser.openLogin("ja");
    HttpResponse<String> back =
        browser.follow(browser.get(browser.link(login, "broker/oidc-stub/login")));
    return browser.exchange(back);
  }

  private static HttpResponse<String> step(String token, String step) {
    return platform.send("PUT", "/api/v1/me/onboarding/step", token, "{\"step\":\"" + step + "\"}");
  }

  private static HttpResponse<String> finish(String token, String outcome) {
    return platform.send(
        "POST", "/api/v1/me/onboarding/finish", token, "{\"outcome\":\"" + outcome + "\"}");
  }

  private static JsonObject json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return RunningPlatform.json(response.body());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
