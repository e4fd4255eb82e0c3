package io.proxima.contracts.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proxima.platform.error.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Access tokens by OAuth's JWT bearer grant as DocuSign runs it: an assertion signed RS256 with the
 * integration's private key (iss the integration key, sub the impersonated user, aud the
 * authorization server's host, scope "signature impersonation") is exchanged at the token endpoint
 * for an access token that lives {@code expires_in} seconds. The token is kept and exchanged again
 * shortly before it expires, or at once when the provider says it no longer accepts it.
 */
final class JwtGrant {

  static final String SCOPE = "signature impersonation";
  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  /** DocuSign accepts assertions for at most an hour; the exchange happens right after signing. */
  static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(10);

  /** Refresh this long before expiry at most, so a call never starts with a dying token. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final URI tokenEndpoint;
  private final String audience;
  private final String integrationKey;
  private final String userId;
  private final PrivateKey privateKey;
  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;

  private String token;
  private Instant refreshAt = Instant.MIN;

  JwtGrant(
      URI authServer,
      String integrationKey,
      String userId,
      PrivateKey privateKey,
      HttpClient http,
      Duration timeout,
      Clock clock) {
    String base = authServer.toString().replaceAll("/+$", "");
    this.tokenEndpoint = URI.create(base + "/oauth/token");
    // DocuSign wants the bare host as audience (account-d.docusign.com), not the URL.
    this.audience =
        authServer.getPort() < 0
            ? authServer.getHost()
            : authServer.getHost() + ":" + authServer.getPort();
    this.integrationKey = integrationKey;
    this.userId = userId;
    this.privateKey = privateKey;
    this.http = http;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** A token the provider accepts now, exchanged anew when the kept one is close to expiry. */
  synchronized String accessToken() {
    if (token == null || !clock.instant().isBefore(refreshAt)) {
      exchange();
    }
    return token;
  }

  /**
   * Forgets {@code rejected} after the provider answered 401 to it (revoked, or expired earlier
   * than it said); a token another thread got meanwhile is kept.
   */
  synchronized void rejected(String rejected) {
    if (rejected.equals(token)) {
      token = null;
    }
  }

  /** The signed assertion, as the token endpoint receives it. */
  String assertion(Instant now) {
    ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
    ObjectNode claims =
        JSON.createObjectNode()
            .put("iss", integrationKey)
            .put("sub", userId)
            .put("aud", audience)
            .put("iat", now.getEpochSecond())
            .put("exp", now.plus(ASSERTION_LIFETIME).getEpochSecond())
            .put("scope", SCOPE);
    String signingInput =
        BASE64URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8))
            + "."
            + BASE64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(privateKey);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the e-signature private key cannot sign RS256", e);
    }
  }

  private void exchange() {
    Instant now = clock.instant();
    String form =
        "grant_type="
            + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
            + "&assertion="
            + assertion(now);
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DomainException.Unavailable(
          "the e-signature provider's authorization server cannot be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException.Unavailable("interrupted while asking for an e-signature token");
    }
    if (response.statusCode() / 100 != 2) {
      // consent_required or invalid_grant need an operator, but they are fixed without a redeploy
      // of the platform; callers retry, they do not give up on the envelope.
      throw new DomainException.Unavailable(
          "the e-signature provider's authorization server refused the JWT grant (HTTP "
              + response.statusCode()
              + " "
              + errorOf(response.body())
              + ")");
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new DomainException.Unavailable("the token endpoint did not answer JSON");
    }
    String accessToken = answer.path("access_token").asText("");
    long expiresIn = answer.path("expires_in").asLong(0);
    if (accessToken.isBlank() || expiresIn <= 0) {
      throw new DomainException.Unavailable(
          "the token endpoint answered without an access token or its lifetime");
    }
    Duration lifetime = Duration.ofSeconds(expiresIn);
    // A fifth of the lifetime, at most five minutes: an hour's token is renewed at 55 minutes,
    // a token of seconds (tests) still gets most of its life used.
    Duration margin = lifetime.dividedBy(5);
    if (margin.compareTo(REFRESH_MARGIN) > 0) {
      margin = REFRESH_MARGIN;
    }
    this.token = accessToken;
    this.refreshAt = now.plus(lifetime).minus(margin);
  }

  private static String errorOf(String body) {
    try {
      String error = JSON.readTree(body).path("error").asText("");
      return error.matches("[a-z_]{1,40}") ? error : "";
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Reads an RSA private key in PEM, as PKCS#8 ({@code BEGIN PRIVATE KEY}) or as PKCS#1 ({@code
   * BEGIN RSA PRIVATE KEY}, what DocuSign's console hands out). The key never appears in a message.
   */
  static PrivateKey privateKey(String pem) {
    boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the e-signature private key is not PEM");
    }
    if (pkcs1) {
      der = pkcs8(der);
    }
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the e-signature private key is not an RSA private key");
    }
  }

  /** Wraps a PKCS#1 RSAPrivateKey into PKCS#8's PrivateKeyInfo, which Java's KeyFactory reads. */
  private static byte[] pkcs8(byte[] pkcs1) {
    byte[] rsaAlgorithm = {
      0x30,
      0x0d,
      0x06,
      0x09,
      0x2a,
      (byte) 0x86,
      0x48,
      (byte) 0x86,
      (byte) 0xf7,
      0x0d,
      0x01,
      0x01,
      0x01,
      0x05,
      0x00
    };
    byte[] version = {0x02, 0x01, 0x00};
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.writeBytes(version);
    content.writeBytes(rsaAlgorithm);
    content.writeBytes(der(0x04, pkcs1));
    return der(0x30, content.toByteArray());
  }

  private static byte[] der(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(value);
    return out.toByteArray();
  }
}
