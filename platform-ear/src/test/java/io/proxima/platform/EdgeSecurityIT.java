package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's edge as an attacker meets it, over raw HTTP/1.1 so that no client library tidies
 * the request line first: no URL form reaches a file under {@code WEB-INF/} or {@code META-INF/},
 * no path answers 500, HTML carries the security headers, and nothing tells strangers what runs
 * here (server banner, metrics, WADL, health details).
 */
class EdgeSecurityIT {

  private static RunningPlatform platform;
  private static String tenantSlug;
  private static String token;

  /** What a leaked deployment file looks like, whatever its name or encoding. */
  private static final List<String> LEAK_MARKERS =
      List.of(
          "<web-app",
          "<beans",
          "Manifest-Version",
          "PK\u0003\u0004",
          "\u00ca\u00fe\u00ba\u00be",
          "proxima.db",
          "mp.jwt",
          "Created-By");

  @BeforeAll
  static void start() {
    platform = RunningPlatform.get();
    tenantSlug = "edge-" + Long.toString(System.nanoTime(), 36);
    platform.provisionTenant(tenantSlug, "{\"displayName\":\"Edge\",\"primaryColor\":\"#123456\"}");
    token = platform.token("proxima-portal", "demo", "demo");
  }

  @Test
  void noUrlFormServesADeploymentFile() throws IOException {
    List<String> targets =
        List.of(
            "WEB-INF/web.xml",
            "WEB-INF/beans.xml",
            "WEB-INF/lib/",
            "WEB-INF/classes/META-INF/microprofile-config.properties",
            "WEB-INF/classes/io/proxima/web/PortalApi.class",
            "META-INF/MANIFEST.MF",
            "META-INF/microprofile-config.properties");
    List<String> prefixes = new ArrayList<>();
    for (String slug : List.of("x", tenantSlug)) {
      prefixes.add("/t/" + slug + "/");
      prefixes.add("/t/" + slug + "//");
      prefixes.add("/t/" + slug + "/./");
      prefixes.add("/t/" + slug + "/;jsessionid=1/");
      prefixes.add("/t/" + slug + "/assets/../");
      prefixes.add("/t/" + slug + "/api/../");
      prefixes.add("/t/" + slug + "/%2e/");
      prefixes.add("/t/" + slug + "/x/%2e%2e/");
      prefixes.add("/t/" + slug + "/x/..;/");
      prefixes.add("/t/" + slug + "%2f");
      prefixes.add("/t/" + slug + "/x%2f..%2f");
      prefixes.add("/t/" + slug + "/x\\..\\");
      prefixes.add("/t/" + slug + "/x%5c..%5c");
      prefixes.add("/T/" + slug + "/");
      prefixes.add("/t/" + slug + "/t/" + slug + "/");
    }
    prefixes.addAll(List.of("/", "//", "/./", "/;x=1/", "/x/../", "/%2e/", "/admin/", "/admin//"));
    prefixes.addAll(List.of("/admin/;x=1/", "/admin/x/%2e%2e/", "/t/../"));

    List<String> failures = new ArrayList<>();
    int probes = 0;
    for (String prefix : prefixes) {
      for (String target : targets) {
        for (String form : forms(target)) {
          for (String bearer : new String[] {null, token}) {
            probes++;
            RawResponse response = raw("GET", prefix + form, bearer, null);
            if (response.status() >= 500) {
              failures.add(prefix + form + " -> " + response.status());
            }
            for (String marker : LEAK_MARKERS) {
              if (response.body().contains(marker)) {
                failures.add(prefix + form + " -> " + response.status() + " leaks " + marker);
              }
            }
          }
        }
      }
    }
    System.out.printf("EdgeSecurityIT: %d URL forms probed for deployment files%n", probes);
    assertThat(failures).isEmpty();
  }

