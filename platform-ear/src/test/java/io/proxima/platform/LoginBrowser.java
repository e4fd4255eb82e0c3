package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as Keycloak's login pages need one: cookies kept by hand (Keycloak marks them
 * {@code Secure}, which browsers honour on http://localhost but the JDK's cookie manager does not),
 * redirects followed one by one so a test sees every hop, forms read from the pages and posted
 * back, and the authorization code with PKCE exchanged for a token at the end.
 */
final class LoginBrowser {

  private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final RunningPlatform platform;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String[]> cookies = new LinkedHashMap<>();
  private final String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
  private final String clientId;
  private final String redirectUri;

  LoginBrowser(RunningPlatform platform, String clientId) {
    this.platform = platform;
    this.clientId = clientId;
    this.redirectUri = platform.baseUrl() + "/callback";
  }

  /** The realm's login page for this browser's client, in the language asked for. */
  HttpResponse<String> openLogin(String language) {
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
                    "ui_locales",
                    language,
                    "code_challenge",
                    challenge(verifier),
                    "code_challenge_method",
                    "S256"));
    HttpResponse<String> page = get(url);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page;
  }

  /** The first link on the page whose address contains {@code part}, made absolute. */
  String link(HttpResponse<String> page, String part) {
    Matcher link =
        Pattern.compile("href=\"([^\"]*" + Pattern.quote(part) + "[^\"]*)\"").matcher(page.body());
    assertThat(link.find()).as("a link to " + part + " on " + page.uri()).isTrue();
    return absolute(link.group(1).replace("&amp;", "&"));
  }

  /** The action of the form with this id on the page. */
  String formAction(HttpResponse<String> page, String formId) {
    Matcher action =
        Pattern.compile("<form[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*>")
            .matcher(page.body());
    assertThat(action.find()).as("form " + formId + " on " + page.uri()).isTrue();
    Matcher url = Pattern.compile("action=\"([^\"]+)\"").matcher(action.group());
    assertThat(url.find()).isTrue();
    return absolute(url.group(1).replace("&amp;", "&"));
  }

  /** Follows redirects from {@code response} until a page or the way back to the client. */
  HttpResponse<String> follow(HttpResponse<String> response) {
    HttpResponse<String> current = response;
    for (int hop = 0; hop < 15 && current.statusCode() / 100 == 3; hop++) {
      String location = current.headers().firstValue("Location").orElseThrow();
      if (location.startsWith(redirectUri)) {
        return current;
      }
      current = get(absolute(location, current.uri()));
    }
    return current;
  }

  /** The token for the code in the redirect back to the client. */
  String exchange(HttpResponse<String> redirectBack) {
    assertThat(redirectBack.statusCode()).as(redirectBack.body()).isEqualTo(302);
    String location = redirectBack.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(redirectUri);
    Matcher code = CODE.matcher(location);
    assertThat(code.find()).as(location).isTrue();
    HttpResponse<String> tokens =
        post(
            platform.stack.keycloak().issuer() + "/protocol/openid-connect/token",
            form(
                Map.of(
                    "grant_type", "authorization_code",
                    "client_id", clientId,
                    "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                    "redirect_uri", redirectUri,
                    "code_verifier", verifier)));
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    Matcher token = ACCESS_TOKEN.matcher(tokens.body());
    assertThat(token.find()).isTrue();
    return token.group(1);
  }

  HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  HttpResponse<String> post(String url, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private String absolute(String url) {
    return absolute(url, URI.create(platform.stack.keycloak().baseUrl() + "/"));
  }

  private static String absolute(String url, URI base) {
    return url.startsWith("http") ? url : base.resolve(url).toString();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    HttpRequest built = request.header("Accept-Language", "ja").build();
    String host = built.uri().getHost() + ":" + built.uri().getPort();
    String path = built.uri().getPath();
    String cookieHeader =
        cookies.values().stream()
            .filter(cookie -> cookie[3].equals(host) && path.startsWith(cookie[2]))
            .map(cookie -> cookie[0] + "=" + cookie[1])
            .collect(Collectors.joining("; "));
    if (!cookieHeader.isEmpty()) {
      built =
          HttpRequest.newBuilder(built, (name, value) -> true)
              .header("Cookie", cookieHeader)
              .build();
    }
    try {
      HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
      response.headers().allValues("Set-Cookie").forEach(cookie -> remember(cookie, host));
      return response;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void remember(String setCookie, String host) {
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
    String key = host + "|" + name + "|" + cookiePath;
    if (expired) {
      cookies.remove(key);
    } else {
      cookies.put(key, new String[] {name, value, cookiePath, host});
    }
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The claims of a token, as JSON text. */
  static String claims(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
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
