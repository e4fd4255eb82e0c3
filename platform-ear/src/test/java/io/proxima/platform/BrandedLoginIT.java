package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in to two tenants through their own login pages, the way a browser does: the
 * authorization-code flow with PKCE against each tenant's client, the page Keycloak renders with
 * the {@code proxima} theme, the credentials posted to that page's form, the code exchanged for a
 * token, and the token used on the tenant's portal API.
 */
class BrandedLoginIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String HOSTILE_NAME = "<script>alert('x')</script> & \"Partners\"";
  private static final Pattern FORM_ACTION =
      Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant sakura;
  private static RunningPlatform.ProvisionedTenant hostile;

  @BeforeAll
  static void twoBrandedTenants() {
    platform = RunningPlatform.get();
    sakura =
        platform.provisionTenant(
            "sakura-" + SUFFIX,
            """
            {"displayName":"Sakura Talent %s","logoUrl":"https://cdn.example.jp/sakura.png",
             "primaryColor":"#c2185b","accentColor":"#ffb300"}
            """
                .formatted(SUFFIX));
    hostile =
        platform.provisionTenant(
            "hostile-" + SUFFIX,
            """
            {"displayName":"%s","primaryColor":"#00695c","accentColor":"#ff7043"}
            """
                .formatted(HOSTILE_NAME.replace("\"", "\\\"")));
  }

  @Test
  void eachTenantsLoginPageCarriesItsOwnBrand() {
    String sakuraPage = new Browser().openLogin("tenant-" + sakura.slug()).body();
    assertThat(sakuraPage)
        .contains("<title>")
        .contains("Sakura Talent " + SUFFIX)
        .contains("--proxima-primary: #c2185b")
        .contains("--proxima-accent: #ffb300")
        .contains("src=\"https://cdn.example.jp/sakura.png\"")
        .doesNotContain("#00695c");

    String hostilePage = new Browser().openLogin("tenant-" + hostile.slug()).body();
    assertThat(hostilePage)
        .contains("--proxima-primary: #00695c")
        .doesNotContain("Sakura Talent")
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Partners&quot;");
  }

  @Test
  void thePlatformsOwnClientShowsProxima() {
    String page = new Browser().openLogin("proxima-portal").body();
    assertThat(page).contains("id=\"proxima-brand-name\">Proxima<");
  }

  @Test
  void eachTenantAdminSignsInThroughTheBrandedPageAndReachesOnlyTheirPortal() {
    for (var tenant : new RunningPlatform.ProvisionedTenant[] {sakura, hostile}) {
      String token =
          new Browser().signIn("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());

      String claims =
          new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
      assertThat(claims)
          .as("Keycloak organization claim")
          .contains("\"organization\"")
          .contains(tenant.slug());

      HttpResponse<String> own =
          platform.send("GET", "/t/" + tenant.slug() + "/api/v1/tenant", token, null);
      assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
      assertThat(RunningPlatform.field(own.body(), "slug")).isEqualTo(tenant.slug());

      var other = tenant == sakura ? hostile : sakura;
      HttpResponse<String> foreign =
          platform.send("GET", "/t/" + other.slug() + "/api/v1/tenant", token, null);
      assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
    }
  }

  @Test
  void aTenantThatRequiresMfaSendsItsPeopleToTotpSetupOnTheBrandedPage() {
    var tenant =
        platform.provisionTenant(
            "mfa-" + SUFFIX, "{\"displayName\":\"Strict Staffing " + SUFFIX + "\"}");
    HttpResponse<String> required =
        platform.send(
            "PUT",
            "/api/v1/platform/tenants/" + tenant.id() + "/mfa",
            platform.consoleToken(),
            "{\"required\":true}");
    assertThat(required.statusCode()).as(required.body()).isEqualTo(200);

    Browser browser = new Browser();
    HttpResponse<String> afterPassword =
        browser.submitCredentials(
            browser.openLogin("tenant-" + tenant.slug()), tenant.adminEmail(), tenant.password());

    assertThat(afterPassword.statusCode()).as(afterPassword.body()).isEqualTo(302);
    String requiredAction = afterPassword.headers().firstValue("Location").orElseThrow();
    assertThat(requiredAction).contains("required-action?execution=CONFIGURE_TOTP");
    HttpResponse<String> totpSetup = browser.get(requiredAction);
    assertThat(totpSetup.statusCode()).as(totpSetup.body()).isEqualTo(200);
    assertThat(totpSetup.body())
        .contains("data-page-id=\"login-login-config-totp\"")
        .contains("Strict Staffing " + SUFFIX);
  }

  /**
   * One browser: its own cookies, no automatic redirects so each step can be checked. The cookie
   * jar is kept by hand: Keycloak marks its session cookies {@code Secure}, which browsers honour
   * on http://localhost but the JDK's cookie manager does not.
   */
  private static final class Browser {
    private final HttpClient http =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Cookie> cookies = new java.util.LinkedHashMap<>();
    private final String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    private String redirectUri;
    private String clientId;

    HttpResponse<String> openLogin(String clientId) {
      this.clientId = clientId;
      // the tenant clients send browsers back to the platform they were provisioned on
      this.redirectUri = platform.baseUrl() + "/callback";
      String url =
          platform.stack.keycloak().issuer()
              + "/protocol/openid-connect/auth?"
              + form(
                  Map.of(
                      "client_id",
                      clientId,
                      "redirect_uri",
                      redirectUri,
                      "response_type",
                      "code",
                      "scope",
                      "openid",
                      "state",
                      UUID.randomUUID().toString(),
                      "code_challenge",
                      challenge(verifier),
                      "code_challenge_method",
                      "S256"));
      HttpResponse<String> page = get(url);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      return page;
    }

    HttpResponse<String> submitCredentials(
        HttpResponse<String> loginPage, String username, String password) {
      // Organizations make the browser flow identity-first: the username page comes first, so
      // Keycloak can route a member to their organization, then the password page.
      assertThat(loginPage.body()).contains("data-page-id=\"login-login-username\"");
      HttpResponse<String> passwordPage =
          post(formAction(loginPage), form(Map.of("username", username)));
      assertThat(passwordPage.statusCode()).as(passwordPage.body()).isEqualTo(200);
      assertThat(passwordPage.body()).contains("data-page-id=\"login-login\"");
      return post(formAction(passwordPage), form(Map.of("password", password, "credentialId", "")));
    }

    private static String formAction(HttpResponse<String> page) {
      Matcher action = FORM_ACTION.matcher(page.body());
      assertThat(action.find()).as("a form on the page").isTrue();
      return action.group(1).replace("&amp;", "&");
    }

    String signIn(String clientId, String username, String password) {
      HttpResponse<String> redirect = submitCredentials(openLogin(clientId), username, password);
      assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
      String location = redirect.headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith(redirectUri);
      Matcher code = CODE.matcher(location);
      assertThat(code.find()).as(location).isTrue();
      HttpResponse<String> tokens =
          post(
              platform.stack.keycloak().issuer() + "/protocol/openid-connect/token",
              form(
                  Map.of(
                      "grant_type",
                      "authorization_code",
                      "client_id",
                      this.clientId,
                      "code",
                      java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                      "redirect_uri",
                      redirectUri,
                      "code_verifier",
                      verifier)));
      assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
      Matcher token = ACCESS_TOKEN.matcher(tokens.body());
      assertThat(token.find()).isTrue();
      return token.group(1);
    }

    HttpResponse<String> get(String url) {
      return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> post(String url, String form) {
      return send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      HttpRequest built = request.build();
      String path = built.uri().getPath();
      String cookieHeader =
          cookies.values().stream()
              .filter(cookie -> path.startsWith(cookie.path()))
              .map(cookie -> cookie.name() + "=" + cookie.value())
              .collect(Collectors.joining("; "));
      if (!cookieHeader.isEmpty()) {
        built =
            HttpRequest.newBuilder(built, (name, value) -> true)
                .header("Cookie", cookieHeader)
                .build();
      }
      try {
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(this::remember);
        return response;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    /** Keeps a cookie by name and path, as a browser does; an expiring one is dropped. */
    private void remember(String setCookie) {
      String[] parts = setCookie.split(";");
      int equals = parts[0].indexOf('=');
      String name = parts[0].substring(0, equals).strip();
      String value = parts[0].substring(equals + 1).strip();
      String cookiePath = "/";
      boolean expired = value.isEmpty();
      for (int i = 1; i < parts.length; i++) {
        String attribute = parts[i].strip().toLowerCase(java.util.Locale.ROOT);
        if (attribute.startsWith("path=")) {
          cookiePath = parts[i].strip().substring(5);
        } else if (attribute.equals("max-age=0") || attribute.contains("1970")) {
          expired = true;
        }
      }
      String key = name + "|" + cookiePath;
      if (expired) {
        cookies.remove(key);
      } else {
        cookies.put(key, new Cookie(name, value, cookiePath));
      }
    }
  }

  private record Cookie(String name, String value, String path) {}

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