  @Test
  void aPathThatClimbsOutOfTheTenantIsRefusedWithoutAServerError() throws IOException {
    for (String path :
        List.of(
            "/t/a/../t/b/api/v1/jobs",
            "/t/a/..",
            "/t/a/../../",
            "/t/%2e%2e/api/v1/me",
            "/t/a/%00/api/v1/me",
            "/t/" + "s".repeat(300) + "/api/v1/me",
            "/t/a%00b/api/v1/me",
            "/t//api/v1/me",
            "/t/",
            "/t")) {
      RawResponse response = raw("GET", path, token, null);
      // Grizzly resolves some of these to a plain path first (/t/a/../../ is /): fine, as long as
      // nothing fails and nothing but a page, a redirect or a refusal comes back.
      assertThat(response.status()).as(path + " " + response.body()).isLessThan(500);
      if (response.status() == 200) {
        assertThat(response.body()).as(path).contains("<div id=\"root\">");
      }
    }
  }

  @Test
  void theTenantPathServesOnlyTheApiThePagesAndTheBuiltAssets() throws IOException {
    RawResponse api = raw("GET", "/t/" + tenantSlug + "/api/v1/branding", null, null);
    assertThat(api.status()).as(api.body()).isEqualTo(200);
    RawResponse page = raw("GET", "/t/" + tenantSlug + "/board", null, "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<div id=\"root\">");
    Matcher asset = Pattern.compile("src=\"(/assets/[^\"]+)\"").matcher(page.body());
    assertThat(asset.find()).isTrue();
    RawResponse script = raw("GET", "/t/" + tenantSlug + asset.group(1), null, null);
    assertThat(script.status()).isEqualTo(200);
    // Anything else under a tenant is not the application's: no forward, no file.
    for (String other :
        List.of("/index.jsp", "/problem-error", "/ws/board", "/health/ready", "/metrics")) {
      RawResponse response = raw("GET", "/t/" + tenantSlug + other, null, null);
      assertThat(response.status()).as(other + " " + response.body()).isEqualTo(404);
    }
  }

  @Test
  void htmlCarriesTheSecurityHeadersAndNothingNamesTheServer() throws IOException {
    for (String path :
        List.of("/", "/board", "/t/" + tenantSlug + "/", "/admin/", "/admin/audit")) {
      RawResponse page = raw("GET", path, null, "text/html");
      assertThat(page.status()).as(path).isEqualTo(200);
      String csp = page.header("content-security-policy");
      assertThat(csp).as(path + " CSP").isNotNull().contains("frame-ancestors 'none'");
      assertThat(csp).contains("object-src 'none'").contains("base-uri 'self'");
      String scripts = directive(csp, "script-src");
      assertThat(scripts).as(path).isNotNull().doesNotContain("unsafe-inline");
      assertThat(page.header("x-content-type-options")).isEqualTo("nosniff");
      assertThat(page.header("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
      assertThat(page.header("permissions-policy")).contains("camera=()");
      assertThat(page.header("x-frame-options")).isEqualTo("DENY");
    }
    for (String path :
        List.of("/", "/api/v1/me", "/api/v1/platform/tenants", "/nowhere", "/health/ready")) {
      RawResponse response = raw("GET", path, null, null);
      assertThat(response.header("server")).as(path + " Server header").isNull();
      assertThat(response.header("x-powered-by")).as(path + " X-Powered-By").isNull();
      assertThat(response.header("x-content-type-options")).as(path).isEqualTo("nosniff");
    }
  }

  @Test
  void metricsWadlAndHealthDetailsAreNotForStrangers() throws IOException {
    for (String path :
        List.of(
            "/metrics",
            "/metrics/application",
            "/api/application.wadl",
            "/api/application.wadl?detail=true",
            "/admin/api/application.wadl")) {
      RawResponse response = raw("GET", path, null, null);
      assertThat(response.status()).as(path + " " + response.body()).isIn(401, 403, 404);
      assertThat(response.body()).doesNotContain("<application").doesNotContain("# TYPE");
      RawResponse signedIn = raw("GET", path, token, null);
      assertThat(signedIn.status()).as(path + " as a freelancer").isIn(401, 403, 404);
    }
    RawResponse ready = raw("GET", "/health/ready", null, null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body())
        .contains("\"status\":\"UP\"")
        .doesNotContain("pekko://")
        .doesNotContain("proxima_app")
        .doesNotContain("/realms/")
        .doesNotContain("\"data\"");
    // Operators still read the details, through the console.
    RawResponse details =
        raw("GET", "/api/v1/platform/health", platform.consoleToken(), "application/json");
    assertThat(details.status()).as(details.body()).isEqualTo(200);
    assertThat(details.body()).contains("pekko://").contains("/realms/");
    assertThat(raw("GET", "/api/v1/platform/health", token, null).status()).isEqualTo(403);
  }

  @Test
  void aForgedTokenCostsOneLogLineAndTheAccessLogTellsTheTruth() throws IOException {
    var log = platform.node.settings().logFile();
    long before = Files.size(log);
    String forged =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4IiwiaXNzIjoieCJ9.c2lnbmF0dXJl";
    RawResponse refused = raw("GET", "/api/v1/me?edge=forged", forged, null);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("content-type")).startsWith("application/problem+json");
    awaitLog();
    String written = new String(readFrom(log, before), StandardCharsets.UTF_8);
    List<String> lines = written.lines().filter(line -> !line.isBlank()).toList();
    List<String> refusals = lines.stream().filter(l -> l.contains("bearer token refused")).toList();
    assertThat(refusals).as(written).hasSize(1);
    assertThat(refusals.get(0)).contains("GET /api/v1/me");
    assertThat(written).doesNotContain("\tat ").doesNotContain("Exception");
  }

  private static void awaitLog() {
    try {
      Thread.sleep(1500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] readFrom(java.nio.file.Path file, long offset) throws IOException {
    byte[] all = Files.readAllBytes(file);
    return java.util.Arrays.copyOfRange(all, (int) Math.min(offset, all.length), all.length);
  }

  private static String directive(String csp, String name) {
    for (String part : csp.split(";")) {
      String trimmed = part.strip();
      if (trimmed.startsWith(name + " ")) {
        return trimmed;
      }
    }
    return null;
  }

  /** The target as written, and in the spellings a lenient server might accept for it. */
  private static Set<String> forms(String target) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(target);
    forms.add(target.toLowerCase(Locale.ROOT));
    forms.add(target.replace("WEB-INF", "Web-Inf").replace("META-INF", "Meta-Inf"));
    forms.add(target.replace("/", "%2f"));
    forms.add(target.replace("/", "%2F"));
    forms.add(target.replace("/", "\\"));
    forms.add(target.replace("/", "//"));
    forms.add(target.replace("/", "/./"));
    forms.add(target.replace("WEB-INF", "WEB-INF;x=1").replace("META-INF", "META-INF;x=1"));
    forms.add(target.replace("WEB-INF", "%57EB-INF").replace("META-INF", "%4dETA-INF"));
    forms.add(target.replace("WEB-INF", "WEB-INF%2f.").replace("META-INF", "META-INF%2f."));
    forms.add(target.replace("WEB-INF", "%2557EB-INF"));
    forms.add(target.replace("WEB-INF/", "WEB-INF%00/"));
    return forms;
  }

  record RawResponse(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** One request with the request line exactly as given, over its own connection. */
  static RawResponse raw(String method, String rawPath, String bearer, String accept)
      throws IOException {
    URI base = URI.create(platform.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder();
      request.append(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n");
      request.append("Host: ").append(base.getHost()).append(':').append(base.getPort());
      request.append("\r\nConnection: close\r\n");
      if (bearer != null) {
        request.append("Authorization: Bearer ").append(bearer).append("\r\n");
      }
      if (accept != null) {
        request.append("Accept: ").append(accept).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      String[] lines = head.split("\r\n");
      int status = lines[0].split(" ").length > 1 ? Integer.parseInt(lines[0].split(" ")[1]) : 0;
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(
              lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).strip());
        }
      }
      return new RawResponse(status, headers, body);
    }
  }
}
